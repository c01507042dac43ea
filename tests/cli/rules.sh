#!/bin/sh
# Rule packs from the command line: rules list/test, bad rule files, the
# configuration file, --min-level and --fail-level.
. "$(dirname "$0")/lib.sh"

# The default pack passes its own examples.
expect_exit 0 rules test
expect_in "$out" " 0 failed"
expect_exit 0 rules list
expect_in "$out" "News.Unbalanced"
expect_in "$out" "unbalanced     error"

# A rule of ours that fails its examples: exit 1, the failure named.
mkdir -p "$tmpdir/extra/House"
cat >"$tmpdir/extra/House/Utilize.yml" <<'YAML'
type: substitution
message: "Use '%r' instead of '%s'"
level: suggestion
swap:
  utilize: use
examples:
  - flag: We utilize tools.
  - ok: We utilize nothing wrong here.
YAML
expect_exit 1 rules test --rules "$tmpdir/extra" House
expect_in "$out" "House.Utilize ok: \"We utilize nothing wrong here.\" was flagged"
expect_in "$out" "1 rules, 2 examples, 1 failed"

# A broken rule file: exit 2 and the file, line and column.
mkdir -p "$tmpdir/broken/House"
printf 'type: existence\nmessage: m\ntokens: [a]\nlevle: warning\nexamples:\n  - flag: a\n  - ok: b\n' \
    >"$tmpdir/broken/House/Typo.yml"
printf 'An article.\n' >"$tmpdir/a.txt"
expect_exit 2 --rules "$tmpdir/broken" "$tmpdir/a.txt"
expect_in "$err" "broken/House/Typo.yml:4:1: House.Typo: unknown key 'levle'"

# --min-level hides, --fail-level decides the status.
printf 'We utilize it. He said "yes.\n' >"$tmpdir/b.txt"
expect_exit 1 --no-config --rules "$tmpdir/extra" "$tmpdir/b.txt"
expect_in "$out" "b.txt:1:4: suggestion: Use 'use' instead of 'utilize' [House.Utilize]"
expect_exit 1 --min-level warning --rules "$tmpdir/extra" "$tmpdir/b.txt"
expect_not_in "$out" "House.Utilize"
expect_exit 0 --fail-level off --rules "$tmpdir/extra" "$tmpdir/b.txt"
printf 'We utilize it.\n' >"$tmpdir/c.txt"
expect_exit 0 --rules "$tmpdir/extra" "$tmpdir/c.txt"
expect_exit 1 --fail-level suggestion --rules "$tmpdir/extra" "$tmpdir/c.txt"
expect_exit 2 --fail-level loud "$tmpdir/c.txt"

# A configuration found above the article: levels, and per-path settings.
mkdir -p "$tmpdir/site/opinion"
cat >"$tmpdir/site/.whosaid.yml" <<YAML
rules: [../extra]
levels:
  House.Utilize: error
paths:
  - glob: "opinion/**"
    levels:
      House.Utilize: off
YAML
cp "$tmpdir/c.txt" "$tmpdir/site/news.txt"
cp "$tmpdir/c.txt" "$tmpdir/site/opinion/col.txt"
expect_exit 1 "$tmpdir/site/news.txt"
expect_in "$out" "error: Use 'use' instead of 'utilize' [House.Utilize]"
expect_exit 0 "$tmpdir/site/opinion/col.txt"
expect_exit 0 config "$tmpdir/site/opinion/col.txt"
expect_in "$out" "configuration: $tmpdir/site/.whosaid.yml"
expect_in "$out" "House.Utilize                    off"
expect_exit 0 --no-config "$tmpdir/site/news.txt"

# One run over many folders: each article gets its own folder's
# configuration, whatever the order; a link is searched from its target.
mkdir -p "$tmpdir/plain"
cp "$tmpdir/c.txt" "$tmpdir/plain/c.txt"
cp "$tmpdir/c.txt" "$tmpdir/site/news2.txt"
ln -s "$tmpdir/site/news.txt" "$tmpdir/plain/link.txt"
expect_exit 1 "$tmpdir/site/news.txt" "$tmpdir/plain/c.txt" "$tmpdir/plain/link.txt" \
    "$tmpdir/site/news2.txt" "$tmpdir/site/opinion/col.txt" "$tmpdir/plain/c.txt"
expect_in "$out" "site/news.txt:1:4: error: Use 'use'"
expect_in "$out" "site/news2.txt:1:4: error: Use 'use'"
expect_in "$out" "plain/link.txt:1:4: error: Use 'use'"
expect_not_in "$out" "plain/c.txt:1:4"
expect_not_in "$out" "opinion/col.txt:1:4"

# A configuration error names its line; an override of an unknown rule too.
printf 'levels:\n  House.Nosuch: off\n' >"$tmpdir/site/.whosaid.yml"
expect_exit 2 "$tmpdir/site/news.txt"
expect_in "$err" ".whosaid.yml:2:3: no rule 'House.Nosuch' is loaded"
finish
