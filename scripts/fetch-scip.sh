#!/usr/bin/env bash
# Puts the SCIP 10 shared library into <workspace>/.scip/lib (git-ignored), from the PyPI wheel of
# pyscipopt (the only registry that ships a prebuilt SCIP for this platform), with the `libscip.so`
# symlink the linker needs. Idempotent: does nothing when the library is already there.
#
# Usage: scripts/fetch-scip.sh [LIB_DIR]   (default: .scip/lib at the workspace root)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
lib_dir="${1:-$root/.scip/lib}"
version="6.3.0"
soname="libscip-d031042e.so.10.0"

if [ -e "$lib_dir/libscip.so" ] && [ -e "$lib_dir/$soname" ]; then
    exit 0
fi

python="${PYTHON:-python3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "fetch-scip: downloading pyscipopt==$version from PyPI" >&2
"$python" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary :all: \
    --platform manylinux_2_28_x86_64 --python-version 3.11 --implementation cp \
    -d "$tmp" "pyscipopt==$version"

wheel="$(ls "$tmp"/pyscipopt-"$version"-*.whl)"
mkdir -p "$lib_dir"
# The wheel is a zip; Python's zipfile avoids depending on `unzip`.
"$python" - "$wheel" "$lib_dir" <<'PY'
import os, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith("pyscipopt.libs/") and not name.endswith("/"):
            target = os.path.join(out, os.path.basename(name))
            with z.open(name) as src, open(target + ".part", "wb") as dst:
                dst.write(src.read())
            os.chmod(target + ".part", 0o755)
            os.replace(target + ".part", target)
PY
if [ ! -e "$lib_dir/$soname" ]; then
    echo "fetch-scip: $soname is not in the wheel; found: $(ls "$lib_dir")" >&2
    exit 1
fi
ln -sfn "$soname" "$lib_dir/libscip.so"
echo "fetch-scip: SCIP library ready in $lib_dir" >&2
