#!/usr/bin/env bash
# The Debian package as a user gets it: cpack builds it from this build tree, dpkg-deb unpacks
# it into a scratch root (the real system is not touched), and the unpacked program must run
# on its installed data alone: --version, validate of the installed library, and a whole play
# of an installed scenario with piped answers. The desktop entry and AppStream file must pass
# their validators, and every command must have its manual page.
# Usage: package_test.sh BUILD_DIR WORK_DIR GUI(ON|OFF) MAN_PAGES(ON|OFF)
set -euo pipefail
build=$1
work=$2
gui=$3
man_pages=$4
app_id=nl.deliberate.Deliberate

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

rm -rf "$work"
mkdir -p "$work"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(find "$work/cpack" -maxdepth 1 -name 'deliberate_*.deb')
[ -f "$deb" ] || fail "no .deb in $work/cpack"
dpkg-deb --info "$deb" | tee "$work/info.txt"
grep -q '^ Depends: .*libc6' "$work/info.txt" || fail "Depends lacks the runtime libraries"
root=$work/root
dpkg-deb -x "$deb" "$root"
share=$root/usr/share/deliberate

# Proof that the installed data is what the program reads: a marked text in the installed
# catalogue must show, and the scenario is played from a folder with no models beside it.
sed -i 's/"The session is complete/"The installed session is complete/' "$share/assets/i18n/en.json"
mkdir -p "$work/elsewhere"
cp "$share/scenarios/the-village-hall.json" "$work/elsewhere/"

program=$root/usr/bin/deliberate
export DELIBERATE_DATA=$work/data XDG_CONFIG_HOME=$work/config NO_COLOR=1
unset DELIBERATE_MODELS DISPLAY WAYLAND_DISPLAY
"$program" --version | grep -qx 'deliberate [0-9.]*' || fail "deliberate --version"
"$program" validate "$share/scenarios" || fail "validate of the installed library"
for _ in $(seq 200); do printf '1\n\n'; done |
    "$program" play "$work/elsewhere/the-village-hall.json" --lang en >"$work/play.txt" 2>&1 ||
    { cat "$work/play.txt"; fail "play of an installed scenario"; }
grep -q '^The installed session is complete and saved in' "$work/play.txt" ||
    { tail -20 "$work/play.txt"; fail "play did not use the installed data to the end"; }
echo "installed deliberate: --version, validate and a whole play work"

commands=(validate graph walk play journal case report test translate)
if [ "$gui" = ON ]; then
    commands+=(practice present studio)
    desktop-file-validate "$root/usr/share/applications/$app_id.desktop" ||
        fail "desktop-file-validate"
    appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
        fail "appstreamcli validate"
    for size in 16 24 32 48 64 128 256; do
        [ -f "$root/usr/share/icons/hicolor/${size}x$size/apps/$app_id.png" ] ||
            fail "no ${size}x$size icon"
    done
    [ -f "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "no SVG icon"
fi
if [ "$man_pages" = ON ]; then
    for page in deliberate "${commands[@]/#/deliberate-}"; do
        man_file=$root/usr/share/man/man1/$page.1.gz
        [ -f "$man_file" ] || fail "no manual page $page(1)"
        zcat "$man_file" | grep -q '^\.SH OPTIONS' || fail "$page(1) lists no options"
    done
    echo "manual pages: deliberate ${commands[*]}"
fi
[ -f "$root/usr/share/doc/deliberate/README.md" ] || fail "no README in share/doc/deliberate"
echo "package: $(du -k "$deb" | cut -f1) KiB, $(dpkg-deb -c "$deb" | wc -l) entries"
