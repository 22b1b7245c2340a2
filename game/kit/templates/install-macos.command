#!/bin/bash
# Mine Risk @@VERSION@@: install the game from this offline kit. No network is used.
#
# Double-click this file in the Finder (or, in Terminal: bash install-macos.command).
# Makes a Python environment in ~/Library/Application Support/minerisk-program
# (or $MINERISK_INSTALL_DIR), installs the game from the kit's wheels/ folder
# only, and puts "Mine Risk.command" on the desktop: double-click it to play.
# Running it again replaces the program; students' saved games are kept (they
# live in ~/Library/Application Support/minerisk). To remove the game: delete
# the program folder and the desktop file.
set -euo pipefail

kit="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
wheels="$kit/wheels"
dest="${MINERISK_INSTALL_DIR:-$HOME/Library/Application Support/minerisk-program}"
venv="$dest/venv"
supported="@@PYTHONS@@"

fail() {
    echo
    echo "Mine Risk was NOT installed: $*" >&2
    echo "Press Return to close this window."
    read -r _ || true
    exit 1
}

# The python.org installers put python3.X in /usr/local/bin and the framework folder. The
# /usr/bin/python3 of the command line tools is too old, so plain python3 is not tried.
candidates=("${MINERISK_PYTHON:-}")
for version in $supported; do
    candidates+=("python$version" "/Library/Frameworks/Python.framework/Versions/$version/bin/python$version")
done
python=""
for candidate in "${candidates[@]}"; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    version="$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" || continue
    case " $supported " in
        *" $version "*) python="$candidate"; break ;;
    esac
done
[ -n "$python" ] || fail "this kit needs Python $supported and none was found.
Install Python from the python.org installer (it can be copied to the stick too),
or use the no-python build if the kit has one (see teachers-guide.txt)."
[ -d "$wheels" ] || fail "no wheels/ folder beside this script; copy the whole kit folder."

echo "Installing Mine Risk @@VERSION@@ with $("$python" --version 2>&1) into $dest ..."
rm -rf "$venv"
mkdir -p "$dest"
"$python" -m venv --without-pip "$venv" || fail "Python could not make an environment in $venv."
# pip itself comes from the kit: run pip from its wheel to install pip and the game into the environment.
"$venv/bin/python" "$wheels/@@PIP_WHEEL@@/pip" install --isolated --no-index --find-links "$wheels" \
    --disable-pip-version-check --no-warn-script-location --quiet pip minerisk \
    || fail "pip could not install from the kit. The kit may lack packages for this Mac
(Python $("$python" --version 2>&1), $(uname -m)): run  python3 check-kit.py  to see what it covers."
"$venv/bin/minerisk" --version >/dev/null || fail "the game was installed but does not start; see the messages above."

desktop="$HOME/Desktop"
if [ -d "$desktop" ]; then
    launcher="$desktop/Mine Risk.command"
    printf '#!/bin/bash\n# Start Mine Risk (made by the Mine Risk installer).\nexec "%s"\n' "$venv/bin/minerisk" > "$launcher"
    chmod +x "$launcher"
    echo "Put \"Mine Risk.command\" on the desktop: double-click it to play."
fi
echo
echo "Mine Risk is installed. You can close this window."
