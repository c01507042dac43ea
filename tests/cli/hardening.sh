#!/bin/sh
# Inputs are never modified, and -o replaces its file atomically: a run that
# fails leaves the previous report as it was and no partial or temporary file.
. "$(dirname "$0")/lib.sh"

# --- Inputs are never modified ---------------------------------------------
# Every input of a directory run, in every output format, with the report
# written into the same directory: contents, sizes, modes, mtimes and ctimes
# (nanoseconds) stay the same, and no file appears but the reports.
in=$tmpdir/in
mkdir -p "$in/sub" "$in/rules/Local"
printf 'He said "yes" and left, officials said.\n' >"$in/a.txt"
printf '# Title\n\n> "Quoted," she said.\n\n* "one" item\n' >"$in/sub/b.md"
printf '<p>He said <q>no</q>.</p><p>&ldquo;Maybe,&rdquo; she said.</p>\n' >"$in/c.html"
printf 'He said "unclosed.\n' >"$in/sub/d.txt"
printf 'Bad \377 byte "here".\n' >"$in/e.txt"
printf 'type: existence\nmessage: "%%s"\ntokens: [officials]\nexamples:\n  - flag: officials\n  - ok: x\n' \
    >"$in/rules/Local/Officials.yml"
printf 'rules: [rules]\nfail_level: warning\n' >"$in/.whosaid.yml"
chmod 0640 "$in/a.txt"
chmod 0444 "$in/c.html"

snapshot() {
    find "$in" -print | LC_ALL=C sort | while read -r f; do
        if [ -f "$f" ]; then
            printf '%s %s ' "$f" "$(cksum <"$f")"
            stat -c '%n %s %a %y %z' "$f"
        else
            stat -c '%n %a' "$f" # a folder's times change with the reports in it
        fi
    done
}
before=$tmpdir/before
after=$tmpdir/after
# The timestamps have a resolution: make a change visible even when whosaid
# runs within the same tick as the files were written.
sleep 1
snapshot >"$before"
for f in text json; do
    "$whosaid" --format "$f" "$in" >/dev/null 2>&1
    "$whosaid" --format "$f" "$in/a.txt" "$in/sub/b.md" "$in/c.html" - <"$in/sub/d.txt" >/dev/null 2>&1
    "$whosaid" --format "$f" -o "$in/report.$f.out" "$in" >/dev/null 2>&1
    rm -f "$in/report.$f.out"
done
"$whosaid" rules test --rules "$in/rules" Local >/dev/null 2>&1
"$whosaid" config "$in/a.txt" >/dev/null 2>&1
snapshot >"$after"
if ! diff -u "$before" "$after" >"$tmpdir/diff"; then
    echo "FAIL: whosaid changed its inputs:"
    sed 's/^/  /' "$tmpdir/diff" | head -20
    failures=$((failures + 1))
fi

# --- -o is atomic ---------------------------------------------------------
printf 'He said "yes".\n' >"$tmpdir/small.txt"
# A report over 64 KiB, so that it is written in more than one piece.
i=0
while [ $i -lt 400 ]; do
    printf 'He said "yes, number %d, of many" and she said "no".\n\n' $i
    i=$((i + 1))
done >"$tmpdir/big.txt"
report=$tmpdir/reports/report.json
mkdir -p "$tmpdir/reports"
printf 'previous report\n' >"$report"

# no_partial: the previous report is intact and nothing else is in reports/.
no_partial() {
    if [ "$(cat "$report")" != "previous report" ]; then
        echo "FAIL: $1: the previous report was replaced or damaged"
        failures=$((failures + 1))
    fi
    extra=$(ls -A "$tmpdir/reports" | grep -v '^report.json$' || true)
    if [ -n "$extra" ]; then
        echo "FAIL: $1: files left behind: $extra"
        failures=$((failures + 1))
        (cd "$tmpdir/reports" && rm -f -- $extra)
    fi
}

# A write error in the middle of the report (the file size limit, which
# binds root too; SIGXFSZ ignored so that write() fails with EFBIG).
for f in text json; do
    (
        trap '' XFSZ
        ulimit -f 16 # 8 KiB
        exec "$whosaid" --format "$f" -o "$report" "$tmpdir/big.txt"
    ) >"$out" 2>"$err"
    status=$?
    [ "$status" = 2 ] || { echo "FAIL: $f: a write error should exit 2, got $status"; failures=$((failures + 1)); }
    expect_in "$err" "report.json: write error"
    no_partial "$f: write error"
done

# The report's path is a directory: renaming over it fails.
mkdir "$tmpdir/reports/dir.json"
expect_exit 2 --format json -o "$tmpdir/reports/dir.json" "$tmpdir/small.txt"
[ -d "$tmpdir/reports/dir.json" ] && [ -z "$(ls -A "$tmpdir/reports/dir.json")" ] ||
    { echo "FAIL: the directory in the way was changed"; failures=$((failures + 1)); }
rmdir "$tmpdir/reports/dir.json"
no_partial "path is a directory"

# The report's folder does not exist, or (not as root) cannot be written.
expect_exit 2 --format json -o "$tmpdir/nosuch/report.json" "$tmpdir/small.txt"
expect_in "$err" "nosuch/report.json"
[ ! -e "$tmpdir/nosuch" ] || { echo "FAIL: a folder was created"; failures=$((failures + 1)); }
if [ "$(id -u)" != 0 ]; then
    chmod 0555 "$tmpdir/reports"
    expect_exit 2 --format json -o "$report" "$tmpdir/small.txt"
    chmod 0755 "$tmpdir/reports"
    no_partial "read-only folder"
fi

# An input error is not a failed report: the report is replaced, complete.
printf 'Bad \377 byte.\n' >"$tmpdir/bad.txt"
expect_exit 2 --format json -o "$report" "$tmpdir/bad.txt" "$tmpdir/small.txt"
tail -n 1 "$report" | grep -qx '}' || { echo "FAIL: the report is not complete"; failures=$((failures + 1)); }
expect_in "$report" '"text": "yes"'
expect_in "$report" 'invalid UTF-8'
printf 'previous report\n' >"$report"

# A file name with control characters cannot drive the terminal through an
# error message: they are shown as escapes.
mkdir "$tmpdir/names"
esc=$(printf '\033')
bel=$(printf '\007')
name="$tmpdir/names/x${esc}]0;pwned${bel}${esc}[2J.txt"
printf 'a\000b' >"$name"
expect_exit 2 --no-config "$tmpdir/names"
if grep -q "$esc" "$err" || grep -q "$bel" "$err"; then
    echo "FAIL: a control character in a file name reached standard error"
    failures=$((failures + 1))
fi
expect_in "$err" 'x\x1b]0;pwned\x07\x1b[2J.txt: '

# Killed in the middle of a run: the report is the previous one or the new
# one, complete, never a part. (A temporary file may stay after SIGKILL.)
i=0
while [ $i -lt 40 ]; do cat "$tmpdir/big.txt"; i=$((i + 1)); done >"$tmpdir/huge.txt"
"$whosaid" --format json -o "$report" "$tmpdir/huge.txt" >/dev/null 2>&1 &
pid=$!
sleep 0.2
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if [ "$(cat "$report")" != "previous report" ] && ! tail -n 1 "$report" | grep -qx '}'; then
    echo "FAIL: a killed run left a partial report"
    failures=$((failures + 1))
fi
finish
