#!/usr/bin/env python3
"""Turn article files into whosaid --jsonl request lines.

    scripts/cluster/to-jsonl.py [--base DIR] [--id-prefix TEXT] [--no-path]
                                [--invalid-utf8 raw|replace|skip] [--stats] [-o FILE] PATH...

Each PATH is a file or a folder; folders are searched the way whosaid
searches them (recursively, hidden entries skipped, names in byte order,
symbolic links followed, loops skipped) for .txt, .text, .md, .markdown, .html
and .htm files, in any letter case. Every article becomes one line:

    {"id":"tech/001.txt","path":"tech/001.txt","format":"text","text":"..."}

The id is the path relative to the folder it was found in (a file named on
the command line: relative to the current folder), or to --base DIR when
given, after --id-prefix TEXT if any (to tell copies or corpora apart).
"path" repeats it so that the results name the article, and do not depend on
the line number in a shard ("<stdin>:N"); --no-path leaves it out.
The format comes from the extension (text when there is none).

A file that is not valid UTF-8 is passed on byte for byte by default (the
line is then not strict JSON, but whosaid reads it and reports the bad byte
exactly as it does for the file itself); --invalid-utf8 replace puts U+FFFD
in place of each bad byte, skip leaves the file out with a warning.

Lines are written as the files are read: one article in memory at a time.
--stats prints the number of articles and their bytes on standard error.
Two articles with the same id are an error (merging results relies on unique
ids). Exit status: 0 all written, 2 a path could not be read or an id repeats
(the other articles are still written).
"""
import argparse
import json
import os
import stat
import sys

FORMATS = {
    b"txt": "text", b"text": "text",
    b"md": "markdown", b"markdown": "markdown",
    b"html": "html", b"htm": "html",
}


def format_of(path):
    """The whosaid input format for @path (bytes), or None."""
    name = os.path.basename(path)
    dot = name.rfind(b".")
    if dot < 0:
        return None
    return FORMATS.get(name[dot + 1:].lower())


class Writer:
    def __init__(self, out, args):
        self.out = out
        self.args = args
        self.seen = set()
        self.status = 0
        self.count = 0
        self.bytes = 0

    def warn(self, msg):
        sys.stderr.write("to-jsonl: %s\n" % msg)

    def article(self, path, rel):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            self.warn("%s: %s" % (os.fsdecode(path), e.strerror))
            self.status = 2
            return
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            if self.args.invalid_utf8 == "skip":
                self.warn("%s: not UTF-8 (byte 0x%02x at offset %d), skipped"
                          % (os.fsdecode(path), data[e.start], e.start))
                return
            text = data.decode("utf-8", "replace" if self.args.invalid_utf8 == "replace"
                               else "surrogateescape")
        ident = self.args.id_prefix + os.fsdecode(rel)
        if ident in self.seen:
            self.warn("%s: the id '%s' is already taken (use --base)" % (os.fsdecode(path), ident))
            self.status = 2
            return
        self.seen.add(ident)
        req = {"id": ident}
        if not self.args.no_path:
            req["path"] = ident
        req["format"] = format_of(path) or "text"
        req["text"] = text
        # ensure_ascii=False keeps the text as it is; surrogateescape turns the
        # bytes decoded as lone surrogates back into the original bytes.
        line = json.dumps(req, ensure_ascii=False, separators=(",", ":"))
        line = line.encode("utf-8", "surrogateescape") + b"\n"
        self.out.write(line)
        self.count += 1
        self.bytes += len(data)

    def walk(self, folder, base, stack):
        try:
            st = os.stat(folder)
            names = sorted(n for n in os.listdir(folder) if not n.startswith(b"."))
        except OSError as e:
            self.warn("%s: %s" % (os.fsdecode(folder), e.strerror))
            self.status = 2
            return
        key = (st.st_dev, st.st_ino)
        if key in stack:
            self.warn("%s: directory loop through a symbolic link, skipped" % os.fsdecode(folder))
            return
        stack.append(key)
        for name in names:
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue  # a dangling link or a file removed meanwhile
            if stat.S_ISDIR(st.st_mode):
                self.walk(path, base, stack)
            elif stat.S_ISREG(st.st_mode) and format_of(path):
                self.article(path, os.path.relpath(path, base))
        stack.pop()


def main():
    ap = argparse.ArgumentParser(description="Article files to whosaid --jsonl request lines.")
    ap.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    ap.add_argument("--base", help="make ids relative to this folder")
    ap.add_argument("--id-prefix", default="", metavar="TEXT", help="put TEXT before every id")
    ap.add_argument("--stats", action="store_true",
                    help="print the number of articles and bytes on standard error")
    ap.add_argument("--no-path", action="store_true", help='leave "path" out of the requests')
    ap.add_argument("--invalid-utf8", choices=("raw", "replace", "skip"), default="raw",
                    help="what to do with a file that is not UTF-8 (default: raw)")
    ap.add_argument("-o", "--output", help="write to FILE instead of standard output")
    args = ap.parse_args()

    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    w = Writer(out, args)
    base = os.fsencode(args.base) if args.base else None
    try:
        for p in args.paths:
            p = os.fsencode(p)
            try:
                st = os.stat(p)
            except OSError as e:
                w.warn("%s: %s" % (os.fsdecode(p), e.strerror))
                w.status = 2
                continue
            if stat.S_ISDIR(st.st_mode):
                w.walk(p, base or p, [])
            else:
                w.article(p, os.path.relpath(p, base or b"."))
        out.flush()
        if args.stats:
            sys.stderr.write("to-jsonl: %d article(s), %d byte(s)\n" % (w.count, w.bytes))
    except BrokenPipeError:
        # The reader stopped early (head, a failed job): not our error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        if args.output:
            out.close()
    return w.status


if __name__ == "__main__":
    sys.exit(main())
