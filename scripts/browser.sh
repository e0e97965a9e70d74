#!/usr/bin/env bash
# Make sure Debian's Chromium (and CJK fonts, so Chinese titles render) is on the machine for the
# browser tests. A browser downloaded by Playwright's own installer cannot be fetched here, so we
# use the distribution's package. Quiet and idempotent: when both are already there this only
# prints one line and returns at once (no apt-get). Prints exactly one line saying what it did.
# Never fails the caller: without Chromium the browser tests skip and say why (and fail under CI=true,
# where a skip would hide that they never ran).
set -euo pipefail

chromium=/usr/bin/chromium

have_fonts() { dpkg -s fonts-noto-cjk >/dev/null 2>&1 || [ -n "$(fc-list 'Noto Sans CJK SC' 2>/dev/null)" ]; }

if [ -x "$chromium" ] && have_fonts; then
    echo "browser.sh: chromium and CJK fonts already installed ($chromium)"
    exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    if [ -x "$chromium" ]; then
        echo "browser.sh: chromium found but fonts-noto-cjk missing and cannot install it (needs root and apt-get)"
    else
        echo "browser.sh: chromium missing and cannot install it (needs root and apt-get); browser tests will skip"
    fi
    exit 0
fi

log=$(mktemp)
if apt-get update -qq >"$log" 2>&1 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >>"$log" 2>&1; then
    echo "browser.sh: installed chromium and fonts-noto-cjk with apt-get"
    rm -f "$log"
else
    echo "browser.sh: apt-get could not install chromium (log: $log); browser tests will skip"
fi
