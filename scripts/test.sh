#!/usr/bin/env bash
# Installs dependencies, builds the `dev` preset (Debug, ASan, UBSan) and
# runs the whole test suite. Tests that need the shared corpus read it from
# FW_SHARED_DIR (default: ../shared beside the checkout) and skip, saying so,
# when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
FW_TEST_DEPS=1 ./scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev
if [ -z "${FW_SHARED_DIR:-}" ] && [ -d ../shared ]; then
  FW_SHARED_DIR="$(cd ../shared && pwd)"
fi
export FW_SHARED_DIR="${FW_SHARED_DIR:-}"
ctest --preset dev -j2
