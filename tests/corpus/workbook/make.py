#!/usr/bin/env python3
"""Writes the small hostile workbooks of tests/corpus/workbook (run from this directory).

Each file is a few hundred bytes to a few kilobytes; the tests in tests/it/hostile.rs say what
each must give. Python's zipfile is used so the files do not depend on our own code.
"""
import zipfile

NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
NS_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
MIME = "application/vnd.oasis.opendocument.spreadsheet"
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIME}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods(path, body):
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content xmlns:office="{NS_OFFICE}" xmlns:table="{NS_TABLE}" '
        f'xmlns:text="{NS_TEXT}" office:version="1.2"><office:body><office:spreadsheet>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", MIME, compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", head + body, compress_type=zipfile.ZIP_DEFLATED)


def cell_s(text):
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def cell_f(v):
    return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'


def row(*cells):
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


TABLE = (
    row(cell_s("Region"), cell_s("Indicator"), cell_s("Year"), cell_s("Value"))
    + row(cell_s("uk"), cell_s("nps"), cell_f(2016), cell_f(12.5))
)
END = "</office:spreadsheet></office:body></office:document-content>"

# calamine 0.38 loops forever on a table that is never closed
ods("ods-unclosed-table.ods", '<table:table table:name="Data">' + TABLE)
# a well-formed table whose repeated rows and columns expand to 17 billion cells
ods(
    "ods-repeat-bomb.ods",
    '<table:table table:name="Data">'
    + TABLE
    + '<table:table-row table:number-rows-repeated="1048570">'
    + '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>'
    + "</table:table-row></table:table>"
    + END,
)
# just under calamine's own cap of 100 million cells: 9,000 rows x 10,000 columns of a value
ods(
    "ods-repeat-90m.ods",
    '<table:table table:name="Data">'
    + TABLE
    + '<table:table-row table:number-rows-repeated="9000">'
    + '<table:table-cell table:number-columns-repeated="10000" office:value-type="float" office:value="1"/>'
    + "</table:table-row></table:table>"
    + END,
)
# 64 KB of text directly inside a row: calamine quotes it whole in its error message
ods(
    "ods-text-in-row.ods",
    '<table:table table:name="Data">'
    + TABLE
    + "<table:table-row>" + "x" * 65536 + "</table:table-row></table:table>"
    + END,
)
# a valid small ODS, the control
ods("ods-valid.ods", '<table:table table:name="Data">' + TABLE + "</table:table>" + END)


def xlsx(path, sheet_xml, extra=None):
    ct = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    wb = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    wb_rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def c(ref, v):
    if isinstance(v, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
    return f'<c r="{ref}"><v>{v}</v></c>'


def sheet(rows, pad=""):
    out = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    for r, cells in rows:
        out += f'<row r="{r}">' + "".join(c(ref, v) for ref, v in cells) + "</row>"
    return out + "</sheetData>" + pad + "</worksheet>"


ROWS = [
    (1, [("A1", "Region"), ("B1", "Indicator"), ("C1", "Year"), ("D1", "Value")]),
    (2, [("A2", "uk"), ("B2", "nps"), ("C2", 2016), ("D2", 12.5)]),
    (3, [("A3", "france"), ("B3", "nps"), ("C3", 2016), ("D3", 9)]),
]
xlsx("xlsx-valid.xlsx", sheet(ROWS))
# one stray value in the last cell of the sheet: a dense reading asks for 17 billion cells
xlsx("xlsx-stray-xfd1048576.xlsx", sheet(ROWS + [(1048576, [("XFD1048576", 1)])]))
# 40 MB of white space in the sheet part, 40 KB compressed: a decompression bomb
xlsx("xlsx-ratio-bomb.xlsx", sheet(ROWS, pad=" " * (40 * 1024 * 1024)))
# a number cell holding text calamine cannot parse, in cell D3
xlsx(
    "xlsx-bad-float.xlsx",
    sheet(ROWS[:2] + [(3, [("A3", "france"), ("B3", "nps"), ("C3", 2016)])]).replace(
        "</row></sheetData>", '<c r="D3" t="n"><v>abc</v></c></row></sheetData>'
    ),
)
# a shared-string cell whose index is not in the (absent) shared-string table, in cell D3
xlsx(
    "xlsx-bad-shared-string.xlsx",
    sheet(ROWS[:2] + [(3, [("A3", "france"), ("B3", "nps"), ("C3", 2016)])]).replace(
        "</row></sheetData>", '<c r="D3" t="s"><v>99</v></c></row></sheetData>'
    ),
)
# the sheet's XML is cut off in the middle of a row
xlsx("xlsx-truncated-xml.xlsx", sheet(ROWS)[:-60])
# a header cell of 100,000 characters (over the 64 KiB cell limit)
xlsx(
    "xlsx-huge-header.xlsx",
    sheet([(1, [("A1", "Region"), ("B1", "x" * 100_000), ("C1", "Year"), ("D1", "Value")])] + ROWS[1:]),
)
