#!/usr/bin/python3
"""Exports an executed notebook to one self-contained HTML file, charts included.

    /usr/bin/python3 notebooks/tools/export_html.py executed.ipynb out.html

Like ``jupyter nbconvert --to html`` (Debian's nbconvert 6.5), except that SVG
outputs survive: the ``segwork`` template (beside this file) embeds each as an
``<img>`` with a data: URL, where the stock template strips SVG elements.
"""
import base64
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter


def svg_base64(svg):
    text = "".join(svg) if isinstance(svg, list) else svg
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def main():
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    exporter = HTMLExporter(
        template_name="segwork",
        extra_template_basedirs=[str(Path(__file__).parent / "nbconvert")],
        filters={"svg_base64": svg_base64},
    )
    body, _ = exporter.from_notebook_node(nbformat.read(source, as_version=4))
    target.write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
