#!/usr/bin/env bash
# Smoke test of the frozen build: offscreen, in a temporary data folder, it creates the demo
# workspace, exports a package, writes an xlsx report, creates and checks an encrypted
# workspace, starts and quits the desktop app,
# and fails on a non-zero exit or any Qt warning on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${1:-dist/inspector-ledger/inspector-ledger}
[ -x "$APP" ] || { echo "no frozen build at $APP (run installers/build-linux.sh)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen INSPECTOR_DATA_DIR="$WORK/data" HOME="$WORK/home"
mkdir -p "$HOME"
ERR="$WORK/stderr"
run() { "$APP" "$@" 2>>"$ERR"; }
run demo "$WORK/demo.ledger" --seed 3 >/dev/null
run export "$WORK/demo.ledger" "$WORK/out.ledgerpkg" >/dev/null
run verify "$WORK/out.ledgerpkg" --workspace "$WORK/demo.ledger" >/dev/null
run report "$WORK/demo.ledger" --xlsx "$WORK/ledger.xlsx" >/dev/null
[ -s "$WORK/out.ledgerpkg" ] && [ -s "$WORK/ledger.xlsx" ]
# both kinds of document, in Word and PDF, from the frozen program, each read back
run report "$WORK/demo.ledger" --kind feedback --docx "$WORK/feedback.docx" --pdf "$WORK/feedback.pdf" >/dev/null
run report "$WORK/demo.ledger" --kind rectification --docx "$WORK/rect.docx" --pdf "$WORK/rect.pdf" >/dev/null
python3 - "$WORK" <<'PY'
import sys, zipfile
from pathlib import Path
work = Path(sys.argv[1])
for name, part, text in (
    ("ledger.xlsx", "xl/workbook.xml", "整改台账"),
    ("feedback.docx", "word/document.xml", "反馈意见"),
    ("rect.docx", "word/document.xml", "整改情况"),
):
    with zipfile.ZipFile(work / name) as z:
        body = z.read(part).decode("utf-8")
        assert text in body, (name, text)
        assert any(n.startswith("word/footer") for n in z.namelist()) or name.endswith(".xlsx"), name
for name in ("feedback.pdf", "rect.pdf"):
    assert (work / name).read_bytes()[:5] == b"%PDF-", name
PY
if command -v pdftotext >/dev/null; then
  pdftotext "$WORK/feedback.pdf" "$WORK/feedback.txt" && grep -q "反馈意见" "$WORK/feedback.txt"
  pdftotext "$WORK/rect.pdf" "$WORK/rect.txt" && grep -q "整改情况" "$WORK/rect.txt"
fi
# an encrypted workspace (SQLCipher and Argon2id inside the bundle), checked end to end
INSPECTOR_PASSWORD=smoke-secret run demo "$WORK/sealed.ledger" --seed 3 >/dev/null
INSPECTOR_PASSWORD=smoke-secret run verify-workspace "$WORK/sealed.ledger" >/dev/null
if INSPECTOR_PASSWORD=wrong-secret "$APP" stats "$WORK/sealed.ledger" >/dev/null 2>&1; then
  echo "smoke test: a wrong password opened the encrypted workspace" >&2
  exit 1
fi
run --quit-after 1500
[ -s "$INSPECTOR_DATA_DIR/demo.ledger" ]
if grep -Ei "warning|qt\.|error|traceback" "$ERR"; then
  echo "smoke test: messages on stderr" >&2
  exit 1
fi
echo "smoke test passed: demo, package export and verify, xlsx, docx and pdf reports of both kinds read back, encrypted workspace, desktop start and quit"
