#!/usr/bin/env bash
# Installs what some tests need beyond the JDK, on a fresh Debian or Ubuntu machine (as root,
# or with sudo). Tests that need a missing tool skip themselves, so the build passes without;
# with it, they run.
#
#   chromium   headless browser: BlogScreenshotTests renders the blog's pages to PNGs
#              (sample-features/blog/target/screenshots/) and checks they are real pages.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  exec sudo "$0" "$@"
fi

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  echo "chromium: already installed ($(command -v chromium || command -v chromium-browser))"
  exit 0
fi

echo "chromium: installing with apt-get (a few hundred MB)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium
echo "chromium: $(chromium --version)"
