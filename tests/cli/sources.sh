#!/bin/sh
# Quote verification from the command line: --sources, "sources:" in the
# configuration, the verification rules' own examples.
. "$(dirname "$0")/lib.sh"

# The seed article against the State Department's statement: one word changed.
expect_exit 0 --no-config --sources fixtures/sources/state-department-statement.txt \
    --fail-level error fixtures/articles/idlib.txt
expect_in "$out" "idlib.txt:2:208: warning: quotation differs from the source at fixtures/sources/state-department-statement.txt:11:158: 'its' instead of 'any' [News.QuoteNear]"
expect_in "$out" "idlib.txt:3:236: warning: quotation not found in the sources"
# A transcript: a quotation given to the wrong speaker is an error.
expect_exit 1 --no-config --sources fixtures/sources/briefing fixtures/articles/verify-briefing.txt
expect_in "$out" "attributed to Lavrov, source passage is Pompeo's (fixtures/sources/briefing/press-availability.txt:12:44) [News.QuoteSpeaker]"
# Without sources, nothing is verified.
expect_exit 0 --no-config --fail-level error fixtures/articles/verify-briefing.txt
expect_not_in "$out" "News.Quote"
# A source that cannot be read: exit 2 and its name.
expect_exit 2 --no-config --sources "$tmpdir/none.txt" fixtures/articles/idlib.txt
expect_in "$err" "none.txt: cannot read the source"
# Sources listed in the configuration, relative to its folder.
mkdir -p "$tmpdir/desk"
cp fixtures/sources/state-department-statement.txt "$tmpdir/desk/statement.txt"
printf 'sources: [statement.txt]\n' >"$tmpdir/desk/.whosaid.yml"
cp fixtures/articles/idlib.txt "$tmpdir/desk/story.txt"
expect_exit 0 --fail-level error "$tmpdir/desk/story.txt"
expect_in "$out" "statement.txt:11:158: 'its' instead of 'any' [News.QuoteNear]"
expect_exit 0 config "$tmpdir/desk/story.txt"
expect_in "$out" "source: "
# The verification rules' examples run against their own "source:".
expect_exit 0 rules test News
expect_in "$out" " 0 failed"

[ "$failures" -eq 0 ] || exit 1
echo "ok"
