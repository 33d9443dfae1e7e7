#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian 12 machine
# with the Swift toolchain: C libraries, promtool, curl, nghttpd (HTTP/2 tests),
# and the pinned kubectl. (grpcio joins when the Hubble Relay tests arrive.)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
need=()
for p in libcurl4-openssl-dev libyaml-dev libssl-dev pkg-config prometheus openssl nghttp2-server curl binutils; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
"$root/hack/install-kubectl.sh" >/dev/null
