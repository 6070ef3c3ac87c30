#!/bin/sh
# Build the Latin subsets of the bundled text faces: fonts/bundled/<family>/<Face>-Latin.ttf beside each full face,
# with the characters of fonts/bundled/latin.unicodes and the OpenType features fontkit applies to horizontal text.
# A Latin letter then decodes a fraction of the full faces' tables (the GPOS mark attachment of the combining
# accents above all). The output is committed; nothing runs this at install or test time, except a test that
# compares its output with the committed files when fonttools is installed.
#
# Usage: fonts/subset.sh [OUTPUT_FOLDER]   (default: fonts/bundled itself)
# Needs fonttools' subsetter (Debian: apt-get install python3-fonttools); PYTHON names a Python that has it.
# Same input, same fonttools: the same bytes on every run (pyftsubset keeps head.modified; nothing else varies).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bundled="$here/bundled"
out=${1:-$bundled}

python=${PYTHON:-}
if [ -z "$python" ]; then
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import fontTools.subset' 2>/dev/null; then python=$candidate; break; fi
  done
fi
if [ -z "$python" ] || ! "$python" -c 'import fontTools.subset' 2>/dev/null; then
  echo "subset.sh: no Python with fonttools found (apt-get install python3-fonttools, or set PYTHON)" >&2
  exit 1
fi

# fontkit's default features for horizontal left-to-right text, the only ones a letter asks for (no theme sets
# fontFeatureSettings); small caps, old-style figures and the stylistic sets are left out.
features=rvrn,ltra,ltrm,ccmp,locl,rlig,mark,mkmk,frac,numr,dnom,calt,clig,liga,rclt,curs,kern

for face in \
  noto-serif/NotoSerif-Regular noto-serif/NotoSerif-Bold noto-serif/NotoSerif-Italic noto-serif/NotoSerif-BoldItalic \
  noto-sans/NotoSans-Regular noto-sans/NotoSans-Bold noto-sans/NotoSans-Italic noto-sans/NotoSans-BoldItalic \
  noto-sans-mono/NotoSansMono-Regular noto-sans-mono/NotoSansMono-Bold; do
  mkdir -p "$out/$(dirname "$face")"
  # All name records stay (the copyright and the licence among them); .notdef keeps its box, as in the full face.
  "$python" -m fontTools.subset "$bundled/$face.ttf" \
    --unicodes-file="$bundled/latin.unicodes" \
    --layout-features="$features" \
    --layout-scripts=DFLT,latn \
    --name-IDs='*' \
    --notdef-outline \
    --output-file="$out/$face-Latin.ttf"
done
