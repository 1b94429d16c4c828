#!/usr/bin/env python3
"""Validate the seed JSONL files and print counts per file, label and split.

Usage: python3 data/seeds/check.py [--readme] [files...]
(default: every *.jsonl next to this script). Exit status 1 if any row breaks the schema.
--readme also rewrites the counts block of README.md with the printed tables.
"""

import collections
import glob
import json
import os
import re
import sys

LABELS = ("hate", "violence_threat", "incitement", "harassment", "toxicity")
REQUIRED_SET = ("hate", "violence_threat", "incitement")
FIELDS = ("id", "text", "lang", *LABELS, "kind", "split")


def check_file(path, seen_ids, errors):
    expected_lang = "fr" if path.endswith("_fr.jsonl") else "en" if path.endswith("_en.jsonl") else None
    counts = collections.Counter()
    texts = set()
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            where = f"{os.path.basename(path)}:{lineno}"
            if not line.strip():
                errors.append(f"{where}: empty line")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                errors.append(f"{where}: invalid JSON ({err})")
                continue
            if not isinstance(row, dict):
                errors.append(f"{where}: not an object")
                continue
            missing = [f for f in FIELDS if f not in row]
            extra = [f for f in row if f not in FIELDS]
            if missing or extra:
                errors.append(f"{where}: missing {missing} extra {extra}")
                continue
            if not isinstance(row["id"], str) or not row["id"]:
                errors.append(f"{where}: bad id")
            elif row["id"] in seen_ids:
                errors.append(f"{where}: duplicate id {row['id']} (first in {seen_ids[row['id']]})")
            else:
                seen_ids[row["id"]] = where
            text = row["text"]
            if not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: empty text")
            elif len(text) > 280:
                errors.append(f"{where}: text longer than 280 chars")
            elif text.strip().lower() in texts:
                errors.append(f"{where}: duplicate text in file")
            else:
                texts.add(text.strip().lower())
            if row["lang"] not in ("en", "fr"):
                errors.append(f"{where}: bad lang {row['lang']!r}")
            elif expected_lang and row["lang"] != expected_lang:
                errors.append(f"{where}: lang {row['lang']} in a _{expected_lang} file")
            for label in LABELS:
                value = row[label]
                if value not in (0, 1, None) or isinstance(value, bool):
                    errors.append(f"{where}: {label}={value!r} (must be 0, 1 or null)")
                counts[(label, value)] += 1
            for label in REQUIRED_SET:
                if row[label] is None:
                    errors.append(f"{where}: {label} must be 0 or 1")
            if not isinstance(row["kind"], str) or not row["kind"]:
                errors.append(f"{where}: empty kind")
            if row["split"] not in ("train", "test"):
                errors.append(f"{where}: bad split {row['split']!r}")
            counts[("split", row["split"])] += 1
            counts[("rows", None)] += 1
            counts[("kind", row["kind"])] += 1
    return counts


def split_leaks(path, threshold=0.8):
    """Test rows whose word set overlaps a train row by Jaccard >= threshold: paraphrases
    that straddle the split and would inflate test scores."""
    tokenize = lambda t: frozenset(re.findall(r"\w+", t.lower()))
    train, test = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            (test if row.get("split") == "test" else train).append((tokenize(str(row.get("text", ""))), row.get("id")))
    leaks = []
    for words, row_id in test:
        for other, other_id in train:
            union = words | other
            if union and len(words & other) / len(union) >= threshold:
                leaks.append((row_id, other_id))
                break
    return leaks


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    update_readme = "--readme" in argv
    paths = [a for a in argv[1:] if a != "--readme"] or sorted(glob.glob(os.path.join(here, "*.jsonl")))
    errors, seen_ids = [], {}
    table = ["| file | rows | train | test | hate 1/0/null | violence_threat 1/0 | incitement 1/0 "
             "| harassment 1/0/null | toxicity 1/0/null |",
             "|---|---|---|---|---|---|---|---|---|"]
    kinds = []
    for path in paths:
        c = check_file(path, seen_ids, errors)
        name = os.path.basename(path)

        def tri(label):
            return "/".join(str(c[(label, v)]) for v in (1, 0, None))

        table.append(f"| {name} | {c[('rows', None)]} | {c[('split', 'train')]} | {c[('split', 'test')]} "
                     f"| {tri('hate')} | {c[('violence_threat', 1)]}/{c[('violence_threat', 0)]} "
                     f"| {c[('incitement', 1)]}/{c[('incitement', 0)]} | {tri('harassment')} | {tri('toxicity')} |")
        per_kind = sorted(((k[1], v) for k, v in c.items() if k[0] == "kind"), key=lambda kv: (-kv[1], kv[0]))
        kinds.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in per_kind))
    print("\n".join(table) + "\n\n" + "\n".join(kinds))
    for path in paths:
        leaks = split_leaks(path)
        if leaks:
            print(f"warning: {os.path.basename(path)}: {len(leaks)} test row(s) near-duplicate a train row, "
                  f"e.g. {leaks[:3]} (put paraphrases in one tuple in gen/)")
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for err in errors[:50]:
            print("  " + err, file=sys.stderr)
        return 1
    if update_readme:
        write_readme_counts(os.path.join(here, "README.md"), table, kinds)
    print("\nOK")
    return 0


def write_readme_counts(readme, table, kinds):
    table, kinds = "\n".join(table), "\n".join(kinds)
    block = (f"<!-- counts: generated by check.py -->\n{table}\n\nRows per `kind`:\n\n```\n{kinds}\n```\n"
             "<!-- /counts -->")
    with open(readme, encoding="utf-8") as fh:
        text = fh.read()
    text = re.sub(r"<!-- counts: generated by check.py -->.*?<!-- /counts -->", lambda _: block, text, flags=re.S)
    with open(readme, "w", encoding="utf-8") as fh:
        fh.write(text)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
