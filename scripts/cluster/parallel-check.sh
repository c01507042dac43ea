#!/bin/bash
# parallel-check.sh - run whosaid over a corpus with GNU parallel, check that
# the merged results are byte-equal to one local run, print the throughput.
#
#   scripts/cluster/parallel-check.sh [--corpus DIR | --synthetic [--repeat N]]
#                                     [--whosaid PATH] [-N RECORDS] [-j JOBS]
#                                     [--sshlogin LOGINS] [--keep] [--no-install]
#
# The corpus (default ../shared/bench/bbc-news beside the repository; when it
# is absent the check says so and exits 77, "skipped") becomes request lines
# (to-jsonl.py), which go through whosaid three times:
#
#   local     whosaid --no-config --jsonl < requests          (one process, -j 1)
#   parallel  parallel --pipe -N 200 --keep-order whosaid --no-config --jsonl
#             GNU parallel cuts standard input into chunks of 200 lines, starts
#             one worker per chunk, JOBS at a time (default: one per processor),
#             and with --keep-order prints their output in input order.
#   ssh       the same spread over --sshlogin: parallel sends each chunk over
#             ssh to a worker on another machine and reads its results back:
#               parallel --pipe -N 200 --sshlogin 8/node1,8/node2,: \
#                   /opt/whosaid/bin/whosaid --no-config --jsonl < requests
#             "8/node1" runs 8 workers on node1, ":" is this machine; whosaid
#             must be installed at that path (or on PATH) on every node, and
#             each node needs password-less ssh (keys, BatchMode). This run
#             leaves out --keep-order (results come back as chunks finish) and
#             lets merge.py put them back in request order. Without
#             --sshlogin LOGINS it uses ssh to localhost when that works
#             without a password, and otherwise "--sshlogin :" (this machine,
#             no ssh), saying so.
#
# --synthetic uses fixtures/articles and fixtures/wikinews instead, N copies
# (default 20) with distinct ids. Each parallel result is merged with
# merge.py (every request exactly one result, request order) and compared
# with merge.py compare to the local results; every worker must have ended
# normally (status 0, 1 or 2, no signal) with the highest status equal to the
# local one. GNU parallel is installed with apt-get when it is missing
# (--no-install: skipped instead). --keep keeps the temporary folder.
#
# Exit status: 0 equal, 1 a difference or a failed worker, 2 usage or setup
# error, 77 skipped (no corpus, or no GNU parallel with --no-install).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
whosaid=$root/build/src/cli/whosaid
corpus=$root/../shared/bench/bbc-news
synthetic=0
repeat=20
records=200
jobs=$(nproc)
sshlogin=
keep=0
install=1

usage() { sed -n '5,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
    case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --synthetic) synthetic=1; shift ;;
    --repeat) repeat=$2; shift 2 ;;
    --whosaid) whosaid=$2; shift 2 ;;
    -N) records=$2; shift 2 ;;
    -j) jobs=$2; shift 2 ;;
    --sshlogin) sshlogin=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --no-install) install=0; shift ;;
    -h|--help) usage ;;
    *) echo "parallel-check: unknown argument '$1'" >&2; usage ;;
    esac
done

case $whosaid in */*) whosaid=$(cd "$(dirname "$whosaid")" && pwd)/$(basename "$whosaid") ;; esac
if ! command -v "$whosaid" >/dev/null; then
    echo "parallel-check: no whosaid at $whosaid (meson compile -C build)" >&2
    exit 2
fi
if [ $synthetic = 0 ] && [ ! -d "$corpus" ]; then
    echo "parallel-check: skipped: no corpus at $corpus (use --corpus DIR or --synthetic)"
    exit 77
fi
if ! command -v parallel >/dev/null; then
    if [ $install = 0 ]; then
        echo "parallel-check: skipped: GNU parallel is not installed (apt-get install parallel)"
        exit 77
    fi
    echo "parallel-check: installing GNU parallel" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q parallel >/dev/null || exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-parallel.XXXXXX")
if [ $keep = 1 ]; then
    trap 'echo "parallel-check: files kept in $tmp" >&2' EXIT
else
    trap 'rm -rf "$tmp"' EXIT
fi
trap 'exit 130' INT
trap 'exit 143' TERM

# --- requests ---
if [ $synthetic = 1 ]; then
    name="fixtures (articles + wikinews) x $repeat"
    : > "$tmp/requests.jsonl"
    for i in $(seq 1 "$repeat"); do
        "$here/to-jsonl.py" --stats --base "$root/fixtures" --id-prefix "copy$i/" \
            "$root/fixtures/articles" "$root/fixtures/wikinews" \
            >> "$tmp/requests.jsonl" 2> "$tmp/stats"
    done
else
    name=$corpus
    "$here/to-jsonl.py" --stats "$corpus" > "$tmp/requests.jsonl" 2> "$tmp/stats"
fi
read -r articles bytes < <(sed -n 's/^to-jsonl: \([0-9]*\) article(s), \([0-9]*\) byte(s)$/\1 \2/p' "$tmp/stats")
if [ $synthetic = 1 ]; then articles=$((articles * repeat)); bytes=$((bytes * repeat)); fi
nreq=$(wc -l < "$tmp/requests.jsonl")
echo "corpus:   $name"
echo "requests: $nreq lines, $articles articles, $bytes bytes of text; chunks of $records lines, $jobs jobs"

# t0=$EPOCHREALTIME ... rate $t0 prints "S s, X MB/s, Y articles/s"
rate() {
    awk -v t0="$1" -v t1="$EPOCHREALTIME" -v b="$bytes" -v n="$articles" \
        'BEGIN { s = t1 - t0; printf "%6.2f s, %6.2f MB/s, %7.0f articles/s", s, b / 1e6 / s, n / s }'
}

status=0
fail() { echo "parallel-check: FAIL: $*"; status=1; }

# Every worker of a parallel run ended by itself with 0, 1 or 2, and the
# highest status is the local one.
check_joblog() {
    local log=$1 label=$2 worst
    worst=$(awk 'NR > 1 { if ($8 != 0) sig = 1; if ($7 > m) m = $7 }
                 END { if (sig) print "signal"; else if (NR > 1) print m + 0 }' "$log")
    case $worst in
    signal) fail "$label: a worker was killed by a signal (see $log)" ;;
    0|1|2) [ "$worst" = "$local_rc" ] ||
               fail "$label: workers' highest status $worst, the local run's $local_rc" ;;
    *) fail "$label: a worker failed with status ${worst:-?} (see $log)" ;;
    esac
}

# Merge a run's results in request order and compare them with the local ones.
check_results() {
    local out=$1 label=$2
    if ! "$here/merge.py" merge --requests "$tmp/requests.jsonl" -o "$out.merged" "$out" \
            2> "$out.merge-log"; then
        cat "$out.merge-log"
        fail "$label: merge found missing or extra results"
    fi
    if "$here/merge.py" compare --requests "$tmp/requests.jsonl" "$tmp/local.jsonl" \
            "$out.merged" > "$out.compare"; then
        echo "          equal to the local run ($(wc -l < "$out.merged") results)"
    else
        sed 's/^/          /' "$out.compare"
        fail "$label: results differ from the local run"
    fi
}

# --- local: one process ---
t0=$EPOCHREALTIME
local_rc=0
"$whosaid" --no-config --jsonl < "$tmp/requests.jsonl" > "$tmp/local.jsonl" 2> "$tmp/local.err" ||
    local_rc=$?
echo "local:    $(rate "$t0")  (one whosaid, -j 1, status $local_rc)"
if [ "$local_rc" -gt 2 ]; then
    cat "$tmp/local.err" >&2
    echo "parallel-check: the local run failed with status $local_rc" >&2
    exit 1
fi

# --- GNU parallel on this machine, results in input order ---
t0=$EPOCHREALTIME
parallel --pipe -N "$records" --keep-order -j "$jobs" --joblog "$tmp/parallel.log" \
    "$whosaid" --no-config --jsonl < "$tmp/requests.jsonl" > "$tmp/parallel.jsonl" \
    2> "$tmp/parallel.err" || true
echo "parallel: $(rate "$t0")  (parallel --pipe -N $records --keep-order, $jobs jobs," \
     "$(($(wc -l < "$tmp/parallel.log") - 1)) chunks)"
check_joblog "$tmp/parallel.log" parallel
cmp -s "$tmp/parallel.jsonl" "$tmp/local.jsonl" &&
    echo "          byte-identical to the local output as it is (--keep-order)"
check_results "$tmp/parallel.jsonl" parallel

# --- spread with --sshlogin, results as they come ---
how="--sshlogin $sshlogin"
if [ -z "$sshlogin" ]; then
    if ssh -o BatchMode=yes -o ConnectTimeout=3 localhost true 2>/dev/null; then
        sshlogin="$jobs/localhost"
        how="--sshlogin $sshlogin (ssh to this machine)"
    else
        sshlogin=:
        how="--sshlogin : (no password-less ssh to localhost: this machine, without ssh)"
    fi
fi
t0=$EPOCHREALTIME
parallel --pipe -N "$records" -j "$jobs" --sshlogin "$sshlogin" --joblog "$tmp/ssh.log" \
    "$whosaid" --no-config --jsonl < "$tmp/requests.jsonl" > "$tmp/ssh.jsonl" \
    2> "$tmp/ssh.err" || true
echo "ssh:      $(rate "$t0")  ($how, no --keep-order)"
check_joblog "$tmp/ssh.log" ssh
check_results "$tmp/ssh.jsonl" ssh

if [ $status = 0 ]; then
    echo "parallel-check: PASS"
else
    echo "parallel-check: FAIL"
fi
exit $status
