#!/bin/sh
# --jsonl: the batch worker. One request per line on standard input, one
# result per line in the same order, the id echoed; bad lines are failures
# with their line and column, and the worker goes on.
. "$(dirname "$0")/lib.sh"

# expect_line N TEXT: line N of the output contains TEXT.
expect_line() {
    if ! sed -n "$1p" "$out" | grep -qF -- "$2"; then
        echo "FAIL: expected '$2' on line $1 of:"
        sed 's/^/  /' "$out" | head -10
        failures=$((failures + 1))
    fi
}

requests='{"id": 1, "text": "The army reportedly withdrew."}
{"id": "b", "path": "desk/b.html", "format": "html", "text": "<p>\"We will stay,\" said the mayor.</p>"}
not json
{"id": 4, "text": "caf\u00e9 \ud83d\ude00 \"quoted\" \\ said Ann Lee."}
{"id": 5}
{"text": "It rained.", "extra": {"nested": [1, 2, {"x": null}]}, "id": 6.5}
{"id": 7, "text": "x", "format": "docx"}
'
printf '%s' "$requests" | "$whosaid" --no-config --jsonl >"$out" 2>"$err"
status=$?
[ $status = 2 ] || { echo "FAIL: exit $status, expected 2 (bad requests)"; failures=$((failures + 1)); }
[ "$(wc -l <"$out")" -eq 7 ] || { echo "FAIL: expected 7 result lines"; cat "$out"; failures=$((failures + 1)); }
expect_line 1 '{"id":1,"path":"<stdin>:1","format":"text"'
expect_line 1 '"rule":"News.Hedges"'
expect_line 2 '{"id":"b","path":"desk/b.html","format":"html"'
expect_line 2 '"text":"We will stay,"'
expect_line 3 '"path":"<stdin>:3","error":{"code":"invalid argument","message":"expected a JSON object"'
expect_line 3 '"line":3,"col":1'
expect_line 4 '"id":4'
# Escapes decoded: "café 😀 " is 11 bytes and 7 code points before the quote.
expect_line 4 '"span":{"start":11,"end":19,"line":1,"col":8'
expect_line 4 '"text":"Ann Lee"'
expect_line 5 '{"id":5,"path":"<stdin>:5","error":'
expect_line 5 'no \"text\" member'
expect_line 6 '{"id":6.5,"path":"<stdin>:6","format":"text"'
expect_line 7 "unknown \\\"format\\\" 'docx'"
expect_in "$err" "<stdin>:3:1: expected a JSON object"
expect_in "$err" "<stdin>:5:10: no \"text\" member"

# Broken JSON: each fault named with its column.
for bad in '{"id": 1, "text": "a\qb"}|unknown escape' '{"id": 1, "text": "\ud800"}|lone surrogate' \
           '{"id": [1], "text": "a"}|the id must be a string or a number' \
           '{"id": 1, "text": "a"} x|text after the object' '{"id": 1, "text": "a}|unterminated string' \
           '{"id": 1, "id": 2, "text": "a"}|"id" given twice' \
           '{"id": true, "text": "a"}|<stdin>:1:8: the id must be a string or a number' \
           '{"id": null, "text": "a"}|<stdin>:1:8: the id must be a string or a number' \
           '{"id": 1-2, "text": "a"}|<stdin>:1:9: malformed number' \
           '{"id": 01, "text": "a"}|<stdin>:1:9: malformed number' \
           '{"id": -, "text": "a"}|<stdin>:1:9: malformed number' \
           '{"id": 1.e5, "text": "a"}|<stdin>:1:10: malformed number'; do
    line=${bad%|*}
    want=${bad##*|}
    printf '%s\n' "$line" | "$whosaid" --no-config --jsonl >"$out" 2>"$err"
    expect_in "$err" "$want"
    expect_in "$out" '"error":'
done

# Columns count code points, as in reports: each 'é' (two bytes) is one.
printf '{"id":"\303\251\303\251\303\251\303\251\303\251", "text": 5}\n' | "$whosaid" --no-config --jsonl >"$out" 2>"$err"
expect_in "$err" '<stdin>:1:24: "text" must be a string'
expect_in "$out" '"line":1,"col":24}'

# A string id's bytes that are not UTF-8 come back as U+FFFD: the line stays UTF-8.
printf '{"id": "a\377b", "text": "It rained."}\n' | "$whosaid" --no-config --jsonl >"$out" 2>"$err"
expect_line 1 "$(printf '{"id":"a\357\277\275b","path":"<stdin>:1",')"
if LC_ALL=C grep -q "$(printf '\377')" "$out"; then
    echo "FAIL: the byte 0xFF of the id was copied to the output"
    failures=$((failures + 1))
fi

# Clean requests: exit 0; findings at the fail level: 1. -j keeps the order.
printf '{"id": 1, "text": "It rained."}\n' | "$whosaid" --no-config --jsonl >"$out" 2>"$err"
[ $? = 0 ] || { echo "FAIL: a clean request should exit 0"; failures=$((failures + 1)); }
awk 'BEGIN { for (i = 0; i < 200; i++) printf "{\"id\": %d, \"text\": \"%s\"}\n", i, (i % 3 ? "It rained." : "He said \\\"yes.") }' >"$tmpdir/many.jsonl"
"$whosaid" --no-config --jsonl <"$tmpdir/many.jsonl" >"$tmpdir/one.out" 2>/dev/null
one=$?
"$whosaid" --no-config --jsonl -j 4 <"$tmpdir/many.jsonl" >"$tmpdir/four.out" 2>/dev/null
four=$?
[ $one = 1 ] && [ $four = 1 ] || { echo "FAIL: unclosed quotes should exit 1 ($one, $four)"; failures=$((failures + 1)); }
cmp -s "$tmpdir/one.out" "$tmpdir/four.out" || { echo "FAIL: -j 4 changed the batch output"; failures=$((failures + 1)); }
[ "$(wc -l <"$tmpdir/four.out")" -eq 200 ] || { echo "FAIL: expected 200 lines"; failures=$((failures + 1)); }

# Each result is flushed before the next request arrives: a worker in a
# pipeline answers line by line, not at exit.
# With several workers too: the main thread answers before it waits for
# more requests.
mkfifo "$tmpdir/req" "$tmpdir/res"
for j in 1 4; do
    "$whosaid" --no-config --jsonl -j $j <"$tmpdir/req" >"$tmpdir/res" 2>/dev/null &
    worker=$!
    exec 3>"$tmpdir/req" 4<"$tmpdir/res"
    printf '{"id": "first", "text": "It rained."}\n' >&3
    first=$(timeout 20 head -n 1 <&4)
    case $first in
    '{"id":"first",'*) ;;
    *) echo "FAIL: -j $j: no answer to the first request while the second is pending: '$first'"
       failures=$((failures + 1)) ;;
    esac
    exec 3>&- 4<&-
    wait $worker
done

# A blank line is a bad request of its own, not the end of the input; a
# last line without a line feed and a CR LF line are requests too.
printf '{"id": 1, "text": "a"}\n\n{"id": 3, "text": "b"}\r\n{"id": 4, "text": "c"}' |
    "$whosaid" --no-config --jsonl -j 2 >"$out" 2>"$err"
if [ "$(wc -l <"$out")" != 4 ] || ! grep -q '^{"id":4,' "$out" || ! grep -q '^{"id":3,' "$out"; then
    echo "FAIL: a blank line ended the batch, or the last lines were lost"
    sed 's/^/  /' "$out" | cut -c1-80
    failures=$((failures + 1))
fi
expect_in "$err" "<stdin>:2:1: expected a JSON object"

# Files and --jsonl do not mix.
expect_exit 2 --no-config --jsonl a.txt
expect_in "$err" "--jsonl reads its requests on standard input"
finish
