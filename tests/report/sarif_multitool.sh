#!/bin/sh
# SARIF output checked by the official validator: Microsoft's SARIF
# Multitool (npm package @microsoft/sarif-multitool-linux, a self-contained
# binary with the OASIS sarif-2.1.0.json schema beside it), installed once
# under the build directory. For every fixture (against the sources its
# sidecar fixtures/articles/<case>.sources lists, as in the golden tests:
# related locations in the sources), a multi-file run with a failed input
# and a path outside the working directory:
#   - "rewrite" must load the log (its deserializer rejects unknown enum
#     values, which "validate" silently skips);
#   - "validate" against the schema with the SARIF and GitHub (Gh) rule
#     kinds must report no error and no warning (SARIF2005, the missing
#     informationUri, is allowed while the project has no home page).
# Two broken logs must be refused, so the test can fail.
# Skips (77) without npm; without network it skips too, except under CI.
#   sarif_multitool.sh WHOSAID SOURCE_ROOT BUILD_DIR
set -u
whosaid=$1
root=$2
build=$3
version=5.7.0
cache=${WS_TEST_CACHE:-$build/test-cache}/sarif-multitool-$version
tool=$cache/node_modules/@microsoft/sarif-multitool-linux
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
if [ ! -x "$tool/Sarif.Multitool" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "npm not found: SARIF validation skipped"
        exit 77
    fi
    mkdir -p "$cache"
    if ! npm install --prefix "$cache" --no-audit --no-fund --no-save --ignore-scripts \
        "@microsoft/sarif-multitool-linux@$version" >"$cache/npm.log" 2>&1; then
        cat "$cache/npm.log"
        [ "${CI:-}" = true ] && { echo "FAIL: cannot install the SARIF multitool"; exit 1; }
        echo "cannot install the SARIF multitool (no network?): skipped"
        exit 77
    fi
    # The package's postinstall step, which --ignore-scripts left out.
    chmod u+x "$tool/Sarif.Multitool"
fi
multitool() {
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 "$tool/Sarif.Multitool" "$@"
}
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# Problems the validator reported in its own SARIF log $1 (errors and
# warnings but the allowed ones), one per line.
problems() {
    python3 - "$1" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
for run in log.get("runs", []):
    for r in run.get("results", []):
        level = r.get("level", "warning")
        if level in ("error", "warning") and r.get("ruleId") != "SARIF2005":
            text = r.get("message", {}).get("text") or " ".join(r.get("message", {}).get("arguments", []))
            print(f"{level} {r.get('ruleId')}: {text}")
PY
}

# check NAME FILE: the validator accepts FILE; 1 when it does not.
check() {
    if ! multitool rewrite "$2" --output "$tmp/rewritten.sarif" --log ForceOverwrite >"$tmp/rewrite.log" 2>&1; then
        echo "$1: the multitool cannot load it:"
        grep -m 3 -i 'exception\|error' "$tmp/rewrite.log"
        return 1
    fi
    multitool validate "$2" --json-schema "$tool/sarif-2.1.0.json" --rule-kind "Sarif;Gh" \
        --output "$tmp/validation.sarif" --log ForceOverwrite >"$tmp/validate.log" 2>&1
    if [ ! -s "$tmp/validation.sarif" ]; then
        echo "$1: the multitool wrote no validation log:"
        cat "$tmp/validate.log"
        return 1
    fi
    problems "$tmp/validation.sarif" >"$tmp/problems"
    if [ -s "$tmp/problems" ]; then
        echo "$1:"
        sed 's/^/  /' "$tmp/problems"
        return 1
    fi
    return 0
}

printf 'Bad \377 byte.\n' >"$tmp/bad.txt"
printf 'The so-called plan failed.\n' >"$tmp/outside.txt"
n=0
for article in fixtures/articles/*; do
    case "$article" in *.txt|*.md|*.html) ;; *) continue ;; esac
    set --
    if [ -f "${article%.*}.sources" ]; then
        while IFS= read -r source || [ -n "$source" ]; do
            case "$source" in ''|'#'*) continue ;; esac
            set -- "$@" --sources "$source"
        done <"${article%.*}.sources"
    fi
    "$whosaid" --format sarif --fail-level off "$@" "$article" >"$tmp/one.sarif" 2>/dev/null
    check "$article" "$tmp/one.sarif" || failures=$((failures + 1))
    case "$*" in *--sources*)
        grep -q '"relatedLocations"' "$tmp/one.sarif" || {
            echo "FAIL: $article: no related location in a source"; failures=$((failures + 1)); } ;;
    esac
    n=$((n + 1))
done
"$whosaid" --format sarif fixtures/articles/*.txt fixtures/articles/*.md fixtures/articles/*.html \
    "$tmp/bad.txt" "$tmp/outside.txt" >"$tmp/all.sarif" 2>/dev/null
grep -q '"uri": "file://' "$tmp/all.sarif" || { echo "FAIL: no file URI for a path outside"; failures=$((failures + 1)); }
grep -q '"toolExecutionNotifications": \[$' "$tmp/all.sarif" || { echo "FAIL: no notification for bad.txt"; failures=$((failures + 1)); }
check "all fixtures with a failure" "$tmp/all.sarif" || failures=$((failures + 1))

# The validator must refuse broken logs.
python3 - "$tmp/all.sarif" "$tmp" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
run = d["runs"][0]
del run["tool"]
json.dump(d, open(sys.argv[2] + "/no-tool.sarif", "w"))
d = json.load(open(sys.argv[1]))
d["runs"][0]["results"][0]["level"] = "fatal"
json.dump(d, open(sys.argv[2] + "/bad-level.sarif", "w"))
PY
for broken in no-tool bad-level; do
    if check "$broken (broken on purpose)" "$tmp/$broken.sarif" >/dev/null; then
        echo "FAIL: the multitool accepted $broken.sarif"
        failures=$((failures + 1))
    fi
done
echo "$((n + 1)) SARIF logs checked with the SARIF Multitool $version"
[ $failures = 0 ] && exit 0
echo "$failures failure(s)"
exit 1
