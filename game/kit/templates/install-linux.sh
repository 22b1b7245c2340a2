#!/usr/bin/env bash
# Mine Risk @@VERSION@@: install the game from this offline kit. No network is used.
#
#   bash install-linux.sh
#
# Makes a Python environment in ~/.local/share/minerisk-program (or
# $MINERISK_INSTALL_DIR), installs the game from the kit's wheels/ folder only,
# and adds "Mine Risk" to the applications menu and the desktop.
# Running it again replaces the program; students' saved games are kept
# (they live in ~/.local/share/minerisk). To remove the game: delete the
# program folder and the two minerisk.desktop files this script names.
set -euo pipefail

kit="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
wheels="$kit/wheels"
dest="${MINERISK_INSTALL_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/minerisk-program}"
venv="$dest/venv"
supported="@@PYTHONS@@"

fail() {
    echo
    echo "Mine Risk was NOT installed: $*" >&2
    exit 1
}

candidates=("${MINERISK_PYTHON:-}")
for version in $supported; do candidates+=("python$version"); done
python=""
for candidate in "${candidates[@]}" python3; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    version="$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" || continue
    case " $supported " in
        *" $version "*) python="$candidate"; break ;;
    esac
done
[ -n "$python" ] || fail "this kit needs Python $supported and none was found.
Install one of them with the system's software centre (Ubuntu 22.04: the python3.11
package), or use the no-python build if the kit has one (see teachers-guide.txt)."
[ -d "$wheels" ] || fail "no wheels/ folder beside this script; copy the whole kit folder."

echo "Installing Mine Risk @@VERSION@@ with $("$python" --version 2>&1) into $dest ..."
rm -rf "$venv"
mkdir -p "$dest"
"$python" -m venv --without-pip "$venv" || fail "Python could not make an environment in $venv."
# pip itself comes from the kit: run pip from its wheel to install pip and the game into the environment.
"$venv/bin/python" "$wheels/@@PIP_WHEEL@@/pip" install --isolated --no-index --find-links "$wheels" \
    --disable-pip-version-check --no-warn-script-location --quiet pip minerisk \
    || fail "pip could not install from the kit. The kit may lack packages for this computer
(Python $("$python" --version 2>&1), $(uname -m)): run  python3 check-kit.py  to see what it covers."
"$venv/bin/minerisk" --version >/dev/null || fail "the game was installed but does not start; see the messages above."

icon="$("$venv/bin/python" -c 'from game.paths import assets_dir; p = assets_dir() / "icons" / "64" / "marking_sign.png"; print(p if p.is_file() else "")')"
entry="[Desktop Entry]
Type=Application
Name=Mine Risk
Comment=A game about humanitarian mine action
Exec=\"$venv/bin/minerisk\"
Icon=$icon
Terminal=false
Categories=Education;Game;
"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
printf '%s' "$entry" > "$apps/minerisk.desktop"
echo "Added Mine Risk to the applications menu: $apps/minerisk.desktop"
desktop="$(xdg-user-dir DESKTOP 2>/dev/null || true)"
[ -n "$desktop" ] || desktop="$HOME/Desktop"
if [ -d "$desktop" ] && [ "$desktop" != "$HOME" ]; then
    printf '%s' "$entry" > "$desktop/minerisk.desktop"
    chmod +x "$desktop/minerisk.desktop"
    gio set "$desktop/minerisk.desktop" metadata::trusted true >/dev/null 2>&1 || true
    echo "Added a Mine Risk icon to the desktop: $desktop/minerisk.desktop"
fi
echo
echo "Mine Risk is installed. Start it from the menu or the desktop, or type: $venv/bin/minerisk"
