#!/usr/bin/env python3
"""Suggest cue phrases for grammar/*.wsg from an annotated corpus.

usage: tools/mine-cues.py ../shared/polnear/train.jsonl [--min-count 4] [--min-precision 0.35]

For every cue text annotated in the corpus, counts how often it is annotated
(`gold`) and how often the same words occur anywhere in the texts (`seen`),
and prints the phrases not yet in the grammar whose precision gold/seen is
high enough, most frequent first. A person decides which to add and with
which stance: the tool proposes, the grammar files decide. Nothing from the
corpus is copied into the project.
"""
import collections, glob, json, os, re, sys

FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
CUE_KINDS = {"verb", "verb-object", "according", "hearsay", "weasel", "relay", "venue"}


def words(s):
    return re.findall(r"[a-z0-9']+", s.translate(FOLD).lower())


def grammar_phrases(root):
    out, kind = set(), None
    for path in glob.glob(os.path.join(root, "grammar", "*.wsg")):
        for line in open(path, encoding="utf-8"):
            line = line.split("#")[0].rstrip()
            if not line.strip() or line.startswith("example"):
                continue
            if line.strip().startswith("|"):
                body = line.strip()[1:]
            else:
                m = re.match(r"(\S+)(?:\s+\S+)?\s*:(.*)", line)
                if not m:
                    continue
                kind, body = m.group(1), m.group(2)
            if kind in CUE_KINDS:
                out.update(" ".join(words(p)) for p in body.split("|"))
    return out


def main():
    path = sys.argv[1]
    arg = lambda name, d: type(d)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else d
    min_count, min_prec = arg("--min-count", 4), arg("--min-precision", 0.35)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    known = grammar_phrases(root)
    gold = collections.Counter()
    docs = [json.loads(l) for l in open(path, encoding="utf-8")]
    for d in docs:
        t = d["text"].encode()
        for a in d["attributions"]:
            w = words(" ".join(t[s:e].decode("utf-8", "replace") for s, e in a["cue"]))
            if w:
                gold[" ".join(w)] += 1
    cands = {c for c, n in gold.items() if n >= min_count and c not in known}
    seen = collections.Counter()
    by_len = collections.defaultdict(set)
    for c in cands:
        by_len[len(c.split())].add(c)
    for d in docs:
        w = words(d["text"])
        for n, group in by_len.items():
            for i in range(len(w) - n + 1):
                g = " ".join(w[i:i + n])
                if g in group:
                    seen[g] += 1
    rows = [(gold[c], seen[c], gold[c] / max(seen[c], 1), c) for c in cands]
    rows = [r for r in rows if r[2] >= min_prec]
    rows.sort(key=lambda r: -r[0])
    print(f"{'gold':>5} {'seen':>6} {'prec':>5}  phrase")
    for g, s, p, c in rows:
        print(f"{g:5d} {s:6d} {p:5.2f}  {c}")


if __name__ == "__main__":
    main()
