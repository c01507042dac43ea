#!/usr/bin/env python3
"""Score whosaid on every development set in ../shared/eval with its
score.py and print one table.

    scripts/eval-all.py [--whosaid build/src/cli/whosaid] [--shared ../shared]

Skips (exit 0) when ../shared/eval is not there: the data belong to their
publishers and are never part of this repository.
"""
import argparse, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = ['ggt_dev.jsonl', 'polnear_dev.jsonl']


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--whosaid', default=os.path.join(ROOT, 'build', 'src', 'cli', 'whosaid'))
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    a = ap.parse_args()
    eval_dir = os.path.join(a.shared, 'eval')
    if not os.path.isfile(os.path.join(eval_dir, 'score.py')):
        print('skipped: %s not found' % eval_dir)
        return 0
    rows = []
    for name in SETS:
        path = os.path.join(eval_dir, name)
        if not os.path.isfile(path):
            continue
        out = subprocess.run([sys.executable, os.path.join(eval_dir, 'score.py'), path, '--tool',
                              '%s --format json --no-config' % a.whosaid, '--json'],
                             stdout=subprocess.PIPE, check=True)
        rows.append((name.replace('.jsonl', ''), json.loads(out.stdout)))
    pct = lambda v: '%5.1f' % (100 * v) if v is not None else '    -'
    head = ('set', 'gold', 'pred', 'F1@0.3', 'F1@0.8', 'F1@ex', 'spk', 'cue', 'name', 'cue F1', 'src F1',
            'cont F1', 'MB/s')
    print('%-12s %5s %5s %7s %7s %6s %6s %6s %6s %7s %7s %7s %6s' % head)
    for name, r in rows:
        x = r['exact_span_f1']
        print('%-12s %5d %5d %7s %7s %6s %6s %6s %6s %7s %7s %7s %6.1f' % (
            name, r['gold'], r['pred'], pct(r['quote@0.3']['f1']), pct(r['quote@0.8']['f1']),
            pct(r['quote@exact']['f1']), pct(r['speaker_span_acc']), pct(r['cue_acc']),
            pct(r['speaker_name_acc']), pct(x['cue']['f1']), pct(x['source']['f1']),
            pct(x['content']['f1']), r.get('tool_mb_per_s') or 0))
    return 0


if __name__ == '__main__':
    sys.exit(main())
