#!/usr/bin/env bash
# Install the Debian packages the stack needs, when missing.
#   scripts/sysdeps.sh run    what serving the site needs
#   scripts/sysdeps.sh test   that, plus what the test suite needs
# As root it installs them with apt-get; otherwise it says what to install.
set -euo pipefail

# The certificate PDF pins the DejaVu families (core: Serif, Sans, Mono; extra:
# the italic), so it looks the same on every server.
run_packages=(libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-dejavu-extra nodejs npm)
test_packages=(chromium postgresql poppler-utils)

wanted=("${run_packages[@]}")
if [[ "${1:-run}" == "test" ]]; then
    wanted+=("${test_packages[@]}")
fi

missing=()
for package in "${wanted[@]}"; do
    # nodejs/npm may come from elsewhere (nvm, NodeSource): a working command is enough.
    if [[ "$package" == nodejs ]] && command -v node >/dev/null; then continue; fi
    if [[ "$package" == npm ]] && command -v npm >/dev/null; then continue; fi
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "These Debian packages are missing: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
