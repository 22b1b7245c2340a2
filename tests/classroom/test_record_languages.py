"""The run record reader's and the re-simulation check's words in the teacher's language (issues 12 and 13).

A tampered and a truncated record are read in the test language (``qps``: every translated text is
accented, so a plain English word is one that missed the catalogue) and in French: no English sentence is
left, while what a program reads (the place ``FILE:LINE:COL``, the verify status, the exit code, the JSON
field names in backticks, the score card and the run's digests) is the same in every language.
"""

from __future__ import annotations

import json
import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor

import pytest

from game import text
from game.classroom.database import ClassDB
from game.classroom.handin import HandIn
from game.classroom.importer import _speak, _verify_one, import_results
from game.classroom.student import Student
from game.run.record import commands_digest, parse_record
from game.run.verify import verify
from tests.classroom.conftest import a_run, edited, played

#: Words that are the same in every language: the game's name, formats, file names, codes and grades quoted.
KEPT = {"Mine", "Risk", "JSON", "UTF", "docs", "run", "record", "md", "minerisk", "first", "steps", "score",
        "grade", "total", "true", "false",
        "and"}  # lists are joined by Babel, which formats the test language as English
#: English words no French (or test-language) sentence of these messages holds.
ENGLISH = {"the", "file", "must", "was", "this", "with", "edited", "after", "differs", "recorded", "now", "not",
           "cut", "short", "hand", "written", "game", "wrote", "command", "level", "replays", "result"}


@pytest.fixture(autouse=True)
def english_after():
    yield
    text.set_language("en")


def _said(line: str) -> str:
    """What a reader reads in a line, less what stays the same in every language: JSON field names and
    commands in backticks, quoted values, the file name and the score card's field paths."""
    line = re.sub(r"`[^`]*`|'[^']*'|\S+\.json|score(\.\w+)+", " ", line)
    return line


def _plain_english(line: str) -> list[str]:
    """ASCII words in a test-language line: every translated word there is accented."""
    return [w for w in re.findall(r"[A-Za-z]{3,}", _said(line)) if w not in KEPT]


def _english_in_french(line: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]+", _said(line)) if w.lower() in ENGLISH]


def _tampered() -> str:
    def change(data):
        data["end"]["score"]["grade"] = "A" if data["end"]["score"]["grade"] != "A" else "B"
    return edited(a_run().to_json(), change)


def test_a_truncated_or_edited_record_is_refused_in_the_language_in_use_at_the_same_place():
    whole = played("first_steps")
    cut = whole[: len(whole) // 2]
    broken = {  # a file cut short; a field of the wrong type; a command out of shape; an unknown key; bad JSON
        "cut.json": cut,
        "day.json": edited(whole, lambda d: d.update(day="12")),
        "order.json": edited(whole, lambda d: d["commands"].__setitem__(0, {"day": 1})),
        "key.json": edited(whole, lambda d: d["level"].update(path="x.yaml")),
        "end.json": edited(whole, lambda d: d["end"].pop("event_digest")),
        "comma.json": whole.replace('"seed":', '"seed"', 1),
    }
    seen = {}
    for lang in ("en", "qps", "fr", "ar", "km"):
        text.set_language(lang)
        for name, raw in broken.items():
            record, problems = parse_record(raw, name)
            assert record is None and problems
            lines = [p.format() for p in problems]
            places = [(p.file, p.line, p.col) for p in problems]
            assert seen.setdefault(name, places) == places, "the place does not depend on the language"
            for line in lines:
                assert line.startswith(f"{name}:") and "; " in line
                assert "\\u" not in line, "a control character in a translation, shown escaped"
                if lang == "qps":
                    assert _plain_english(line) == [], line
                if lang == "fr":
                    assert _english_in_french(line) == [], line
        if lang == "qps":
            assert "`day`" in parse_record(broken["day.json"], "d")[1][0].message  # field names never translated
            assert "`level.path`" in parse_record(broken["key.json"], "k")[1][0].message
    text.set_language("fr")
    problem = parse_record(cut, "cut.json")[1][0]
    assert problem.message == "le fichier est tronqué" or "tronqu" in problem.message
    assert parse_record(whole, "ok.json")[1] == []


def test_a_tampered_record_gets_the_same_verdict_in_every_language_worded_when_read():
    record, problems = parse_record(_tampered(), "t.json")
    assert not problems
    verdict = verify(record)
    english = verdict.message
    assert (verdict.status, verdict.exit_code) == ("result_differs", 6) and "score card differs" in english
    for lang in ("qps", "fr", "uk", "ar", "km"):
        text.set_language(lang)  # the verdict is worded when it is read: a language switch needs no new check
        said = f"{verdict.message}; {verdict.hint}"
        assert verdict.message != english and "score.grade" in said
        if lang == "qps":
            assert _plain_english(said) == [], said
        if lang == "fr":
            assert _english_in_french(said) == [], said
    text.set_language("fr")
    again = verify(parse_record(_tampered(), "t.json")[0])
    assert (again.status, again.exit_code) == ("result_differs", 6)


def test_the_run_and_its_digest_are_the_same_in_every_language():
    whole = played("first_steps")
    results = {}
    for lang in ("en", "fr", "ar"):
        text.set_language(lang)
        record, problems = parse_record(whole, "run.json")
        verdict = verify(record)
        assert not problems and (verdict.status, verdict.exit_code) == ("ok", 0)
        results[lang] = (record.to_json(), commands_digest(record.commands), record.end.event_digest,
                         json.dumps(verdict.card.to_dict(), sort_keys=True))
    assert results["fr"] == results["en"] == results["ar"]
    assert results["en"][0] == whole


def test_the_class_import_words_a_refused_run_in_the_teachers_language(tmp_path):
    """The check runs in worker processes: they word their answer in the teacher's language, also a process
    started afresh (as on Windows and macOS)."""
    tampered = _tampered()
    text.set_language("en")
    fresh = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=fresh, initializer=_speak, initargs=("qps",)) as pool:
        status, message, hint, card, replays = pool.submit(_verify_one, tampered, None, ()).result()
    assert status == "result_differs" and _plain_english(f"{message}; {hint}") == []
    text.set_language("qps")
    record, _problems = parse_record(tampered, "t.json")
    record.player = {"name": "Amina", "class_code": "7B"}
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "MineRisk-7B-Amina-2026-12-01-1430.json").write_text(
        HandIn(Student("Amina", "7B"), runs=[record]).to_json(), encoding="utf-8")
    with ClassDB(tmp_path / "class.db") as db:
        report = import_results([stick], db, workers=2)
    assert report.exit_code == 1 and len(report.refused) == 1 and report.runs_added == 0
    line = report.refused[0].format()
    assert _plain_english(line.replace("Amina", "")) == [], line
