"""Generate an addon's README.rst from its readme/*.md fragments.

OCA's oca-gen-addon-readme is not on PyPI; this does the same for our one
addon: a header from the manifest, then the fragments in OCA's order. Run
`python3 tools/gen_readme.py contact_order`; the static tier checks that the
committed README.rst is what this produces.
"""

import ast
import re
import sys
from pathlib import Path

SECTIONS = (
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("HISTORY.md", "Changelog"),
    ("CONTRIBUTORS.md", "Contributors"),
)


def md_to_rst(text):
    """The small Markdown subset the fragments use: lists, tables, emphasis,
    images on a line of their own."""
    out = []
    lines = text.strip().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip("|").split("|")]
                if not all(re.fullmatch(r"-+", c) for c in cells):
                    rows.append([inline(c) for c in cells])
                i += 1
            out.extend(rst_table(rows))
            continue
        image = re.fullmatch(r"!\[([^]]*)\]\(([^)]+)\)", line.strip())
        if image:
            # paths are relative to readme/, README.rst sits in the addon
            alt, path = image.groups()
            path = path.removeprefix("../")
            out.extend([f".. image:: {path}", f"   :alt: {alt}", ""])
            i += 1
            continue
        out.append(inline(line))
        i += 1
    return "\n".join(out).strip() + "\n"


def inline(text):
    """Emphasis reads the same in both; inline code takes double backquotes."""
    return re.sub(r"`([^`]+)`", r"``\1``", text)


def rst_table(rows):
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    header = border.replace("-", "=")

    def fmt(row):
        return (
            "| "
            + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
            + " |"
        )

    table = [border, fmt(rows[0]), header]
    for row in rows[1:]:
        table += [fmt(row), border]
    return ["", *table, ""]


def render(addon_dir):
    addon_dir = Path(addon_dir)
    manifest = ast.literal_eval((addon_dir / "__manifest__.py").read_text())
    title = manifest["name"]
    parts = [
        "=" * len(title),
        title,
        "=" * len(title),
        "",
        ".. This file is generated from readme/*.md by tools/gen_readme.py:",
        "   edit those, not this.",
        "",
        f"| Version {manifest['version']} | License {manifest['license']} |"
        f" Odoo 18.0 Community |",
        "",
        manifest["summary"],
        "",
        ".. contents::",
        "   :local:",
        "",
    ]
    for filename, heading in SECTIONS:
        path = addon_dir / "readme" / filename
        if not path.exists():
            continue
        if heading:
            parts += [heading, "=" * len(heading), ""]
        parts += [md_to_rst(path.read_text()), ""]
    return "\n".join(parts).rstrip() + "\n"


def main(argv):
    addon_dir = Path(argv[1] if len(argv) > 1 else "contact_order")
    (addon_dir / "README.rst").write_text(render(addon_dir))


if __name__ == "__main__":
    main(sys.argv)
