#!/usr/bin/env sh
# Debian packages medleaflet needs, installed only when missing (with sudo when not root).
#   tools/system-packages.sh         what `pip install` needs to build PyICU (ICU line breaking):
#                                    libicu-dev, pkg-config and a C++ compiler
#   tools/system-packages.sh --test  that, and what the tests run: gettext (msgcat, msgfmt, msgmerge),
#                                    libharfbuzz-bin (hb-view), poppler-utils (pdftoppm, pdftotext),
#                                    zbar-tools (QR codes), qpdf (golden PDFs), tesseract-ocr and the
#                                    models of the scripts the OCR tests read back
set -eu
# Tesseract's models (Debian's tesseract-ocr-MODEL): every shipped language's that Debian has (Somali has none:
# it is read with English's), and those of the scripts the OCR tests read back.
models="ara fas urd pus hin pan ben tam tha mya amh chi-sim chi-tra jpn kor rus ukr fra spa por vie fil hat"
packages="libicu-dev pkg-config g++"
commands="pkg-config g++"
if [ "${1:-}" = "--test" ]; then
    packages="$packages gettext libharfbuzz-bin zbar-tools poppler-utils qpdf tesseract-ocr"
    for model in $models; do
        packages="$packages tesseract-ocr-$model"
    done
    commands="$commands msgfmt hb-view zbarimg pdftoppm qpdf tesseract"
fi
missing=""
for command in $commands; do
    command -v "$command" >/dev/null 2>&1 || missing="yes"
done
pkg-config --exists icu-uc 2>/dev/null || missing="yes"
if [ "${1:-}" = "--test" ]; then
    for model in $models; do
        [ -e "/usr/share/tesseract-ocr/5/tessdata/$(echo "$model" | tr - _).traineddata" ] || missing="yes"
    done
fi
[ -z "$missing" ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null
