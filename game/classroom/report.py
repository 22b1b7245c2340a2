"""The class report: what a class did, from the class database, as one HTML file or a CSV table.

:func:`class_data` gathers it (:class:`ClassData`): each student's best run
per level, their check-in quiz before and after, the mistakes found in
their score cards. :func:`report_html` writes one self-contained page: no
script, no font or image to fetch (a Content-Security-Policy forbids any),
inline SVG charts (:mod:`game.classroom.charts`), a layout that holds from a
phone to a laptop, and print rules (each student on a new page).
:func:`report_csv` gives a spreadsheet: one row per student and level.

Class figures (grade distributions, mistakes) and each student's mistakes
count verified runs only, and the page says so; the grid shows every run
with its mark, a grade not verified in grey with what it means and what to
do, so a run not verified is never passed off as checked. Levels are named
by title: the bundled campaign's, My levels', or the title an import kept
for a trainer's level found with ``--levels``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from dataclasses import dataclass, field
from html import escape

from game import __version__
from game.classroom import charts
from game.classroom.checkin import Attempt, CheckinQuiz, checkin_quiz, score
from game.classroom.database import ClassDB, StoredRun
from game.classroom.mistakes import CODES, discussion, mistakes_of
from game.classroom.student import Student, student_key
from game.content import key_messages
from game.text import _

GRADE_ORDER = "ABCDEF"
TEACH_AGAIN_BELOW = 75  # percent of the class right after the campaign
GRADE_COLOURS = {"A": "#2e8b57", "B": "#7cb342", "C": "#e0b000", "D": "#ef8a17", "E": "#e4572e", "F": "#c0392b"}


@dataclass(frozen=True, slots=True)
class LevelInfo:
    id: str
    title: str


@dataclass
class StudentData:
    student: Student
    runs: list[StoredRun] = field(default_factory=list)  # oldest first
    attempts: list[Attempt] = field(default_factory=list)  # oldest first

    @property
    def best(self) -> dict[str, StoredRun]:
        """The best run per level: a verified one if any, then by grade and points."""
        out: dict[str, StoredRun] = {}
        for run in self.runs:
            old = out.get(run.level_id)
            if old is None or _rank(run) < _rank(old):
                out[run.level_id] = run
        return out

    def attempt(self, stage: str) -> Attempt | None:
        """The quiz that counts: the first taken before, the last taken after."""
        found = [a for a in self.attempts if a.stage == stage]
        return (found[0] if stage == "before" else found[-1]) if found else None

    def checkin(self, stage: str, quiz: CheckinQuiz | None = None) -> tuple[int, int] | None:
        attempt = self.attempt(stage)
        return score(attempt, quiz) if attempt is not None else None


def _rank(run: StoredRun) -> tuple:
    grade = GRADE_ORDER.index(run.grade) if run.grade in GRADE_ORDER else len(GRADE_ORDER)
    return (not run.verified, grade, -(run.total or 0.0))


@dataclass
class ClassData:
    """Everything the report shows, from the database and the game's content."""

    class_code: str | None
    levels: list[LevelInfo]
    students: list[StudentData]
    quiz: CheckinQuiz
    made: str
    picked: bool = False  # the levels were chosen (--levels): the page says which
    since: _dt.date | None = None  # only runs started on or after this day (--since)

    def verified_runs(self) -> list[tuple[StudentData, StoredRun]]:
        return [(s, r) for s in self.students for r in s.runs if r.verified]

    def grade_counts(self, level_id: str) -> dict[str, int]:
        """How many students have each grade as their best verified grade on a level."""
        counts = {g: 0 for g in "ABCDF"}
        for s in self.students:
            best = s.best.get(level_id)
            if best is not None and best.verified:
                counts[best.grade] = counts.get(best.grade, 0) + 1
        return counts

    def mistakes(self) -> list[tuple[str, int, int]]:
        """(code, students who made it, runs it was in), most students first (verified runs)."""
        students: dict[str, set[str]] = {}
        runs: dict[str, int] = {}
        for s, run in self.verified_runs():
            for m in mistakes_of(run.score):
                students.setdefault(m.code, set()).add(s.student.key)
                runs[m.code] = runs.get(m.code, 0) + 1
        return sorted(((c, len(students[c]), runs[c]) for c in students),
                      key=lambda t: (-t[1], -t[2], CODES.index(t[0]) if t[0] in CODES else len(CODES)))

    def paired(self) -> list[StudentData]:
        """Students who took the quiz both before and after."""
        return [s for s in self.students if s.attempt("before") and s.attempt("after")]

    def questions(self) -> list[tuple[object, float | None, float | None, int]]:
        """Per question: share right before and after (percent, among students who took both), and how many
        students; the least moved first."""
        pairs = self.paired()
        out = []
        for q in self.quiz.questions:
            n = len(pairs)
            before = sum(s.attempt("before").answers.get(q.id) == q.right for s in pairs)
            after = sum(s.attempt("after").answers.get(q.id) == q.right for s in pairs)
            out.append((q, 100 * before / n if n else None, 100 * after / n if n else None, n))
        return sorted(out, key=lambda t: (t[2] - t[1]) if t[3] else 0.0)

    def class_checkin(self) -> tuple[float | None, float | None, int]:
        """The class's mean score before and after (percent, students who took both), and how many."""
        pairs = self.paired()
        if not pairs:
            return None, None, 0

        def mean(stage: str) -> float:
            return 100 * sum(_share(s.checkin(stage, self.quiz)) for s in pairs) / len(pairs)

        return mean("before"), mean("after"), len(pairs)


def _share(result: tuple[int, int] | None) -> float:
    return result[0] / result[1] if result and result[1] else 0.0


def class_data(db: ClassDB, class_code: str | None = None, levels: list[LevelInfo] | None = None,
               since: _dt.date | None = None) -> ClassData:
    """The report's data for one class (every class when ``class_code`` is None), limited to ``levels`` (from
    :func:`pick_levels`; None: every level) and to runs started on or after the day ``since`` (local time).
    The check-in quiz is never limited: its before and after span the campaign."""
    students: dict[str, StudentData] = {}
    for _, student in db.students():
        if class_code is None or student_key("", student.class_code) == student_key("", class_code):
            students[student.key] = StudentData(student)
    chosen = None if levels is None else {lv.id for lv in levels}
    for run in db.runs(class_code):
        if (chosen is None or run.level_id in chosen) and (since is None or run_day(run.created) >= since):
            students[run.student.key].runs.append(run)
    for stored in db.checkins(class_code):
        students[stored.student.key].attempts.append(stored.attempt)
    if levels is None:
        played = {r.level_id for s in students.values() for r in s.runs}
        levels = _levels(played, db.level_titles())
    return ClassData(class_code, list(levels), list(students.values()), checkin_quiz(),
                     _dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")[:16],
                     picked=chosen is not None, since=since)


def run_day(created: str) -> _dt.date:
    """The day (on this computer's clock) a run started: its record keeps the time in UTC."""
    try:
        when = _dt.datetime.fromisoformat(created)
        return (when.astimezone() if when.tzinfo else when).date()
    except ValueError:
        try:
            return _dt.date.fromisoformat(created[:10])
        except ValueError:
            return _dt.date.min


def _levels(played: set[str], kept: dict[str, str], all_mine: bool = False) -> list[LevelInfo]:
    """The campaign's levels in order, then My levels (those played, or all with ``all_mine``), then any
    other level played (by the title an import kept, else by id)."""
    from game.level.campaign import list_levels
    from game.paths import levels_dir
    from game.store.folders import my_levels_dir

    out: list[LevelInfo] = []
    for folder, everything in ((levels_dir(), True), (my_levels_dir(), all_mine)):
        try:
            infos = list_levels(folder) if folder.is_dir() else []
        except OSError:
            infos = []
        out += [LevelInfo(i.id, i.title) for i in infos if (everything or i.id in played)
                and i.id not in {lv.id for lv in out}]
    known = {lv.id for lv in out}
    return out + sorted((LevelInfo(i, kept.get(i, f"{i} (a level not installed here)")) for i in played - known),
                        key=lambda lv: lv.title.lower())


class UnknownLevel(ValueError):
    """A level a teacher named (``--levels``) that the report does not know; the message names the nearest."""


def level_choices(db: ClassDB) -> list[LevelInfo]:
    """Every level a report can be limited to: the campaign, My levels, and every level a run was played on."""
    return _levels(db.played_levels(), db.level_titles(), all_mine=True)


def _fold(name: str) -> str:
    """A level's name as a teacher may type it: any case, ``_`` or ``-`` for a space."""
    return " ".join(re.split(r"[\s_\-]+", name.casefold())).strip()


def pick_levels(wanted: list[str], choices: list[LevelInfo]) -> list[LevelInfo]:
    """The levels named in ``wanted`` (ids or titles, in English or the language in use, any case; several
    in one text separated by commas), in the report's order. UnknownLevel for a name none of them has."""
    import difflib

    names: dict[str, LevelInfo] = {}
    for lv in choices:
        for name in (lv.id, lv.title, _(lv.title)):
            names.setdefault(_fold(name), lv)
    picked: set[str] = set()
    for text in wanted:
        parts = [text] if _fold(text) in names else [p for p in text.split(",") if p.strip()]
        for part in parts:
            found = names.get(_fold(part))
            if found is None:
                shown = " ".join(part.split())[:100]
                close = difflib.get_close_matches(_fold(shown), list(names), n=2, cutoff=0.6)
                raise UnknownLevel(_unknown_level(shown, [names[c] for c in close], choices))
            picked.add(found.id)
    return [lv for lv in choices if lv.id in picked]


def _unknown_level(shown: str, close: list[LevelInfo], choices: list[LevelInfo]) -> str:
    near = list(dict.fromkeys(lv.id for lv in close))
    hint = f"did you mean {' or '.join(repr(n) for n in near)}? " if near else ""
    return (f"no level called '{shown}' in the class database or this game; {hint}the levels: "
            + ", ".join(lv.id for lv in choices))


# ------------------------------------------------------------------ HTML

CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#222;background:#fff}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{padding-top:18px}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:2px solid #ddd}
h3{font-size:1.05em;margin:1em 0 .3em}
.meta{color:#555;margin:.2em 0}
nav{margin:.6em 0;display:flex;flex-wrap:wrap;gap:.3em 1em}nav a{color:#1d4f91}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.4em 0}
th,td{border:1px solid #ccc;padding:4px 7px;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-weight:600}
td.num,th.num{text-align:right}
.grid td.g{text-align:center;font-weight:700;min-width:3.2em}
.grid th.lv{font-size:.85em;max-width:9em;font-weight:600}
.grade{display:inline-block;min-width:1.6em;padding:0 .3em;border-radius:3px;color:#fff;text-align:center;font-weight:700}
.mark{font-size:.8em;color:#2e7d32;margin-left:.2em}.unver{font-size:.8em;color:#b3261e;margin-left:.2em}
.grade.unchecked{background:#fff !important;color:#666;border:1px dashed #888}
.att{display:block;font-size:.75em;color:#666;font-weight:400}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
figure{margin:0;border:1px solid #ddd;border-radius:4px;padding:6px}
figcaption{font-size:.9em;font-weight:600;margin-bottom:2px}
svg.chart{width:100%;max-width:360px;height:auto;display:block}
svg.meter,svg.dumbbell{width:160px;max-width:40vw;height:auto;vertical-align:middle}
.wide svg.chart{max-width:640px}
blockquote{margin:.3em 0 .3em 0;padding:.3em .8em;border-left:4px solid #2c6fbb;background:#f5f8fc}
.point{border:1px solid #ddd;border-radius:4px;padding:4px 12px;margin:.6em 0}
.note{color:#555;font-size:.92em}
article.student{border-top:1px solid #ccc;margin-top:1em}
footer{color:#666;font-size:.85em;margin-top:2em;padding-bottom:2em}
td.date{white-space:nowrap}
.wide svg.chart{min-width:420px}
@media (max-width:600px){body{font-size:14px}th,td{padding:3px 4px}.teaches{display:none}
 svg.meter,svg.dumbbell{width:26vw}}
@media print{
 @page{size:A4;margin:14mm}
 body{font-size:10.5pt}nav{display:none}
 .scroll{overflow:visible}
 a{color:inherit;text-decoration:none}
 h2{break-after:avoid}figure,tr,.point,blockquote{break-inside:avoid}
 article.student{break-before:page;border:0}
 .grade{color:#000 !important;background:none !important;border:1px solid #000}
}
"""


def _grade(grade: str, verified: bool = True) -> str:
    if not verified:  # the grade the file claims, not checked: never shown in a grade's colour
        return f'<span class="grade unchecked">{escape(grade)}</span>'
    colour = GRADE_COLOURS.get(grade, "#777")
    return f'<span class="grade" style="background:{colour}">{escape(grade)}</span>'


def _mark(run: StoredRun) -> str:
    if run.verified:
        title = "verified: re-simulated to the same result" + (f" ({run.note})" if run.note else "")
        return f'<span class="mark" title="{escape(title)}">✓</span>'
    return f'<span class="unver" title="{escape(run.note)}">not verified*</span>'


#: What a grade marked "not verified" means and what the teacher can do, said wherever one is shown.
NOT_VERIFIED = ("* not verified: the game could not play this run again on this computer (its level is not "
                "installed here), so its grade is only what the file says and may have been edited. It is left "
                "out of every class figure and of the student's mistakes. To check it, import the file again "
                "with <code>minerisk class import FILE --levels FOLDER</code>, FOLDER holding the level (ask the "
                "trainer who made it).")
#: What a mistake's number counts, by code (a mistake made once has no number).
UNITS = {"items_left_in_released_land": ("item", "items"), "qa_failed": ("item found", "items found"),
         "civilian_casualties": ("person", "people"), "deminer_casualties": ("deminer", "deminers"),
         "objective_missed": ("objective", "objectives")}


def _times(code: str, count: int) -> str:
    """" (3 decisions)": how many a mistake counts in one run, with its unit ("" for once)."""
    if count <= 1:
        return ""
    singular, plural = UNITS.get(code, ("decision", "decisions"))
    return f" ({_n(count, singular, plural)})"


def _percent(result: tuple[int, int] | None) -> str:
    return f"{result[0]} of {result[1]}" if result else "not taken"


def _quiz_words(before: tuple[int, int] | None, after: tuple[int, int] | None) -> str:
    if before is None and after is None:
        return "not taken yet"
    return f"{_percent(before)} right before, {_percent(after)} after"


def report_html(data: ClassData) -> str:
    """The class report as one HTML page (see the module docstring)."""
    runs = [r for s in data.students for r in s.runs]
    verified = sum(r.verified for r in runs)
    classes = sorted({s.student.class_code for s in data.students})
    code = data.class_code or (classes[0] if len(classes) == 1 else None)
    title = f"Class {code}" if code else "All classes"
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>Mine Risk class report: {escape(title)}</title>", f"<style>{CSS}</style></head><body>",
        "<header>", f"<h1>Mine Risk class report: {escape(title)}</h1>",
        f'<p class="meta">{_n(len(data.students), "student")}'
        + (f" in {_n(len(classes), 'class', 'classes')} ({escape(', '.join(classes))})" if len(classes) > 1 else "")
        + f" · {_n(len(runs), 'finished level')}, {verified} verified by re-simulation · made {escape(data.made)}</p>",
        *_scope(data),
        '<nav><a href="#grid">Grades</a><a href="#levels">Per level</a><a href="#checkin">Check-in quiz</a>'
        '<a href="#mistakes">Mistakes</a><a href="#discuss">To discuss</a><a href="#students">Students</a></nav>',
        "</header><main>",
    ]
    parts += _grid(data) + _levels_section(data) + _checkin_section(data) + _mistakes_section(data)
    parts += _discuss_section(data) + _students_section(data)
    parts += ["</main>", f"<footer>Made by Mine Risk {escape(__version__)} on this computer from the class database. "
              "Nothing in it was sent anywhere. A ✓ means the run was played again by the game from the student's "
              "orders and gave the same result; it cannot prove who gave the orders.</footer>", "</body></html>"]
    return "\n".join(parts) + "\n"


def _n(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def _scope(data: ClassData) -> list[str]:
    """What the report was limited to (--levels, --since), said at the top of the page."""
    out = []
    if data.picked:
        out.append(f'<p class="meta">Only these levels: {escape(", ".join(lv.title for lv in data.levels))}</p>')
    if data.since is not None:
        out.append(f'<p class="meta">Only levels played since {escape(data.since.isoformat())} (the check-in quiz '
                   "counts every attempt)</p>")
    return out


def _grid(data: ClassData) -> list[str]:
    out = ['<section id="grid"><h2>Grades by student and level</h2>',
           '<p class="note">Each student\'s best grade per level. ✓: verified (the game played the run again from '
           'the student\'s orders and got the same result). The small number is how many times the level was '
           'finished.</p>']
    unverified = [(s, r) for s in data.students for r in s.runs if not r.verified]
    if unverified:
        out.append(f'<p class="note">{NOT_VERIFIED}</p>')
    if not data.students:
        return out + ["<p>No results yet: import the students' hand-in files with "
                      "<code>minerisk class import</code>.</p></section>"]
    levels = data.levels
    one_class = len({s.student.class_code for s in data.students}) == 1
    head = "".join(f'<th scope="col" class="lv">{i}. {escape(lv.title)}</th>' for i, lv in enumerate(levels, 1))
    out.append(f'<div class="scroll"><table class="grid"><thead><tr><th scope="col">Student</th>{head}'
               "</tr></thead><tbody>")
    for s in data.students:
        cells = []
        best = s.best
        for lv in levels:
            run = best.get(lv.id)
            if run is None:
                cells.append('<td class="g">–</td>')
                continue
            tries = sum(r.level_id == lv.id for r in s.runs)
            cells.append(f'<td class="g">{_grade(run.grade, run.verified)}{_mark(run)}<span class="att">'
                         f'{_n(tries, "time")}</span></td>')
        code = "" if one_class else f' <span class="note">{escape(s.student.class_code)}</span>'
        out.append(f'<tr><th scope="row"><a href="#s{data.students.index(s)}">{escape(s.student.name)}</a>{code}'
                   f'</th>{"".join(cells)}</tr>')
    out.append("</tbody></table></div>")
    if unverified:
        titles = {lv.id: lv.title for lv in data.levels}
        out.append(f"<h3>Not verified ({_n(len(unverified), 'run')})</h3><ul>")
        out += [f"<li>{escape(s.student.name)}, {escape(titles.get(r.level_id, r.level_id))}: grade "
                f"{escape(r.grade)} as the file says, from {escape(r.source)}</li>" for s, r in unverified]
        out.append("</ul>")
    out.append("</section>")
    return out


def _levels_section(data: ClassData) -> list[str]:
    out = ['<section id="levels"><h2>Grades per level</h2>',
           '<p class="note">How many students have each grade as their best verified grade.</p><div class="charts">']
    for i, lv in enumerate(data.levels, 1):
        counts = data.grade_counts(lv.id)
        total = sum(counts.values())
        if not total:
            continue
        bars = [(g, counts[g], GRADE_COLOURS[g]) for g in counts]
        chart = charts.column_chart(bars, f"{lv.title}: best grades of {total} students")
        out.append(f"<figure><figcaption>{i}. {escape(lv.title)} ({_n(total, 'student')})</figcaption>{chart}"
                   "</figure>")
    return out + ["</div></section>"]


def _checkin_section(data: ClassData) -> list[str]:
    before, after, n = data.class_checkin()
    size = len(data.quiz.questions)
    out = ['<section id="checkin"><h2>Check-in quiz: before and after</h2>',
           f'<p class="note">The same {size} questions before the first level and after the campaign (risk-education '
           "key messages and land-release ideas). Answers are scored again here from the questions, never taken "
           "from the file.</p>"]
    if n:
        out.append(f"<p><strong>Class: {before:.0f}% right before, {after:.0f}% after</strong> "
                   f"({_n(n, 'student')} took both).</p>")
        rows = data.questions()
        by_order = sorted(rows, key=lambda t: data.quiz.questions.index(t[0]))
        groups = [(f"Q{data.quiz.questions.index(q) + 1}", b, a) for q, b, a, _ in by_order]
        out.append('<div class="wide scroll">' + charts.paired_columns(groups, "Share of students right, per question, "
                                                               "before and after", ("% right before", "% right after"))
                   + "</div>")
        out.append('<h3>Questions, the least moved first</h3><div class="scroll"><table><thead><tr><th>Question</th>'
                   '<th class="num">Before</th><th class="num">After</th><th class="num">Change</th>'
                   '<th class="teaches">It teaches</th></tr></thead><tbody>')
        for q, b, a, _ in rows:
            number = data.quiz.questions.index(q) + 1
            out.append(f"<tr><td>Q{number}. {escape(q.question)}</td><td class=\"num\">{b:.0f}%</td>"
                       f"<td class=\"num\">{a:.0f}%</td><td class=\"num\">{a - b:+.0f}</td>"
                       f'<td class="teaches">{escape(q.explain)}</td></tr>')
        out.append("</tbody></table></div>")
    else:
        out.append("<p>No student has taken the quiz both before and after yet.</p>")
    out.append('<h3>Each student</h3><p class="note">Right answers of the first quiz before the campaign and the '
               'last one after it; in the chart, grey is before and blue after.</p><div class="scroll"><table><thead>'
               "<tr><th>Student</th><th>Before</th><th>After</th><th>Change</th></tr></thead><tbody>")
    for s in data.students:
        b, a = s.checkin("before", data.quiz), s.checkin("after", data.quiz)
        dumbbell = charts.before_after(b[0] if b else None, a[0] if a else None, size,
                                       f"{s.student.name}: {_percent(b)} before, {_percent(a)} after")
        out.append(f"<tr><td>{escape(s.student.name)}</td><td>{_percent(b)}</td><td>{_percent(a)}</td>"
                   f"<td>{dumbbell}</td></tr>")
    return out + ["</tbody></table></div></section>"]


def _mistakes_section(data: ClassData) -> list[str]:
    rows = data.mistakes()
    out = ['<section id="mistakes"><h2>Mistakes the class made most</h2>',
           '<p class="note">From the score cards of verified runs: how many students made each mistake at least '
           "once, and in how many runs.</p>"]
    if not rows:
        return out + ["<p>No mistakes found in the verified runs.</p></section>"]
    most = max(students for _, students, _ in rows)
    out.append('<div class="scroll"><table><thead><tr><th>Mistake</th><th class="num">Students</th><th></th>'
               '<th class="num">Runs</th></tr></thead><tbody>')
    for code, students, runs in rows:
        point = discussion(code)
        bar = charts.meter(students, max(most, len(data.students)), f"{students} of {len(data.students)} students")
        out.append(f"<tr><td>{escape(point.title)}</td><td class=\"num\">{students}</td><td>{bar}</td>"
                   f"<td class=\"num\">{runs}</td></tr>")
    return out + ["</tbody></table></div></section>"]


def _discuss_section(data: ClassData) -> list[str]:
    out = ['<section id="discuss"><h2>Points to discuss in class</h2>']
    # the five most frequent mistakes, decisions first (the order of mistakes.CODES), outcomes after
    rows = sorted(data.mistakes()[:5], key=lambda t: CODES.index(t[0]) if t[0] in CODES else len(CODES))
    for code, students, _ in rows:
        point = discussion(code)
        out.append(f'<div class="point"><h3>{escape(point.title)} ({students} of {_n(len(data.students), "student")}'
                   f")</h3><p>{escape(point.discuss)}</p>")
        out += [f"<blockquote>{escape(m.text)}</blockquote>" for m in point.messages]
        out.append("</div>")
    # what the class still does not know after the campaign, the least moved first
    again = [t for t in data.questions() if t[3] and t[2] < TEACH_AGAIN_BELOW][:3]
    messages = {m.id: m for m in key_messages()}
    for q, b, a, _ in again:
        number = data.quiz.questions.index(q) + 1
        out.append(f'<div class="point"><h3>Teach again: Q{number} ({b:.0f}% right before, {a:.0f}% after)</h3>'
                   f"<p>{escape(q.question)}</p><p>Right answer: {escape(next(x.text for x in q.answers if x.correct))}"
                   "</p>")
        message = messages.get(q.message)
        out.append(f"<blockquote>{escape(message.text if message else q.explain)}</blockquote></div>")
    if len(out) == 1:
        out.append("<p>Nothing stands out yet.</p>")
    return out + ["</section>"]


def _students_section(data: ClassData) -> list[str]:
    out = ['<section id="students"><h2>Students</h2>',
           '<p class="note">Every run each student handed in. Mistakes are read from the score cards of verified '
           "runs only, as in the class figures; a number after a mistake says how many decisions, items, people "
           "or objectives it counts in that run.</p>"]
    for i, s in enumerate(data.students):
        b, a = s.checkin("before", data.quiz), s.checkin("after", data.quiz)
        out.append(f'<article class="student" id="s{i}"><h3>{escape(s.student.name)} '
                   f'<span class="note">class {escape(s.student.class_code)}</span></h3>'
                   f"<p>Check-in quiz: {_quiz_words(b, a)}.</p>")
        if not s.runs:
            out.append("<p>No finished level handed in yet.</p></article>")
            continue
        titles = {lv.id: lv.title for lv in data.levels}
        out.append('<div class="scroll"><table><thead><tr><th>Date</th><th>Level</th><th>Grade</th>'
                   "<th>Mistakes (verified runs)</th></tr></thead><tbody>")
        codes: dict[str, int] = {}
        for run in s.runs:
            found = mistakes_of(run.score) if run.verified else []
            for m in found:
                codes[m.code] = codes.get(m.code, 0) + 1
            words = ("; ".join(discussion(m.code).title + _times(m.code, m.count) for m in found) or "none"
                     if run.verified else "not counted: the run is not verified")
            out.append(f'<tr><td class="date">{escape(run.created[:10])}</td>'
                       f"<td>{escape(titles.get(run.level_id, run.level_id))}</td>"
                       f"<td>{_grade(run.grade, run.verified)}{_mark(run)}"
                       + (f'<span class="att">{escape(run.note)}</span>' if run.verified and run.note else "")
                       + f"</td><td>{escape(words)}</td></tr>")
        out.append("</tbody></table></div>")
        if any(not r.verified for r in s.runs):
            out.append(f'<p class="note">{NOT_VERIFIED}</p>')
        top = sorted(codes, key=lambda c: (-codes[c], CODES.index(c) if c in CODES else len(CODES)))[:2]
        if top:
            out.append("<p><strong>To talk about:</strong> "
                       + " ".join(escape(discussion(c).discuss) for c in top) + "</p>")
        out.append("</article>")
    return out + ["</section>"]


# ------------------------------------------------------------------ CSV

CSV_COLUMNS = ("class", "student", "level", "level_title", "best_grade", "verified", "times_finished", "best_points",
               "best_possible", "checkin_before", "checkin_after", "checkin_questions")


def report_csv(data: ClassData) -> str:
    """One row per student and level (empty grade for a level not played): for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in data.students:
        b, a = s.checkin("before", data.quiz), s.checkin("after", data.quiz)
        best = s.best
        for lv in data.levels:
            run = best.get(lv.id)
            writer.writerow([_cell(s.student.class_code), _cell(s.student.name), lv.id, _cell(lv.title), *(
                run.grade if run else "",
                ("yes" if run.verified else "no") if run else "", sum(r.level_id == lv.id for r in s.runs),
                "" if run is None or run.total is None else f"{run.total:g}",
                "" if run is None or run.best_possible is None else f"{run.best_possible:g}",
                b[0] if b else "", a[0] if a else "", len(data.quiz.questions))])
    return buffer.getvalue()


def _cell(value) -> str:
    """A cell a spreadsheet will not run as a formula (a name starting with = + - @ is kept as text)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
