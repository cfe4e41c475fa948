#!/usr/bin/env bash
# Installs everything flowwarden needs to build and test, from Debian 12's
# packages only. Run as root (or through sudo).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(
  cmake ninja-build g++ pkg-config
  libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libbenchmark-dev
  libphonenumber-dev
  libyaml-cpp-dev
  libvectorscan-dev libre2-dev
  libvalijson-dev
  libzip-dev
  libpsl-dev
  libgraphviz-dev
  libexpat1-dev
  libmstch-dev
  time
)
# Only for the test suite (scripts/test.sh): the HTML reports are opened in a
# real headless browser.
if [ "${FW_TEST_DEPS:-0}" = 1 ]; then
  packages+=(chromium)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
