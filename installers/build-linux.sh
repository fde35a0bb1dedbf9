#!/usr/bin/env bash
# Build the Linux bundle: dist/inspector-ledger/ (onedir) and dist/inspector-ledger-linux-x86_64.tar.gz
# with a .desktop file and the icon. Prints the size. Works offline once the venv exists.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installers/dev.sh setup
PY=.venv/bin/python
"$PY" -m pip install -q "pyinstaller>=6.0"
"$PY" installers/build_forms.py --check
"$PY" installers/build_translations.py --check
rm -rf build/pyinstaller dist/inspector-ledger
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist installers/inspector.spec
STAGE=$(mktemp -d)
APPDIR="$STAGE/inspector-ledger"
cp -a dist/inspector-ledger "$APPDIR"
cp installers/icons/inspector.png "$APPDIR/inspector-ledger.png"
cat > "$APPDIR/inspector-ledger.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=巡查台账
Name[en]=Inspection Ledger
Comment=执行工作巡查台账
Exec=inspector-ledger %f
Icon=inspector-ledger
Terminal=false
Categories=Office;
MimeType=application/x-inspector-ledger;application/x-inspector-ledgerpkg;
DESKTOP
cat > "$APPDIR/install.sh" <<'INSTALL'
#!/usr/bin/env bash
# Install for the current user: ~/.local/opt, a launcher and the menu entry. No root needed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
DEST="$HOME/.local/opt/inspector-ledger"
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$HOME/.local/share/applications" "$HOME/.local/share/icons/hicolor/256x256/apps"
rm -rf "$DEST" && cp -a "$HERE" "$DEST"
ln -sf "$DEST/inspector-ledger" "$HOME/.local/bin/inspector-ledger"
cp "$DEST/inspector-ledger.png" "$HOME/.local/share/icons/hicolor/256x256/apps/inspector-ledger.png"
sed "s|^Exec=.*|Exec=$DEST/inspector-ledger %f|" "$DEST/inspector-ledger.desktop" > "$HOME/.local/share/applications/inspector-ledger.desktop"
echo "已安装到 $DEST（菜单：巡查台账；命令：inspector-ledger）"
INSTALL
chmod +x "$APPDIR/install.sh"
TARBALL=dist/inspector-ledger-linux-x86_64.tar.gz
tar -C "$STAGE" -czf "$TARBALL" inspector-ledger
rm -rf "$STAGE"
echo "bundle:  dist/inspector-ledger ($(du -sh dist/inspector-ledger | cut -f1))"
echo "archive: $TARBALL ($(du -h "$TARBALL" | cut -f1))"
