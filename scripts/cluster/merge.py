#!/usr/bin/env python3
"""Merge whosaid --jsonl result files, or compare two result sets.

    scripts/cluster/merge.py merge [--requests REQ | --by-id] [-o OUT] RESULTS...
    scripts/cluster/merge.py compare [--requests REQ] LEFT RIGHT

merge writes the result lines of all RESULTS files as one stream:
  --requests REQ  in the order of the requests in REQ (the request lines the
                  results were made from), matched by "id", whatever order the
                  files and their lines are in (held in memory). Every request
                  must have exactly one result, and every result a request.
  --by-id         sorted by id (numbers first, then strings in code point
                  order), held in memory.
  neither         the files one after the other, as they are read (for shards
                  cut in input order and each processed in order).

compare reads two result sets (files, or "-" for standard input) and checks
that they hold byte-equal lines once both are put in request order (--requests)
or id order: nothing is ignored, not even the order of members in a line. On a
mismatch it prints which ids are missing on either side, which differ, and for
the first few, the top-level members that differ and the first differing
bytes.

Results are matched by their "id", which whosaid echoes first on each line;
a result without one (a request line that was not JSON) cannot be placed and
is an error. Exit status: 0 merged or equal, 1 a result is missing, extra or
repeated, or the sets differ, 2 a file cannot be read or is not whosaid output.
"""
import argparse
import json
import sys

DECODER = json.JSONDecoder()
SHOW = 5           # differing ids explained in detail
CONTEXT = 60       # bytes shown around the first difference


class Failure(Exception):
    """Bad input: exit status 2."""


def text(line):
    return line.decode("utf-8", "surrogateescape")


def key_of(value):
    """A sortable, hashable key for a JSON id: numbers before strings."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        return (2, json.dumps(value, sort_keys=True))
    if isinstance(value, (int, float)):
        return (0, value)
    return (1, value)


def show_id(key):
    return json.dumps(key[1], ensure_ascii=False) if key[0] != 2 else key[1]


def result_id(line, where):
    """The key of the id at the start of a result line, or None if it has none."""
    if not line.startswith(b"{"):
        raise Failure("%s: not a whosaid result line" % where)
    if not line.startswith(b'{"id":'):
        return None
    try:
        value, _ = DECODER.raw_decode(text(line), 6)
    except ValueError:
        raise Failure("%s: the id is not valid JSON" % where)
    return key_of(value)


def read_lines(name):
    """(line number, line without its newline) for each non-empty line."""
    f = sys.stdin.buffer if name == "-" else open(name, "rb")
    try:
        for n, line in enumerate(f, 1):
            line = line.rstrip(b"\r\n")
            if line:
                yield n, line
    finally:
        if f is not sys.stdin.buffer:
            f.close()


def request_order(name):
    """{id key: position} of the requests in @name."""
    order = {}
    for n, line in read_lines(name):
        try:
            req = json.loads(text(line))
        except ValueError:
            raise Failure("%s:%d: not a JSON request" % (name, n))
        if not isinstance(req, dict) or "id" not in req:
            raise Failure("%s:%d: a request without an id cannot be matched" % (name, n))
        k = key_of(req["id"])
        if k in order:
            raise Failure("%s:%d: the id %s is repeated" % (name, n, show_id(k)))
        order[k] = len(order)
    return order


def keyed(name):
    """(id key, line) for each result in @name; results without an id are errors."""
    for n, line in read_lines(name):
        k = result_id(line, "%s:%d" % (name, n))
        if k is None:
            raise Failure("%s:%d: a result without an id (the request was not JSON) "
                          "cannot be placed" % (name, n))
        yield k, line


def merge(args):
    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    problems = []
    written = 0
    if args.requests:
        order = request_order(args.requests)
        placed = [None] * len(order)
        for name in args.results:
            for k, line in keyed(name):
                pos = order.get(k)
                if pos is None:
                    problems.append("%s: the result %s has no request" % (name, show_id(k)))
                elif placed[pos] is not None:
                    problems.append("%s: the result %s is repeated" % (name, show_id(k)))
                else:
                    placed[pos] = line
        missing = [k for k, pos in order.items() if placed[pos] is None]
        if missing:
            problems.append("%d request(s) without a result (%s%s)"
                            % (len(missing), ", ".join(show_id(k) for k in missing[:SHOW]),
                               ", ..." if len(missing) > SHOW else ""))
        for line in placed:
            if line is not None:
                out.write(line + b"\n")
                written += 1
    elif args.by_id:
        lines = {}
        for name in args.results:
            for k, line in keyed(name):
                if k in lines:
                    problems.append("the result %s is repeated" % show_id(k))
                    continue
                lines[k] = line
        for k in sorted(lines):
            out.write(lines[k] + b"\n")
            written += 1
    else:
        for name in args.results:
            for _, line in read_lines(name):
                out.write(line + b"\n")
                written += 1
    out.flush()
    if args.output:
        out.close()
    for p in problems:
        sys.stderr.write("merge: %s\n" % p)
    sys.stderr.write("merge: %d result(s) from %d file(s)%s\n"
                     % (written, len(args.results), ", %d problem(s)" % len(problems)
                        if problems else ""))
    return 1 if problems else 0


def load_set(name):
    """{id key: line}, and the ids seen more than once."""
    lines, repeated = {}, []
    for k, line in keyed(name):
        if k in lines:
            repeated.append(k)
        lines[k] = line
    return lines, repeated


def members(line):
    """The top-level members of a result line, in order, or None."""
    try:
        obj = json.loads(text(line))
    except ValueError:
        return None
    return obj if isinstance(obj, dict) else None


def explain(k, a, b, out):
    ma, mb = members(a), members(b)
    if ma is not None and mb is not None:
        names = list(dict.fromkeys(list(ma) + list(mb)))
        diff = [n for n in names if ma.get(n, KeyError) != mb.get(n, KeyError)]
        if not diff and list(ma) != list(mb):
            diff = ["(member order)"]
        elif not diff:
            diff = ["(same values, different bytes)"]
        out.write("  %s: differs in %s\n" % (show_id(k), ", ".join(diff)))
    else:
        out.write("  %s: differs (not both JSON objects)\n" % show_id(k))
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    lo = max(0, i - CONTEXT // 2)
    out.write("    first difference at byte %d of %d / %d\n" % (i, len(a), len(b)))
    out.write("    left : ...%s...\n" % text(a[lo:i + CONTEXT]))
    out.write("    right: ...%s...\n" % text(b[lo:i + CONTEXT]))


def compare(args):
    left, rep_l = load_set(args.left)
    right, rep_r = load_set(args.right)
    if args.requests:
        order = request_order(args.requests)
        rank = lambda k: (0, order[k]) if k in order else (1, k)  # noqa: E731
    else:
        order = None
        rank = lambda k: (0, k)  # noqa: E731
    only_l = sorted((k for k in left if k not in right), key=rank)
    only_r = sorted((k for k in right if k not in left), key=rank)
    differ = sorted((k for k in left if k in right and left[k] != right[k]), key=rank)
    no_req = []
    if order is not None:
        no_req = sorted({k for k in list(left) + list(right) if k not in order}, key=rank)
        missing = [k for k in order if k not in left and k not in right]
    else:
        missing = []
    out = sys.stdout
    ok = not (only_l or only_r or differ or rep_l or rep_r or no_req or missing)
    out.write("compare: %s: %d result(s), %s: %d result(s)%s\n"
              % (args.left, len(left), args.right, len(right),
                 ", %d request(s)" % len(order) if order is not None else ""))
    if ok:
        out.write("compare: equal (%d byte-equal line(s))\n" % len(left))
        return 0

    def listing(label, keys):
        if keys:
            shown = ", ".join(show_id(k) for k in keys[:SHOW])
            out.write("  %s: %d (%s%s)\n" % (label, len(keys), shown,
                                              ", ..." if len(keys) > SHOW else ""))
    listing("only in %s" % args.left, only_l)
    listing("only in %s" % args.right, only_r)
    listing("repeated in %s" % args.left, rep_l)
    listing("repeated in %s" % args.right, rep_r)
    listing("results without a request", no_req)
    listing("requests without a result on either side", missing)
    listing("different", differ)
    for k in differ[:SHOW]:
        explain(k, left[k], right[k], out)
    out.write("compare: DIFFERENT\n")
    return 1


def main():
    ap = argparse.ArgumentParser(description="Merge or compare whosaid --jsonl results.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("merge", help="merge result files into one stream")
    g = m.add_mutually_exclusive_group()
    g.add_argument("--requests", metavar="REQ", help="order by the requests in REQ")
    g.add_argument("--by-id", action="store_true", help="order by id")
    m.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    m.add_argument("results", nargs="+", metavar="RESULTS")
    c = sub.add_parser("compare", help="check two result sets are byte-equal")
    c.add_argument("--requests", metavar="REQ", help="order by the requests in REQ")
    c.add_argument("left", metavar="LEFT")
    c.add_argument("right", metavar="RIGHT")
    args = ap.parse_args()
    try:
        return merge(args) if args.cmd == "merge" else compare(args)
    except Failure as e:
        sys.stderr.write("%s: %s\n" % (args.cmd, e))
        return 2
    except BrokenPipeError:
        return 1
    except OSError as e:
        sys.stderr.write("%s: %s: %s\n" % (args.cmd, e.filename, e.strerror))
        return 2


if __name__ == "__main__":
    sys.exit(main())
