#!/usr/bin/env python3
"""Edits an .xlsx in headless LibreOffice as a person would, then recalculates and saves it.

Usage: lo_edit.py PROFILE_DIR IN.xlsx OUT.xlsx OPS.json
OPS is a list of {"op": "insertRow", "sheet": S, "row": N} (a new row N, rows below move down,
references and ranges across it grow as in any spreadsheet), {"op": "deleteRows", "sheet": S,
"row": N, "count": K} (references into deleted rows become #REF!), {"op": "set", "sheet": S,
"cell": "B25", "value": text|number} and {"op": "formula", "sheet": S, "cell": "D25",
"formula": "=..."} (LibreOffice API syntax: English names, ';' separators), and
{"op": "store", "filter": NAME} to save in another format ("MS Excel 97", "calc8" for .ods).
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    profile, src, dst, ops_path = sys.argv[1:5]
    pipe = "devis_cnc_%d" % os.getpid()
    office = subprocess.Popen([
        "soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless", "--norestore",
        "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            raise SystemExit("LibreOffice ne répond pas")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets
        store_filter = "Calc MS Excel 2007 XML"
        for op in json.load(open(ops_path, encoding="utf-8")):
            if op["op"] == "store":
                store_filter = op["filter"]
                continue
            sheet = sheets.getByName(op["sheet"])
            if op["op"] == "insertRow":
                sheet.Rows.insertByIndex(op["row"] - 1, 1)
            elif op["op"] == "deleteRows":
                sheet.Rows.removeByIndex(op["row"] - 1, op["count"])
            elif op["op"] == "set":
                cell = sheet.getCellRangeByName(op["cell"])
                if isinstance(op["value"], str):
                    cell.setString(op["value"])
                else:
                    cell.setValue(op["value"])
            elif op["op"] == "formula":
                sheet.getCellRangeByName(op["cell"]).setFormula(op["formula"])
            else:
                raise SystemExit("opération inconnue : %s" % op["op"])
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", store_filter),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
