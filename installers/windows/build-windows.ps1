# Build the Windows installer: PyInstaller bundle, then Inno Setup.
# Needs: Python 3.11 (python.org, "py" launcher), Inno Setup 6 (iscc on PATH or the default folder).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Test-Path .venv)) { py -3.11 -m venv .venv }
.\.venv\Scripts\python -m pip install --upgrade pip
.\.venv\Scripts\python -m pip install -e ".[dev]" "pyinstaller>=6.0"
.\.venv\Scripts\python installers\build_forms.py --check
.\.venv\Scripts\python installers\build_translations.py --check
.\.venv\Scripts\python -m PyInstaller --noconfirm --clean --workpath build\pyinstaller --distpath dist installers\inspector.spec
$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc installers\windows\inspector.iss
Write-Host "installer: dist\inspector-ledger-setup-0.1.0.exe"
