"""Unit tests for generator/edit/odsfile.py: ODS's headerless CSV read with each value's column,
the extract a file is from its name, and located problems (FICTIONAL rows; the command itself is
tested in tests/acceptance/test_organisations_import.py on tests/fixtures/ods/)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.edit.odsfile import _split, extract_kind, read_extracts
from generator.problems import Result

ODS = Path(__file__).resolve().parents[1] / "fixtures" / "ods"


def test_values_are_unquoted_with_the_column_each_starts_at():
    assert _split('"ZZA","FICTIONAL ""QUOTED"", TRUST",,"Y62"') == [
        (1, "ZZA"), (7, 'FICTIONAL "QUOTED", TRUST'), (37, ""), (38, "Y62")]
    assert _split("ZZA,plain") == [(1, "ZZA"), (5, "plain")]


@pytest.mark.parametrize("name, kind", [("etr.csv", "trust"), ("ETR-2026-06.CSV", "trust"), ("eccg.csv", "icb"),
                                        ("eicb.csv", "icb"), ("epraccur.csv", "primary-care"),
                                        ("succ.csv", "succession"), ("succarc.csv", "succession"),
                                        ("trusts.csv", None)])
def test_the_name_says_which_extract_a_file_is(name, kind):
    assert extract_kind(Path(name)) == kind


def test_the_fixtures_read_as_ods_lays_them_out():
    result = Result()
    orgs, successions = read_extracts([ODS / "etr.csv", ODS / "epraccur.csv", ODS / "succ.csv"], str, result)
    assert result.problems == []
    by_code = {o.code: o for o in orgs}
    assert (by_code["ZZC"].grouping, by_code["ZZC"].icb, by_code["ZZC"].closed) == ("Y56", "ZZQ03", dt.date(2024, 3, 31))
    assert by_code["ZZA"].type == "trust" and by_code["ZZ1001"].type == "primary-care"
    assert "ZZ1003" not in by_code  # a walk-in centre, not a GP practice
    assert by_code["ZZA"].where == (str(ODS / "etr.csv"), 1)
    assert [(s.old, s.new, s.date) for s in successions][0] == ("ZZC", "ZZD", dt.date(2024, 4, 1))


def test_every_bad_row_is_reported_in_one_run():
    result = Result()
    orgs, successions = read_extracts(sorted((ODS / "invalid").iterdir()), lambda p: p.name, result)
    assert [o.code for o in orgs] == ["ZZA"] and successions == []
    assert [(p.path, p.line, p.col, p.rule) for p in result.sorted()] == [
        ("etr.csv", 2, 1, "ods-columns"), ("etr.csv", 3, 1, "ods-code"), ("etr.csv", 4, 107, "ods-date"),
        ("etr.csv", 5, 7, "ods-name"), ("etr.csv", 5, 126, "ods-date"), ("succ.csv", 1, 1, "ods-columns"),
        ("succ.csv", 2, 7, "ods-code"), ("trusts.csv", 1, 1, "ods-file")]
