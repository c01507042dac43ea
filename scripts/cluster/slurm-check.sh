#!/bin/bash
# slurm-check.sh - run whosaid as a Slurm job array over shards of a corpus on
# a throw-away single-node Slurm cluster, check that the merged results are
# byte-equal to one local run, print the timings.
#
#   scripts/cluster/slurm-check.sh [--corpus DIR | --synthetic [--repeat N]]
#                                  [--shards N] [--whosaid PATH] [--keep] [--no-install]
#
# Run as root on a Debian 12 machine (slurm-wlm and munge are installed with
# apt-get when missing; --no-install: skipped instead). Everything lives in
# one temporary folder, removed on exit whatever happens (--keep keeps it):
#
#   munged     its own key (random), socket, pid, log and seed files
#   slurm.conf one node (this machine, its real CPU and memory figures from
#              `slurmd -C`) and one partition; the controller and the node on
#              127.0.0.1 on two free ports; no cgroups (proctrack/linuxproc,
#              task/none), no accounting, no delay before scheduling
#              (batch_sched_delay=0); SLURM_CONF points the commands at it
#   slurmctld, slurmd  started in the foreground (-D) as background processes
#              of this script in their own sessions (a Ctrl-C reaches the
#              script, not them), with their pid and log files in the folder;
#              on exit the script cancels its tasks if any still run, then
#              stops the daemons with `scontrol shutdown`, then by their pid
#
# The corpus (default ../shared/bench/bbc-news beside the repository; absent:
# exit 77, "skipped"; --synthetic: N copies, default 20, of fixtures/articles
# and fixtures/wikinews) becomes request lines (to-jsonl.py), cut into N shards
# (default 4) of whole lines in input order: shard.0 ... shard.N-1. Then
#
#   sbatch --wait --array=0-(N-1) task.sh
#
# where each array task runs
#
#   whosaid --no-config --jsonl < shard.$SLURM_ARRAY_TASK_ID > out.$SLURM_ARRAY_TASK_ID
#
# On a real cluster the same job script works unchanged when the shards and
# whosaid are on a shared file system; only the sbatch options (partition,
# --cpus-per-task, --mem, --time) change. merge.py merges out.* in request
# order and compares them with one local run; every task must end with status
# 0, 1 or 2, the highest equal to the local run's.
#
# Exit status: 0 equal, 1 a difference or a failed task, 2 usage or setup
# error (the logs are printed), 77 skipped (no corpus, not root, or no Slurm
# with --no-install).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
whosaid=$root/build/src/cli/whosaid
corpus=$root/../shared/bench/bbc-news
synthetic=0
repeat=20
shards=4
keep=0
install=1

usage() { sed -n '6,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
    case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --synthetic) synthetic=1; shift ;;
    --repeat) repeat=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --whosaid) whosaid=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --no-install) install=0; shift ;;
    -h|--help) usage ;;
    *) echo "slurm-check: unknown argument '$1'" >&2; usage ;;
    esac
done
case $shards in ''|*[!0-9]*|0) echo "slurm-check: --shards needs a positive number" >&2; exit 2 ;; esac

whosaid=$(cd "$(dirname "$whosaid")" && pwd)/$(basename "$whosaid")
if [ ! -x "$whosaid" ]; then
    echo "slurm-check: no whosaid at $whosaid (meson compile -C build)" >&2
    exit 2
fi
if [ "$(id -u)" != 0 ]; then
    echo "slurm-check: skipped: the Slurm daemons are started as root (run as root)"
    exit 77
fi
if [ $synthetic = 0 ] && [ ! -d "$corpus" ]; then
    echo "slurm-check: skipped: no corpus at $corpus (use --corpus DIR or --synthetic)"
    exit 77
fi
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null ||
   ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
    if [ $install = 0 ]; then
        echo "slurm-check: skipped: Slurm or munge is not installed (apt-get install slurm-wlm munge)"
        exit 77
    fi
    echo "slurm-check: installing slurm-wlm and munge" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null || exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-slurm.XXXXXX")
chmod 755 "$tmp"
mkdir -p "$tmp/etc" "$tmp/log" "$tmp/run" "$tmp/state" "$tmp/spool" "$tmp/work"
mkdir -m 700 "$tmp/munge"
munge_pid='' ctld_pid='' slurmd_pid='' sbatch_pid=''

# Stop what this script started, by pid; remove the folder.
stop_pid() {  # pid name
    local pid=$1 i
    [ -n "$pid" ] || return 0
    for i in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        [ "$i" = 20 ] && { kill -TERM "$pid" 2>/dev/null || true; }
        sleep 0.1
    done
    echo "slurm-check: $2 (pid $pid) did not stop: killed" >&2
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    [ -n "$sbatch_pid" ] && { kill -TERM "$sbatch_pid" 2>/dev/null || true; }
    if [ -n "$ctld_pid" ] && kill -0 "$ctld_pid" 2>/dev/null; then
        # Interrupted during the job array: cancel its tasks (SLURM_CONF: this
        # cluster only) so that no task outlives the daemons.
        scancel --quiet --user="$(id -un)" >/dev/null 2>&1 || true
        for _ in $(seq 50); do
            [ -z "$(squeue -h 2>/dev/null)" ] && break
            sleep 0.1
        done
        scontrol shutdown >/dev/null 2>&1 || true
    fi
    stop_pid "$slurmd_pid" slurmd
    stop_pid "$ctld_pid" slurmctld
    [ -n "$munge_pid" ] && { kill -TERM "$munge_pid" 2>/dev/null || true; }
    stop_pid "$munge_pid" munged
    if [ $keep = 1 ]; then
        echo "slurm-check: files kept in $tmp" >&2
    else
        rm -rf "$tmp"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

setup_failed() {
    echo "slurm-check: $*" >&2
    for f in "$tmp"/log/*; do
        [ -s "$f" ] || continue
        echo "--- $(basename "$f") (last lines)" >&2
        tail -n 15 "$f" >&2
    done
    exit 2
}
now() { echo "$EPOCHREALTIME"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# --- requests and shards ---
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
(cd "$tmp/work" && split -n "l/$shards" -d -a 6 "$tmp/requests.jsonl" shard.)
for f in "$tmp"/work/shard.*; do
    mv "$f" "$tmp/work/shard.$((10#${f##*.}))"
done
echo "corpus:   $name"
echo "requests: $(wc -l < "$tmp/requests.jsonl") lines, $articles articles, $bytes bytes of text;" \
     "$shards shards"

mbs() { awk -v s="$1" -v b="$bytes" 'BEGIN { printf "%.2f MB/s", b / 1e6 / s }'; }

# --- the local reference run ---
t0=$(now)
local_rc=0
"$whosaid" --no-config --jsonl < "$tmp/requests.jsonl" > "$tmp/local.jsonl" 2> "$tmp/local.err" ||
    local_rc=$?
t=$(secs "$t0" "$(now)")
echo "local:    $t s, $(mbs "$t")  (one whosaid, -j 1, status $local_rc)"
if [ "$local_rc" -gt 2 ]; then
    cat "$tmp/local.err" >&2
    echo "slurm-check: the local run failed with status $local_rc" >&2
    exit 1
fi

# --- munge ---
t_up=$(now)
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
socket=$tmp/munge/munge.socket
setsid munged --foreground --force --key-file="$tmp/munge/munge.key" --socket="$socket" \
    --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/log/munged.log" \
    --seed-file="$tmp/munge/munged.seed" > "$tmp/log/munged.out" 2>&1 &
munge_pid=$!
for _ in $(seq 100); do
    [ -S "$socket" ] && break
    kill -0 "$munge_pid" 2>/dev/null || setup_failed "munged did not start"
    sleep 0.1
done
munge -n -S "$socket" | unmunge -S "$socket" >/dev/null 2>&1 ||
    setup_failed "munge cannot encode and decode a credential"

# --- slurm.conf ---
host=$(hostname -s)
free_ports() {
    python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))'
}
read -r ctld_port slurmd_port < <(free_ports)
# This machine as `slurmd -C` sees it: CPUs, sockets, cores, threads, memory.
node=$(slurmd -C | sed -n 's/^NodeName=[^ ]* //p' | head -1)
[ -n "$node" ] || setup_failed "slurmd -C printed no node line"
export SLURM_CONF=$tmp/etc/slurm.conf
cat > "$SLURM_CONF" <<EOF
ClusterName=whosaid
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MailProg=/bin/true
SchedulerParameters=batch_sched_delay=0
NodeName=$host NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=whosaid Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

# --- the daemons ---
setsid slurmctld -D -c -f "$SLURM_CONF" > "$tmp/log/slurmctld.out" 2>&1 &
ctld_pid=$!
setsid slurmd -D -f "$SLURM_CONF" -N "$host" > "$tmp/log/slurmd.out" 2>&1 &
slurmd_pid=$!
state=
for _ in $(seq 300); do
    kill -0 "$ctld_pid" 2>/dev/null || setup_failed "slurmctld stopped"
    kill -0 "$slurmd_pid" 2>/dev/null || setup_failed "slurmd stopped"
    state=$(sinfo -h -N -n "$host" -o %t 2>/dev/null || true)
    [ "$state" = idle ] && break
    sleep 0.1
done
[ "$state" = idle ] || setup_failed "the node is not idle after 30 s (state: '${state:-none}')"
echo "slurm:    up in $(secs "$t_up" "$(now)") s: node $host ($node)"

# --- the job array ---
cat > "$tmp/work/task.sh" <<EOF
#!/bin/sh
i=\$SLURM_ARRAY_TASK_ID
date +%s.%N > start.\$i
"$whosaid" --no-config --jsonl < shard.\$i > out.\$i 2> err.\$i
echo \$? > rc.\$i
date +%s.%N > end.\$i
EOF
chmod +x "$tmp/work/task.sh"
# sbatch runs in the background so that a signal reaches the traps at once
# (they cancel the tasks) instead of after sbatch --wait returns.
t0=$(now)
sbatch --wait --quiet --array="0-$((shards - 1))" --job-name=whosaid \
    --chdir="$tmp/work" --output="$tmp/work/slurm-%A_%a.out" --ntasks=1 \
    --cpus-per-task=1 "$tmp/work/task.sh" > "$tmp/log/sbatch.out" 2>&1 &
sbatch_pid=$!
sbatch_rc=0
wait "$sbatch_pid" || sbatch_rc=$?
sbatch_pid=''
if [ $sbatch_rc != 0 ]; then
    cat "$tmp"/work/slurm-*.out >&2 2>/dev/null || true
    setup_failed "the job array failed (sbatch status $sbatch_rc)"
fi
t=$(secs "$t0" "$(now)")
first=$(cat "$tmp"/work/start.* | sort -n | head -1)
last=$(cat "$tmp"/work/end.* | sort -n | tail -1)
busy=$(for i in $(seq 0 $((shards - 1))); do
           echo "$(cat "$tmp/work/start.$i") $(cat "$tmp/work/end.$i")"
       done | awk '{ s += $2 - $1 } END { printf "%.2f", s }')
done_t=$(secs "$t0" "$last")
span=$(secs "$first" "$last")
echo "slurm:    $done_t s, $(mbs "$done_t")  (sbatch --array=0-$((shards - 1)): submit to the last task's end)"
echo "          $span s, $(mbs "$span")  (first task's start to last task's end; $busy s inside the tasks)"
echo "          $t s, $(mbs "$t")  (until sbatch --wait returned: it polls at growing intervals, up to 10 s)"

# --- check ---
status=0
worst=0
for i in $(seq 0 $((shards - 1))); do
    rc=$(cat "$tmp/work/rc.$i" 2>/dev/null || echo missing)
    case $rc in
    0|1|2) [ "$rc" -gt "$worst" ] && worst=$rc ;;
    *) echo "slurm-check: FAIL: task $i ended with status $rc"; cat "$tmp/work/err.$i"; status=1 ;;
    esac
done
if [ $status = 0 ] && [ "$worst" != "$local_rc" ]; then
    echo "slurm-check: FAIL: the tasks' highest status is $worst, the local run's $local_rc"
    status=1
fi
outs=()
for i in $(seq 0 $((shards - 1))); do outs+=("$tmp/work/out.$i"); done
if ! "$here/merge.py" merge --requests "$tmp/requests.jsonl" -o "$tmp/slurm.jsonl" "${outs[@]}" \
        2> "$tmp/log/merge.log"; then
    cat "$tmp/log/merge.log"
    echo "slurm-check: FAIL: missing or extra results"
    status=1
fi
if "$here/merge.py" compare --requests "$tmp/requests.jsonl" "$tmp/local.jsonl" \
        "$tmp/slurm.jsonl" > "$tmp/compare"; then
    echo "          equal to the local run ($(wc -l < "$tmp/slurm.jsonl") results)"
else
    sed 's/^/          /' "$tmp/compare"
    echo "slurm-check: FAIL: results differ from the local run"
    status=1
fi
if [ $status = 0 ]; then
    echo "slurm-check: PASS"
else
    echo "slurm-check: FAIL"
fi
exit $status
