"""Which threshold rule generalises on dev? (issue #3, session 5; see models/README.md)

Usage: python3 models/threshold_sim.py SEEDS_DEV_ROWS.jsonl POOL_DEV_ROWS.jsonl
where the files come from `vigie eval --model M <data/seeds | pool.csv> --split dev --rows-out F`.
Splits the dev rows into halves by blocks of 8 ids (as the trainer's dev_group), chooses a
threshold on one half by each rule, measures precision and recall on the other half; 30 random
half-splits, both ways. Rules: "plain" (the trainer's: lowest score whose precision reaches the
target, precision measured with positives capped at half the rows), "boot31" (median of that
threshold over 31 bootstrap resamples), "first" (stop at the first score, after 5 rows, where
precision drops under the target)."""
import json, sys, random, hashlib, collections, statistics

CATS = ["hate", "violence_threat", "incitement", "toxicity"]
TARGET = {"hate": 0.7}
CAP = 0.5

def group(rid):
    p, _, n = rid.rpartition("-")
    return f"{p}/{int(n)//8}" if n.isdigit() else rid

def neg_weight(pairs):
    pos = sum(1 for _, y in pairs if y); neg = len(pairs) - pos
    if neg and pos / len(pairs) > CAP:
        return pos * (1 - CAP) / (CAP * neg)
    return 1.0

def sweep(pairs):
    """(score, rows at or above it, weighted precision, recall) for each distinct score,
    highest first."""
    s = sorted(pairs, key=lambda p: -p[0]); w = neg_weight(pairs)
    P = sum(y for _, y in pairs)
    tp = 0; i = 0
    while i < len(s):
        sc = s[i][0]
        while i < len(s) and s[i][0] == sc:
            tp += s[i][1]; i += 1
        fp = i - tp
        prec = tp / (tp + w * fp) if tp else 0
        yield sc, i, prec, (tp / P if P else 0)

def choose_plain(pairs, target):
    best = None; bestf = None
    for sc, _, prec, rec in sweep(pairs):
        if prec >= target and rec > 0: best = sc
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0
        if bestf is None or f > bestf[0]: bestf = (f, sc)
    return best if best is not None else (bestf[1] if bestf else 0.5)

def choose_boot(pairs, target, b=31, seed=1):
    rng = random.Random(seed)
    ts = [choose_plain([rng.choice(pairs) for _ in pairs], target) for _ in range(b)]
    return statistics.median(ts)

def choose_first(pairs, target):
    """highest recall such that every threshold above it (with >= 5 predicted) also meets precision"""
    best = None
    for sc, rows, prec, _ in sweep(pairs):
        if prec >= target: best = sc
        elif rows >= 5: break
    return best if best is not None else choose_plain(pairs, target)

def measure(pairs, t):
    w = neg_weight(pairs)
    tp = sum(1 for s, y in pairs if s >= t and y); fp = sum(1 for s, y in pairs if s >= t and not y)
    P = sum(y for _, y in pairs)
    prec = tp / (tp + w * fp) if tp + fp else 0
    return prec, tp / P if P else 0

rows = [json.loads(l) for f in sys.argv[1:] for l in open(f)]
METHODS = {"plain": choose_plain, "boot31": choose_boot, "first": choose_first}
for cat in CATS:
    target = TARGET.get(cat, 0.9)
    for lang in ("en", "fr"):
        data = [(r["scores"][cat], bool(r["labels"][cat]), group(r["id"])) for r in rows
                if r["lang"] == lang and r["labels"].get(cat) is not None]
        if sum(y for _, y, _ in data) < 20: continue
        groups = sorted({g for *_, g in data})
        res = collections.defaultdict(list)
        for rep in range(30):
            rng = random.Random(rep)
            half = {g for g in groups if rng.random() < 0.5}
            a = [(s, y) for s, y, g in data if g in half]; b = [(s, y) for s, y, g in data if g not in half]
            for tr, te in ((a, b), (b, a)):
                for m, fn in METHODS.items():
                    t = fn(tr, target); p, r = measure(te, t)
                    res[m].append((p, r, p >= target))
        P = sum(y for _, y, _ in data)
        line = f"{cat:16} {lang} n={len(data):5} pos={P:4} "
        for m in METHODS:
            ps, rs, ok = zip(*res[m])
            line += f"| {m}: P {statistics.mean(ps):.3f} R {statistics.mean(rs):.3f} sdR {statistics.pstdev(rs):.3f} met {sum(ok)/len(ok):.2f} "
        print(line)
