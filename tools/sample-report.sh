#!/usr/bin/env bash
# Builds the sample comparison report in results/reports/ from the bundled benchmark samples: for GAIA
# and VQAv2, "model-a" is the sample's own predictions.jsonl and "model-b" the predictions in
# results/reports/sample/; both are scored with `cota bench score`, compared with `cota bench report`,
# and the HTML page is screenshotted with headless Chromium when one is installed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/results/reports"
runs="$(mktemp -d)"
trap 'rm -rf "$runs"' EXIT
dirs=()
for suite in gaia vqav2; do
  data="$root/datasets/bench/$suite"
  for model in model-a model-b; do
    preds="$data/predictions.jsonl"
    [ "$model" = model-b ] && preds="$out/sample/$suite-model-b.jsonl"
    "$root/tools/cota" bench score --suite "$suite" --data "$data" --predictions "$preds" \
      --out "$runs/$suite/$model" >/dev/null
    dirs+=("$runs/$suite/$model")
  done
done
"$root/tools/cota" bench report "${dirs[@]}" --out "$out/sample-report.md"
"$root/tools/cota" bench report "${dirs[@]}" --out "$out/sample-report.html" >/dev/null
if "$root/tools/report-screenshot.sh" "$out/sample-report.html" "$out/sample-report.png" 1000 1500 >/dev/null; then
  echo "screenshot: $out/sample-report.png" >&2
fi
