#!/bin/sh
# Baselines: --write-baseline records the findings, --baseline reports only
# new ones, by fingerprint (text and context), not by line number.
. "$(dirname "$0")/lib.sh"

cd "$tmpdir" || exit 2
printf 'The army reportedly withdrew from the town.\n\nThe alleged attack took place in May.\n' >a.txt
printf 'It rained all day.\n' >b.txt

expect_exit 0 --no-config --write-baseline base.txt a.txt b.txt
expect_in base.txt "# whosaid baseline 1"
expect_in base.txt "News.Hedges	a.txt	"
expect_in base.txt "News.Allegation	a.txt	"
[ "$(wc -l <base.txt)" -eq 3 ] || { echo "FAIL: base.txt should hold a header and 2 findings"; cat base.txt; failures=$((failures + 1)); }

# Nothing new: no findings, even with "./" in front of the path.
expect_exit 0 --no-config --baseline base.txt --fail-level warning a.txt ./b.txt
expect_not_in "$out" "reportedly"
expect_not_in "$out" "alleged"

# Lines added above: the old findings stay accepted; the new one is reported.
printf 'A new first paragraph.\n\nThe minister allegedly lied.\n\n' >a2.txt
cat a.txt >>a2.txt
mv a2.txt a.txt
expect_exit 1 --no-config --baseline base.txt --fail-level warning a.txt
expect_in "$out" "a.txt:3:14: warning: 'allegedly'"
expect_not_in "$out" "reportedly"
expect_not_in "$out" "'alleged'"

# The JSON report holds only the new finding.
expect_exit 1 --no-config --baseline base.txt --fail-level warning --format json a.txt
expect_in "$out" '"text": "allegedly"'
expect_not_in "$out" '"text": "reportedly"'

# A path with a tab, a line break or a backslash is escaped in the file, so
# that each finding stays one line and the baseline reads back.
tab_name=$(printf 'tab\there.txt')
nl_name=$(printf 'new\nline.txt')
printf 'The army reportedly withdrew.\n' >"$tab_name"
cp "$tab_name" "$nl_name"
cp "$tab_name" 'back\slash.txt'
expect_exit 0 --no-config --write-baseline odd.txt "$tab_name" "$nl_name" 'back\slash.txt'
expect_in odd.txt "$(printf 'News.Hedges\ttab\\there.txt\t')"
expect_in odd.txt "$(printf 'News.Hedges\tnew\\nline.txt\t')"
expect_in odd.txt "$(printf 'News.Hedges\tback\\\\slash.txt\t')"
[ "$(wc -l <odd.txt)" -eq 4 ] || { echo "FAIL: odd.txt should hold a header and 3 findings"; cat odd.txt; failures=$((failures + 1)); }
expect_exit 0 --no-config --baseline odd.txt --fail-level suggestion "$tab_name" "$nl_name" 'back\slash.txt'
expect_not_in "$err" "expected RULE"
expect_not_in "$out" "reportedly"

# A broken baseline is an error naming the file and line.
printf 'not a baseline\n' >bad.txt
expect_exit 2 --no-config --baseline bad.txt a.txt
expect_in "$err" "bad.txt:1:1: not a whosaid baseline"
printf '# whosaid baseline 1\nNews.Hedges only-two-fields\n' >bad.txt
expect_exit 2 --no-config --baseline bad.txt a.txt
expect_in "$err" "bad.txt:2:1: expected RULE, PATH and FINGERPRINT separated by tabs"
expect_exit 2 --no-config --baseline missing.txt a.txt
expect_in "$err" "missing.txt: No such file or directory"
finish
