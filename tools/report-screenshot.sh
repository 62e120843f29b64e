#!/usr/bin/env bash
# Screenshots a cota report page in headless Chromium: tools/report-screenshot.sh REPORT.html OUT.png [WIDTH HEIGHT]
# The page is self-contained, so the browser runs with networking off; the PNG shows what a reader sees.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH HEIGHT]" >&2
  exit 2
fi
html="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
width="${3:-1100}"
height="${4:-900}"
[ -f "$html" ] || { echo "$0: $1: no such file" >&2; exit 2; }
browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
[ -n "$browser" ] || { echo "$0: no chromium on PATH (apt-get install chromium)" >&2; exit 3; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# --no-sandbox: containers run as root, where Chromium's sandbox refuses to start.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
  --window-size="$width,$height" --screenshot="$out" "file://$html" >/dev/null 2>&1
[ -s "$out" ] || { echo "$0: $browser wrote no screenshot" >&2; exit 1; }
echo "$out"
