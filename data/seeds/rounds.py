#!/usr/bin/env python3
"""List or copy the rows of one seed round, to measure a model on that round alone.

Usage: python3 data/seeds/rounds.py 20 --ids-out FILE
       python3 data/seeds/rounds.py 20 OUT_DIR
The first writes the ids of round 20's rows (both splits), one a line, to FILE; then
`vigie eval data/seeds --ids FILE --split test [--pipeline]` measures a model on round 20's
held-back rows only, straight from the seed files. The second copies the rows themselves to
OUT_DIR/<file>.jsonl (both splits; `vigie eval OUT_DIR --split test` then gives the same figures). Round 20 is the first round written after the
team had looked at the earlier held-back rows, and the first whose held-back rows have never been
looked at while writing rules or choosing a model.

Ids are sequential and rounds are appended at the end of each list, so a round is a range of ids
per file: from its first id up to the next round's first id (or the end of the file).
"""

import argparse
import json
import os
import sys

# round -> file -> first id number of that round (rows before it belong to earlier rounds)
FIRST_ID = {
    20: {
        "threats_en.jsonl": 1007,
        "threats_fr.jsonl": 1029,
        "hard_negatives_en.jsonl": 960,
        "hard_negatives_fr.jsonl": 977,
        "hate_en.jsonl": 508,
        "hate_fr.jsonl": 521,
    },
}


def id_number(row_id):
    return int(row_id.rsplit("-", 1)[1])


def round_rows(round_no, path):
    name = os.path.basename(path)
    start = FIRST_ID[round_no].get(name)
    if start is None:
        return []
    later = [FIRST_ID[r][name] for r in FIRST_ID if r > round_no and name in FIRST_ID[r]]
    end = min(later) if later else None
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if id_number(r["id"]) >= start and (end is None or id_number(r["id"]) < end)]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("round", type=int)
    parser.add_argument("out_dir", nargs="?", help="copy the round's rows here")
    parser.add_argument("--ids-out", metavar="FILE", help="write the round's row ids here")
    args = parser.parse_args()
    if args.out_dir is None and args.ids_out is None:
        parser.error("give OUT_DIR, --ids-out FILE or both")
    round_no = args.round
    if round_no not in FIRST_ID:
        sys.exit(f"round {round_no} unknown; known: {sorted(FIRST_ID)}")
    here = os.path.dirname(os.path.abspath(__file__))
    if args.out_dir is not None:
        os.makedirs(args.out_dir, exist_ok=True)
    ids = []
    for name in sorted(FIRST_ID[round_no]):
        rows = round_rows(round_no, os.path.join(here, name))
        ids.extend(r["id"] for r in rows)
        if args.out_dir is not None:
            with open(os.path.join(args.out_dir, name), "w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        test = sum(r["split"] == "test" for r in rows)
        print(f"{name}: {len(rows)} rows, train {len(rows) - test}, test {test}")
    if args.ids_out is not None:
        with open(args.ids_out, "w", encoding="utf-8") as fh:
            fh.write(f"# seed round {round_no}: {len(ids)} row ids (both splits), from data/seeds/rounds.py\n")
            for row_id in ids:
                fh.write(row_id + "\n")
        print(f"{len(ids)} ids written to {args.ids_out}")


if __name__ == "__main__":
    main()
