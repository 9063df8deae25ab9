#!/usr/bin/env bash
# Regenerates the pages of docs/ whose outputs come from the binary (cli.md,
# indicators.md): runs the real binary for every example, then pastes the outputs
# into each PAGE.md.in (build.py). Run it after any change to the CLI's output:
#   scripts/cli-docs/gen.sh           # writes docs/PAGE.md
#   scripts/cli-docs/gen.sh --check   # exit 1 when a page differs from what it would write
set -uo pipefail
CHECK=0
[ "${1:-}" = "--check" ] && CHECK=1
HERE="$(cd "$(dirname "$0")" && pwd)"
R="$(cd "$HERE/../.." && pwd)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
O="$TMP/out"; mkdir -p "$O"
W="$TMP/ws"; mkdir -p "$W"
cp "$HERE/bad-records.jsonl" "$HERE/checked-facts.jsonl" "$HERE/misplaced-sectors.toml" "$W/"
cp "$HERE/bad-records.jsonl" "$HERE/checked-facts.jsonl" "$HERE/misplaced-sectors.toml" "$O/"
# The FERS fixture with its first `total` written with two decimal separators; its
# register path made to work from the work folder.
sed -e '0,/^total = /s/^total = "[^"]*"/total = "1.234,56"/' \
    -e 's#^register = "\.\./#register = "fixtures/#' \
    "$R/fixtures/projects/koordynacja-kujawy-pomorze.toml" > "$W/bad-amount.toml"
ln -s "$R/fixtures" "$W/fixtures"
(cd "$R" && cargo build --quiet -p kooperacja-cli) || exit 1
B="$R/target/debug/kooperacja"
run() { # name dir args...
  local name=$1 dir=$2; shift 2
  ( cd $dir && env -u LANG -u LC_ALL -u LC_MESSAGES -u NO_COLOR $B "$@" >$O/$name.out 2>$O/$name.err; echo $? > $O/$name.rc )
}
P=fixtures/projects/kooperacja-makroregion-ii.toml; F=fixtures/facts/kooperacja-sample.jsonl
P2=fixtures/projects/koordynacja-kujawy-pomorze.toml; F2=fixtures/facts/koordynacja-sample.jsonl
A="--facts $F --as-of 2020-09-30"
run help $R --help
run version $R --version
run parse-error $R validate fixtures/invalid/01-unclosed-string.toml
run parse-error-en $R --lang en validate fixtures/invalid/01-unclosed-string.toml
run not-utf-8 $R validate fixtures/invalid/57-not-utf-8.toml
run dev-zero $R validate /dev/zero
run usage-missing $R status
run usage-date $R status $P --as-of 2020-02-30
run missing-file $R status nope.toml
run status $R status $P $A
run status-en $R --lang en status $P $A
run status-check $R status $P $A --check
run status2 $R status $P2 --facts $F2 --as-of 2025-11-30
run status-json $R status $P $A --format json
run status-csv $R status $P $A --format csv
run validate $R validate fixtures/projects/kooperacja-makroregion-ii.toml fixtures/projects/koordynacja-kujawy-pomorze.toml
run validate-facts $R validate $P --facts $F
run validate-facts-bad $W validate $P --facts checked-facts.jsonl
run validate-facts-bad-json $W validate $P --facts checked-facts.jsonl --format json
run validate-facts-bad-csv $W validate $P --facts checked-facts.jsonl --format csv
run validate-json $R validate $P2 --format json
run validate-csv $R validate $P2 --format csv
run validate-two-facts $R validate $P $P2 --facts $F
run indicators $R indicators $P $A
run indicators-en $R --lang en indicators $P $A
run indicators2 $R indicators $P2 --facts $F2 --as-of 2025-11-30
run indicators-json $R indicators $P $A --format json
run indicators-csv $R indicators $P $A --format csv
run indicators2-csv $R indicators $P2 --facts $F2 --as-of 2025-11-30 --format csv
run milestones $R milestones $P $A
run milestones-json $R milestones $P $A --format json
run milestones-csv $R milestones $P $A --format csv
run budget $R budget $P $A
run budget-umowa $R budget $P $A --plan umowa
run budget-nope $R budget $P --plan nope
run budget-json $R budget $P $A --format json
run budget-csv $R budget $P $A --format csv
run territory2 $R territory $P2
run territory $R territory $P
run territory-en $R --lang en territory $P
run territory-json $R territory $P --format json
run territory2-json $R territory $P2 --format json
run territory-csv $R territory $P --format csv
run groups $R groups $P $A
run groups-json $R groups $P $A --format json
run groups-csv $R groups $P $A --format csv
run diff $R diff $P
run diff-en $R --lang en diff $P --from umowa --to aneks
run diff2 $R diff $P2
run diff-json $R diff $P --format json
run diff-csv $R diff $P --format csv
run claim-schedule $R claim $P --facts $F
run claim $R claim $P --facts $F --period 2
run claim-csv $R claim $P --facts $F --period 2 --format csv
run claim-file $W claim $P --facts $F --period 1 --filed filed.json --file --on 2018-07-10
run claim-file-order $W claim $P --facts $F --period 3 --filed filed.json --file --on 2018-10-10
run facts-check $R facts check $F --project $P
run facts-check-bad $W facts check bad-records.jsonl --project $P
run facts-check-bad-max $W facts check bad-records.jsonl --project $P --max-errors 2
run facts-check-json $W facts check bad-records.jsonl --project $P --max-errors 1 --format json
run facts-check-csv $W facts check bad-records.jsonl --project $P --format csv
run facts-summary $R facts summary $F --project $P
run facts-summary-json $R facts summary $F --project $P --format json
run facts-summary-csv $R facts summary $F --project $P --format csv
run facts-generate $R facts generate $P --count 5 --seed 1
run facts-generate-csv $R facts generate $P --count 3 --seed 1 --output -
run facts-generate-file $W facts generate $P --count 3 -o synthetic.csv
cp $W/synthetic.csv $O/synthetic.csv 2>/dev/null
run project-upgrade $W project upgrade fixtures/format1/koordynacja-kujawy-pomorze.toml -o upgraded.toml
(cd $W && diff -u --label fixtures/format1/koordynacja-kujawy-pomorze.toml --label upgraded.toml fixtures/format1/koordynacja-kujawy-pomorze.toml upgraded.toml > $O/project-upgrade-diff.out)
run project-upgrade-again $W --lang en project upgrade upgraded.toml --in-place
printf 'format = 3\nid = "future"\n' > $W/future.toml
run project-upgrade-unknown $W --lang en project upgrade future.toml
run status-skip $W status $P --facts bad-records.jsonl --as-of 2020-09-30 --on-error skip
run status-stop $W status $P --facts bad-records.jsonl --as-of 2020-09-30
run completions-bash $R completions bash
run completions-zsh $R completions zsh
run completions-fish $R completions fish
# project-file.md
run misplaced-sectors $W --lang en validate misplaced-sectors.toml
run bad-amount $W --lang en validate bad-amount.toml
run diff-amendment $R diff fixtures/amendments/zmiany.toml
# indicators.md
run indicators-worked-en $R --lang en indicators $P --facts $F --as-of 2020-03-31
run indicators-fers-en $R --lang en indicators $P2 --facts $F2 --as-of 2025-11-30
run facts-check-bad-en $W --lang en facts check bad-records.jsonl --project $P
run csv-header $W facts generate $P --count 0 -o csv-header.csv
cp $W/csv-header.csv $O/csv-header.csv 2>/dev/null
# facts add, template, import: the partner's path (the fill.py rows, as a partner
# fills the sheet in; a fixed secret so that the run is reproducible)
FA="--kind produkt --date 2025-06-30 --by rops-torun --field deliverable=model"
run facts-add $W facts add $P2 $FA --field "tytuł=Model kooperacji" -o fakty.jsonl
run facts-add-again $W facts add $P2 $FA --field "tytuł=Model kooperacji" -o fakty.jsonl
run facts-add-stdout $W --lang en facts add $P2 $FA --field "title=Model kooperacji"
run facts-add-conflict $W facts add $P2 $FA --field "tytuł=Model" --id "$(head -1 $W/fakty.jsonl | cut -d'"' -f4)" -o fakty.jsonl
run facts-add-refused $W facts add $P2 $FA --field "tytuł=Model" --territory 1465011 -o fakty.jsonl
printf '%064x\n' 7 > $W/sekret.key
run facts-template $W facts template $P2 --kind wsparcie -o wsparcie.xlsx
run facts-template-en $W --lang en facts template $P2 --kind support -o support.xlsx
python3 "$HERE/fill.py" $W/wsparcie.xlsx "$HERE/wsparcie-bledy.json" $W/wsparcie-bledy.xlsx || exit 1
python3 "$HERE/fill.py" $W/wsparcie.xlsx "$HERE/wsparcie.json" $W/wsparcie-wypelnione.xlsx || exit 1
run facts-import-bad $W facts import $P2 wsparcie-bledy.xlsx -o fakty.jsonl --secret sekret.key
run facts-import-bad-en $W --lang en facts import $P2 wsparcie-bledy.xlsx -o fakty.jsonl --secret sekret.key
run facts-import $W facts import $P2 wsparcie-wypelnione.xlsx -o fakty.jsonl --secret sekret.key
run facts-import-again $W facts import $P2 wsparcie-wypelnione.xlsx -o fakty.jsonl --secret sekret.key
run facts-import-status $W status $P2 --facts fakty.jsonl --as-of 2025-11-30
cp $W/fakty.jsonl $O/fakty.jsonl 2>/dev/null
# The team's law (a test that compiles and passes: cargo test -p kooperacja-core
# --features proptest --test team_law), the lines between its docs: markers.
sed -n '/\/\/ docs:begin/,/\/\/ docs:end/p' "$R/crates/kooperacja-core/tests/team_law.rs" \
  | sed '1d;$d' > $O/team-law.rs

status=0
for template in "$HERE"/*.md.in; do
  page="$(basename "$template" .in)"
  if [ $CHECK = 1 ]; then
    python3 "$HERE/build.py" "$O" "$template" "$TMP/$page" || exit 1
    if ! diff -u "$R/docs/$page" "$TMP/$page"; then
      echo "docs/$page is out of date: run scripts/cli-docs/gen.sh" >&2
      status=1
    fi
  else
    python3 "$HERE/build.py" "$O" "$template" "$R/docs/$page" || exit 1
    echo "wrote $R/docs/$page"
  fi
done
exit $status
