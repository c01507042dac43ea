#!/bin/sh
# Exit status: 0 clean, 1 findings, 2 usage or input errors; other files go on.
. "$(dirname "$0")/lib.sh"

printf 'He said "yes" to it.\n' >"$tmpdir/clean.txt"
printf 'He said "yes to it.\n' >"$tmpdir/unclosed.txt"
printf 'Bad \377 byte.\n' >"$tmpdir/bad.txt"

expect_exit 0 "$tmpdir/clean.txt"
expect_exit 1 "$tmpdir/unclosed.txt"
expect_in "$out" "$tmpdir/unclosed.txt:1:9: error: quotation mark is never closed"

# An input error wins over findings, and the other files are still read.
expect_exit 2 --format json "$tmpdir/bad.txt" "$tmpdir/unclosed.txt"
expect_in "$err" "bad.txt:1:5: invalid UTF-8 (byte 0xff at offset 4)"
expect_in "$out" '"kind": "unclosed-quote"'
expect_in "$out" '"message": "invalid UTF-8 (byte 0xff at offset 4)"'

# Usage errors.
expect_exit 2
expect_in "$err" "no input files"
expect_exit 2 --format nosuch "$tmpdir/clean.txt"
expect_in "$err" "unknown output format 'nosuch'"
expect_exit 2 --bogus "$tmpdir/clean.txt"
expect_in "$err" "unknown option '--bogus'"
expect_exit 2 --format
expect_in "$err" "option '--format' needs an argument"
# Articles that could not be analyzed are listed in the machine-readable
# reports, in their place: a missing file, and an article under a broken
# configuration (whose error is printed once).
mkdir -p "$tmpdir/cfg/ok" "$tmpdir/cfg/broken"
cp "$tmpdir/unclosed.txt" "$tmpdir/cfg/ok/a.txt"
cp "$tmpdir/unclosed.txt" "$tmpdir/cfg/broken/b.txt"
printf 'levels: [\n' >"$tmpdir/cfg/broken/.whosaid.yml"
expect_exit 2 --format json "$tmpdir/cfg/nosuch.txt" "$tmpdir/cfg/ok/a.txt" "$tmpdir/cfg/broken"
expect_in "$err" "nosuch.txt: No such file or directory"
expect_in "$out" '"path": "'"$tmpdir"'/cfg/nosuch.txt"'
expect_in "$out" '"message": "No such file or directory"'
expect_in "$out" '"message": "not analyzed: its configuration could not be loaded"'
expect_exit 2 --format sarif "$tmpdir/cfg/nosuch.txt" "$tmpdir/cfg/ok/a.txt"
expect_in "$out" '"executionSuccessful": false'
# "off" is documented for --fail-level only.
expect_exit 2 --min-level off "$tmpdir/clean.txt"
expect_in "$err" "unknown level 'off' for --min-level (suggestion, warning, error)"
expect_exit 0 --fail-level off "$tmpdir/unclosed.txt"

# Never a report over an article of the run: -o, --format NAME=FILE,
# --summary and --write-baseline naming an input stop with status 2 and
# leave the article as it was, also through another name for the file.
cp "$tmpdir/unclosed.txt" "$tmpdir/keep.txt"
ln "$tmpdir/keep.txt" "$tmpdir/hardlink.txt"
for args in "-o $tmpdir/keep.txt" "--format json=$tmpdir/keep.txt" "--summary $tmpdir/keep.txt" \
            "--write-baseline $tmpdir/keep.txt" "-o $tmpdir/hardlink.txt"; do
    # shellcheck disable=SC2086 # the options are split on purpose
    expect_exit 2 --no-config $args "$tmpdir/keep.txt"
    expect_in "$err" "is one of the articles to check"
    if ! cmp -s "$tmpdir/keep.txt" "$tmpdir/unclosed.txt"; then
        echo "FAIL: whosaid $args changed the article it read"
        failures=$((failures + 1))
        cp "$tmpdir/unclosed.txt" "$tmpdir/keep.txt"
    fi
done
expect_exit 2 --no-config -o "$tmpdir/keep.txt" "$tmpdir"
expect_in "$err" "is one of the articles to check"

# A report through a symbolic link replaces the file it points to and
# keeps the link; a named pipe is written in place, not replaced.
printf 'old\n' >"$tmpdir/target.json"
ln -s target.json "$tmpdir/link.json"
expect_exit 1 --no-config --format json -o "$tmpdir/link.json" "$tmpdir/unclosed.txt"
if [ ! -L "$tmpdir/link.json" ] || ! grep -q '"schema_version"' "$tmpdir/target.json"; then
    echo "FAIL: -o through a symbolic link did not keep the link and write its target"
    failures=$((failures + 1))
fi
ln -s created.json "$tmpdir/dangling.json"
expect_exit 1 --no-config --format json -o "$tmpdir/dangling.json" "$tmpdir/unclosed.txt"
if [ ! -L "$tmpdir/dangling.json" ] || ! grep -q '"schema_version"' "$tmpdir/created.json"; then
    echo "FAIL: -o through a dangling symbolic link did not keep the link and create its target"
    failures=$((failures + 1))
fi
if command -v mkfifo >/dev/null 2>&1 && mkfifo "$tmpdir/pipe"; then
    cat "$tmpdir/pipe" >"$tmpdir/from-pipe" &
    reader=$!
    expect_exit 1 --no-config --format json -o "$tmpdir/pipe" "$tmpdir/unclosed.txt"
    # A replaced pipe would leave the reader waiting for ever.
    [ -p "$tmpdir/pipe" ] || kill $reader 2>/dev/null
    wait $reader
    if [ ! -p "$tmpdir/pipe" ] || ! grep -q '"schema_version"' "$tmpdir/from-pipe"; then
        echo "FAIL: -o to a named pipe did not write through the pipe"
        failures=$((failures + 1))
    fi
fi

expect_exit 0 --help
expect_in "$out" "--input-format NAME"
expect_exit 0 --version
expect_in "$out" "whosaid "
finish
