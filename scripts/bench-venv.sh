#!/usr/bin/env bash
# Creates (once) the virtual environment the benchmark peers run in and installs the pinned
# requirements into it: bench-venv.sh VENV REQUIREMENTS.
set -euo pipefail
venv=$1
requirements=$2
if [ ! -x "$venv/bin/python" ]; then
  # Debian's python3 ships venv without ensurepip unless python3-venv is installed.
  if ! python3 -m venv "$venv" 2>/dev/null; then
    rm -rf "$venv"
    sudo=""
    [ "$(id -u)" != 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$venv"
  fi
fi
"$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
