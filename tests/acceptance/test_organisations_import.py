"""`catalogue organisations import`: the real CLI on the FICTIONAL ODS extracts in
tests/fixtures/ods/ (laid out exactly as ODS publishes them). It adds, updates, closes and records
successors; a second run changes nothing; the registry's comments and layout are kept; bad files
are reported at file:line:col, all in one run, and nothing is written."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.validate.catalogue import validate_catalogue

ODS = Path(__file__).resolve().parents[1] / "fixtures" / "ods"
EXTRACTS = [ODS / name for name in ("etr.csv", "eccg.csv", "epraccur.csv", "succ.csv")]

# FICTIONAL: a registry written by hand, with comments, one organisation ODS also lists (in a
# readable case, so its name stays) and one ODS knows nothing about.
REGISTRY = """\
# Hand-written registry for the import tests; every code and name is fictional.
organisations:
  # Kept as written: ODS gives the same name in capitals.
  ZZA:
    name: Fictional Northbrook Hospitals NHS Trust
    type: trust
    region: north-east-and-yorkshire   # wrong on purpose: ODS says Y62
    url: https://northbrook.example.org/
  ZZ7:
    name: Fictional National Digital Service
    type: national-body
    region: national
"""


@pytest.fixture
def root(tmp_path) -> Path:
    (tmp_path / "patterns").mkdir()
    (tmp_path / "organisations.yaml").write_text(REGISTRY, encoding="utf-8")
    return tmp_path


def registry(root: Path) -> dict:
    return yaml.safe_load((root / "organisations.yaml").read_text(encoding="utf-8"))["organisations"]


def test_import_adds_updates_closes_and_records_successors(cli, root):
    code, out, err = cli("organisations", "import", "--root", str(root), *map(str, EXTRACTS))
    assert code == 0, err
    orgs = registry(root)
    # Added, with the name as ODS writes it, the type of its extract, the region of its grouping.
    assert orgs["ZZB"] == {"name": "FICTIONAL EASTMERE COMMUNITY NHS TRUST", "type": "trust",
                           "region": "east-of-england", "icb": "ZZQ02"}
    assert orgs["ZZQ01"]["type"] == "icb" and "icb" not in orgs["ZZQ01"]  # an ICB is not in its own area
    assert orgs["ZZ01A"] == {"name": "FICTIONAL NORTH ICB - ZZ01A", "type": "icb", "region": "north-west",
                             "icb": "ZZQ01"}
    assert orgs["ZZ1001"]["type"] == "primary-care" and "ZZ1003" not in orgs  # the walk-in centre is left out
    # Updated: region and ICB from ODS; the readable name, the type and the website stay.
    assert orgs["ZZA"] == {"name": "Fictional Northbrook Hospitals NHS Trust", "type": "trust",
                           "region": "north-west", "url": "https://northbrook.example.org/", "icb": "ZZQ01"}
    # Closed, with its close date from the trust extract and its successor from the successions.
    assert orgs["ZZC"]["closed"] == dt.date(2024, 3, 31) and orgs["ZZC"]["successor"] == "ZZD"
    assert orgs["ZZ1002"]["closed"] == dt.date(2023, 9, 30)
    assert orgs["ZZ7"] == {"name": "Fictional National Digital Service", "type": "national-body",
                           "region": "national"}
    assert "ZZE" not in orgs and "ZZX" not in orgs
    assert "etr.csv:5:1: warning: [ods-skipped] ZZE is not added: its national grouping 'W00'" in err
    assert "added (ZZB, ZZC, ZZD, ZZQ01, ZZ01A, ZZ1001, ZZ1002)" in out and "1 given a successor (ZZC)" in out
    assert validate_catalogue(root).result.success


def test_comments_and_layout_are_kept(cli, root):
    cli("organisations", "import", "--root", str(root), *map(str, EXTRACTS))
    text = (root / "organisations.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Hand-written registry for the import tests; every code and name is fictional.\n"
                           "organisations:\n  # Kept as written: ODS gives the same name in capitals.\n  ZZA:\n")
    # The value changed; its comment stays on its line (ruamel.yaml keeps the comment's column).
    assert re.search(r"\n    region: north-west +# wrong on purpose: ODS says Y62\n", text)
    assert "  ZZ7:\n    name: Fictional National Digital Service\n" in text


def test_a_second_import_changes_nothing(cli, root):
    cli("organisations", "import", "--root", str(root), *map(str, EXTRACTS))
    before = (root / "organisations.yaml").read_bytes()
    code, out, _ = cli("organisations", "import", "--root", str(root), *map(str, EXTRACTS))
    assert code == 0 and out.startswith("unchanged:")
    assert (root / "organisations.yaml").read_bytes() == before


def test_only_listed_updates_what_is_there_and_adds_the_successors_it_needs(cli, root, edit):
    edit(root / "organisations.yaml", "  ZZ7:\n", "  ZZC:\n    name: Fictional Oldbridge Hospital NHS Trust\n"
         "    type: trust\n    region: london\n  ZZ7:\n")
    code, out, err = cli("organisations", "import", "--root", str(root), "--only-listed", *map(str, EXTRACTS))
    assert code == 0, err
    orgs = registry(root)
    assert set(orgs) == {"ZZA", "ZZC", "ZZD", "ZZ7"}
    assert orgs["ZZC"]["successor"] == "ZZD" and orgs["ZZD"]["region"] == "london"


def test_bad_files_are_located_and_nothing_is_written(cli, root):
    before = (root / "organisations.yaml").read_bytes()
    code, out, err = cli("organisations", "import", "--root", str(root), *map(str, sorted((ODS / "invalid").iterdir())))
    assert code == 1 and out == ""
    for where in ("invalid/etr.csv:2:1: error: [ods-columns] the row has 26 columns; this extract has 27",
                  "invalid/etr.csv:3:1: error: [ods-code] the organisation code 'zz-1' is not an ODS code",
                  "invalid/etr.csv:4:107: error: [ods-date] the open date '2001-04-01'",
                  "invalid/etr.csv:5:7: error: [ods-name] the name 'FICTIONAL <B>MARKED UP</B> NHS TRUST'",
                  "invalid/etr.csv:5:126: error: [ods-date] the close date '20251301' is not a calendar date",
                  "invalid/succ.csv:1:1: error: [ods-columns] the row has 4 columns; this extract has 5",
                  "invalid/succ.csv:2:7: error: [ods-code] the successor's code 'zzd'",
                  "invalid/trusts.csv:1:1: error: [ods-file] cannot tell which ODS extract this is"):
        assert where in err, err
    assert "the files to import have 8 errors; nothing was changed" in err
    assert (root / "organisations.yaml").read_bytes() == before


def test_a_file_that_is_not_text_is_located(cli, root, tmp_path):
    bad = tmp_path / "etr.csv"
    bad.write_bytes(b'"ZZA","FICTIONAL \xff TRUST"\r\n')
    code, _, err = cli("organisations", "import", "--root", str(root), str(bad))
    assert code == 1 and "etr.csv:1:18: error: [ods-file] byte 0xff is not UTF-8 text" in err


def test_closures_after_today_wait(cli, root, tmp_path):
    shutil.copy(ODS / "etr.csv", tmp_path / "etr.csv")
    later = (tmp_path / "etr.csv").read_text(encoding="utf-8").replace('"20240331"', '"20990331"')
    (tmp_path / "etr.csv").write_text(later, encoding="utf-8")
    code, _, err = cli("organisations", "import", "--root", str(root), str(tmp_path / "etr.csv"))
    assert code == 0
    assert "closed" not in registry(root)["ZZC"]
    assert "[ods-skipped] ZZC closes on 2099-03-31 (after today)" in err


def test_a_second_successor_is_not_recorded(cli, root, tmp_path):
    (tmp_path / "succ.csv").write_text('"ZZC","ZZD","R","20240401",""\n"ZZC","ZZB","R","20240401",""\n',
                                       encoding="utf-8")
    code, _, err = cli("organisations", "import", "--root", str(root), str(ODS / "etr.csv"), str(tmp_path / "succ.csv"))
    assert code == 0 and registry(root)["ZZC"]["successor"] == "ZZD"
    assert "succ.csv:2:1: warning: [ods-skipped] ZZC has more than one successor" in err


def test_an_invalid_registry_is_left_alone(cli, root):
    (root / "organisations.yaml").write_text("organisations: [ZZA]\n", encoding="utf-8")
    code, _, err = cli("organisations", "import", "--root", str(root), str(ODS / "etr.csv"))
    assert code == 2 and "`organisations` is not a mapping of ODS codes" in err
    assert (root / "organisations.yaml").read_text(encoding="utf-8") == "organisations: [ZZA]\n"
