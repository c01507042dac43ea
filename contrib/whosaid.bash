# bash completion for whosaid(1): options, subcommands, format names, levels.
# Installed as share/bash-completion/completions/whosaid; or: . contrib/whosaid.bash

_whosaid_files()
{
    # Articles and directories (or any file for options that write one).
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    if [[ $2 == any ]]; then
        COMPREPLY+=($(compgen -f -- "$1"))
    else
        local f
        for f in $(compgen -f -- "$1"); do
            case ${f,,} in
            *.txt|*.md|*.markdown|*.html|*.htm) COMPREPLY+=("$f") ;;
            *) [[ -d $f ]] && COMPREPLY+=("$f") ;;
            esac
        done
    fi
}

_whosaid()
{
    local formats="text json sarif github html summary jsonl"
    local levels="suggestion warning error off"
    local options="--format --input-format --output --summary --color --rules --no-default-rules
                   --sources --config --no-config --min-level --fail-level --jobs --jsonl
                   --baseline --write-baseline --help --version"
    # Split the line before the cursor ourselves: COMP_WORDS breaks at '=',
    # and --format NAME=FILE has one inside its value.
    local line=${COMP_LINE:0:COMP_POINT} cur prev= opt= val=
    local -a w
    read -ra w <<<"$line"
    [[ $line =~ [[:space:]]$ || ${#w[@]} -eq 0 ]] && w+=("")
    cur=${w[${#w[@]}-1]}
    (( ${#w[@]} > 1 )) && prev=${w[${#w[@]}-2]}
    COMPREPLY=()
    if [[ $cur == --*=* ]]; then
        opt=${cur%%=*} val=${cur#*=}
    elif [[ $prev == -* && $prev != *=* ]]; then
        opt=$prev val=$cur
    fi
    case $opt in
    -f|--format)
        if [[ $val == *=* ]]; then
            _whosaid_files "${val#*=}" any
        else
            COMPREPLY=($(compgen -W "$formats" -- "$val"))
        fi
        return ;;
    --input-format)
        COMPREPLY=($(compgen -W "text markdown html auto" -- "$val")); return ;;
    --min-level|--fail-level)
        COMPREPLY=($(compgen -W "$levels" -- "$val")); return ;;
    --color)
        COMPREPLY=($(compgen -W "auto always never" -- "$val")); return ;;
    -o|--output|--summary|-c|--config|--sources|--baseline|--write-baseline)
        _whosaid_files "$val" any; return ;;
    --rules)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -d -- "$val")); return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    if (( ${#w[@]} == 2 )); then
        COMPREPLY=($(compgen -W "check rules config" -- "$cur"))
    elif (( ${#w[@]} == 3 )) && [[ ${w[1]} == rules ]]; then
        COMPREPLY=($(compgen -W "list test" -- "$cur"))
        return
    fi
    _whosaid_files "$cur"
}

complete -F _whosaid whosaid
