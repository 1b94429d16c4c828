#!/usr/bin/env python3
"""Write the rows of one seed round to a directory, to measure a model on that round alone.

Usage: python3 data/seeds/rounds.py 20 OUT_DIR
Writes OUT_DIR/<file>.jsonl with the rows of round 20 (both splits; `vigie eval OUT_DIR
--split test` then reads its held-back rows only). Round 20 is the first round written after the
team had looked at the earlier held-back rows, and the first whose held-back rows have never been
looked at while writing rules or choosing a model.

Ids are sequential and rounds are appended at the end of each list, so a round is a range of ids
per file: from its first id up to the next round's first id (or the end of the file).
"""

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
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    round_no, out_dir = int(sys.argv[1]), sys.argv[2]
    if round_no not in FIRST_ID:
        sys.exit(f"round {round_no} unknown; known: {sorted(FIRST_ID)}")
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(FIRST_ID[round_no]):
        rows = round_rows(round_no, os.path.join(here, name))
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        test = sum(r["split"] == "test" for r in rows)
        print(f"{name}: {len(rows)} rows, train {len(rows) - test}, test {test}")


if __name__ == "__main__":
    main()
