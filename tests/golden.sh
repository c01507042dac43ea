#!/bin/sh
# Golden tests: run whosaid on every fixture article in one output format and
# compare with fixtures/expected/<case>.<ext>. WS_UPDATE_GOLDEN=1 rewrites the
# expected files instead (review the diff before committing).
# An article with a sidecar fixtures/articles/<case>.sources is checked
# against the sources it lists (one path a line, relative to the source root;
# blank lines and lines starting with # are skipped), each as --sources.
#   golden.sh WHOSAID SOURCE_ROOT FORMAT EXT
set -u
whosaid=$1
root=$2
format=$3
ext=$4
cd "$root" || exit 2
status=0
n=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for article in fixtures/articles/*; do
    case "$article" in *.txt|*.md|*.html) ;; *) continue ;; esac
    name=$(basename "$article")
    expected="fixtures/expected/${name%.*}.$ext"
    set --
    sidecar="${article%.*}.sources"
    if [ -f "$sidecar" ]; then
        while IFS= read -r source || [ -n "$source" ]; do
            case "$source" in ''|'#'*) continue ;; esac
            set -- "$@" --sources "$source"
        done <"$sidecar"
    fi
    "$whosaid" --format "$format" "$@" "$article" >"$tmp" 2>&1
    rc=$?
    if [ $rc -gt 1 ]; then
        echo "FAIL $article: whosaid exited $rc"
        cat "$tmp"
        status=1
        continue
    fi
    if [ "${WS_UPDATE_GOLDEN:-0}" = 1 ]; then
        cp "$tmp" "$expected"
        echo "updated $expected"
    elif [ ! -f "$expected" ]; then
        echo "FAIL $article: no $expected (run with WS_UPDATE_GOLDEN=1 to create it)"
        status=1
    elif ! diff -u "$expected" "$tmp"; then
        echo "FAIL $article: output differs from $expected"
        status=1
    fi
    n=$((n + 1))
done
echo "$n articles checked in $format"
exit $status
