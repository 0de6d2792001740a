"""bench/report_counts.py, the counter behind the issue notes' before-and-after report tables."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

REPORT = """# storyline report

## The dam at Korven gives way

`st-1a2b3c` · 2 article(s)

| kind | about | values and sources | nature |
|---|---|---|---|
| number | type | deaths | note |
| number | deaths | **twelve (12)** (a.txt); **14** (b.txt) | conflict |
| place | where (the flood) | **Korven** (a.txt); **Lisk** (b.txt) | conflict |
| name | Oleksandr Kovalenko | **Oleksandr Kovalenko** (a.txt); **Olexandr Kovalenko** (b.txt) | spelling |

| name | type | roles | spellings | articles |
|---|---|---|---|---|
| Oleksandr Kovalenko | PERSON | governor | Oleksandr Kovalenko | 2 |
| Korven | PLACE | - | Korven | 2 |
"""


def test_a_reports_rows_values_and_people_are_counted(tmp_path):
    path = tmp_path / "R.md"
    path.write_text(REPORT, encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "report_counts.py"), str(path)],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("report: stories=1 number_rows=1 name_rows=1 date_rows=0 place_rows=1 role_rows=0 "
                          "claim_rows=0 number_values=2 date_values=0 place_values=2 persons=1 ")
