#!/usr/bin/env sh
# Debian packages medleaflet needs, installed only when missing (with sudo when not root).
#   tools/system-packages.sh         what `pip install` needs to build PyICU (ICU line breaking):
#                                    libicu-dev, pkg-config and a C++ compiler
#   tools/system-packages.sh --test  that, and what the tests run: gettext (msgcat, msgfmt, msgmerge),
#                                    libharfbuzz-bin (hb-view), poppler-utils (pdftoppm, pdftotext),
#                                    zbar-tools (QR codes), qpdf (golden PDFs), tesseract-ocr and the
#                                    models of the scripts the OCR tests read back
set -eu
packages="libicu-dev pkg-config g++"
commands="pkg-config g++"
if [ "${1:-}" = "--test" ]; then
    packages="$packages gettext libharfbuzz-bin zbar-tools poppler-utils qpdf tesseract-ocr"
    packages="$packages tesseract-ocr-ara tesseract-ocr-fas tesseract-ocr-urd tesseract-ocr-hin tesseract-ocr-tha"
    packages="$packages tesseract-ocr-mya tesseract-ocr-ben tesseract-ocr-tam tesseract-ocr-chi-tra tesseract-ocr-amh"
    commands="$commands msgfmt hb-view zbarimg pdftoppm qpdf tesseract"
fi
missing=""
for command in $commands; do
    command -v "$command" >/dev/null 2>&1 || missing="yes"
done
pkg-config --exists icu-uc 2>/dev/null || missing="yes"
if [ "${1:-}" = "--test" ] && [ ! -e /usr/share/tesseract-ocr/5/tessdata/fas.traineddata ]; then
    missing="yes"
fi
[ -z "$missing" ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null
