#!/usr/bin/env python3
"""Sums the counters of every TRX file under a folder and prints 'N passed, N failed, N skipped'.

Exits 1 when any test failed, when no TRX file exists, or when no test ran."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
folder = Path(sys.argv[1])
passed = failed = skipped = 0
files = sorted(folder.rglob("*.trx")) if folder.exists() else []
for trx in files:
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0)) + int(counters.get("inconclusive", 0))
if not files:
    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
