#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for a bounded time.
#
#   scripts/fuzz.sh                    # every target, 60 s each
#   FUZZ_SECONDS=30 scripts/fuzz.sh    # every target, 30 s each
#   scripts/fuzz.sh fact_reader        # only the named targets
#
# It works on a stable toolchain: the targets are built with `--sanitizer none`
# (cargo-fuzz's default AddressSanitizer needs the nightly-only `-Zsanitizer`).
# The code fuzzed is safe Rust, so a panic is what the fuzzer looks for, and
# panics are caught without a sanitizer.
#
# Environment:
#   FUZZ_SECONDS    seconds per target (default 60)
#   FUZZ_TOOLCHAIN  a rustup toolchain to use, e.g. `nightly` (default: the active one)
#   FUZZ_SANITIZER  cargo-fuzz sanitizer (default `none`; `address` needs nightly)
#   FUZZ_EXCLUDE    seed file names (globs, space-separated) to leave out, to
#                   fuzz past a known crash, e.g. 'rate-huge.toml *overflow*'
#
# The project_parser target validates every project that parses, builds an
# engine and its report at several dates; fact_reader applies every fact it
# reads to an engine over a fixture project and builds its report. Seeds:
# the fixture projects, fixtures/invalid/ and fixtures/invalid-facts/.
#
# Seeds are copied from fixtures/ into a temporary corpus that is removed at
# the end; crashing inputs are kept in fuzz/artifacts/<target>/ (git-ignored).
# Exits 1 if any target found a crash (or a timeout, or ran out of memory).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${FUZZ_SECONDS:-60}
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
    echo "fuzz.sh: FUZZ_SECONDS must be a positive whole number of seconds, not '$seconds'" >&2
    exit 2
fi
sanitizer=${FUZZ_SANITIZER:-none}
cargo=(cargo)
if [[ -n ${FUZZ_TOOLCHAIN:-} ]]; then
    cargo=(cargo "+$FUZZ_TOOLCHAIN")
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

if (($# > 0)); then
    targets=("$@")
else
    mapfile -t targets < <("${cargo[@]}" fuzz list)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kooperacja-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- Seed corpora -----------------------------------------------------------

seed_project_parser() {
    local dir=$1 f
    for f in fixtures/projects/*.toml fixtures/invalid/*.toml fixtures/invalid-facts/projects/*.toml; do
        if [[ -f $f ]]; then cp "$f" "$dir/"; fi
    done
    # A project with more distinct rules than a 64-bit set holds (generated:
    # the seeds are small, big inputs are never committed).
    local i
    {
        cat fixtures/projects/koordynacja-kujawy-pomorze.toml
        for ((i = 0; i < 70; i++)); do
            printf '\n[[indicators]]\nid = "many-%03d"\nkind = "product"\nname = "W %d"\nunit = "szt."\ntarget = 1\nrule = { count = "facts", kind = ["support"], role = "role-%03d" }\n' "$i" "$i" "$i"
        done
    } >"$dir/generated-many-rules.toml"
}

# The fact_reader target reads the format from the first byte: even (`0`) is
# JSON Lines, odd (`1`) is CSV; its second bit picks the project the facts
# are applied to: 0 kooperacja-makroregion-ii, 1 koordynacja-kujawy-pomorze
# (so `0`/`1` for the first, `2`/`3` for the second).
seed_fact_reader() {
    local dir=$1 f name n kind line p
    # Every file of the fact corpus, whole, for the kooperacja project (its
    # facts name that project's organisations).
    for f in fixtures/invalid-facts/*; do
        [[ -f $f ]] || continue
        case $f in
            *.jsonl) p=0 ;;
            *.csv) p=1 ;;
            *) continue ;;
        esac
        { printf '%s' "$p"; head -c 65536 "$f"; } >"$dir/invalid-facts-$(basename "$f")"
    done
    for f in fixtures/facts/*.jsonl; do
        [[ -f $f ]] || continue
        name=$(basename "$f" .jsonl)
        # The JSON Lines format, for the project the file belongs to.
        case $name in
            koordynacja-*) p=2 ;;
            *) p=0 ;;
        esac
        # The first lines, one seed each, and together.
        n=0
        while IFS= read -r line && ((n < 20)); do
            n=$((n + 1))
            printf '%s%s\n' "$p" "$line" >"$dir/$name-line-$n"
        done <"$f"
        { printf '%s' "$p"; head -n 10 "$f"; } >"$dir/$name-head"
        # The first line of every kind of fact.
        for kind in meeting coaching agreement pilot deliverable support \
            qualification di-plan expenditure retraction; do
            line=$(grep -m 1 -E "\"kind\": ?\"$kind\"" "$f" || true)
            if [[ -n $line ]]; then printf '%s%s\n' "$p" "$line" >"$dir/$name-$kind"; fi
        done
    done
    # CSV has no fixture; a few small rows, with quoting and a field over two lines.
    printf '1%s\n%s\n' \
        'id,date,by,territory,kind,institution,name,sector' \
        'a-1,2020-02-20,rops-torun,0410033,agreement,ops-naklo,MGOPS Nakło,social-assistance' \
        >"$dir/csv-agreement"
    printf '1%s\n%s\n%s\n' \
        'id,date,by,kind,deliverable,title,note' \
        'd-1,2020-01-02,umk,deliverable,model,"Model, wersja ""1""","two' \
        'lines"' \
        >"$dir/csv-quoted"
    printf '1%s\r\n%s\r\n%s\r\n' \
        'id,date,by,territory,kind,activity,days,participants,place,persons,led_by' \
        'm-1,2020-02-11,rops-torun,0410,meeting,meeting,1,25,"Przystań, Nakło",p-1 p-2,rops-torun umk' \
        'x-1,2020-03-01,umk,,expenditure,,,,,,' \
        >"$dir/csv-meeting"
    printf '1%s\n%s\n' \
        'id,date,by,kind,partner,amount,category,person,retracts,reason' \
        'e-1,2020-04-01,umk,expenditure,umk,"1 234,56",staff,,,' \
        >"$dir/csv-expenditure"
}

# --- Build ------------------------------------------------------------------

echo "fuzz.sh: building ${targets[*]} (sanitizer $sanitizer)"
for target in "${targets[@]}"; do
    "${cargo[@]}" fuzz build --sanitizer "$sanitizer" "$target"
done

# --- Run --------------------------------------------------------------------

failed=0
results=()
for target in "${targets[@]}"; do
    corpus="$work/corpus/$target"
    mkdir -p "$corpus"
    if declare -F "seed_$target" >/dev/null; then
        "seed_$target" "$corpus"
    fi
    # Seeds named by FUZZ_EXCLUDE are left out (to fuzz past a known crash).
    for pattern in ${FUZZ_EXCLUDE:-}; do
        find "$corpus" -type f -name "$pattern" -delete
    done
    seeds=$(find "$corpus" -type f | wc -l)
    log="$work/$target.log"
    echo "fuzz.sh: running $target for ${seconds}s from $seeds seeds"
    status=0
    "${cargo[@]}" fuzz run --sanitizer "$sanitizer" "$target" "$corpus" -- \
        -max_total_time="$seconds" \
        -timeout=10 \
        -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1 || true)
    [[ -n $runs ]] || runs=$(grep -oE '^Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' | tail -n 1 || true)
    [[ -n $runs ]] || runs='?'
    cov=$(grep -oE '^#[0-9]+.*cov: [0-9]+' "$log" | grep -oE 'cov: [0-9]+' | tail -n 1 || true)
    artifact=$(grep -oE 'Test unit written to .*' "$log" | sed 's/^Test unit written to //' | tail -n 1 || true)
    if ((status == 0)) && [[ -z $artifact ]]; then
        results+=("PASS  $target: $runs runs in ${seconds}s${cov:+, $cov}, corpus $seeds seeds -> $(find "$corpus" -type f | wc -l) inputs")
    else
        failed=1
        kept="fuzz/artifacts/$target/fuzz-$(date +%Y%m%d-%H%M%S).log"
        mkdir -p "fuzz/artifacts/$target"
        cp "$log" "$kept"
        echo "---- $target: the failure ----" >&2
        grep -A 3 -E 'panicked at|ERROR: libFuzzer|==[0-9]+== ?ERROR|SUMMARY: ' "$log" | head -n 40 >&2 || true
        echo "---- $target: last lines of the log (all of it: $kept) ----" >&2
        tail -n 30 "$log" >&2
        echo "----" >&2
        if [[ -n $artifact ]]; then
            results+=("FAIL  $target: crash after $runs runs; input kept in $artifact")
            echo "Input (hex):" >&2
            od -A x -t x1z -v "$artifact" | head -n 40 >&2 || true
            echo "Reproduce: cargo fuzz run --sanitizer $sanitizer $target $artifact" >&2
        else
            results+=("FAIL  $target: cargo fuzz exited with status $status, no crash input written; log in $kept")
        fi
    fi
done

echo
echo "fuzz.sh results:"
printf '  %s\n' "${results[@]}"
exit "$failed"
