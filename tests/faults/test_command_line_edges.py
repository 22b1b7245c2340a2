"""Hostile arguments on the command line: every one gets a plain error (or works), never a
traceback or a hang; what ``--save-replay`` and ``--screenshot`` are pointed at is never
destroyed; an unexpected error ends with one line and exit code 70."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from types import SimpleNamespace

import pytest

from faultkit import ROOT, TALLY, game_env

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file kinds")

LONG = "a" * 300  # over the 255 bytes a file name may have
LEVEL = str(ROOT / "levels" / "01_first_steps.yaml")


@pytest.fixture
def minerisk(data, capsys, monkeypatch):
    """Run ``minerisk ARGS`` in this process (headless, on the test's data folder): exit code and output.

    An exception out of ``main`` would be a traceback for the player; an alarm
    stops a run that hangs.
    """
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("MINERISK_QUIT_AFTER_FRAMES", "3")

    def hung(*_args):
        TALLY.hangs += 1
        raise AssertionError("hung")

    def run(*args: str) -> SimpleNamespace:
        from game.cli import main

        TALLY.hostile_inputs += 1
        old = signal.signal(signal.SIGALRM, hung)
        signal.alarm(30)
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code
        except BaseException:
            TALLY.tracebacks += 1
            raise
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
        out = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out.out, stderr=out.err)

    return run


def plain_error(done: subprocess.CompletedProcess, code: int, words: str) -> None:
    assert done.returncode == code and "Traceback" not in done.stderr, done.stderr
    assert words in done.stderr + done.stdout, done.stderr + done.stdout


@pytest.mark.parametrize("args, code, words", [
    (("simulate", "first_steps", "--policy", "idle", "--seed", "-1"), 2, "a seed is a whole number from 0 to"),
    (("simulate", "first_steps", "--policy", "idle", "--seed", "9" * 5000), 2, "a seed is a whole number"),
    (("simulate", "first_steps", "--policy", "idle", "--seed", str(2**63)), 2, "a seed is a whole number"),
    (("play", "first_steps", "--seed", "-5"), 2, "a seed is a whole number"),
    (("play", "first_steps", "--frames", "-3"), 2, "frames must be a whole number"),
    (("play", "first_steps", "--size", "1" * 5000 + "x10"), 2, "window size must look like"),
    (("play", LONG), 2, "no level file or level id called"),
    (("validate", LONG), 1, "the file name is too long"),
    (("levels", LONG), 2, "the file name is too long"),
    (("simulate", LONG, "--policy", "idle"), 1, "no level file or level id called"),
    (("simulate", LONG + ".yaml", "--policy", "idle"), 1, "File name too long"),
    (("simulate", "first_steps", "--policy", "idle", "--save-replay", LEVEL), 1, "the level file this run reads"),
    (("simulate", "first_steps", "--policy", "idle", "--save-replay", "/dev/null"), 1, "a device or a pipe"),
    (("simulate", "first_steps", "--policy", "idle", "--save-replay", "/dev/stdout"), 1, "a link"),
    (("simulate", "first_steps", "--policy", "idle", "--save-replay", str(ROOT / "levels")), 1, "a folder"),
    (("simulate", "first_steps", "--policy", "idle", "--save-replay", str(ROOT / "README.md")), 1,
     "a file Mine Risk did not write"),
    (("simulate", "first_steps", "--policy", "idle", "--save-replay", LONG + ".json"), 1, "too long"),
    (("play", "first_steps", "--frames", "2", "--screenshot", str(ROOT / "levels")), 2, "it is a folder"),
    (("play", "first_steps", "--frames", "2", "--screenshot", LONG + ".png"), 2, "too long"),
])
def test_hostile_arguments_get_plain_errors(minerisk, args, code, words):
    plain_error(minerisk(*args), code, words)


def test_simulate_takes_a_bundled_level_id_as_play_does(minerisk):
    done = minerisk("simulate", "first_steps", "--policy", "idle", "--seed", "0")
    assert done.returncode == 0 and "Level first_steps, seed 0" in done.stdout, done.stderr


def test_pipes_are_never_opened_or_replaced(tmp_path, minerisk):
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    for args, code in ((("simulate", "first_steps", "--policy", "idle", "--save-replay", str(pipe)), 1),
                       (("simulate", str(pipe), "--policy", "idle"), 1),
                       (("play", "first_steps", "--frames", "2", "--screenshot", str(pipe)), 2),
                       (("validate", str(pipe)), 1)):
        done = minerisk(*args)
        assert done.returncode == code and "Traceback" not in done.stderr, done.stderr
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_a_screenshot_that_cannot_be_written_at_the_end_is_said_and_settings_are_still_saved(tmp_path):
    shot = tmp_path / "shots" / "last.png"
    data = tmp_path / "data"
    shot.parent.mkdir()
    # the folder is fine before the run; at the end a folder stands where the file should go
    done = subprocess.run([sys.executable, "-c", (
        "import sys, pathlib; sys.argv = ['minerisk', 'play', 'first_steps', '--frames', '3', '--size', '800x600', "
        f"'--screenshot', {str(shot)!r}]\n"
        "import game.ui.app as app\n"
        "real = app.App.run\n"
        "def run(self, screenshot=None):\n"
        "    pathlib.Path(screenshot).mkdir()\n"
        "    return real(self, screenshot)\n"
        "app.App.run = run\n"
        "from game.cli import main\n"
        "sys.exit(main())")], cwd=ROOT, env=game_env(data), capture_output=True, text=True, timeout=60)
    TALLY.hostile_inputs += 1
    assert done.returncode == 1 and "the screenshot could not be saved" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and shot.is_dir()
    assert (data / "settings.json").is_file()


def test_an_unexpected_error_is_one_line_and_exit_70(tmp_path):
    done = subprocess.run([sys.executable, "-c", (
        "import sys; import game.cli_commands.levels as levels\n"
        "def broken(args): raise RuntimeError('a bug of ours')\n"
        "levels.run = broken\n"
        "from game.cli import main\n"
        "sys.exit(main(['levels']))")], cwd=ROOT, env=game_env(tmp_path), capture_output=True, text=True,
        timeout=60)
    assert done.returncode == 70 and "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("minerisk: unexpected error (RuntimeError: a bug of ours)") and "report" in line


def test_a_difficulty_of_ten_to_the_29_does_not_break_the_level_list(tmp_path, minerisk):
    from game.level.campaign import list_levels

    text = (ROOT / "levels" / "01_first_steps.yaml").read_text(encoding="utf-8")
    head, _sep, tail = text.partition("\ndifficulty:")
    (tmp_path / "huge.yaml").write_text(head + "\ndifficulty: " + "1" + "0" * 29 + "\n" + tail.split("\n", 1)[1])
    (tmp_path / "digits.yaml").write_text(head + "\ndifficulty: " + "9" * 5000 + "\n" + tail.split("\n", 1)[1])
    assert [lv.difficulty for lv in list_levels(tmp_path)] == [0, 5]
    done = minerisk("levels", str(tmp_path))
    assert done.returncode == 0 and "*****" in done.stdout
