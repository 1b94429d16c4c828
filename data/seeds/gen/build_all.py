"""Rebuild every seed JSONL file from the authored lists: `python3 data/seeds/gen/build_all.py`."""

import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = {  # module -> (id prefix, lang, seed)
    "threats_en": ("seed-en-threat", "en", 101),
    "threats_fr": ("seed-fr-threat", "fr", 202),
    "hard_negatives_en": ("seed-en-neg", "en", 303),
    "hard_negatives_fr": ("seed-fr-neg", "fr", 404),
    "hate_en": ("seed-en-hate", "en", 505),
    "hate_fr": ("seed-fr-hate", "fr", 606),
}

if __name__ == "__main__":
    sys.path.insert(0, HERE)
    from common import build

    for module, (prefix, lang, seed) in SETS.items():
        groups = importlib.import_module(module).GROUPS
        build(prefix, lang, groups, os.path.join(HERE, "..", f"{module}.jsonl"), seed=seed)
