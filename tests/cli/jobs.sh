#!/bin/sh
# -j N: the same output as -j 1, in input order, whatever finishes first.
. "$(dirname "$0")/lib.sh"

# Articles of very different lengths, so that workers finish out of order.
mkdir "$tmpdir/in"
awk -v dir="$tmpdir/in" 'BEGIN {
    p = "\"We will stay,\" said Jane Okafor, a nurse. The army reportedly withdrew. Officials said it rained.\n\n"
    for (i = 0; i < 24; i++) {
        f = sprintf("%s/a%02d.txt", dir, i)
        n = ((i * 7) % 11 + 1) * 40
        for (k = 0; k < n; k++)
            printf "%s", p > f
        close(f)
    }
}'
printf 'Bad \377 byte.\n' >"$tmpdir/in/a05.txt"

for fmt in json jsonl text sarif; do
    "$whosaid" --no-config --format $fmt -j 1 "$tmpdir/in" >"$tmpdir/one.$fmt" 2>"$tmpdir/one.err"
    one=$?
    for j in 2 3 8; do
        "$whosaid" --no-config --format $fmt -j $j "$tmpdir/in" >"$tmpdir/many.$fmt" 2>"$tmpdir/many.err"
        many=$?
        if [ $one != 2 ] || [ $many != 2 ] || ! cmp -s "$tmpdir/one.$fmt" "$tmpdir/many.$fmt" ||
           ! cmp -s "$tmpdir/one.err" "$tmpdir/many.err"; then
            echo "FAIL: --format $fmt -j $j differs from -j 1 (exit $many, $one)"
            failures=$((failures + 1))
        fi
    done
done
# Several outputs at once (JSON is rendered by the workers, the others on
# the main thread), with a baseline filtering the findings.
"$whosaid" --no-config -j 1 --write-baseline "$tmpdir/base" "$tmpdir/in/a0"* >/dev/null 2>&1
for j in 1 2; do
    "$whosaid" --no-config -j $j --baseline "$tmpdir/base" --format json="$tmpdir/b$j.json" \
        --format jsonl="$tmpdir/b$j.jsonl" --format text="$tmpdir/b$j.txt" \
        --write-baseline "$tmpdir/new$j" "$tmpdir/in" >/dev/null 2>&1
done
for f in b1.json b1.jsonl b1.txt new1; do
    if ! cmp -s "$tmpdir/$f" "$tmpdir/$(echo $f | sed 's/1/2/')"; then
        echo "FAIL: $f differs between -j 1 and -j 2 with a baseline"
        failures=$((failures + 1))
    fi
done
# Without --write-baseline the workers filter too: the same entries.
"$whosaid" --no-config -j 2 --baseline "$tmpdir/base" --format json "$tmpdir/in" >"$out" 2>/dev/null
if ! cmp -s "$out" "$tmpdir/b1.json"; then
    echo "FAIL: the baseline filtered on the workers gives other JSON"
    failures=$((failures + 1))
fi
expect_not_in "$tmpdir/b1.txt" "a01.txt:1:"
expect_in "$tmpdir/b1.txt" "a13.txt:1:"

# A rule that stops at the match limit in one article: the report is kept
# for the main thread, which names the rule; the others are freed early.
mkdir -p "$tmpdir/lim/rules/User" "$tmpdir/lim/in"
printf "type: existence\nmessage: 'slow %%s'\nraw: ['(a+)+\$']\nexamples:\n  - flag: aaa\n  - ok: b\n" \
    >"$tmpdir/lim/rules/User/Slow.yml"
for a in 1 2 3 4 5 6; do
    printf '"The pier is closed," said Tomas Reyland, a harbour guard.\n\n' >"$tmpdir/lim/in/a$a.txt"
done
awk 'BEGIN { s = ""; for (i = 0; i < 3000; i++) s = s "a"; print s "!" }' >"$tmpdir/lim/in/a3.txt"
for j in 1 2 3; do
    "$whosaid" --no-config --rules "$tmpdir/lim/rules" --format json -j $j "$tmpdir/lim/in" \
        >"$tmpdir/lim$j.json" 2>"$tmpdir/lim$j.err"
    echo $? >"$tmpdir/lim$j.status"
done
for j in 2 3; do
    if ! cmp -s "$tmpdir/lim1.json" "$tmpdir/lim$j.json" || ! cmp -s "$tmpdir/lim1.err" "$tmpdir/lim$j.err" ||
       ! cmp -s "$tmpdir/lim1.status" "$tmpdir/lim$j.status"; then
        echo "FAIL: a rule at its match limit: -j $j differs from -j 1"
        failures=$((failures + 1))
    fi
done
expect_in "$tmpdir/lim2.err" "a3.txt:1:1: rule User.Slow"
expect_in "$tmpdir/lim2.status" "2"

# Many configurations: the contexts of later folders are built while
# workers still analyze articles under earlier ones.
for d in 1 2 3 4 5 6 7 8 9 10 11 12; do
    mkdir -p "$tmpdir/cfg/f$d"
    printf 'levels:\n  News.Hedges: error\n' >"$tmpdir/cfg/f$d/.whosaid.yml"
    for a in 1 2 3; do
        cp "$tmpdir/in/a0$a.txt" "$tmpdir/cfg/f$d/a$a.txt"
    done
done
"$whosaid" --format json -j 1 "$tmpdir/cfg" >"$tmpdir/cfg1.json" 2>&1
"$whosaid" --format json -j 4 "$tmpdir/cfg" >"$tmpdir/cfg4.json" 2>&1
status=$?
if [ $status != 1 ] || ! cmp -s "$tmpdir/cfg1.json" "$tmpdir/cfg4.json"; then
    echo "FAIL: -j 4 over 12 configurations (exit $status) differs from -j 1"
    failures=$((failures + 1))
fi

# With several threads the inputs are collected while the rules load: the
# collector's messages still come after the loading's, and not at all when
# the first configuration fails (the run stops before the inputs).
mkdir -p "$tmpdir/walk/d/sub"
cp "$tmpdir/in/a01.txt" "$tmpdir/walk/d/a.txt"
cp "$tmpdir/in/a02.txt" "$tmpdir/walk/d/sub/b.txt"
ln -s .. "$tmpdir/walk/d/sub/loop"
for cfg in good broken; do
    [ $cfg = broken ] && printf 'levels:\n  News.Hedges: error\nbogus: [\n' >"$tmpdir/walk/d/.whosaid.yml"
    for j in 1 2; do
        (cd "$tmpdir/walk" && "$whosaid" --format json -j $j d missing.txt >"$tmpdir/walk/$cfg$j.json" \
            2>"$tmpdir/walk/$cfg$j.err")
        echo $? >>"$tmpdir/walk/$cfg$j.err"
    done
    if ! cmp -s "$tmpdir/walk/${cfg}1.json" "$tmpdir/walk/${cfg}2.json" ||
       ! cmp -s "$tmpdir/walk/${cfg}1.err" "$tmpdir/walk/${cfg}2.err"; then
        echo "FAIL: collecting the inputs ($cfg configuration): -j 2 differs from -j 1"
        failures=$((failures + 1))
    fi
done
expect_in "$tmpdir/walk/good2.err" "d/sub/loop: directory loop through a symbolic link, skipped"
expect_in "$tmpdir/walk/good2.err" "missing.txt: No such file or directory"
expect_not_in "$tmpdir/walk/broken2.err" "directory loop"
expect_in "$tmpdir/walk/broken2.err" ".whosaid.yml"

expect_exit 2 --no-config -j 0 "$tmpdir/in"
expect_in "$err" "a05.txt:1:5: invalid UTF-8"
expect_in "$out" "a23.txt:"
expect_exit 2 --no-config -j -1 "$tmpdir/in"
expect_in "$err" "-j needs a number from 0 to 256, not '-1'"
expect_exit 2 --no-config -j x "$tmpdir/in"
expect_in "$err" "-j needs a number from 0 to 256, not 'x'"
finish
