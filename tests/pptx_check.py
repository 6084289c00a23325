#!/usr/bin/env python3
"""Reads the PowerPoint files of the shipped decks with python-pptx, independently of the Rust
reader, and checks each slide against the figure values the Rust test wrote beside it
(tests/it/pptx_cli.rs, shipped_decks_export_to_pptx): chart type, series names, categories and
values; heat tables as native tables with the cell texts; missing values stay empty.

Usage: python3 tests/pptx_check.py DIR   (DIR holds NAME.pptx and NAME.json pairs)
"""
import json
import math
import pathlib
import sys

from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE


def close(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def check_slide(where, slide, want):
    frames = [s for s in slide.shapes if s.has_chart or s.has_table or s.shape_type == 13]
    assert len(frames) == 1, f"{where}: one chart, table or picture, found {len(frames)}"
    shape = frames[0]
    assert slide.shapes.title is not None and slide.shapes.title.text == want["title"], (
        f"{where}: title {slide.shapes.title.text if slide.shapes.title else None!r}"
    )
    kind = want["kind"]
    if kind == "TABLE":
        assert shape.has_table, f"{where}: expected a table"
        cells = [c.text for row in list(shape.table.rows)[1:] for c in list(row.cells)[1:]]
        for text in want["series"][0]["values"]:
            assert text in cells, f"{where}: cell {text!r} missing"
        return
    if kind == "PICTURE":
        assert shape.shape_type == 13, f"{where}: expected a picture"
        return
    assert shape.has_chart, f"{where}: expected a chart"
    chart = shape.chart
    assert chart.chart_type == getattr(XL_CHART_TYPE, kind), (
        f"{where}: chart type {chart.chart_type}, expected {kind}"
    )
    plot = chart.plots[0]
    series = list(plot.series)
    assert [s.name for s in series] == [s["name"] for s in want["series"]], (
        f"{where}: series {[s.name for s in series]}"
    )
    if kind.startswith("XY_SCATTER"):
        for got, exp in zip(series, want["series"]):
            # an empty row breaks a dated line where periods are missing
            got_y = [v for v in got.values if v is not None]
            assert len(got_y) == len(exp["values"]), where
            assert all(close(a, b) for a, b in zip(got_y, exp["values"])), f"{where}: {got_y}"
        return
    categories = [str(c) for c in plot.categories]
    for got, exp in zip(series, want["series"]):
        values = list(got.values)
        if "categories" in exp:
            assert categories == exp["categories"], f"{where}: categories {categories}"
            assert all(close(a, b) for a, b in zip(values, exp["values"])), f"{where}: {values}"
            continue
        expected = dict((c, v) for c, v in exp["by_category"])
        for cat, value in zip(categories, values):
            if cat in expected:
                assert close(value, expected[cat]), f"{where}: {exp['name']} {cat}: {value} != {expected[cat]}"
            else:
                assert value is None, f"{where}: {exp['name']} {cat}: a gap became {value}"
        assert set(expected) <= set(categories), f"{where}: categories {categories}"


def main(directory):
    files = sorted(pathlib.Path(directory).glob("*.pptx"))
    assert files, f"no .pptx in {directory}"
    slides = 0
    for path in files:
        want = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        prs = Presentation(str(path))
        assert len(prs.slides) == len(want), f"{path.name}: {len(prs.slides)} slides, expected {len(want)}"
        for i, (slide, exp) in enumerate(zip(prs.slides, want), start=1):
            check_slide(f"{path.name} slide {i}", slide, exp)
            slides += 1
    print(f"python-pptx: {len(files)} presentations, {slides} slides checked")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/tmp/pptx-check")
