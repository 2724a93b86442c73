# Installing the distribution packages a script needs, on a fresh machine and when run twice.
# Usage: source tools/lib/packages.sh; ensure_packages NAME...

# apt-get as root, or through sudo; says clearly when neither is possible.
_deliberate_apt() {
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo DEBIAN_FRONTEND=noninteractive apt-get "$@"
    else
        echo "error: missing packages and no root or sudo to install them: apt-get $*" >&2
        return 1
    fi
}

ensure_packages() {
    local missing=()
    local name
    for name in "$@"; do
        dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$name")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    _deliberate_apt update -qq
    _deliberate_apt install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What every build needs; GUI packages are added by the scripts that build the GUI.
DELIBERATE_BUILD_PACKAGES=(build-essential cmake ccache pkg-config nlohmann-json3-dev
    libcli11-dev doctest-dev libsqlite3-dev libboost1.74-dev)
DELIBERATE_GUI_PACKAGES=(libimgui-dev libglfw3-dev libgl-dev libsdl2-dev libstb-dev
    libqrcodegencpp-dev)
# What the desktop app needs to run without a screen, for its tests and benchmark: a virtual
# X server, Mesa's software OpenGL and a way to press keys.
DELIBERATE_HEADLESS_DISPLAY_PACKAGES=(xvfb xauth xdotool libgl1-mesa-dri libglx-mesa0 curl)
# What the Debian package needs: cpack's dpkg-shlibdeps (dpkg-dev), the manual pages (help2man)
# and the checks of the desktop entry and AppStream file.
DELIBERATE_PACKAGING_PACKAGES=(dpkg-dev help2man desktop-file-utils appstream)
# What the tests use besides the build: msgfmt checks the PO files `translate export` writes.
DELIBERATE_TEST_PACKAGES=(gettext)
