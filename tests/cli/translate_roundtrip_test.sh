#!/usr/bin/env bash
# PO round trips on every shipped scenario: export then import without changes leaves the
# file byte for byte the same (both ways between nl and en), msgfmt --check accepts each PO
# file when gettext is installed, and a source text edited after the export comes back fuzzy.
# Usage: tests/cli/translate_roundtrip_test.sh DELIBERATE SCENARIOS_DIR
set -u
deliberate=$1
scenarios=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$scenarios/models" "$scenarios/values.json" "$work/"
fail() { echo "FAIL: $*" >&2; exit 1; }
have_msgfmt=0
command -v msgfmt >/dev/null && have_msgfmt=1

checked=0
for file in "$scenarios"/*.json; do
    name=$(basename "$file")
    [ "$name" = values.json ] && continue
    cp "$file" "$work/$name"
    for pair in "nl en" "en nl"; do
        set -- $pair
        po=$work/$name.$2.po
        "$deliberate" translate export "$work/$name" --from "$1" --to "$2" --po "$po" >/dev/null ||
            fail "export $name $1 to $2"
        if [ $have_msgfmt = 1 ]; then
            msgfmt --check -o /dev/null "$po" || fail "msgfmt --check refuses $po"
        fi
        "$deliberate" translate import "$work/$name" "$po" >"$work/import.out" ||
            fail "import $name: $(cat "$work/import.out")"
        cmp -s "$file" "$work/$name" || fail "export and import changed $name ($1 to $2)"
    done
    checked=$((checked + 1))
done
[ $checked -gt 0 ] || fail "no scenarios in $scenarios"

# An edited source: the next export over the same PO file marks its translation fuzzy.
scenario=$work/new-years-concert.json
sed -i 's/"nl": "Het nieuwjaarsconcert"/"nl": "Het grote nieuwjaarsconcert"/' "$scenario"
"$deliberate" translate export "$scenario" --from nl --to en --po "$scenario.en.po" \
    >"$work/export.out" || fail "export after the edit"
grep -q "1 fuzzy" "$work/export.out" || fail "$(cat "$work/export.out")"
grep -A4 '^#, fuzzy' "$scenario.en.po" | grep -q '^msgctxt "/title"$' ||
    fail "the edited title is not fuzzy"
"$deliberate" translate import "$scenario" "$scenario.en.po" >"$work/import.out"
grep -A1 "marked fuzzy" "$work/import.out" | grep -q "/title" || fail "$(cat "$work/import.out")"
echo "ok: $checked scenarios round-trip byte for byte (msgfmt checks: $have_msgfmt); edits come back fuzzy"
