#!/usr/bin/env bash
# Executes examples/notebooks/reanalysis.ipynb in a real .NET Interactive kernel, as a user would run it, and checks
# what it displayed: every code cell runs without error and shows HTML, the figures come as inline SVG, and the
# baseline-adjusted cell shows the ANCOVA result, the exact randomization test and both of its figures.
# Installs what it needs: Debian's jupyter-nbconvert and the dotnet-interactive tool. The kernel runs with its HTTP
# listener on loopback only (a kernel spec of its own with --http-local-only). The executed notebook is written to
# artifacts/notebook/reanalysis.executed.ipynb.
set -euo pipefail
cd "$(dirname "$0")/../.."
interactive_version=1.0.712001

if ! command -v jupyter-nbconvert >/dev/null 2>&1; then
  echo "installing Debian's jupyter-nbconvert"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jupyter-nbconvert jupyter-client python3-ipykernel >/dev/null
fi
export PATH="$PATH:$HOME/.dotnet/tools"
if ! dotnet tool list -g | grep -qi "microsoft.dotnet-interactive"; then
  dotnet tool install -g Microsoft.dotnet-interactive --version "$interactive_version" >/dev/null
fi

# A kernel spec of the project's own, found first through JUPYTER_PATH: the C# kernel with its HTTP listener on loopback only.
spec=artifacts/jupyter/kernels/.net-csharp
mkdir -p "$spec"
cat > "$spec/kernel.json" <<'JSON'
{
  "argv": ["dotnet", "interactive", "jupyter", "--default-kernel", "csharp", "--http-local-only", "{connection_file}"],
  "display_name": ".NET (C#)",
  "language": "C#"
}
JSON
export JUPYTER_PATH="$PWD/artifacts/jupyter"

bash examples/notebooks/build-feed.sh
trap 'bash examples/notebooks/build-feed.sh --remove >/dev/null' EXIT
mkdir -p artifacts/notebook
out="$PWD/artifacts/notebook/reanalysis.executed.ipynb"
(cd examples/notebooks && /usr/bin/jupyter nbconvert --to notebook --execute reanalysis.ipynb --output "$out" \
  --ExecutePreprocessor.timeout=900 --ExecutePreprocessor.kernel_name=.net-csharp 2>&1 | grep -E "Writing|Error|error" || true)
if [ ! -s "$out" ]; then
  echo "error: the notebook did not execute (a cell failed; run jupyter nbconvert --execute to see it)" >&2
  exit 1
fi

/usr/bin/python3 - "$out" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
problems, svg_total = [], 0
for index, cell in enumerate(nb["cells"]):
    if cell["cell_type"] != "code":
        continue
    source = "".join(cell["source"])
    outputs = cell.get("outputs", [])
    errors = [o for o in outputs if o.get("output_type") == "error"]
    html = ["".join(o.get("data", {}).get("text/html", "")) for o in outputs]
    html = [h for h in html if h]
    svg = sum(h.count("<svg") for h in html)
    svg_total += svg
    if errors:
        problems.append(f"cell {index}: {errors[0].get('ename')}: {errors[0].get('evalue')}")
    elif not html:
        problems.append(f"cell {index}: displayed no HTML")
    if "RandomizationTest.Ancova" in source:
        text = "\n".join(html)
        for needed in ("ANCOVA adjusted difference", "Randomization test", "5,200,300"):
            if needed not in text:
                problems.append(f"cell {index}: the baseline-adjusted output lacks '{needed}'")
        if svg < 2:
            problems.append(f"cell {index}: expected the ANCOVA and randomization figures as SVG, found {svg}")
if svg_total < 3:
    problems.append(f"only {svg_total} inline SVG figures in the notebook")
if problems:
    print("\n".join("error: " + p for p in problems), file=sys.stderr)
    sys.exit(1)
print(f"notebook ok: {sum(c['cell_type'] == 'code' for c in nb['cells'])} code cells ran, {svg_total} inline SVG figures")
PY
