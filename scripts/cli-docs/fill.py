#!/usr/bin/env python3
"""Fills the data sheet of a `kooperacja facts template` workbook with rows, as a
partner would in a spreadsheet program (openpyxl, not our writer), for the docs.

Usage: fill.py TEMPLATE.xlsx ROWS.json OUT.xlsx
ROWS.json: a list of objects by header; {"date": "YYYY-MM-DD"} is a date cell.
"""
import datetime, json, sys
import openpyxl
template, rows, out = sys.argv[1], json.load(open(sys.argv[2], encoding='utf-8')), sys.argv[3]
book = openpyxl.load_workbook(template)
sheet = book.worksheets[0]
headers = {cell.value: cell.column for cell in sheet[1]}
for r, row in enumerate(rows, start=2):
    for header, value in row.items():
        if isinstance(value, dict):
            value = datetime.date.fromisoformat(value['date'])
        sheet.cell(row=r, column=headers[header], value=value)
book.save(out)
