# Shared by the CLI tests: run whosaid and check its exit status and output.
#   . lib.sh; expect_exit 2 whosaid args...; expect_stderr 'text'
set -u
whosaid=$1
root=$2
cd "$root" || exit 2
tmpdir=$(mktemp -d)
trap 'chmod -R u+rwx "$tmpdir" 2>/dev/null; rm -rf "$tmpdir"' EXIT
failures=0
out=$tmpdir/out
err=$tmpdir/err

# expect_exit STATUS ARGS...: run whosaid with ARGS, check the exit status.
expect_exit() {
    want=$1
    shift
    "$whosaid" "$@" >"$out" 2>"$err"
    got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL: whosaid $* exited $got, expected $want"
        sed 's/^/  stderr: /' "$err" | head -5
        failures=$((failures + 1))
    fi
}

# expect_in FILE TEXT: the output file (out or err) contains TEXT.
expect_in() {
    if ! grep -qF -- "$2" "$1"; then
        echo "FAIL: expected '$2' in $(basename "$1"):"
        sed 's/^/  /' "$1" | head -10
        failures=$((failures + 1))
    fi
}

expect_not_in() {
    if grep -qF -- "$2" "$1"; then
        echo "FAIL: did not expect '$2' in $(basename "$1")"
        failures=$((failures + 1))
    fi
}

finish() {
    [ "$failures" = 0 ] && echo "ok" && exit 0
    echo "$failures failure(s)"
    exit 1
}
