#!/usr/bin/env python3
"""Speaker accuracy by how whosaid attributed each quote, with the shared scorer's matching.

Usage: scripts/by_method.py GOLD.jsonl PRED.jsonl [--all-kinds]

Reads the `method` whosaid writes on each predicted quote and splits score.py's speaker.acc
(found gold quotes with a speaker, named right) into quotes whose speaker rests on an explicit
cue next to them (a named, pronoun, title or document source with a reporting verb, or
"according to") and quotes with no cue of their own (continuation, turn-taking, narration,
none). Matching and name checks are score.py's own, imported from beside the corpora.
"""
import json
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("WHOSAID_SHARED", os.path.join(HERE, "..", "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "eval"))
from score import expand_parts, looks_direct, match, name_ok  # noqa: E402

EXPLICIT = {"cue", "pronoun", "description", "document", "according-to"}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    all_kinds = "--all-kinds" in sys.argv
    if len(args) != 2:
        sys.exit(__doc__)
    gold = {}
    with open(args[0], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                gold[d["id"]] = d
    pred = {}
    with open(args[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                pred[d["id"]] = expand_parts(d.get("quotes") or [])
    by_method = defaultdict(lambda: [0, 0])
    for doc_id, d in gold.items():
        text = d["text"]
        gq = [q for q in d["quotes"] if all_kinds or q.get("kind", "direct") == "direct"]
        pq = pred.get(doc_id, [])
        if not all_kinds:
            pq = [q for q in pq if looks_direct(text, q)]
        for g, p in match(text, gq, pq):
            if not g.get("speaker"):
                continue
            m = p.get("method", "none")
            by_method[m][0] += name_ok(text, g, p)
            by_method[m][1] += 1
    total = sum(n for _, n in by_method.values())
    if not total:
        sys.exit("no matched quotes with a gold speaker")

    def line(label, ok, n):
        print(f"{label:20s} {ok:6d}/{n:6d} = {ok / n if n else 0:.3f}   share {n / total:.3f}")

    for m, (ok, n) in sorted(by_method.items(), key=lambda x: -x[1][1]):
        line(m, ok, n)
    for label, group in (("explicit cue", True), ("no cue of its own", False)):
        ok = sum(v[0] for m, v in by_method.items() if (m in EXPLICIT) == group)
        n = sum(v[1] for m, v in by_method.items() if (m in EXPLICIT) == group)
        line(label, ok, n)
    line("all", sum(v[0] for v in by_method.values()), total)


if __name__ == "__main__":
    main()
