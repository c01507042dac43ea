#!/bin/sh
# Output formats: several reports in one run, -o, --summary, --color and
# NO_COLOR, the progress line, failures in the machine formats, and the bash
# completion offering what --help lists.
. "$(dirname "$0")/lib.sh"

art=fixtures/articles/idlib.txt
printf 'The so-called plan failed.\n' >"$tmpdir/a.txt"
printf 'Bad \377 byte.\n' >"$tmpdir/bad.txt"

# Several formats in one run: stdout gets the plain --format, files the rest.
expect_exit 0 --fail-level off --format github --format json="$tmpdir/r.json" \
    --format sarif="$tmpdir/r.sarif" --format html="$tmpdir/r.html" "$art"
expect_in "$out" "::warning file=$art,line="
expect_in "$tmpdir/r.json" '"schema_version": 1'
expect_in "$tmpdir/r.sarif" '"version": "2.1.0"'
expect_in "$tmpdir/r.html" '<!DOCTYPE html>'
for f in r.json r.sarif r.html; do
    ls "$tmpdir" | grep -q "^$f.tmp" && { echo "FAIL: temporary file of $f left"; failures=$((failures + 1)); }
done
# The same reports as single runs: each output is what --format alone writes.
"$whosaid" --format json="$tmpdir/r.json" --format sarif="$tmpdir/r.sarif" "$tmpdir/a.txt"
"$whosaid" --format sarif "$tmpdir/a.txt" >"$tmpdir/single.sarif"
cmp -s "$tmpdir/single.sarif" "$tmpdir/r.sarif" || { echo "FAIL: sarif differs in a multi-format run"; failures=$((failures + 1)); }

# Only files asked for: nothing on standard output.
expect_exit 0 --fail-level off --format json="$tmpdir/only.json" "$art"
[ -s "$out" ] && { echo "FAIL: output on stdout with only NAME=FILE"; failures=$((failures + 1)); }
expect_in "$tmpdir/only.json" '"path": "fixtures/articles/idlib.txt"'

# -o for the single format, replaced as a whole.
echo old >"$tmpdir/o.sarif"
expect_exit 0 --fail-level off -f sarif -o "$tmpdir/o.sarif" "$art"
expect_in "$tmpdir/o.sarif" '"columnKind": "unicodeCodePoints"'
expect_not_in "$tmpdir/o.sarif" old

# A report larger than the output's buffer (256 KiB) comes out whole and
# the same through a pipe, into a file and into a named pipe written in
# place.
i=0
while [ $i -lt 600 ]; do
    printf 'Tom Hale said: "The Kestrel ferry will sail again in May, and the Riverton pier opens with it."\n\n'
    i=$((i + 1))
done >"$tmpdir/long.txt"
"$whosaid" --fail-level off -f json "$tmpdir/long.txt" | cat >"$tmpdir/long.piped"
"$whosaid" --fail-level off -f json -o "$tmpdir/long.json" "$tmpdir/long.txt"
[ "$(wc -c <"$tmpdir/long.json")" -gt 300000 ] ||
    { echo "FAIL: the long report is not larger than the buffer"; failures=$((failures + 1)); }
cmp -s "$tmpdir/long.piped" "$tmpdir/long.json" ||
    { echo "FAIL: the long report differs between a pipe and a file"; failures=$((failures + 1)); }
tail -c 3 "$tmpdir/long.json" | grep -q '^}$' ||
    { echo "FAIL: the long report does not end its document"; failures=$((failures + 1)); }
if command -v mkfifo >/dev/null 2>&1 && mkfifo "$tmpdir/long.fifo"; then
    cat "$tmpdir/long.fifo" >"$tmpdir/long.fromfifo" &
    "$whosaid" --fail-level off -f json -o "$tmpdir/long.fifo" "$tmpdir/long.txt"
    wait
    cmp -s "$tmpdir/long.fromfifo" "$tmpdir/long.json" ||
        { echo "FAIL: the long report differs through a named pipe"; failures=$((failures + 1)); }
fi

# Conflicts are usage errors, and nothing is written.
expect_exit 2 --format json=- --format text "$art"
expect_in "$err" "only one report can go to standard output"
expect_exit 2 --format json="$tmpdir/x" --format sarif="$tmpdir/x" "$art"
expect_in "$err" "two reports would be written to '$tmpdir/x'"
[ -e "$tmpdir/x" ] && { echo "FAIL: $tmpdir/x written after a usage error"; failures=$((failures + 1)); }
expect_exit 2 --format html= "$art"
expect_in "$err" "needs a file name after '='"
expect_exit 2 --format pdf=x.pdf "$art"
expect_in "$err" "unknown output format 'pdf'"
expect_exit 2 --color sometimes "$art"
expect_in "$err" "unknown --color value 'sometimes'"
# A report that cannot be created: exit 2, no partial file.
expect_exit 2 --format json="$tmpdir/no/such/dir/r.json" "$art"
expect_in "$err" "cannot create"

# --summary appends a Markdown table, and the text report still goes to stdout.
echo "# Earlier step" >"$tmpdir/summary.md"
expect_exit 0 --fail-level off --summary "$tmpdir/summary.md" "$art" "$tmpdir/a.txt"
expect_in "$out" "statements"
expect_in "$tmpdir/summary.md" "# Earlier step"
expect_in "$tmpdir/summary.md" "| File | Statements | Speakers | Errors | Warnings | Suggestions |"
expect_in "$tmpdir/summary.md" "| fixtures/articles/idlib.txt | 10 |"
expect_in "$tmpdir/summary.md" "| **Total: 2 files** |"
expect_exit 0 --fail-level off --summary "$tmpdir/summary.md" "$art"
[ "$(grep -c '^### whosaid' "$tmpdir/summary.md")" = 2 ] ||
    { echo "FAIL: --summary did not append"; failures=$((failures + 1)); }

# Failures reach the machine-readable formats.
expect_exit 2 --format sarif "$tmpdir/bad.txt" "$tmpdir/a.txt"
expect_in "$out" '"executionSuccessful": false'
expect_in "$out" '"text": "invalid UTF-8 (byte 0xff at offset 4)"'
expect_in "$out" '"ruleId": "News.Hedges"'
expect_exit 2 --format github "$tmpdir/bad.txt"
expect_in "$out" "::error file=$tmpdir/bad.txt,line=1,col=5,endLine=1,endColumn=5,title=whosaid::invalid UTF-8"
expect_exit 2 --format summary "$tmpdir/bad.txt"
expect_in "$out" "not read: invalid UTF-8"
expect_exit 2 --format html "$tmpdir/bad.txt"
expect_in "$out" "Not analysed: invalid UTF-8"

# Absolute paths under the current directory become relative in SARIF and annotations.
expect_exit 0 --fail-level off --format sarif "$root/$art"
expect_in "$out" '"uri": "fixtures/articles/idlib.txt"'
expect_in "$out" '"uriBaseId": "%SRCROOT%"'

# Colour: never into a file or pipe, unless asked; NO_COLOR only affects auto.
esc=$(printf '\033')
expect_exit 0 --fail-level off "$tmpdir/a.txt"
expect_not_in "$out" "$esc["
expect_exit 0 --fail-level off --color always "$tmpdir/a.txt"
expect_in "$out" "$esc[1;33mwarning:"
NO_COLOR=1 expect_exit 0 --fail-level off --color always "$tmpdir/a.txt"
expect_in "$out" "$esc[1;33mwarning:"
expect_exit 0 --fail-level off --color never "$tmpdir/a.txt"
expect_not_in "$out" "$esc["

# On a terminal (script(1) gives one): colour unless NO_COLOR; a progress
# line on stderr for more than 50 inputs when the report goes to a file.
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
    script -qec "'$whosaid' --fail-level off '$tmpdir/a.txt'" /dev/null >"$tmpdir/tty" 2>&1
    expect_in "$tmpdir/tty" "$esc[1;33mwarning:"
    NO_COLOR=1 script -qec "'$whosaid' --fail-level off '$tmpdir/a.txt'" /dev/null >"$tmpdir/tty" 2>&1
    expect_not_in "$tmpdir/tty" "$esc["
    mkdir "$tmpdir/many"
    i=0
    while [ $i -lt 51 ]; do
        printf 'She said "yes %d".\n' $i >"$tmpdir/many/a$i.txt"
        i=$((i + 1))
    done
    script -qec "'$whosaid' -o '$tmpdir/many.out' '$tmpdir/many'" /dev/null >"$tmpdir/tty" 2>&1
    expect_in "$tmpdir/tty" "whosaid: 50/51 files"
    rm "$tmpdir/many/a0.txt"
    script -qec "'$whosaid' -o '$tmpdir/many.out' '$tmpdir/many'" /dev/null >"$tmpdir/tty" 2>&1
    expect_not_in "$tmpdir/tty" "files"
    # Not when the report itself goes to the terminal.
    printf 'x\n' >"$tmpdir/many/a0.txt"
    script -qec "'$whosaid' '$tmpdir/many'" /dev/null >"$tmpdir/tty" 2>&1
    expect_not_in "$tmpdir/tty" "/51 files"
else
    echo "(no script(1): terminal checks skipped)"
fi
# Not on a pipe.
expect_exit 0 --fail-level off -o "$tmpdir/many.out" "$tmpdir/a.txt"
expect_not_in "$err" "files"

# The bash completion offers every format and long option of --help.
if command -v bash >/dev/null 2>&1; then
    "$whosaid" --help >"$tmpdir/help"
    formats=$(tr '\n' ' ' <"$tmpdir/help" | tr -s ' ' | sed 's/.*one of: \([a-z, ]*\) (default.*/\1/; s/,//g')
    options=$(grep -o -- '--[a-z-]*' "$tmpdir/help" | sort -u | tr '\n' ' ')
    bash -c '. contrib/whosaid.bash
        complete_line() { COMP_LINE=$1; COMP_POINT=${#1}; _whosaid; echo "${COMPREPLY[*]}"; }
        complete_line "whosaid --format "
        complete_line "whosaid --"' >"$tmpdir/completion" 2>&1
    got_formats=$(sed -n 1p "$tmpdir/completion")
    [ "$got_formats" = "$formats" ] ||
        { echo "FAIL: completion formats '$got_formats', --help says '$formats'"; failures=$((failures + 1)); }
    for o in $options; do
        sed -n 2p "$tmpdir/completion" | tr ' ' '\n' | grep -qx -- "$o" ||
            { echo "FAIL: completion lacks $o"; failures=$((failures + 1)); }
    done
fi
finish
