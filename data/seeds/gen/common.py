"""Shared machinery for building the seed JSONL files from the authored lists.

Each authored list is a sequence of groups: sentences written by hand that share a
`kind` and labels. A sentence may be a template with {slots}; the rows expanded from
one sentence (or from a tuple of sentences written as paraphrases) share a split,
so paraphrases never straddle train and test.
Surface variation (SMS spelling, caps, typos) and disguises (l33t, spacing,
homoglyphs, stripped accents) are applied afterwards with a fixed seed so the
output is reproducible.
"""

import hashlib
import json
import os
import random
import re
import unicodedata

def labels(hate=0, vt=0, inc=0, har=None, tox=None):
    return {"hate": hate, "violence_threat": vt, "incitement": inc,
            "harassment": har, "toxicity": tox}


class Group:
    """`train_only`: later rounds keep the held-back test rows fixed, so that figures measured
    on them stay comparable across models: an authored sentence whose hash falls in the test
    quarter is left out (not moved to train, which would hide it from nobody but the split)."""

    def __init__(self, kind, lab, texts, slots=None, n=1, train_only=False):
        self.kind = kind
        self.labels = lab
        self.texts = texts
        self.slots = slots or {}
        self.n = n
        self.train_only = train_only


def in_test_quarter(prefix, key, test_share=0.25):
    return int(hashlib.sha1(f"{prefix}:{key}".encode()).hexdigest()[:8], 16) < test_share * 2**32


def expand(template, slots, rng, n):
    """Fill {slot} placeholders with n distinct random combinations."""
    names = re.findall(r"\{(\w+)\}", template)
    if not names:
        return [template]
    out, seen, tries = [], set(), 0
    while len(out) < n and tries < n * 20:
        tries += 1
        filled = template
        for name in dict.fromkeys(names):
            value = rng.choice(slots[name])
            filled = re.sub(r"(?<!\w)([àÀ]|[dD]e) \{" + name + r"\}",
                            lambda m: contract(m.group(1), value), filled)
            filled = filled.replace("{" + name + "}", value)
        if filled not in seen:
            seen.add(filled)
            out.append(filled)
    return out


# ---------- surface variation ----------

SMS_EN = [
    (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\byou're\b", "ur"), (r"\bare\b", "r"),
    (r"\bgoing to\b", "gonna"), (r"\bI'm going to\b", "imma"), (r"\bwant to\b", "wanna"),
    (r"\bbecause\b", "cuz"), (r"\bpeople\b", "ppl"), (r"\bthough\b", "tho"),
    (r"\bdon't\b", "dont"), (r"\bI'm\b", "im"), (r"\bI'll\b", "ill"), (r"\bthat\b", "dat"),
    (r"\bwith\b", "w/"), (r"\btonight\b", "tonite"), (r"\bsomeone\b", "some1"),
]
SMS_FR = [
    (r"\bje vais\b", "jvais"), (r"\bJe vais\b", "Jvais"), (r"\btu es\b", "t'es"),
    (r"\bqu'est-ce que tu\b", "kestu"), (r"\bqu'est ce que tu\b", "kestu"),
    (r"\bquoi\b", "koi"), (r"\bc'est\b", "c"), (r"\bC'est\b", "C"), (r"\bpas\b", "pa"),
    (r"\bje suis\b", "chui"), (r"\bJe suis\b", "Chui"), (r"\bje te\b", "jte"),
    (r"\bJe te\b", "Jte"), (r"\bje t'\b", "jt'"), (r"\bbeaucoup\b", "bcp"),
    (r"\bquelqu'un\b", "qqn"), (r"\bparce que\b", "pcq"), (r"\bvraiment\b", "vrmt"),
    (r"\bdemain\b", "dem1"), (r"\bpourquoi\b", "pk"), (r"\bil y a\b", "ya"),
    (r"\btoi\b", "twa"), (r"\bmoi\b", "mwa"), (r"\bon va\b", "onva"), (r"\bce soir\b", "ce soar"),
]


def sms(text, lang, rng):
    rules = SMS_EN if lang == "en" else SMS_FR
    for pat, rep in rules:
        if rng.random() < 0.85:
            text = re.sub(pat, rep, text)
    return text


def no_punct_lower(text):
    text = text.lower()
    return re.sub(r"[.,!?;:\"]+", "", text).strip()


def typo(text, rng):
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not idx:
        return text
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")


def contract(prep, value):
    """French slot fills put an article after a preposition ("à le lycée"): contract it
    ("au lycée"). Only applied at slot boundaries so verbs ("de le laisser") are untouched."""
    for article, merged in (("le ", {"à": "au ", "À": "Au ", "de": "du ", "De": "Du "}),
                            ("les ", {"à": "aux ", "À": "Aux ", "de": "des ", "De": "Des "})):
        if value.startswith(article):
            return merged[prep] + value[len(article):]
    return f"{prep} {value}"


def vary(text, lang, rng):
    """Surface style: applied to about a third of the rows."""
    r = rng.random()
    if r < 0.10:
        return sms(text, lang, rng)
    if r < 0.17:
        return no_punct_lower(sms(text, lang, rng))
    if r < 0.22:
        return text.upper()
    if r < 0.28:
        return typo(text, rng)
    if r < 0.33:
        return no_punct_lower(text)
    if lang == "fr" and r < 0.40:
        return strip_accents(text)
    return text


# ---------- disguises ----------

LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
HOMO = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441",
        "x": "\u0445", "y": "\u0443", "i": "\u0456"}

KEYWORDS = [
    "kill", "murder", "shoot", "stab", "burn", "hang", "dead", "die", "bullet", "bomb",
    "gun", "rope", "slaughter", "exterminate", "gas", "butcher", "behead", "lynch",
    "tuer", "bute", "buter", "crever", "mort", "morts", "balle", "brûler", "bruler",
    "pendre", "pendu", "égorger", "egorger", "flinguer", "crame", "cramer", "massacrer",
    "saigner", "planter", "fusiller", "gazer", "kill", "jews", "juifs", "nègre", "negro",
]


def pick_word(text, rng):
    words = re.findall(r"[A-Za-zÀ-ÿ]{4,}", text)
    if not words:
        return None
    keyed = [w for w in words if any(k in w.lower() for k in KEYWORDS)]
    return rng.choice(keyed or words)


def disguise(text, rng):
    word = pick_word(text, rng)
    if word is None:
        return text
    mode = rng.choice(["leet", "space", "homoglyph", "dots", "stretch", "star", "leet_all"])
    if mode == "leet":
        new = "".join(LEET.get(c.lower(), c) for c in word)
    elif mode == "leet_all":
        return "".join(LEET.get(c, c) if rng.random() < 0.7 else c for c in text)
    elif mode == "space":
        new = " ".join(word)
    elif mode == "homoglyph":
        new = "".join(HOMO.get(c, c) for c in word)
    elif mode == "dots":
        new = ".".join(word)
    elif mode == "stretch":
        k = rng.randrange(1, len(word) - 1)
        new = word[:k] + word[k] * rng.randint(2, 4) + word[k:]
    else:
        k = rng.randrange(1, len(word) - 1)
        new = word[:k] + "*" + word[k + 1:]
    if new == word:
        new = " ".join(word)
    return text.replace(word, new, 1)


# ---------- build ----------

def build(prefix, lang, groups, path, seed, test_share=0.25, disguise_share=0.10):
    rng = random.Random(seed)
    rows_by_group = []
    seen = set()
    gi = 0
    disguised = 0
    for grp in groups:
        for item in grp.texts:
            first = item[0] if isinstance(item, tuple) else item
            if grp.train_only and in_test_quarter(prefix, first, test_share):
                continue
            # one split unit per authored text (or per tuple of paraphrases): its slot
            # expansions are paraphrases of each other and must not straddle the split
            gi += 1
            texts = []
            variants = item if isinstance(item, tuple) else (item,)
            filled_all = [f for v in variants for f in expand(v, grp.slots, rng, grp.n)]
            for filled in filled_all:
                filled = vary(filled, lang, rng)
                if rng.random() < disguise_share:
                    before = filled
                    filled = disguise(filled, rng)
                    disguised += filled != before
                filled = re.sub(r"\s+", " ", filled).strip()
                key = filled.lower()
                if key in seen or not filled:
                    continue
                seen.add(key)
                texts.append(filled)
            rows_by_group.append((gi, grp, texts, variants[0]))

    # split by a hash of the authored sentence (not of its position): paraphrases stay
    # together, and adding or reordering sentences never moves an existing one across the split
    test_groups = {gi for gi, _, _, key in rows_by_group if in_test_quarter(prefix, key, test_share)}

    out = []
    for gi, grp, texts, _ in rows_by_group:
        for text in texts:
            num = len(out) + 1
            row = {"id": f"{prefix}-{num:04d}", "text": text, "lang": lang}
            row.update(grp.labels)
            row["kind"] = grp.kind
            row["split"] = "test" if gi in test_groups else "train"
            out.append(row)
    with open(path, "w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{os.path.normpath(path)}: {len(out)} rows, test {sum(r['split'] == 'test' for r in out)}, "
          f"disguised {disguised}")
    return out
