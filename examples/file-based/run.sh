#!/usr/bin/env bash
# Runs the file-based app estimation-plot.cs as a user would: the MscStats and MscStats.ScottPlot packages come from the
# local feed that examples/notebooks/build-feed.sh packs and registers (source mscstats-local), and the app runs from a
# temporary folder outside the repository, so that the repository's central package management does not apply to it.
# Checks that the app wrote an SVG and a PNG of the figure's size.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(dotnet msbuild src/MscStats/MscStats.csproj -getProperty:Version)
app=examples/file-based/estimation-plot.cs
for id in MscStats MscStats.ScottPlot; do
  if ! grep -qx "#:package $id@$version" "$app"; then
    echo "error: $app must reference #:package $id@$version (the version being built)" >&2
    exit 1
  fi
done

bash examples/notebooks/build-feed.sh
trap 'bash examples/notebooks/build-feed.sh --remove >/dev/null' EXIT
work=$(mktemp -d)
cp "$app" "$work/"
out="$work/figures"
(cd "$work" && dotnet run estimation-plot.cs -- "$out")
python3 - "$out" <<'PY'
import struct, sys, os
out = sys.argv[1]
svg = open(os.path.join(out, "oxygenation.svg"), encoding="utf-8").read()
png = open(os.path.join(out, "oxygenation.png"), "rb").read()
if not svg.startswith("<svg") or png[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("error: the file-based app did not write an SVG and a PNG")
width, height = struct.unpack(">II", png[16:24])
if (width, height) != (600, 460):
    sys.exit(f"error: the PNG is {width}x{height}, not the figure's 600x460")
print(f"file-based app ok: oxygenation.svg ({len(svg)} characters) and oxygenation.png ({width}x{height})")
PY
rm -rf "$work"
