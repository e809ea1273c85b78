#!/usr/bin/env bash
# Installs the Debian packages the test suite needs beyond Java and Maven. Idempotent: packages that
# are already installed are skipped. Tests that need them skip with a message when they are absent.
#   xvfb  virtual X display for the ImageJ GUI test (imagej-plugin GuiIT; it screenshots with
#         java.awt.Robot, so no imagemagick is needed)
# Other scripts pass their own list, e.g. scripts/evaluate-models.sh: python3-skimage (color photos).
set -euo pipefail

needed=()
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(xvfb)
for pkg in "${packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if [ ${#needed[@]} -eq 0 ]; then
    echo "setup-ci: all packages present"
    exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${needed[@]}"
