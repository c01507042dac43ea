#!/bin/sh
# Inputs: standard input, directories, unreadable and missing files, binary
# files, format by extension and by option.
. "$(dirname "$0")/lib.sh"

# Standard input as "-".
printf 'She said "no".\n' | "$whosaid" --format json - >"$out" 2>"$err"
[ $? = 0 ] || { echo "FAIL: stdin exit"; failures=$((failures + 1)); }
expect_in "$out" '"path": "<stdin>"'
expect_in "$out" '"text": "no"'

# A directory is walked for article extensions only, in sorted order.
mkdir -p "$tmpdir/dir/sub" "$tmpdir/dir/.hidden"
printf 'A "one".\n' >"$tmpdir/dir/b.txt"
printf 'A "two".\n' >"$tmpdir/dir/sub/a.md"
printf '<p>A "three".</p>\n' >"$tmpdir/dir/c.html"
printf 'not an article\n' >"$tmpdir/dir/notes.csv"
printf 'A "hidden".\n' >"$tmpdir/dir/.hidden/x.txt"
expect_exit 0 --format json "$tmpdir/dir"
expect_in "$out" "dir/b.txt"
expect_in "$out" "dir/sub/a.md"
expect_in "$out" '"format": "html"'
expect_not_in "$out" "notes.csv"
expect_not_in "$out" "hidden"
order=$(grep -o '"path": "[^"]*"' "$out" | tr '\n' ' ')
case "$order" in
    *b.txt*c.html*sub/a.md*) ;;
    *) echo "FAIL: directory order: $order"; failures=$((failures + 1)) ;;
esac

# A symbolic link loop is reported once and skipped.
ln -s .. "$tmpdir/dir/sub/loop"
expect_exit 0 "$tmpdir/dir"
expect_in "$err" "directory loop"

# Missing and unreadable files are input errors; the rest is still read.
expect_exit 2 --format json "$tmpdir/nosuch.txt" "$tmpdir/dir/b.txt"
expect_in "$err" "nosuch.txt: No such file or directory"
expect_in "$out" "dir/b.txt"
if [ "$(id -u)" != 0 ]; then
    printf 'x\n' >"$tmpdir/locked.txt"
    chmod 000 "$tmpdir/locked.txt"
    expect_exit 2 "$tmpdir/locked.txt"
    expect_in "$err" "Permission denied"
fi

# A file that fails while being read (as root too: /proc/self/mem has no
# mapping at offset 0) is an input error naming it.
expect_exit 2 /proc/self/mem
expect_in "$err" "/proc/self/mem: read error"

# Binary files are detected and skipped with a message.
printf 'PK\003\004\000\000binary' >"$tmpdir/archive.txt"
expect_exit 2 "$tmpdir/archive.txt"
expect_in "$err" "binary file"

# An empty file is clean.
: >"$tmpdir/empty.txt"
expect_exit 0 --format json "$tmpdir/empty.txt"
expect_in "$out" '"statements": []'

# --input-format overrides the extension.
printf '<p>He said &ldquo;yes&rdquo;.</p>\n' >"$tmpdir/page.txt"
expect_exit 0 --format json --input-format html "$tmpdir/page.txt"
expect_in "$out" '"format": "html"'

# A closed standard output is a write error: exit 2.
"$whosaid" "$tmpdir/dir/b.txt" >&- 2>"$err"
[ $? = 2 ] || { echo "FAIL: closed stdout should exit 2"; failures=$((failures + 1)); }

# -o writes the report to a file and leaves no temporary file behind.
expect_exit 0 --format json -o "$tmpdir/report.json" "$tmpdir/dir/b.txt"
expect_in "$tmpdir/report.json" '"schema_version": 1'
leftover=$(ls "$tmpdir" | grep -c '\.tmp\.' || true)
[ "$leftover" = 0 ] || { echo "FAIL: temporary file left behind"; failures=$((failures + 1)); }

# whosaid never writes to its inputs.
sum_before=$(cat "$tmpdir/dir/b.txt" | cksum)
"$whosaid" "$tmpdir/dir" >/dev/null 2>&1
[ "$(cat "$tmpdir/dir/b.txt" | cksum)" = "$sum_before" ] || { echo "FAIL: input changed"; failures=$((failures + 1)); }
finish
