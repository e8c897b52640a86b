#!/usr/bin/env bash
# Regenerates the PNGs in this folder: the main pages in headless Chromium (1280×900), taken by
# platform-server's ScreenshotsTest against the same real servers the browser tests start.
# Needs what the README's tests need (a JDK, chromium and chromium-driver); no Docker, no network.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -pl platform-server -am test \
  -Dscreenshots=true -Dscreenshots.dir="$PWD/docs/screenshots" \
  -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
ls -l docs/screenshots/*.png
