"""Progress lines: shown on a terminal for large runs, never in CI or in a pipe."""

import io

from generator.progress import progress_printer


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_a_redrawn_counter(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    screen = Terminal()
    show = progress_printer("validated", stream=screen)
    for done in range(250, 1001, 250):
        show(done, 1000)
    assert screen.getvalue() == "\rvalidated 250/1,000\rvalidated 500/1,000\rvalidated 750/1,000\rvalidated 1,000/1,000\n"


def test_small_runs_stay_quiet(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    screen = Terminal()
    progress_printer("validated", stream=screen)(10, 10)
    assert screen.getvalue() == ""


def test_ci_and_pipes_get_no_progress(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert progress_printer("validated", stream=Terminal()) is None
    monkeypatch.delenv("CI")
    assert progress_printer("validated", stream=io.StringIO()) is None
