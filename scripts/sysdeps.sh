#!/usr/bin/env bash
# Install the Debian packages the stack needs, when missing.
#   scripts/sysdeps.sh run    what serving the site needs
#   scripts/sysdeps.sh test   that, plus what the test suite needs
# As root it installs them with apt-get; otherwise it says what to install.
set -euo pipefail

# The certificate PDF names every font it uses, so it looks the same on every
# server (docs/certificates.md, "Fonts"): DejaVu (core: Serif, Sans, Mono, with
# Latin, Vietnamese and Arabic; extra: the italic), WenQuanYi Micro Hei
# (Chinese, Japanese, Korean) and Lohit Devanagari (Hindi, Marathi, Nepali).
# tests/certificates/test_scripts.py renders with only these font packages.
font_packages=(fonts-dejavu-core fonts-dejavu-extra fonts-wqy-microhei fonts-lohit-deva)
run_packages=(libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 "${font_packages[@]}" nodejs npm)
# xmlsec1 signs and checks SAML messages (pysaml2 runs it; docs/sso.md).
run_packages+=(xmlsec1)
# Java runs the W3C Nu HTML checker (node_modules/vnu-jar) in the browser tests.
test_packages=(chromium postgresql poppler-utils default-jre-headless)
# zbarimg reads the certificate's QR code back in tests/certificates/test_layout.py.
test_packages+=(zbar-tools)
# wrk loads the pages under gunicorn in benchmarks/bench_learner_pages.py (make bench).
test_packages+=(wrk)
# Redis: the shared cache of tests/training_site/test_shared_cache.py and make prod-smoke.
test_packages+=(redis-server)
# nginx in front of gunicorn in make prod-smoke (deploy/nginx/training.conf).
test_packages+=(nginx)

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
