#!/usr/bin/env python3
"""Benchmark whosaid end to end, beside its peers, in one invocation.

    scripts/bench.py [--whosaid build/src/cli/whosaid] [--corpus DIR | --synthetic MB]
                     [--peers | --no-peers] [--scale] [--repeat N]

Reports for the default pipeline with JSON output: MB/s and articles/s with
-j 1 and -j 2, peak RSS, the rule-loading time and the wall time of one 5 KB
article from process start to exit; then proselint and write-good on the same
files (installed when missing: apt python3-proselint, npm write-good) and the
ratios. --scale adds the linearity check (1 MB and 10 MB single articles) and
a 200 MB batch streamed through --jsonl with its peak RSS.

The corpus defaults to ../shared/bench/bbc-news; without it the benchmark
says so and stops, unless --synthetic MB asks for a generated corpus (made
from the repository's own fixtures, so the figures are reproducible anywhere).
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_timed(cmd, stdin=None, env=None):
    """Run @cmd with its output discarded; return (wall seconds, exit code)."""
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0, p.returncode


def peak_rss(cmd, stdin=None):
    """Peak RSS (KB) of one run of @cmd. RUSAGE_CHILDREN keeps the largest
    child so far, so the run happens in a fresh fork that reports it."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        if stdin is not None:
            os.dup2(stdin.fileno(), 0)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        child = subprocess.Popen(cmd)
        child.wait()
        os.write(w, str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss).encode())
        os._exit(0)
    os.close(w)
    data = b''
    while True:
        chunk = os.read(r, 64)
        if not chunk:
            break
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    return int(data or b'0')


def best_of(n, cmd, **kw):
    return min(run_timed(cmd, **kw)[0] for _ in range(n))


def corpus_files(path):
    files = []
    for d, _, names in os.walk(path):
        for n in sorted(names):
            if n.endswith('.txt') and not n.upper().startswith('README'):
                files.append(os.path.join(d, n))
    files.sort()
    return files


def synthetic_corpus(dest, megabytes):
    """Articles made of the repository's fixtures, cycled to @megabytes."""
    sources = []
    for d in ('fixtures/articles', 'fixtures/wikinews'):
        full = os.path.join(ROOT, d)
        for n in sorted(os.listdir(full)):
            if n.endswith('.txt') and not n.startswith('README') and 'hostile' not in n:
                with open(os.path.join(full, n), encoding='utf-8') as f:
                    sources.append(f.read())
    target = megabytes * 1000 * 1000
    files, size, i = [], 0, 0
    while size < target:
        text = sources[i % len(sources)]
        path = os.path.join(dest, '%06d.txt' % i)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        files.append(path)
        size += len(text.encode())
        i += 1
    return files


def total_bytes(files):
    return sum(os.path.getsize(f) for f in files)


def ensure_proselint():
    if shutil.which('proselint'):
        return ['proselint']
    if os.geteuid() == 0 and shutil.which('apt-get'):
        subprocess.run(['apt-get', 'install', '-y', 'python3-proselint'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return ['proselint'] if shutil.which('proselint') else None


def ensure_write_good(cache):
    exe = os.path.join(cache, 'node_modules', '.bin', 'write-good')
    if not os.path.exists(exe) and shutil.which('npm'):
        os.makedirs(cache, exist_ok=True)
        subprocess.run(['npm', 'install', '--prefix', cache, 'write-good@1.0.8'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [exe] if os.path.exists(exe) else None


def linearity(whosaid, tmp, sources):
    """Wall time of one 1 MB and one 10 MB article made of the same text."""
    text = ''.join(sources)
    out = {}
    for mb in (1, 10):
        path = os.path.join(tmp, 'single-%dmb.txt' % mb)
        with open(path, 'w', encoding='utf-8') as f:
            written = 0
            while written < mb * 1000 * 1000:
                f.write(text)
                written += len(text.encode())
        out[mb] = best_of(3, [whosaid, '--no-config', '--format', 'json', path])
    return out


def jsonl_stream(whosaid, sources, megabytes):
    """Peak RSS and wall time of @megabytes of articles fed through --jsonl."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        with os.fdopen(w, 'w', encoding='utf-8') as out:
            written, i = 0, 0
            while written < megabytes * 1000 * 1000:
                line = json.dumps({'id': i, 'text': sources[i % len(sources)]}) + '\n'
                out.write(line)
                written += len(line)
                i += 1
        os._exit(0)
    os.close(w)
    with os.fdopen(r, 'rb') as feed:
        t0 = time.perf_counter()
        rss = peak_rss([whosaid, '--no-config', '--jsonl'], stdin=feed)
        wall = time.perf_counter() - t0
    os.waitpid(pid, 0)
    return wall, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--whosaid', default=os.path.join(ROOT, 'build', 'src', 'cli', 'whosaid'))
    ap.add_argument('--corpus', default=os.path.join(ROOT, '..', 'shared', 'bench', 'bbc-news'))
    ap.add_argument('--synthetic', type=int, metavar='MB',
                    help='generate a corpus of MB megabytes from the fixtures instead')
    ap.add_argument('--no-peers', action='store_true', help='skip proselint and write-good')
    ap.add_argument('--peer-sample', type=int, default=417,
                    help='files given to proselint (slow: ~0.2 s a file); default 417')
    ap.add_argument('--scale', action='store_true', help='linearity and 200 MB streaming checks')
    ap.add_argument('--repeat', type=int, default=3, help='best of N runs (default 3)')
    a = ap.parse_args()

    whosaid = os.path.abspath(a.whosaid)
    if not os.access(whosaid, os.X_OK):
        sys.exit('bench: no whosaid at %s (build first)' % whosaid)
    tmp = tempfile.mkdtemp(prefix='whosaid-bench-')
    try:
        if a.synthetic:
            files = synthetic_corpus(tmp, a.synthetic)
            label = 'synthetic corpus from fixtures/'
        elif os.path.isdir(a.corpus):
            files = corpus_files(a.corpus)
            label = os.path.normpath(a.corpus)
        else:
            print('bench: corpus %s absent: skipped (use --synthetic MB)' % a.corpus)
            return 0
        size = total_bytes(files)
        mb = size / 1e6
        print('corpus: %s, %d articles, %.2f MB' % (label, len(files), mb))
        base = [whosaid, '--no-config', '--format', 'json']

        # Rule loading: an empty article; one 5 KB article from start to exit.
        empty = os.path.join(tmp, 'empty.txt')
        open(empty, 'w').close()
        five_kb = os.path.join(tmp, 'five-kb.txt')
        with open(five_kb, 'w', encoding='utf-8') as f:
            text = open(files[0], encoding='utf-8', errors='replace').read()
            f.write((text * (5000 // max(1, len(text)) + 1))[:5000])
        t_empty = statistics.median(run_timed(base + [empty])[0] for _ in range(11))
        t_five = statistics.median(run_timed(base + [five_kb])[0] for _ in range(11))
        print('start-up with rule loading (empty article): %.1f ms' % (t_empty * 1000))
        print('one 5 KB article, process start to exit:    %.1f ms' % (t_five * 1000))

        rows = []
        for jobs in (1, 2):
            wall = best_of(a.repeat, base + ['-j', str(jobs)] + files)
            rows.append(('whosaid -j %d' % jobs, wall, len(files), size))
        rss = peak_rss(base + files)
        for name, wall, n, sz in rows:
            print('%-22s %7.2f s  %7.1f MB/s  %8.0f articles/s' % (name, wall, sz / 1e6 / wall, n / wall))
        print('-j 2 speed-up: %.2fx' % (rows[0][1] / rows[1][1]))
        print('peak RSS (-j 1, whole corpus): %.1f MB' % (rss / 1024))

        if not a.no_peers:
            sample = files[:a.peer_sample]
            sample_mb = total_bytes(sample) / 1e6
            t_ours = best_of(a.repeat, base + sample)
            print('peers on the first %d articles (%.2f MB); whosaid %.2f s:' % (len(sample), sample_mb, t_ours))
            peers = [('write-good', ensure_write_good(os.path.join(tmp, 'npm'))),
                     ('proselint', ensure_proselint())]
            for name, cmd in peers:
                if not cmd:
                    print('  %-10s not available (no apt or npm here): skipped' % name)
                    continue
                # proselint keeps its results in $XDG_CACHE_HOME/proselint and
                # answers a second run from there: every peer starts cold.
                cache = tempfile.mkdtemp(dir=tmp)
                t = run_timed(cmd + sample, env=dict(os.environ, XDG_CACHE_HOME=cache, HOME=cache))[0]
                print('  %-10s %7.2f s  %7.2f MB/s  whosaid is %.0fx faster' % (name, t, sample_mb / t, t / t_ours))

        if a.scale:
            sources = [open(f, encoding='utf-8', errors='replace').read() for f in files[:50]]
            lin = linearity(whosaid, tmp, sources)
            print('one 1 MB article %.2f s, one 10 MB article %.2f s: ratio %.1f (linear: 10)'
                  % (lin[1], lin[10], lin[10] / lin[1]))
            wall, rss = jsonl_stream(whosaid, sources, 200)
            print('200 MB through --jsonl: %.1f s (%.1f MB/s), peak RSS %.1f MB' % (wall, 200 / wall, rss / 1024))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
