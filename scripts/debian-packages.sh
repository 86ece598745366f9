#!/usr/bin/env bash
# Installs the Debian packages a step needs, only those missing (apt-get as root, else through sudo).
#   python  what `python3 -m venv` needs
#   exports Chromium and CJK fonts for chart images, the deck and the PDF (and the browser tests)
set -euo pipefail

missing=()
case "${1:?usage: debian-packages.sh python|exports}" in
  python)
    python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
    ;;
  exports)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
    ;;
  *) echo "unknown package set: $1" >&2; exit 2 ;;
esac

[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
