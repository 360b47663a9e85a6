#!/usr/bin/env bash
# Desktop bundle: a PyInstaller one-folder build of DDx Assistant, smoke-tested.
#
#   packaging/build.sh        -> dist/ddx-assistant/ (ddx, ddx-assistant, _internal/)
#
# Builds in its own virtual environment (build/pyinstaller-venv, kept between runs) with
# the app's dependencies and PyInstaller from PyPI, so nothing from the developer's
# environment (test tools, other packages) ends up in the bundle. Then runs the built
# program from a folder outside the checkout: --version, kb check, rank and report on
# an example, and the desktop app's start-up (offscreen, in English and in Chinese: the
# spec compiles the interface's .ts translations into .qm files); prints the bundle's size and
# start-up times. Linux (and macOS) shell; for Windows see packaging/README.md.
#
# Environment: PYTHON (default python3), PYINSTALLER_SPEC (default "pyinstaller>=6.10").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
python=${PYTHON:-python3}
venv="$root/build/pyinstaller-venv"
export PIP_DISABLE_PIP_VERSION_CHECK=1

start=$(date +%s)
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
# The app's dependencies from the project's metadata (the app itself is bundled from
# the checkout, with the data in ddx_app/_data as in a wheel).
"$venv/bin/python" -m pip install -q "${PYINSTALLER_SPEC:-pyinstaller>=6.10}" .
"$venv/bin/python" -m pip uninstall -q -y ddx-assistant
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" packaging/ddx-assistant.spec
built=$(date +%s)
app="$root/dist/ddx-assistant"

# --- smoke test, from outside the checkout, with no override pointing back into it ---
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/imt.ddx.yaml "$work/"
cd "$work"
unset DDX_KB_DIR DDX_RESOURCES_DIR DDX_EXAMPLES_DIR
export DDX_CACHE_DIR="$work/cache" XDG_CONFIG_HOME="$work/config" DDX_DATA_DIR="$work/data"
export QT_QPA_PLATFORM=offscreen
"$app/ddx" --version
"$app/ddx" kb check --no-warnings
"$app/ddx" rank imt.ddx.yaml | head -5
"$app/ddx" report imt.ddx.yaml -o imt.pdf
test -s imt.pdf
"$app/ddx" gui --exit-after-startup
"$app/ddx-assistant" gui --exit-after-startup
# the Chinese interface: its .qm compiled by the spec, loaded with no warning
test -s "$app/_internal/ddx_app/_data/resources/translations/ddx_zh_CN.qm"
zh_err=$("$app/ddx" gui --lang zh_CN --exit-after-startup 2>&1 >/dev/null)
case "$zh_err" in *warning*) echo "$zh_err" >&2; exit 1 ;; esac

# --- size and start-up ---------------------------------------------------------
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_runs() {  # median wall time in ms of 7 runs (after one warm-up run)
  "$@" >/dev/null 2>&1
  for _ in 1 2 3 4 5 6 7; do
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000))
  done | median
}
echo "bundle: $(du -sm "$app" | cut -f1) MB in $(find "$app" -type f | wc -l) files" \
  "(_internal: $(du -sm "$app/_internal" | cut -f1) MB)"
echo "start-up, median of 7 (warm): ddx --version $(time_runs "$app/ddx" --version) ms," \
  "ddx rank $(time_runs "$app/ddx" rank imt.ddx.yaml) ms," \
  "ddx gui --exit-after-startup $(time_runs "$app/ddx" gui --exit-after-startup) ms"
echo "built in $((built - start)) s; bundle smoke-tested OK: $app"
