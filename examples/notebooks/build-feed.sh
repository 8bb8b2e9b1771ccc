#!/usr/bin/env bash
# Packs MscStats and MscStats.ScottPlot into the local NuGet feed artifacts/feed and registers that folder as the user-level package source
# "mscstats-local", so a notebook (or the file-based app in examples/file-based) references the library as users will:
# #r "nuget: MscStats, <version>".
# (.NET Interactive does not resolve relative #i paths, so the source is registered instead.) It also forgets any
# earlier package of the same version in the NuGet cache, so the notebook and the app get this build.
# Remove the source afterwards with: bash examples/notebooks/build-feed.sh --remove
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--remove" ]; then
  dotnet nuget remove source mscstats-local >/dev/null 2>&1 || true
  echo "removed the package source mscstats-local"
  exit 0
fi
version=$(dotnet msbuild src/MscStats/MscStats.csproj -getProperty:Version)
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
rm -rf artifacts/feed "$cache/mscstats/$version" "$cache/mscstats.scottplot/$version"
dotnet pack src/MscStats/MscStats.csproj -c Release -o artifacts/feed >/dev/null
dotnet pack src/MscStats.ScottPlot/MscStats.ScottPlot.csproj -c Release -o artifacts/feed >/dev/null
dotnet nuget remove source mscstats-local >/dev/null 2>&1 || true
dotnet nuget add source "$PWD/artifacts/feed" --name mscstats-local >/dev/null
echo "artifacts/feed: MscStats and MscStats.ScottPlot $version, registered as the package source mscstats-local"
