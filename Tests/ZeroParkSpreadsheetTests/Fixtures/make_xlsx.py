"""Generates the small .xlsx fixtures of ZeroParkSpreadsheetTests (test tooling only: pip install openpyxl).

Run from this folder: python3 make_xlsx.py. The generated files are committed next to this script.
"""
import datetime

from openpyxl import Workbook


def save(name, sheet_title, rows, fmt_text_b=True):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    for row in rows:
        ws.append(row)
    if fmt_text_b:
        for cell in ws["B"]:
            cell.number_format = "@"
    wb.save(name)


# Valid: 4 readings over 2 meters, sheet named "Readings" (the workbook names it, not "Sheet1").
save("valid.xlsx", "Readings", [
    ["meter", "ts", "value"],
    ["m-001", "2026-11-26T08:15:00+08:00", 123.45],
    ["m-002", "2026-11-26T00:15:00Z", 7],
    ["m-001", "2026-11-26T08:30:00+08:00", "0.5"],   # a value typed as text, JSON number grammar
    [],                                                # an empty row is skipped
    ["m-002", "2026-11-26T00:30:00.000Z", -1e-3],
])

# The timestamp typed as an Excel date (numeric cell with a date format): refused at B2.
save("numeric_date.xlsx", "Sheet1", [
    ["meter", "ts", "value"],
    ["m-001", datetime.datetime(2026, 11, 26, 8, 15), 1.0],
], fmt_text_b=False)

# Several problems, each named by its cell.
save("errors.xlsx", "Sheet1", [
    ["meter", "ts", "value"],
    ["m-001", "2026-11-26T08:15:00+08:00", 1.0],
    ["m-001", "2026-11-26 08:15:00", 2.0],            # B3: no T, no offset
    ["m-001", "2026-11-26T08:30:00+08:00", "abc"],   # C4: not a number
    ["m 001", "2026-11-26T08:45:00+08:00", 3.0],      # A5: space in meter key
    ["m-001", "2027-02-29T00:00:00Z", 4.0],           # B6: not a leap year
    ["m-001", "2026-11-26T09:00:00+08:00"],           # C7: empty
])

# A wrong header.
save("bad_header.xlsx", "Sheet1", [
    ["meter", "time", "value"],
    ["m-001", "2026-11-26T08:15:00+08:00", 1.0],
])
