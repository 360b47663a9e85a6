#!/usr/bin/env bash
# Linux desktop integration for an installed `ddx`: menu entry, icons, AppStream
# metadata and the case-file MIME type (a double click on *.ddx.yaml opens the app).
#
#   packaging/install-linux.sh                 # this user: $XDG_DATA_HOME (~/.local/share)
#   sudo packaging/install-linux.sh /usr/local # everyone: /usr/local/share
#   DDX_EXEC=/opt/ddx-assistant/ddx packaging/install-linux.sh   # a desktop bundle not on PATH
#
# Run it from a checkout or an unpacked sdist (it reads packaging/ and resources/icons/).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
icons="$here/../resources/icons"
if [ $# -gt 0 ]; then share="$1/share"; else share="${XDG_DATA_HOME:-$HOME/.local/share}"; fi

install -d "$share/applications" "$share/metainfo" "$share/mime/packages" \
  "$share/icons/hicolor/scalable/apps"
program=${DDX_EXEC:-ddx}
case "$program" in *[[:space:]]*) quoted="\"$program\"" ;; *) quoted=$program ;; esac
sed -e "s|^Exec=.*|Exec=$quoted gui %f|" -e "s|^TryExec=.*|TryExec=$program|" \
  "$here/ddx-assistant.desktop" > "$share/applications/ddx-assistant.desktop"
install -m 644 "$here/io.github.ddxassistant.ddx_assistant.metainfo.xml" "$share/metainfo/"
install -m 644 "$here/ddx-assistant-mime.xml" "$share/mime/packages/ddx-assistant.xml"
install -m 644 "$icons/ddx-assistant.svg" "$share/icons/hicolor/scalable/apps/"
for png in "$icons"/ddx-assistant-*.png; do
  size=${png##*-}; size=${size%.png}
  install -d "$share/icons/hicolor/${size}x${size}/apps"
  install -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/ddx-assistant.png"
done

# Refresh the caches the desktop reads (each tool is optional).
! command -v update-mime-database >/dev/null || update-mime-database "$share/mime"
! command -v update-desktop-database >/dev/null || update-desktop-database -q "$share/applications"
[ ! -f "$share/icons/hicolor/icon-theme.cache" ] || ! command -v gtk-update-icon-cache >/dev/null \
  || gtk-update-icon-cache -q -t -f "$share/icons/hicolor" 2>/dev/null || true
echo "installed DDx Assistant's desktop entry, icons, metainfo and MIME type under $share"
