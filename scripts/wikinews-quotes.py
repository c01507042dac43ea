#!/usr/bin/env python3
"""Measure the quotation scanner on the Wikinews fixtures: of the annotated
quotation spans that stand in quotation marks, how many does whosaid find
with exactly the same boundaries (from the opening to the closing mark)?

    scripts/wikinews-quotes.py [--whosaid build/src/cli/whosaid] [--min 95] [-v]

Prints the figure per tag (quote, q) and overall; with --min, exits 1 when
the figure for <quote> spans is below it. Uses fixtures/wikinews (committed
with attribution), so it needs nothing from ../shared.
"""
import argparse, json, os, subprocess, sys, tempfile

MARKS = '"\'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e'
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def byte_to_char(text):
    table = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode('utf-8')))
    table.append(len(text))
    return table


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--whosaid', default=os.path.join(ROOT, 'build', 'src', 'cli', 'whosaid'))
    ap.add_argument('--corpus', default=os.path.join(ROOT, 'fixtures', 'wikinews', 'gum_news.jsonl'))
    ap.add_argument('--min', type=float, help='fail when the <quote> figure is below this percentage')
    ap.add_argument('-v', '--verbose', action='store_true', help='list the spans that were missed')
    a = ap.parse_args()
    docs = [json.loads(l) for l in open(a.corpus, encoding='utf-8')]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for d in docs:
            p = os.path.join(tmp, d['doc'] + '.txt')
            with open(p, 'w', encoding='utf-8', newline='') as f:
                f.write(d['text'])
            paths.append(p)
        out = subprocess.run([a.whosaid, '--format', 'json'] + paths, stdout=subprocess.PIPE)
        if out.returncode not in (0, 1):
            sys.exit('wikinews-quotes: whosaid exited %d' % out.returncode)
        result = json.loads(out.stdout)
    by_doc = {os.path.basename(f['path'])[:-4]: f for f in result['files']}
    found = {}
    for d in docs:
        b2c = byte_to_char(d['text'])
        spans = set()
        for q in by_doc[d['doc']]['quotations']:
            s = q['span']
            spans.add((b2c[s['start']], b2c[s['end']]))
            # A quotation over several paragraphs reopens in each: its last
            # paragraph, from the reopening mark to the closing one, is
            # also a quotation in marks (GUM annotates it alone).
            if 'continued' in q['flags'] and len(q['fragments']) > 1:
                last = q['fragments'][-1]
                start = b2c[last['start']]
                while start > 0 and d['text'][start - 1] not in MARKS and d['text'][start - 1] in ' \t':
                    start -= 1
                spans.add((start - 1, b2c[s['end']]))
        for g in d['quotes']:
            t = g['text'].strip()
            if len(t) < 2 or t[0] not in MARKS or t[-1] not in MARKS:
                continue
            start = g['start'] + (len(g['text']) - len(g['text'].lstrip()))
            end = start + len(t)
            hit = (start, end) in spans
            n = found.setdefault(g['tag'], [0, 0])
            n[0] += hit
            n[1] += 1
            if a.verbose and not hit:
                near = [d['text'][s:e] for s, e in spans if s < end and e > start]
                print('missed %s %s: %r  found instead: %r' % (d['doc'], g['tag'], t[:80], near))
    total = [sum(v[0] for v in found.values()), sum(v[1] for v in found.values())]
    for tag in sorted(found):
        v = found[tag]
        print('<%s> spans in quotation marks: %d of %d found exactly (%.1f%%)' % (tag, v[0], v[1], 100.0 * v[0] / v[1]))
    print('all: %d of %d (%.1f%%)' % (total[0], total[1], 100.0 * total[0] / total[1]))
    q = found.get('quote', [0, 1])
    if a.min is not None and 100.0 * q[0] / q[1] < a.min:
        print('below the required %.1f%%' % a.min)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
