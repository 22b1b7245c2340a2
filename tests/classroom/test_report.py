"""The class report: the right figures, one self-contained page that a real browser renders at laptop and phone
width and prints; a CSV a spreadsheet takes; mistakes read from any score card."""

from __future__ import annotations

import csv
import datetime
import io
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.classroom.checkin import Attempt, checkin_quiz
from game.classroom.database import ClassDB, NewRun
from game.classroom.mistakes import CODES, discussion, discussion_points, mistakes_of
from game.classroom.report import class_data, report_csv, report_html
from game.classroom.student import Student
from game.cli import main
from game import text
from game.content import key_messages
from tests.classroom import browser
from tests.classroom.conftest import a_run

AMINA, BEN, CHLOE = Student("Amina", "7B"), Student("Ben", "7B"), Student("<b>Chloé</b> =1+1", "7B")
SCREENS = Path("/work/team/screens/classroom")


def _answers(right: int) -> dict[str, str]:
    """Answers with the first ``right`` questions right and the rest wrong."""
    out = {}
    for i, q in enumerate(checkin_quiz().questions):
        out[q.id] = q.right if i < right else next(a.id for a in q.answers if not a.correct)
    return out


def _store(db: ClassDB, student: Student, record, verified: bool = True) -> None:
    with db.transaction():
        import_id = db.begin_import("2026-12-01T10:00:00+00:00")
        db.add_run(NewRun(record.to_json(), record.run_id, record.level_id, record.level_sha256, record.seed,
                          record.created, record.game_version, record.end.day, record.end.reason, student, verified,
                          "" if verified else "the level `first_steps` is not installed", record.end.score, "f.json"),
                   import_id)


@pytest.fixture
def class_db(tmp_path):
    """Amina plays well and learns; Ben plays recklessly and learns little; Chloé's one run is not verified."""
    db = ClassDB(tmp_path / "class.sqlite")
    _store(db, AMINA, a_run("first_steps"))
    _store(db, AMINA, a_run("cancel_or_clear"))
    _store(db, AMINA, a_run("first_steps", policy="idle"))  # a worse second try: the best grade counts
    _store(db, BEN, a_run("first_steps", policy="reckless"))
    _store(db, BEN, a_run("cancel_or_clear", policy="reckless"))
    _store(db, CHLOE, a_run("first_steps", policy="clear_all"), verified=False)
    with db.transaction():
        i = db.begin_import("2026-12-02T10:00:00+00:00")
        for student, stage, right, taken in ((AMINA, "before", 3, "10:00"), (AMINA, "before", 9, "10:30"),
                                             (AMINA, "after", 10, "11:00"), (BEN, "before", 5, "10:00"),
                                             (BEN, "after", 6, "11:00")):
            db.add_checkin(student, Attempt(stage, f"2026-12-01T{taken}:00+00:00", "checkin-1", _answers(right)),
                           "f.json", i)
    yield db
    db.close()


def test_class_figures(class_db):
    data = class_data(class_db)
    by_name = {s.student.name: s for s in data.students}
    assert list(by_name) == ["<b>Chloé</b> =1+1", "Amina", "Ben"]
    assert [lv.id for lv in data.levels][:3] == ["first_steps", "cancel_or_clear", "technical_survey"]
    amina, ben = by_name["Amina"], by_name["Ben"]
    good = a_run("first_steps").end.score["grade"]  # land_release's grade on this seed (A or B)
    assert good in ("A", "B")
    assert amina.best["first_steps"].grade == good and len(amina.runs) == 3
    assert ben.best["first_steps"].grade == "F"
    assert not by_name[CHLOE.name].best["first_steps"].verified
    # grade distributions count verified best grades only (Chloé's is not verified)
    expected = {"A": 0, "B": 0, "C": 0, "D": 0, "F": 1}
    expected[good] += 1
    assert data.grade_counts("first_steps") == expected
    # the first quiz before, the last after
    assert amina.checkin("before") == (3, 10) and amina.checkin("after") == (10, 10)
    assert ben.checkin("before") == (5, 10) and ben.checkin("after") == (6, 10)
    assert data.class_checkin() == (40.0, 80.0, 2)
    questions = data.questions()
    moved = {q.id: (b, a) for q, b, a, _ in questions}
    first, last = checkin_quiz().questions[0].id, checkin_quiz().questions[-1].id
    assert moved[first] == (100.0, 100.0) and moved[last] == (0.0, 50.0)
    assert questions[0][2] - questions[0][1] <= questions[-1][2] - questions[-1][1]  # least moved first
    mistakes = {code: (students, runs) for code, students, runs in data.mistakes()}
    assert mistakes["civilian_casualties"] == (1, 2)  # Ben, hurt people by his decisions in both runs
    assert mistakes["items_left_in_released_land"][0] == 1  # Ben: his cancellations left items under feet
    assert mistakes["cancel_against_evidence"] == (1, 2)  # Ben, against the reports, in both runs
    assert data.mistakes()[0][1] == 2
    assert [s.student.name for s in class_data(class_db, "7b").students] == list(by_name)
    assert class_data(class_db, "8A").students == []


def test_html_is_self_contained_escaped_and_names_what_matters(class_db, tmp_path):
    data = class_data(class_db)
    html = report_html(data)
    assert "<script" not in html.lower() and "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)""", html)
    assert refs and all(r.startswith("#") for r in refs)  # only links inside the page
    assert "<b>Chloé</b>" not in html and "&lt;b&gt;Chloé&lt;/b&gt; =1+1" in html
    assert "not verified" in html and "the level `first_steps` is not installed" in html
    assert "Class: 40% right before, 80% after" in html
    assert discussion("civilian_casualties").title in html
    most = discussion(data.mistakes()[0][0])  # the class's most frequent mistake: its point and its key messages
    assert most.discuss in html and all(m.text in html for m in most.messages)
    assert "Teach again" in html
    checker = _Checker()
    checker.feed(html)
    assert checker.unclosed == [] and checker.svgs >= 5
    empty = report_html(class_data(ClassDB(tmp_path / "empty.sqlite")))
    assert "No results yet" in empty


def test_levels_by_title_a_grade_not_verified_explained_and_mistakes_from_verified_runs_labelled(class_db):
    """A trainer's level by the title the import kept (HTML and CSV); a grade not verified never in a grade's
    colour, with what it means and what to do; a student's mistakes from verified runs only, as the class's;
    every number after a mistake says what it counts."""
    trainer = a_run("first_steps", player=BEN.player())
    trainer.level_id = "river_crossing"
    _store(class_db, BEN, trainer)
    unknown = a_run("first_steps", policy="clear_all")
    unknown.level_id = "harbour_walk"
    _store(class_db, BEN, unknown, verified=False)
    with class_db.transaction():
        class_db.set_level_title("river_crossing", "The river crossing at Ferrow")
    data = class_data(class_db)
    html = report_html(data)
    assert "The river crossing at Ferrow" in html and ">river_crossing<" not in html and ". river_crossing" not in html
    assert "harbour_walk (a level not installed here)" in html
    rows = list(csv.DictReader(io.StringIO(report_csv(data))))
    assert {r["level_title"] for r in rows if r["level"] == "river_crossing"} == {"The river crossing at Ferrow"}
    assert '<span class="grade unchecked">' in html and "may have been edited" in html
    assert "--levels FOLDER" in html and "Not verified (2 runs)" in html
    chloe = html[html.index('id="s0"'):html.index('id="s1"')]  # Chloé's one run is not verified
    assert "not counted: the run is not verified" in chloe and "To talk about" not in chloe
    assert "Mistakes are read from the score cards of verified runs only" in html
    assert re.search(r"\(\d+ (decisions|items|people|objectives)\)", html)
    assert not re.search(r"[a-z] \(\d+\)[;<]", html)  # no bare "(22)"


class _Checker(HTMLParser):
    """Tags opened and closed in order (void elements aside), and SVGs seen."""

    VOID = {"meta", "br", "img", "line", "rect", "circle", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.unclosed, self.svgs = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.svgs += tag == "svg"
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack.pop() != tag:
            self.unclosed.append(tag)

    def close(self):
        super().close()
        self.unclosed += self.stack


def test_csv_has_a_row_per_student_and_level_and_no_formulas(class_db, tmp_path, capsys):
    rows = list(csv.DictReader(io.StringIO(report_csv(class_data(class_db)))))
    assert len(rows) == 3 * len(class_data(class_db).levels)
    amina = [r for r in rows if r["student"] == "Amina"]
    good = a_run("first_steps").end.score["grade"]
    assert amina[0]["level"] == "first_steps" and amina[0]["best_grade"] == good and amina[0]["verified"] == "yes"
    assert amina[0]["times_finished"] == "2" and amina[0]["checkin_before"] == "3"
    assert amina[2]["best_grade"] == "" and amina[2]["times_finished"] == "0"
    assert {r["student"] for r in rows} >= {"'<b>Chloé</b> =1+1"} or all(not r["student"].startswith("=")
                                                                           for r in rows)
    ben = next(r for r in rows if r["student"] == "Ben")
    assert float(ben["best_points"]) < 0  # numbers stay numbers
    out = tmp_path / "class.csv"
    assert main(["class", "report", "--csv", "-o", str(out), "--db", str(class_db.path)]) == 0
    assert out.read_text().startswith("class,student,level")
    assert "Wrote the class report (3 students" in capsys.readouterr().out


def test_the_report_and_list_limited_to_some_levels_and_a_day(class_db, tmp_path, capsys):
    """--levels by id or title (any case, commas), an unknown level named with the nearest; --since a day."""
    out, db = tmp_path / "week.html", str(class_db.path)
    assert main(["class", "report", "-o", str(out), "--db", db, "--levels", "CANCEL OR CLEAR"]) == 0
    html = out.read_text()
    title = next(lv.title for lv in class_data(class_db).levels if lv.id == "cancel_or_clear")
    first = next(lv.title for lv in class_data(class_db).levels if lv.id == "first_steps")
    assert f"1. {title}" in html and f". {first}<" not in html and "Only these levels" in html
    assert "civilian_casualties" not in html and "Ben" in html  # Ben's reckless run there: his mistakes
    data = class_data(class_db, levels=[lv for lv in class_data(class_db).levels if lv.id == "cancel_or_clear"])
    assert sum(len(s.runs) for s in data.students) == 2 and data.class_checkin()[2] == 2  # the quiz always counts
    both = f"{first.lower()},cancel_or_clear"
    assert main(["class", "report", "--csv", "-o", str(out), "--db", db, "--levels", both]) == 0
    assert {r["level"] for r in csv.DictReader(io.StringIO(out.read_text()))} == {"first_steps", "cancel_or_clear"}
    assert main(["class", "report", "-o", str(out), "--db", db, "--levels", "cancel_or_cleer"]) == 2
    err = capsys.readouterr().err
    assert "no level called 'cancel_or_cleer'" in err and "did you mean 'cancel_or_clear'" in err
    assert main(["class", "list", "--db", db, "--levels", "first_steps", "--since", "2999-01-01"]) == 0
    assert "Amina" in capsys.readouterr().out  # every student listed, with no runs since
    later = class_data(class_db, since=datetime.date(2999, 1, 1))
    assert [len(s.runs) for s in later.students] == [0, 0, 0] and later.class_checkin()[2] == 2
    assert sum(len(s.runs) for s in class_data(class_db, since=datetime.date(2000, 1, 1)).students) == 6


def _english_words(page: str, allowed: set[str]) -> list[str]:
    """Plain English words left in a page in the test language (every translated text there is accented):
    the text a reader sees (styles, tags and commands in <code> aside), less the names of the class."""
    seen = re.sub(r"<style>.*?</style>|<code>.*?</code>|<[^>]+>", " ", page, flags=re.S)
    return [w for w in re.findall(r"[A-Za-z]{3,}", unescape(seen)) if w not in allowed]


def test_the_report_and_list_in_another_language_and_right_to_left_in_arabic(class_db, tmp_path, capsys):
    """--lang: every sentence of the report and of the list goes through the catalogue (none is left in English in
    the test language, qps), with the language's plurals and numbers; the Arabic page is right to left."""
    out, db = tmp_path / "qps.html", str(class_db.path)
    names = {"Amina", "Ben", "Chlo"}
    try:
        assert main(["--lang", "qps", "class", "report", "-o", str(out), "--db", db, "--since", "2000-01-01"]) == 0
        page = out.read_text()
        assert '<html lang="qps" dir="ltr">' in page and "Only" not in page
        assert _english_words(page, names) == [], "not through the catalogue"
        assert not re.search(r"\{[a-z_]*\}", page), "a placeholder left unfilled"
        assert main(["--lang", "qps", "class", "list", "--db", db]) == 0
        assert main(["--lang", "qps", "class", "report", "-o", str(out), "--db", db, "--levels", "nowhere"]) == 2
        said = capsys.readouterr()
        printed = (said.out + said.err).replace("minerisk class report", "").replace(str(out), "")
        assert _english_words(printed, names | {"nowhere", 
            "first", "steps", "cancel", "clear", "technical", "survey", "road", "school", "battle", "area",
            "returnees", "the", "sector"}) == []  # level ids are ids
        assert main(["--lang", "ar", "class", "report", "-o", str(out), "--db", db]) == 0
        arabic = out.read_text()
        assert '<html lang="ar" dir="rtl">' in arabic and "text-align:start" in arabic
        assert "الطلاب" in arabic or "طالب" in arabic  # the Arabic catalogue's words
    finally:
        text.set_language("en")


def test_mistakes_are_read_from_any_score_card():
    assert mistakes_of({}) == [] and mistakes_of(None) == [] and mistakes_of({"decision_errors": "x"}) == []
    card = {  # a card with the release record (issue 9)
        "decision_errors": [{"why": "cancel_against_evidence", "m2": 400}, {"why": "cancel_against_evidence"},
                            {"why": "reduced_in_a_rush"}, {"why": "a_reason_of_a_later_version"}, "junk"],
        "grade_caps": ["decision_error", "too_little", "hazards_left_unmarked", "a_cap_of_a_later_version"],
        "qa_failures": 2, "end_reason": "budget",
        "civilians": {"injured": 1, "killed": 0}, "deminers": {"injured": True},
        "objectives": [{"met": False}, {"met": True}, {"met": "no"}]}
    assert [(m.code, m.count) for m in mistakes_of(card)] == [
        ("cancel_against_evidence", 2), ("reduced_in_a_rush", 1), ("unjustified_release", 2), ("qa_failed", 2),
        ("hazards_left_unmarked", 1), ("money_ran_out", 1), ("too_little_released", 1), ("civilian_casualties", 1),
        ("objective_missed", 1)]
    by_reason = {"unjustified_by_reason": {"justified": 900, "cleared_in_a_rush": 25.0, "cancel_after_rushed_survey": 0}}
    assert [m.code for m in mistakes_of(by_reason)] == ["cleared_in_a_rush"]


def test_every_mistake_has_a_point_to_discuss_with_real_key_messages():
    points = discussion_points()
    assert set(points) == set(CODES)
    ids = {m.id for m in key_messages()}
    for point in points.values():
        assert point.title and point.discuss and all(m.id in ids for m in point.messages)
    assert discussion("from_a_later_version").title == "From a later version"


@pytest.mark.skipif(browser.CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_the_report_in_a_real_browser_at_laptop_and_phone_width_and_printed(class_db, tmp_path):
    """About 3 s: one headless chromium opens the report at two widths, measures it, shoots it and prints it."""
    page = tmp_path / "report.html"
    assert main(["class", "report", "-o", str(page), "--db", str(class_db.path)]) == 0
    shots = SCREENS if SCREENS.parent.is_dir() else tmp_path
    with browser.Browser() as chromium:
        for width in (1366, 390):
            logged = chromium.open(page, width)
            assert logged == [], logged  # no script error, no blocked load, no policy violation
            figures = browser.layout(chromium)
            assert figures["scroll_width"] <= figures["client_width"] == width, figures  # nothing wider
            assert figures["too_wide"] == [], figures
            assert figures["svgs"] >= 5 and figures["drawn"] == figures["svgs"], figures  # every chart drawn
            assert figures["grades"] == 5, figures  # best grades: Amina 2 levels, Ben 2, Chloé 1
            chromium.screenshot(shots / f"report-{width}.png")
        pages = chromium.print_pdf(tmp_path / "report.pdf")
        assert pages >= 4, pages  # the class pages, then one page per student
        # the probe would see a page that loads something: it is logged
        bad = tmp_path / "bad.html"
        bad.write_text(page.read_text().replace("</body>", '<img src="https://example.org/x.png"></body>'))
        assert any("example.org" in m for m in chromium.open(bad, 1366))
