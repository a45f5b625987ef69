#!/usr/bin/env python3
"""List the direct quotes whosaid gets wrong or misses, with their context, judged as the
shared scorer judges them (a shared name token with the gold speaker or its mentions).

    whosaid annotate --jsonl GOLD.jsonl > PRED.jsonl
    python3 scripts/errors.py GOLD.jsonl PRED.jsonl [--scorer ../shared/eval/score.py]

Use it on documents no rule was written from; read the errors for patterns of how the text
is written, never for one document's strings.
"""
import argparse
import importlib.util
import json


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pieces(pred):
    """Each marked piece of a predicted direct quote, with its quote."""
    for q in pred.get("quotes", []):
        if q.get("kind") != "direct":
            continue
        for start, end in q.get("parts") or [[q["start"], q["end"]]]:
            yield (start, end), q


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--scorer", default="../shared/eval/score.py")
    args = ap.parse_args()
    scorer = load_scorer(args.scorer)
    preds = {}
    with open(args.pred, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            preds[d["id"]] = d
    wrong = missed = total = 0
    with open(args.gold, encoding="utf-8") as f:
        for line in f:
            gold = json.loads(line)
            text = gold["text"]
            found = list(pieces(preds.get(gold["id"], {})))
            for g in gold["quotes"]:
                if g["kind"] != "direct":
                    continue
                total += 1
                hit = next((q for (s, e), q in found if min(e, g["end"]) > max(s, g["start"])), None)
                context = text[max(0, g["start"] - 160) : g["end"] + 80].replace("\n", "¶")
                if hit is None:
                    missed += 1
                    print(f"MISSED {gold['id']} gold={g['speaker']!r}\n    {context}\n")
                elif not scorer.name_ok(text, g, hit):
                    wrong += 1
                    print(
                        f"WRONG {gold['id']} gold={g['speaker']!r} got={hit.get('speaker')!r} "
                        f"method={hit.get('method')} cue={hit.get('cue')!r}\n    {context}\n"
                    )
    print(f"{total} direct quotes: {wrong} wrong speaker, {missed} not found")


if __name__ == "__main__":
    main()
