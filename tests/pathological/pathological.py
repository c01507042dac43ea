#!/usr/bin/env python3
"""Hostile inputs for the whosaid command line, generated at test time.

    pathological.py --whosaid PATH [--case NAME]... [--list] [--report]

Each case writes its inputs to a temporary folder, runs whosaid under a time
limit and measures the peak resident memory of the process (wait4), then
checks the exit status, standard error and output. A case passes when
whosaid finishes in bounded time and memory with output or a clear error.
Without --case every case runs. --report prints one line per case with the
time, peak RSS and output size (the figures in the hardening notes).

Limits are for an optimized build; a sanitizer build (detected in the
binary) gets WS_SLOW_FACTOR (default 4) times the time and three times the
memory, and WS_SLOW_FACTOR can be set by hand for slow machines.
"""
import argparse
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

MB = 1024 * 1024
TIME = '/usr/bin/time' if os.access('/usr/bin/time', os.X_OK) else None


class Failure(Exception):
    pass


class Result:
    def __init__(self, status, out, err, secs, rss_kb, out_len):
        self.status, self.out, self.err = status, out, err
        self.secs, self.rss_kb, self.out_len = secs, rss_kb, out_len


class Runner:
    def __init__(self, whosaid, tmp, factor):
        self.whosaid, self.tmp, self.factor = whosaid, tmp, factor
        self.mem_factor = 3 if factor > 1 else 1
        self.runs = []

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write(self, name, data):
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb') as f:
            f.write(data)
        return p

    def run(self, args, secs, rss_mb, before_wait=None, keep_out=1 * MB):
        """Run whosaid ARGS; fail when it takes longer than SECS or more than RSS_MB.

        The peak RSS comes from /usr/bin/time when it is there: the rusage of
        a child started from this (large) Python process counts the parent's
        pages at fork time too, so wait4 alone gives only an upper bound.
        """
        secs *= self.factor
        rss_mb *= self.mem_factor
        err_path, rss_path = self.path('stderr'), self.path('rss')
        cmd = [self.whosaid] + args
        if TIME:
            cmd = [TIME, '-f', '%M', '-o', rss_path] + cmd
        # Standard output is counted and its head kept, not stored: some
        # cases print hundreds of megabytes.
        got = {'len': 0, 'head': b''}

        def drain(pipe):
            while True:
                chunk = pipe.read(1 << 16)
                if not chunk:
                    break
                got['len'] += len(chunk)
                if len(got['head']) < keep_out:
                    got['head'] += chunk[:keep_out - len(got['head'])]
        with open(err_path, 'wb') as err:
            start = time.monotonic()
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
            reader = threading.Thread(target=drain, args=(proc.stdout,))
            reader.start()
            if before_wait:
                before_wait(proc)
            timer = threading.Timer(secs, lambda: os.killpg(proc.pid, signal.SIGKILL))
            timer.start()
            try:
                _, wstatus, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
            proc.returncode = 0  # reaped by wait4
            elapsed = time.monotonic() - start
            reader.join()
            proc.stdout.close()
        rss_kb, sig = usage.ru_maxrss, None
        if os.WIFSIGNALED(wstatus):
            sig = os.WTERMSIG(wstatus)
        if TIME:
            lines = []
            if os.path.exists(rss_path):
                with open(rss_path) as f:
                    lines = f.read().split()
            if 'signal' in lines:
                sig = int(lines[lines.index('signal') + 1])
            if lines and lines[-1].isdigit() and sig is None:
                rss_kb = int(lines[-1])
        if sig is not None:
            if sig == signal.SIGKILL and elapsed >= secs:
                raise Failure('did not finish in %.0f s' % secs)
            raise Failure('killed by signal %d' % sig)
        status = os.WEXITSTATUS(wstatus)
        out_len, out_head = got['len'], got['head']
        with open(err_path, 'rb') as f:
            err_text = f.read().decode('utf-8', 'replace')
        r = Result(status, out_head, err_text, elapsed, rss_kb, out_len)
        self.runs.append(r)
        if rss_kb > rss_mb * 1024:
            raise Failure('peak RSS %d MB, limit %d MB' % (rss_kb // 1024, rss_mb))
        return r


def expect(cond, what, r=None):
    if not cond:
        extra = ''
        if r is not None:
            extra = '\n  exit %d\n  stderr: %s\n  stdout: %s' % (
                r.status, r.err[:800], r.out[:400].decode('utf-8', 'replace'))
        raise Failure(what + extra)


# ---------------------------------------------------------------------------
# The cases. Each takes the runner; raises Failure or returns.

def write_repeated(t, name, unit, size):
    """Write UNIT over and over to NAME, SIZE bytes in all (whole units)."""
    p = t.path(name)
    with open(p, 'wb') as f:
        n = size // len(unit)
        chunk = unit * 4096
        for _ in range(n // 4096):
            f.write(chunk)
        f.write(unit * (n % 4096))
    return p


def big_line(t):
    """A 100 MB paragraph on one line, quotations and speech verbs in it."""
    p = write_repeated(t, 'big-line.txt',
                       b'The minister said "we will act soon" and left, officials said. ', 100 * MB)
    r = t.run([p], secs=300, rss_mb=100 * 40)
    os.unlink(p)
    expect(r.status in (0, 1), 'exit 0 or 1', r)
    expect(r.out_len > 0, 'a report', r)


def role_mentions(t):
    """4 MB of "The minister said ...": one role mention per sentence."""
    p = write_repeated(t, 'roles.txt', b'The minister said "we will act soon" and left. ', 4 * MB)
    r = t.run([p], secs=20, rss_mb=400)
    expect(r.status in (0, 1), 'exit 0 or 1', r)


def unique_names(t):
    """4 MB of sentences, each with a speaker of a name not seen before;
    then the same with pronouns after each name, which look back over all
    the people named before them."""
    first = ['John', 'Mary', 'Peter', 'Anna', 'David', 'Sarah', 'Paul', 'Laura']
    for name, unit in (('names.txt', '%s Smith%d said "we will act". '),
                       ('names-pronouns.txt',
                        '%s Smith%d said "we will act". He said "yes". It said "no". '
                        'They said "maybe". ')):
        out, size, i = [], 0, 0
        while size < 4 * MB:
            s = unit % (first[i % 8], i)
            out.append(s)
            size += len(s)
            i += 1
        p = t.write(name, ''.join(out).encode())
        r = t.run([p], secs=20, rss_mb=400)
        expect(r.status in (0, 1), '%s: exit 0 or 1' % name, r)


def no_full_stop(t):
    """A 1 MB paragraph of words without a full stop (one sentence)."""
    words = [b'alpha', b'said', b'the', b'minister', b'"quoted', b'words"', b'Mr', b'Smith']
    data = b' '.join(words[i % len(words)] for i in range(200000)) + b'\n'
    p = t.write('no-full-stop.txt', data)
    r = t.run([p], secs=30, rss_mb=400)
    expect(r.status in (0, 1), 'exit 0 or 1', r)


def million_straight_quotes(t):
    """One million straight quotation marks, separated by spaces, in one paragraph."""
    p = t.write('quotes-straight.txt', b'" ' * 1000000 + b'\n')
    r = t.run(['--format', 'json', p], secs=60, rss_mb=1500)
    expect(r.status in (0, 1), 'exit 0 or 1', r)
    expect(r.out_len > 0, 'output', r)


def million_open_quotes(t):
    """One million opening curly quotation marks that nothing closes, text output."""
    p = t.write('quotes-open.txt', '\u201c'.encode() * 1000000 + b'\n')
    r = t.run([p], secs=60, rss_mb=1500)
    expect(r.status in (0, 1), 'exit 0 or 1', r)
    expect(r.out_len > 0, 'output', r)


def million_quotes_lines(t):
    """One million quotation marks, one short quotation per line, text output."""
    p = t.write('quotes-lines.txt', b'He said "yes".\n' * 500000)
    r = t.run([p], secs=120, rss_mb=1500)
    expect(r.status in (0, 1), 'exit 0 or 1', r)


def quote_stack(t):
    """300,000 open single quotations, then 300,000 closed doubles in the same paragraph."""
    p = t.write('stack.txt', ('\u2018x ' * 300000 + '\u201ca\u201d ' * 300000 + '\n').encode())
    r = t.run([p], secs=20, rss_mb=1000)
    expect(r.status in (0, 1), 'exit 0 or 1', r)


def block_quotes(t):
    """Markdown: 100,000 block quotations after 400,000 quotations."""
    data = b'"a" "b" "c" "d"\n\n' * 100000 + b'> q\n\nx\n\n' * 100000
    p = t.write('blocks.md', data)
    r = t.run([p], secs=20, rss_mb=1000)
    expect(r.status in (0, 1), 'exit 0 or 1', r)


def nested_quotes(t):
    """Quotations nested 10,000 deep (double and single curly marks in turn)."""
    opens = ['\u201c', '\u2018']
    closes = ['\u201d', '\u2019']
    depth = 10000
    s = ''.join(opens[i % 2] + 'w%d ' % i for i in range(depth))
    s += ''.join(' e' + closes[i % 2] for i in reversed(range(depth)))
    p = t.write('nested.txt', ('He said ' + s + ', she said.\n').encode())
    # Text output: the JSON repeats each quotation's text in its parents'
    # spans, 1.4 GB for these 140 KB.
    r = t.run([p], secs=60, rss_mb=1000)
    expect(r.status in (0, 1), 'exit 0 or 1', r)
    # Hers holds his: one statement of a report of a report.
    expect(b'1 statement (0 direct, 1 partial' in r.out, 'the statement around the quotations', r)


def every_byte_value(t):
    """Every byte value alone between two letters, one file each: 256 files."""
    d = t.path('bytes')
    os.makedirs(d)
    for b in range(256):
        t.write('bytes/b%03d.txt' % b, b'a ' + bytes([b]) + b' z\n')
    r = t.run(['--format', 'json', d], secs=30, rss_mb=200)
    expect(r.status == 2, 'exit 2: some files are not UTF-8', r)
    bad_utf8 = [l for l in r.err.splitlines() if 'invalid UTF-8' in l]
    binary = [l for l in r.err.splitlines() if 'binary file' in l]
    # 0x80-0xFF cannot stand alone in UTF-8; NUL makes the file binary.
    expect(len(bad_utf8) == 128, '128 files reported as invalid UTF-8, got %d' % len(bad_utf8), r)
    expect(len(binary) == 1 and 'b000.txt' in binary[0], 'b000.txt reported as binary', r)
    for b in range(0x80, 0x100):
        want = 'b%03d.txt:1:3: invalid UTF-8 (byte 0x%02x at offset 2)' % (b, b)
        expect(want in r.err, want, r)
    expect(r.out.count(b'"path"') == 256, 'all 256 files in the JSON, failures too', r)


def every_byte_one_file(t):
    """All 256 byte values in one file: binary (NUL), skipped with a message."""
    p = t.write('all-bytes.txt', bytes(range(256)) * 4)
    r = t.run([p], secs=10, rss_mb=100)
    expect(r.status == 2 and 'binary file' in r.err, 'binary file, exit 2', r)
    # Without NUL and the other C0 controls the first bad byte is 0x80 at 1:?.
    text = bytes(b for b in range(0x20, 0x100)) + b'\n'
    p = t.write('high-bytes.txt', text)
    r = t.run([p], secs=10, rss_mb=100)
    expect(r.status == 2 and 'invalid UTF-8 (byte 0x80 at offset 96)' in r.err,
           'invalid UTF-8 at offset 96', r)


# name, bytes, offset of the first bad byte, line:col
INVALID_UTF8 = [
    ('start', b'\xffHe said "yes".\n', 0, '1:1'),
    ('middle', b'He said "y\xfees".\n', 10, '1:11'),
    ('end', b'He said "yes".\n\xff', 15, '2:1'),
    ('continuation-alone', b'He said \x80"yes".\n', 8, '1:9'),
    ('truncated-2', b'He said "\xc3".\n', 9, '1:10'),
    ('truncated-3', b'He said "\xe2\x80".\n', 9, '1:10'),
    ('truncated-4', b'He said "\xf0\x9f\x98".\n', 9, '1:10'),
    ('truncated-at-eof', 'He said \u201cyes\u201d\n'.encode() + b'\xe2\x80', 18, '2:1'),
    ('overlong-2', b'a\xc0\xafb\n', 1, '1:2'),
    ('overlong-3', b'a\xe0\x80\xafb\n', 1, '1:2'),
    ('overlong-4', b'a\xf0\x80\x80\xafb\n', 1, '1:2'),
    ('overlong-nul', b'a\xc0\x80b\n', 1, '1:2'),
    ('surrogate-high', b'a\xed\xa0\x80b\n', 1, '1:2'),
    ('surrogate-low', b'a\xed\xbf\xbfb\n', 1, '1:2'),
    ('above-10ffff', b'a\xf4\x90\x80\x80b\n', 1, '1:2'),
    ('lead-f5', b'a\xf5\x80\x80\x80b\n', 1, '1:2'),
    ('after-multibyte', '\u00e9\u00e9\n\u201c'.encode() + b'\xff', 8, '2:2'),
    ('crlf-lines', b'a\r\nb\r\nc\xff\r\n', 7, '3:2'),
]


def invalid_utf8(t):
    """Invalid UTF-8 at each place and of each kind: exit 2, the first bad byte located."""
    for name, data, off, pos in INVALID_UTF8:
        p = t.write('utf8/%s.txt' % name, data)
        r = t.run([p], secs=10, rss_mb=100)
        expect(r.status == 2, '%s: exit 2' % name, r)
        want = '%s.txt:%s: ' % (name, pos)
        expect(want in r.err and 'invalid UTF-8' in r.err and 'offset %d)' % off in r.err,
               '%s: "%s ... invalid UTF-8 ... offset %d"' % (name, want, off), r)
    # Every file of the folder is still read: one error per file, and the
    # good file's report.
    t.write('utf8/zz-good.txt', b'She said "fine".\n')
    r = t.run(['--format', 'json', t.path('utf8')], secs=20, rss_mb=100)
    expect(r.status == 2, 'exit 2 for the folder', r)
    n = r.err.count('invalid UTF-8')
    expect(n == len(INVALID_UTF8), '%d errors, got %d' % (len(INVALID_UTF8), n), r)
    expect(b'"text": "fine"' in r.out, 'the good file is reported', r)


def nul_bytes(t):
    """NUL bytes: early (binary, skipped) and after the first 8000 bytes."""
    p = t.write('nul-early.txt', b'He said "yes".\x00\n')
    r = t.run([p], secs=10, rss_mb=100)
    expect(r.status == 2 and 'binary file' in r.err, 'binary file, exit 2', r)
    text = b'He said "yes", officials said.\n\n' * 300  # 9,900 bytes
    p = t.write('nul-late.txt', text + b'\x00 "After the NUL," she said.\x00\n' + text)
    r = t.run(['--format', 'json', p], secs=10, rss_mb=100)
    expect(r.status in (0, 1, 2), 'an exit status', r)
    expect(r.status != 2 or 'nul-late.txt' in r.err, 'an error names the file', r)
    if r.status != 2:
        expect(b'"quotations"' in r.out, 'a JSON report', r)
    p = t.write('nul-only.txt', b'\x00' * 10000)
    r = t.run([p], secs=10, rss_mb=100)
    expect(r.status == 2 and 'binary file' in r.err, 'binary file, exit 2', r)


def binary_file(t):
    """A binary file (the whosaid executable itself) is skipped with a message."""
    exe = t.path('whosaid-copy.txt')
    shutil.copyfile(t.whosaid, exe)
    good = t.write('good.txt', b'She said "fine".\n')
    r = t.run(['--format', 'json', exe, good], secs=10, rss_mb=200)
    expect(r.status == 2, 'exit 2', r)
    expect('whosaid-copy.txt' in r.err and 'binary file' in r.err, 'a message names the file', r)
    expect(b'"text": "fine"' in r.out, 'the next file is still read', r)
    # Mostly control characters but no NUL.
    p = t.write('controls.txt', bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16]) * 20)
    r = t.run([p], secs=10, rss_mb=100)
    expect(r.status == 2 and 'binary file' in r.err, 'control characters: binary, exit 2', r)


def empty_file(t):
    """An empty file, and one of white space only: clean, exit 0."""
    for name, data in (('empty.txt', b''), ('blank.md', b'\n\n   \n\t\n'), ('empty.html', b'')):
        p = t.write(name, data)
        r = t.run(['--format', 'json', p], secs=10, rss_mb=100)
        expect(r.status == 0, '%s: exit 0' % name, r)
        expect(b'"statements": []' in r.out, '%s: an empty report' % name, r)


def _feed_fifo(t, fifo, action):
    """Open FIFO for writing once whosaid opens it (polling, never blocking
    forever), run ACTION, write an article and close it. Returns a thread."""
    def feed():
        deadline = time.monotonic() + 20 * t.factor
        fd = None
        while fd is None and time.monotonic() < deadline:
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody reads yet
                time.sleep(0.01)
        if fd is None:
            return
        action()
        os.set_blocking(fd, True)
        os.write(fd, b'The pipe said "hello".\n')
        os.close(fd)
    th = threading.Thread(target=feed)
    th.start()
    return th


def vanishing_file(t):
    """Files that disappear or turn into a folder after whosaid listed them.

    whosaid lists all its inputs first, then reads them in order. The first
    input is a FIFO: whosaid blocks reading it until this script has opened
    it, removed b.txt and replaced c.txt by a folder; only then does it get
    its article and go on to b.txt and c.txt. Deterministic, and it cannot
    hang: the writer polls with a deadline and whosaid has a time limit.
    """
    fifo = t.path('0-pipe.txt')
    os.mkfifo(fifo)
    d = t.path('dir')
    t.write('dir/b.txt', b'B said "bee".\n')
    t.write('dir/c.txt', b'C said "sea".\n')
    t.write('dir/d.txt', b'D said "dee".\n')

    def change():
        os.unlink(os.path.join(d, 'b.txt'))
        os.unlink(os.path.join(d, 'c.txt'))
        os.mkdir(os.path.join(d, 'c.txt'))
    holder = {}
    r = t.run(['--format', 'json', fifo, d], secs=30, rss_mb=100,
              before_wait=lambda proc: holder.setdefault('th', _feed_fifo(t, fifo, change)))
    holder['th'].join()
    expect(r.status == 2, 'exit 2', r)
    expect(b'"text": "hello"' in r.out, 'the FIFO was read', r)
    expect('dir/b.txt: No such file or directory' in r.err, 'b.txt: removed', r)
    expect('dir/c.txt: is a directory' in r.err, 'c.txt: now a folder', r)
    expect(b'"text": "dee"' in r.out, 'd.txt is still read', r)
    expect(r.out.count(b'"path"') == 4, 'four entries in the JSON, failures too', r)


def directory_loops(t):
    """Symbolic links that loop: to the folder itself, to a parent, in a ring."""
    t.write('loops/a.txt', b'A said "one".\n')
    t.write('loops/x/b.txt', b'B said "two".\n')
    t.write('loops/y/c.txt', b'C said "three".\n')
    os.symlink('.', t.path('loops/self'))
    os.symlink('..', t.path('loops/x/up'))
    os.symlink('../y', t.path('loops/x/to-y'))
    os.symlink('../x', t.path('loops/y/to-x'))
    os.symlink('nowhere', t.path('loops/dangling.txt'))
    r = t.run(['--format', 'json', t.path('loops')], secs=20, rss_mb=100)
    expect(r.status == 0, 'exit 0: loops are skipped, not errors', r)
    expect('directory loop' in r.err, 'the loop is reported', r)
    for word in (b'one', b'two', b'three'):
        expect(b'"text": "%s"' % word in r.out, 'every article is read', r)
    expect(r.out.count(b'"path"') < 20, 'a bounded number of reports', r)


def unclosed_html(t):
    """HTML of unclosed tags: 100,000 open elements, nested <q>, unclosed comment and script."""
    body = b'<div><p><b><i><span>' * 20000 + b'He said "deep" here.'
    p = t.write('unclosed.html', b'<html><body>' + body)
    r = t.run(['--format', 'json', p], secs=30, rss_mb=500)
    expect(r.status in (0, 1), 'exit 0 or 1', r)
    expect(b'"text": "deep"' in r.out, 'the quotation is found', r)
    p = t.write('unclosed-q.html', b'<p>She said ' + b'<q>word ' * 10000 + b'end')
    r = t.run(['--format', 'json', p], secs=30, rss_mb=500)
    expect(r.status in (0, 1), 'exit 0 or 1 (nested q)', r)
    for name, data in (('comment.html', b'<p>Before "a".</p><!-- never closed ' + b'x' * 100000),
                       ('script.html', b'<p>Before "b".</p><script>' + b'"x" ' * 100000),
                       ('tag.html', b'<p>Before "c".</p><a href="' + b'y' * 100000),
                       ('entities.html', b'<p>' + b'&' * 100000 + b'&#' * 50000 + b'</p>')):
        p = t.write(name, data)
        r = t.run(['--format', 'json', p], secs=30, rss_mb=500)
        expect(r.status in (0, 1), '%s: exit 0 or 1' % name, r)


def catastrophic_rule(t):
    """A user rule (a+)+$ stops at the match limit with an error naming it: exit 2."""
    t.write('rules/User/Slow.yml',
            b"type: existence\nmessage: 'slow %s'\nraw: ['(a+)+$']\n"
            b"examples:\n  - flag: aaa\n  - ok: b\n")
    t.write('rules/User/Fine.yml',
            b"type: existence\nmessage: 'fine %s'\ntokens: [zzz]\n"
            b"examples:\n  - flag: zzz\n  - ok: b\n")
    para = b'a' * 5000 + b'! zzz\n\n'
    p = t.write('slow.txt', para * 200)
    r = t.run(['--rules', t.path('rules'), p], secs=30, rss_mb=200)
    expect(r.status == 2, 'exit 2', r)
    expect('User.Slow' in r.err and 'match limit' in r.err and 'Slow.yml' in r.err,
           'an error names the rule, its file and the limit', r)
    expect(r.err.count('User.Slow') == 1, 'reported once, then skipped for the article', r)
    expect(b'User.Fine' in r.out, 'the other rules still run', r)


CASES = [
    ('big-line', big_line),
    ('role-mentions', role_mentions),
    ('unique-names', unique_names),
    ('quote-stack', quote_stack),
    ('block-quotes', block_quotes),
    ('no-full-stop', no_full_stop),
    ('million-straight-quotes', million_straight_quotes),
    ('million-open-quotes', million_open_quotes),
    ('million-quotes-lines', million_quotes_lines),
    ('nested-quotes', nested_quotes),
    ('every-byte-value', every_byte_value),
    ('every-byte-one-file', every_byte_one_file),
    ('invalid-utf8', invalid_utf8),
    ('nul-bytes', nul_bytes),
    ('binary-file', binary_file),
    ('empty-file', empty_file),
    ('vanishing-file', vanishing_file),
    ('directory-loops', directory_loops),
    ('unclosed-html', unclosed_html),
    ('catastrophic-rule', catastrophic_rule),
]


# Cases that fail because of a bug not fixed yet: skipped (exit 77) unless
# WS_PATHO_PENDING=1. Remove a name once its bug is fixed.
PENDING = {}


def is_sanitized(path):
    with open(path, 'rb') as f:
        data = f.read()
    return b'__asan_init' in data or b'__ubsan_handle' in data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--whosaid', required=True)
    ap.add_argument('--case', action='append')
    ap.add_argument('--list', action='store_true')
    ap.add_argument('--report', action='store_true')
    args = ap.parse_args()
    if args.list:
        print('\n'.join(name for name, _ in CASES))
        return 0
    whosaid = os.path.abspath(args.whosaid)
    default = 4 if is_sanitized(whosaid) else 1
    factor = float(os.environ.get('WS_SLOW_FACTOR', default))
    names = args.case or [name for name, _ in CASES]
    unknown = set(names) - {name for name, _ in CASES}
    if unknown:
        print('unknown case(s): %s' % ', '.join(sorted(unknown)))
        return 2
    failed = skipped = 0
    for name, fn in CASES:
        if name not in names:
            continue
        if name in PENDING and not os.environ.get('WS_PATHO_PENDING'):
            print('%-24s SKIP (pending: %s; WS_PATHO_PENDING=1 runs it)' % (name, PENDING[name]))
            skipped += 1
            continue
        tmp = tempfile.mkdtemp(prefix='ws-patho-')
        t = Runner(whosaid, tmp, factor)
        try:
            fn(t)
            verdict = 'ok'
        except Failure as e:
            verdict = 'FAIL: %s' % e
            failed += 1
        finally:
            for root, dirs, _ in os.walk(tmp):
                for d in dirs:
                    p = os.path.join(root, d)
                    if not os.path.islink(p):
                        os.chmod(p, stat.S_IRWXU)
            shutil.rmtree(tmp, ignore_errors=True)
        secs = sum(r.secs for r in t.runs)
        rss = max((r.rss_kb for r in t.runs), default=0)
        out = sum(r.out_len for r in t.runs)
        if args.report or verdict != 'ok':
            print('%-24s %-4s runs %3d  %8.2f s  peak RSS %7.1f MB  output %10d bytes' %
                  (name, 'ok' if verdict == 'ok' else 'FAIL', len(t.runs), secs, rss / 1024, out))
        if verdict != 'ok':
            print('  ' + verdict)
    if failed:
        return 1
    return 77 if skipped and skipped == len(names) else 0


if __name__ == '__main__':
    sys.exit(main())
