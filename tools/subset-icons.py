#!/usr/bin/python3
"""Safe Spaces Icons: the icons the app shows, and nothing else, from Material Design Icons.

The whole icon font is 236 KB (117 KB gzipped) of a first visit's download for the 92 icons
in src/client/icons.h. This keeps only their glyphs. The font is under the SIL Open Font
License 1.1 with the Reserved Font Name "Material Design Icons", so a modified version must
not carry that name: the subset is named "Safe Spaces Icons" and says what it came from.
The icons stay CC-BY 4.0, (c) 2014 Austin Andrews and Google (assets/LICENSES.md).

Usage: subset-icons.py SOURCE.ttf ICONS.h OUT.ttf
Needs Debian's fonttools (python3-fonttools), run with Debian's /usr/bin/python3.
"""
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

NAME = "Safe Spaces Icons"
DESCRIPTION = ("The icons Safe Spaces uses, taken from Material Design Icons 1.6.50 "
               "(c) 2014 Austin Andrews and Google: font under the SIL Open Font License 1.1, "
               "icons under CC-BY 4.0. Renamed as the licence's Reserved Font Name asks.")


def codepoints_of(header_path):
    """Every `Name = 0xF34D,` in the Icon enum of icons.h."""
    with open(header_path, encoding="utf-8") as header:
        text = header.read()
    enum = re.search(r"enum class Icon[^{]*\{(.*?)\};", text, re.S)
    if not enum:
        sys.exit(f"{header_path}: no `enum class Icon` found")
    points = sorted({int(code, 16) for code in re.findall(r"=\s*0x([0-9A-Fa-f]+)", enum.group(1))})
    if not points:
        sys.exit(f"{header_path}: the Icon enum names no codepoints")
    return points


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: subset-icons.py SOURCE.ttf ICONS.h OUT.ttf")
    source, header, out = sys.argv[1:]
    points = codepoints_of(header)
    font = TTFont(source)
    cmap = font.getBestCmap()
    missing = [f"U+{p:04X}" for p in points if p not in cmap]
    if missing:
        sys.exit(f"{source} has no glyph for {', '.join(missing)} (named in {header})")

    options = subset.Options()
    options.name_IDs = []  # every name is written again below
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=points)
    subsetter.subset(font)

    names = font["name"]
    names.names = []
    for name_id, value in ((0, "(c) 2014 Austin Andrews and Google; subset for Safe Spaces"), (1, NAME),
                           (2, "Regular"), (3, NAME + " 1.6.50"), (4, NAME), (5, "Version 1.6.50"),
                           (6, NAME.replace(" ", "")), (10, DESCRIPTION),
                           (13, "SIL Open Font License 1.1; the icons CC-BY 4.0"),
                           (14, "https://openfontlicense.org")):
        names.setName(value, name_id, 3, 1, 0x409)  # Windows, Unicode, English
        names.setName(value, name_id, 1, 0, 0)      # Macintosh, Roman, English
    font.save(out)
    print(f"{out}: {len(points)} icons")


if __name__ == "__main__":
    main()
