#!/usr/bin/env bash
# Installs the Debian packages `npm test` needs when they are missing:
#   LibreOffice Calc (headless) — recalculates our workbooks in a program we did not write;
#   python3-uno — drives LibreOffice to edit a workbook (insert a row, change a cell);
#   Chromium — drives the taskpane as a person would (playwright-core, no browser download);
#   xmllint (libxml2-utils) — validates the add-in manifest against the OfficeApp schema.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
updated=0
apt_update() { if [ "$updated" = 0 ]; then $SUDO apt-get update -qq; updated=1; fi; }
if ! command -v soffice >/dev/null 2>&1; then
  apt_update
  $SUDO apt-get install -y -qq libreoffice-calc-nogui || $SUDO apt-get install -y -qq libreoffice-calc
fi
# python3-uno lets a test edit a workbook in LibreOffice as a person would (insert a row, type).
if ! /usr/bin/python3 -c 'import uno' >/dev/null 2>&1; then
  apt_update
  $SUDO apt-get install -y -qq python3-uno
fi
# xmllint validates the manifest against Microsoft's OfficeApp schema (offline copy in test/fixtures).
if ! command -v xmllint >/dev/null 2>&1; then
  apt_update
  $SUDO apt-get install -y -qq libxml2-utils
fi
if [ ! -x /usr/bin/chromium ]; then
  apt_update
  $SUDO apt-get install -y -qq chromium
fi
soffice --version
/usr/bin/chromium --version
