#!/usr/bin/env python3
"""Measure how much of the annotated evaluation data the cue lists cover.

Reads the cue lists of the default rule pack (rules/News/cue-verbs.txt,
cue-nouns.txt, cue-phrases.txt: one entry a line, '#' starts a comment,
fields separated by '|') and the annotated articles in SHARED/eval
(polnear_train.jsonl and ggt_dev.jsonl), and prints, per file and for both
files combined, the share of statements whose annotated reporting cue
("cue_text") the lists recognise, and the most frequent cue texts they miss.

Forms. Every field of an entry except the class (the second field) is a
form: for verbs the lemma, the 3rd person singular, the past, the past
participle and the -ing form; for nouns the singular and the plural; for
phrases the phrase. Forms may be several words ("point out", "according
to").

Normalisation (applied to forms and cue texts alike): lower-case; curly
apostrophes become straight ones; split at white space; strip punctuation
from both ends of each word (inner hyphens, apostrophes and periods stay,
so "said:" becomes "said", "so-called" and "u.s." stay whole); drop words
left empty. A cue text that is only punctuation (PolNeAR annotates a bare
colon or dash as a cue) therefore has no words and can never be covered.

Matching rule: a statement is covered when its normalised cue words
  1. exact:  are, as a whole, one of the forms ("said", "according to",
             "said in a statement" when that phrase is listed); or else
  2. phrase: begin or end with a multi-word form ("pointed out that" begins
             with "pointed out", "has called for" ends with "called for");
             or else
  3. head:   have a first word or a last word that is a single-word form
             ("said in a statement" -> "said", "has said" -> "said",
             "was asked" -> "asked").
A form that occurs only in the middle of a cue ("did not immediately
respond to") does not count. Statements whose cue_text is empty (the GGT
data leaves the cue out for many quotations) or only punctuation are never
covered; they are counted and reported separately.

Figures. For the quoted statements (quoted "full" or "partial") and for
all statements the script prints coverage twice: over the statements that
have a cue text (the measure of the word lists, which the --min-* targets
use) and over all statements (including those with no cue, which no word
list can cover).

Usage:
  scripts/cue-coverage.py [--shared DIR] [--rules DIR] [--top N]
                          [--min-quoted PCT] [--min-all PCT]
DIR defaults to ../shared relative to the repository root. When
DIR/eval is absent the script prints "skipped: DIR/eval not found" and
exits 0. With --min-quoted / --min-all it exits 1 when the combined figure,
or that of either file, falls below the percentage given.
"""

import argparse
import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ("polnear_train.jsonl", "ggt_dev.jsonl")
LISTS = (("cue-verbs.txt", 6), ("cue-beliefs.txt", 6), ("cue-nouns.txt", 3), ("cue-phrases.txt", 2))
CLASSES = ("neutral", "endorsing", "distancing", "guilt")

_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


def words(text):
    """The normalised words of a form or a cue text (see the module doc)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    out = []
    for w in text.split():
        w = _EDGE.sub("", w)
        if w:
            out.append(w)
    return tuple(out)


def load_forms(rules_dir):
    """All forms of the three cue lists, as tuples of words; errors are fatal."""
    forms = set()
    for name, n_fields in LISTS:
        path = os.path.join(rules_dir, name)
        with open(path, encoding="utf-8") as fp:
            for line_no, line in enumerate(fp, 1):
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                fields = [f.strip() for f in line.split("|")]
                if len(fields) != n_fields:
                    sys.exit("%s:%d: expected %d fields, found %d"
                             % (path, line_no, n_fields, len(fields)))
                if fields[1] not in CLASSES:
                    sys.exit("%s:%d: unknown class '%s'" % (path, line_no, fields[1]))
                for i, f in enumerate(fields):
                    if i == 1:
                        continue
                    w = words(f)
                    if not w:
                        sys.exit("%s:%d: empty form" % (path, line_no))
                    forms.add(w)
    return forms


def match(cue, forms, singles, multis):
    """How @cue (a tuple of words) is covered: 'exact', 'phrase', 'head' or None."""
    if not cue:
        return None
    if cue in forms:
        return "exact"
    for m in multis:
        k = len(m)
        if k < len(cue) and (cue[:k] == m or cue[-k:] == m):
            return "phrase"
    if cue[0] in singles or cue[-1] in singles:
        return "head"
    return None


class Tally:
    def __init__(self):
        self.n = collections.Counter()        # (group, what) -> count
        self.missed = collections.Counter()   # cue text -> count (with a cue, uncovered)
        self.how = collections.Counter()      # exact / phrase / head

    def add(self, quoted, cue_text, how):
        groups = ("quoted", "all") if quoted else ("all",)
        raw = " ".join(cue_text.lower().split())
        for g in groups:
            self.n[g, "total"] += 1
            if not raw:
                self.n[g, "empty"] += 1
                continue
            self.n[g, "with_cue"] += 1
            if how:
                self.n[g, "covered"] += 1
            elif not words(raw):
                self.n[g, "punct"] += 1
        if how:
            self.how[how] += 1
        elif raw:
            self.missed[raw] += 1

    def pct(self, group, over):
        d = self.n[group, over]
        return 100.0 * self.n[group, "covered"] / d if d else 100.0

    def merge(self, other):
        self.n.update(other.n)
        self.missed.update(other.missed)
        self.how.update(other.how)


def report(name, t, top):
    print("== %s" % name)
    for g in ("quoted", "all"):
        print("  %-6s statements %6d: %6d with a cue text (%d only punctuation), %d without"
              % (g, t.n[g, "total"], t.n[g, "with_cue"], t.n[g, "punct"], t.n[g, "empty"]))
        print("         covered %6d = %5.1f %% of those with a cue text, %5.1f %% of all"
              % (t.n[g, "covered"], t.pct(g, "with_cue"), t.pct(g, "total")))
    print("  matched by: exact form %d, multi-word form at an end %d, first/last word %d"
          % (t.how["exact"], t.how["phrase"], t.how["head"]))
    if top:
        print("  most frequent uncovered cue texts:")
        for text, c in t.missed.most_common(top):
            print("    %5d  %s" % (c, text))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--shared", default=None,
                    help="the shared folder holding eval/ (default: ../shared from the repository)")
    ap.add_argument("--rules", default=os.path.join(ROOT, "rules", "News"),
                    help="the folder with cue-*.txt (default: rules/News)")
    ap.add_argument("--top", type=int, default=25, help="uncovered cue texts to list")
    ap.add_argument("--min-quoted", type=float, default=None,
                    help="exit 1 when, in either file or combined, the quoted statements"
                         " that have a cue text are covered below PCT")
    ap.add_argument("--min-all", type=float, default=None,
                    help="exit 1 when, in either file or combined, the statements"
                         " that have a cue text are covered below PCT")
    args = ap.parse_args()

    if args.shared is None:
        shared, shown = os.path.join(ROOT, "..", "shared"), os.path.join("..", "shared")
    else:
        shared = shown = args.shared
    eval_dir = os.path.join(shared, "eval")
    if not os.path.isdir(eval_dir):
        print("skipped: %s not found" % os.path.join(shown, "eval"))
        return 0

    forms = load_forms(args.rules)
    singles = {f[0] for f in forms if len(f) == 1}
    multis = sorted((f for f in forms if len(f) > 1), key=len, reverse=True)
    print("%d forms (%d single words, %d multi-word) from %s"
          % (len(forms), len(singles), len(multis), os.path.relpath(args.rules, ROOT)))

    total = Tally()
    per_file = []
    for name in FILES:
        path = os.path.join(eval_dir, name)
        if not os.path.exists(path):
            print("skipped: %s not found" % path)
            continue
        t = Tally()
        with open(path, encoding="utf-8") as fp:
            for line in fp:
                doc = json.loads(line)
                for st in doc["statements"]:
                    cue_text = st.get("cue_text") or ""
                    how = match(words(cue_text), forms, singles, multis)
                    t.add(st.get("quoted") in ("full", "partial"), cue_text, how)
        report(name, t, args.top)
        per_file.append((name, t))
        total.merge(t)
    if len(per_file) > 1:
        report("combined", total, args.top)

    failed = []
    for name, t in per_file + [("combined", total)]:
        if args.min_quoted is not None and t.pct("quoted", "with_cue") < args.min_quoted:
            failed.append("%s: quoted %.1f %% < %g %%" % (name, t.pct("quoted", "with_cue"), args.min_quoted))
        if args.min_all is not None and t.pct("all", "with_cue") < args.min_all:
            failed.append("%s: all %.1f %% < %g %%" % (name, t.pct("all", "with_cue"), args.min_all))
    for f in failed:
        print("below target: " + f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
