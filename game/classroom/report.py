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

from babel.dates import format_date, format_datetime

from game import __version__
from game.classroom import charts
from game.classroom.checkin import Attempt, CheckinQuiz, checkin_quiz, score
from game.classroom.database import ClassDB, StoredRun
from game.classroom.mistakes import CODES, discussion, mistakes_of
from game.classroom.student import Student, student_key
from game.content import key_messages
from game.classroom.importer import LEVEL_CHANGED_NOTE
from game.text import _, is_rtl, language, ngettext
from game.text.formats import babel_locale, number, percent
from game.text.labels import join

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
    for _id, student in db.students():
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
    return out + sorted((LevelInfo(i, kept.get(i) or _("{level} (a level not installed here)").format(level=i))
                         for i in played - known),
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
    every = join([lv.id for lv in choices], conjunction=False)
    if near:
        return _("no level called '{level}' in the class database or this game; did you mean {names}? The "
                 "levels: {levels}").format(level=shown, names=join([f"'{n}'" for n in near]), levels=every)
    return _("no level called '{level}' in the class database or this game; the levels: {levels}").format(
        level=shown, levels=every)


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
th,td{border:1px solid #ccc;padding:4px 7px;text-align:start;vertical-align:top}
th{background:#f3f3f3;font-weight:600}
td.num,th.num{text-align:end}
.grid td.g{text-align:center;font-weight:700;min-width:3.2em}
.grid th.lv{font-size:.85em;max-width:9em;font-weight:600}
.grade{display:inline-block;min-width:1.6em;padding:0 .3em;border-radius:3px;color:#fff;text-align:center;font-weight:700}
.mark{font-size:.8em;color:#2e7d32;margin-inline-start:.2em}.unver{font-size:.8em;color:#b3261e;margin-inline-start:.2em}
.grade.unchecked{background:#fff !important;color:#666;border:1px dashed #888}
.att{display:block;font-size:.75em;color:#666;font-weight:400}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
figure{margin:0;border:1px solid #ddd;border-radius:4px;padding:6px}
figcaption{font-size:.9em;font-weight:600;margin-bottom:2px}
svg{direction:ltr}
svg.chart{width:100%;max-width:360px;height:auto;display:block}
svg.meter,svg.dumbbell{width:160px;max-width:40vw;height:auto;vertical-align:middle}
.wide svg.chart{max-width:640px}
blockquote{margin:.3em 0 .3em 0;padding:.3em .8em;border-inline-start:4px solid #2c6fbb;background:#f5f8fc}
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


def _note(run: StoredRun) -> str:
    """A run's note in the language in use (the import keeps the note of a changed level in English)."""
    return _(run.note) if run.note == LEVEL_CHANGED_NOTE else run.note


def _mark(run: StoredRun) -> str:
    if run.verified:
        title = (_("verified: re-simulated to the same result ({note})").format(note=_note(run)) if run.note
                 else _("verified: re-simulated to the same result"))
        return f'<span class="mark" title="{escape(title)}">✓</span>'
    return f'<span class="unver" title="{escape(run.note)}">' + escape(_("not verified")) + '*</span>'


def _not_verified() -> str:
    """What a grade marked "not verified" means and what the teacher can do, said wherever one is shown."""
    return escape(_("* not verified: the game could not play this run again on this computer (its level is not "
                    "installed here), so its grade is only what the file says and may have been edited. It is left "
                    "out of every class figure and of the student's mistakes. To check it, import the file again "
                    "with {command}, FOLDER holding the level (ask the trainer who made it).")).format(
        command="<code>minerisk class import FILE --levels FOLDER</code>")


def _times(code: str, count: int) -> str:
    """"3 decisions": how many a mistake counts in one run, with its unit ("" for once)."""
    if count <= 1:
        return ""
    n = number(count)
    if code == "items_left_in_released_land":
        words = ngettext("{n} item", "{n} items", count).format(n=n)
    elif code == "qa_failed":
        words = ngettext("{n} item found", "{n} items found", count).format(n=n)
    elif code == "civilian_casualties":
        words = ngettext("{n} person", "{n} people", count).format(n=n)
    elif code == "deminer_casualties":
        words = ngettext("{n} deminer", "{n} deminers", count).format(n=n)
    elif code == "objective_missed":
        words = ngettext("{n} objective", "{n} objectives", count).format(n=n)
    else:
        words = ngettext("{n} decision", "{n} decisions", count).format(n=n)
    return words


def _right(result: tuple[int, int] | None) -> str:
    if not result:
        return _("not taken")
    return _("{right} of {n}").format(right=number(result[0]), n=number(result[1]))


def _quiz_words(before: tuple[int, int] | None, after: tuple[int, int] | None) -> str:
    if before is None and after is None:
        return _("not taken yet")
    return _("{before} right before, {after} after").format(before=_right(before), after=_right(after))


def _pc(value: float) -> str:
    return percent(value / 100)


def _day(created: str) -> str:
    """The day a run started, as the language writes a short date."""
    return format_date(run_day(created), format="short", locale=babel_locale(language()))


def _level_title(lv: LevelInfo) -> str:
    return _(lv.title)


def report_html(data: ClassData) -> str:
    """The class report as one HTML page (see the module docstring), in the language in use (right to left
    in Arabic)."""
    runs = [r for s in data.students for r in s.runs]
    verified = sum(r.verified for r in runs)
    classes = sorted({s.student.class_code for s in data.students})
    code = data.class_code or (classes[0] if len(classes) == 1 else None)
    title = (_("Mine Risk class report: class {code}").format(code=code) if code
             else _("Mine Risk class report: all classes"))
    lang = language()
    direction = "rtl" if is_rtl() else "ltr"
    meta = [ngettext("{n} student", "{n} students", len(data.students)).format(n=number(len(data.students)))]
    if len(classes) > 1:
        meta[0] = ngettext("{students} in {n} class ({codes})", "{students} in {n} classes ({codes})",
                           len(classes)).format(students=meta[0], n=number(len(classes)),
                                                codes=join(classes, conjunction=False))
    meta.append(ngettext("{n} finished level, {verified} verified by re-simulation",
                         "{n} finished levels, {verified} verified by re-simulation", len(runs)).format(
        n=number(len(runs)), verified=number(verified)))
    meta.append(_("made {date}").format(date=_made(data.made)))
    nav = [("grid", _("Grades")), ("levels", _("Per level")), ("checkin", _("Check-in quiz")),
           ("mistakes", _("Mistakes")), ("discuss", _("To discuss")), ("students", _("Students"))]
    parts = [
        "<!DOCTYPE html>", f'<html lang="{escape(lang)}" dir="{direction}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{escape(title)}</title>", f"<style>{CSS}</style></head><body>",
        "<header>", f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{" · ".join(escape(m) for m in meta)}</p>',
        *_scope(data),
        "<nav>" + "".join(f'<a href="#{key}">{escape(words)}</a>' for key, words in nav) + "</nav>",
        "</header><main>",
    ]
    parts += _grid(data) + _levels_section(data) + _checkin_section(data) + _mistakes_section(data)
    parts += _discuss_section(data) + _students_section(data)
    footer = _("Made by Mine Risk {version} on this computer from the class database. Nothing in it was sent "
               "anywhere. A ✓ means the run was played again by the game from the student's orders and gave the "
               "same result; it cannot prove who gave the orders.").format(version=__version__)
    parts += ["</main>", f"<footer>{escape(footer)}</footer>", "</body></html>"]
    return "\n".join(parts) + "\n"


def _made(made: str) -> str:
    """When the report was made, as the language writes a short date and time."""
    try:
        when = _dt.datetime.fromisoformat(made)
    except ValueError:
        return made
    return format_datetime(when, format="short", locale=babel_locale(language()))


def _scope(data: ClassData) -> list[str]:
    """What the report was limited to (--levels, --since), said at the top of the page."""
    out = []
    if data.picked:
        titles = join([_level_title(lv) for lv in data.levels], conjunction=False)
        words = _("Only these levels: {levels}.").format(levels=titles)
        out.append(f'<p class="meta">{escape(words)}</p>')
    if data.since is not None:
        day = format_date(data.since, format="short", locale=babel_locale(language()))
        words = _("Only the levels played since {day} (the check-in quiz counts every attempt).").format(day=day)
        out.append(f'<p class="meta">{escape(words)}</p>')
    return out


def _grid(data: ClassData) -> list[str]:
    out = ['<section id="grid"><h2>' + escape(_("Grades by student and level")) + '</h2>',
           '<p class="note">' + escape(_("Each student's best grade per level. ✓: verified (the game played the "
                                         "run again from the student's orders and got the same result). The small "
                                         "number is how many times the level was finished.")) + "</p>"]
    unverified = [(s, r) for s in data.students for r in s.runs if not r.verified]
    if unverified:
        out.append(f'<p class="note">{_not_verified()}</p>')
    if not data.students:
        return out + ["<p>" + escape(_("No results yet: import the students' hand-in files with {command}.")).format(
            command="<code>minerisk class import</code>") + "</p></section>"]
    levels = data.levels
    one_class = len({s.student.class_code for s in data.students}) == 1
    head = "".join(f'<th scope="col" class="lv">{number(i)}. {escape(_level_title(lv))}</th>'
                   for i, lv in enumerate(levels, 1))
    out.append('<div class="scroll"><table class="grid"><thead><tr><th scope="col">' + escape(_("Student")) + '</th>'
               f"{head}</tr></thead><tbody>")
    for s in data.students:
        cells = []
        best = s.best
        for lv in levels:
            run = best.get(lv.id)
            if run is None:
                cells.append('<td class="g">–</td>')
                continue
            tries = sum(r.level_id == lv.id for r in s.runs)
            times = ngettext("{n} time", "{n} times", tries).format(n=number(tries))
            cells.append(f'<td class="g">{_grade(run.grade, run.verified)}{_mark(run)}<span class="att">'
                         f"{escape(times)}</span></td>")
        code = "" if one_class else f' <span class="note">{escape(s.student.class_code)}</span>'
        out.append(f'<tr><th scope="row"><a href="#s{data.students.index(s)}">{escape(s.student.name)}</a>{code}'
                   f'</th>{"".join(cells)}</tr>')
    out.append("</tbody></table></div>")
    if unverified:
        titles = {lv.id: _level_title(lv) for lv in data.levels}
        heading = ngettext("Not verified ({n} run)", "Not verified ({n} runs)", len(unverified)).format(
            n=number(len(unverified)))
        out.append(f"<h3>{escape(heading)}</h3><ul>")
        for s, r in unverified:
            line = escape(_("{student}, {level}: grade {grade} as the file says, from {file}")).format(
                student=escape(s.student.name), level=escape(titles.get(r.level_id, r.level_id)),
                grade=escape(r.grade), file=f"<code>{escape(r.source)}</code>")
            out.append(f"<li>{line}</li>")
        out.append("</ul>")
    out.append("</section>")
    return out


def _levels_section(data: ClassData) -> list[str]:
    out = ['<section id="levels"><h2>' + escape(_("Grades per level")) + '</h2>',
           '<p class="note">' + escape(_("How many students have each grade as their best verified grade.")) + '</p>'
           '<div class="charts">']
    for i, lv in enumerate(data.levels, 1):
        counts = data.grade_counts(lv.id)
        total = sum(counts.values())
        if not total:
            continue
        bars = [(g, counts[g], GRADE_COLOURS[g]) for g in counts]
        chart = charts.column_chart(bars, ngettext("{level}: best grades of {n} student",
                                                   "{level}: best grades of {n} students", total).format(
            level=_level_title(lv), n=number(total)), number=number)
        caption = ngettext("{i}. {level} ({n} student)", "{i}. {level} ({n} students)", total).format(
            i=number(i), level=_level_title(lv), n=number(total))
        out.append(f"<figure><figcaption>{escape(caption)}</figcaption>{chart}</figure>")
    return out + ["</div></section>"]


def _checkin_section(data: ClassData) -> list[str]:
    before, after, n = data.class_checkin()
    size = len(data.quiz.questions)
    intro = ngettext("The same {n} question before the first level and after the campaign (risk-education key "
                     "messages and land-release ideas). Answers are scored again here from the questions, never "
                     "taken from the file.",
                     "The same {n} questions before the first level and after the campaign (risk-education key "
                     "messages and land-release ideas). Answers are scored again here from the questions, never "
                     "taken from the file.", size).format(n=number(size))
    out = ['<section id="checkin"><h2>' + escape(_("Check-in quiz: before and after")) + '</h2>',
           f'<p class="note">{escape(intro)}</p>']
    if n:
        strong = _("Class: {before} right before, {after} after").format(before=_pc(before), after=_pc(after))
        both = ngettext("({n} student took both)", "({n} students took both)", n).format(n=number(n))
        out.append(f"<p><strong>{escape(strong)}</strong> {escape(both)}.</p>")
        rows = data.questions()
        by_order = sorted(rows, key=lambda t: data.quiz.questions.index(t[0]))
        groups = [(_("Q{number}").format(number=data.quiz.questions.index(q) + 1), b, a) for q, b, a, _n in by_order]
        out.append('<div class="wide scroll">' + charts.paired_columns(
            groups, _("Share of students right, per question, before and after"),
            (_("Right before"), _("Right after")), number=number) + "</div>")
        out.append('<h3>' + escape(_("Questions, the least moved first")) + '</h3>'
                   '<div class="scroll"><table><thead><tr>'
                   '<th>' + escape(_("Question")) + '</th><th class="num">' + escape(_("Before")) + '</th>'
                   '<th class="num">' + escape(_("After")) + '</th><th class="num">' + escape(_("Change")) + '</th>'
                   '<th class="teaches">' + escape(_("It teaches")) + '</th></tr></thead><tbody>')
        for q, b, a, _n in rows:
            label = _("Q{number}. {question}").format(number=data.quiz.questions.index(q) + 1,
                                                      question=_(q.question))
            change = ("+" if a - b >= 0.5 else "−" if a - b <= -0.5 else "±") + number(abs(round(a - b)))
            out.append(f"<tr><td>{escape(label)}</td><td class=\"num\">{_pc(b)}</td>"
                       f"<td class=\"num\">{_pc(a)}</td><td class=\"num\">{change}</td>"
                       f'<td class="teaches">{escape(_(q.explain))}</td></tr>')
        out.append("</tbody></table></div>")
    else:
        out.append('<p>' + escape(_("No student has taken the quiz both before and after yet.")) + '</p>')
    out.append('<h3>' + escape(_("Each student")) + '</h3><p class="note">'
               + escape(_("Right answers of the first quiz before the campaign and the last one after it; in the "
                          "chart, grey is before and blue after.")) + '</p><div class="scroll"><table><thead>'
               '<tr><th>' + escape(_("Student")) + '</th><th>' + escape(_("Before")) + '</th>'
               '<th>' + escape(_("After")) + '</th>'
               '<th>' + escape(_("Change")) + '</th></tr></thead><tbody>')
    for s in data.students:
        b, a = s.checkin("before", data.quiz), s.checkin("after", data.quiz)
        dumbbell = charts.before_after(b[0] if b else None, a[0] if a else None, size,
                                       _("{student}: {before} before, {after} after").format(
                                           student=s.student.name, before=_right(b), after=_right(a)))
        out.append(f"<tr><td>{escape(s.student.name)}</td><td>{escape(_right(b))}</td><td>{escape(_right(a))}</td>"
                   f"<td>{dumbbell}</td></tr>")
    return out + ["</tbody></table></div></section>"]


def _mistakes_section(data: ClassData) -> list[str]:
    rows = data.mistakes()
    out = ['<section id="mistakes"><h2>' + escape(_("Mistakes the class made most")) + '</h2>',
           '<p class="note">' + escape(_("From the score cards of verified runs: how many students made each mistake "
                                         "at least once, and in how many runs.")) + "</p>"]
    if not rows:
        return out + ['<p>' + escape(_("No mistakes found in the verified runs.")) + '</p></section>']
    most = max(students for _c, students, _r in rows)
    out.append('<div class="scroll"><table><thead><tr><th>' + escape(_("Mistake")) + '</th>'
               '<th class="num">' + escape(_("Students")) + '</th><th></th>'
               '<th class="num">' + escape(_("Runs")) + '</th></tr></thead><tbody>')
    for code, students, runs in rows:
        point = discussion(code)
        everyone = len(data.students)
        bar = charts.meter(students, max(most, everyone), ngettext(
            "{count} of {n} student", "{count} of {n} students", everyone).format(
            count=number(students), n=number(everyone)))
        out.append(f"<tr><td>{escape(_(point.title))}</td><td class=\"num\">{number(students)}</td><td>{bar}</td>"
                   f"<td class=\"num\">{number(runs)}</td></tr>")
    return out + ["</tbody></table></div></section>"]


def _discuss_section(data: ClassData) -> list[str]:
    out = ['<section id="discuss"><h2>' + escape(_("Points to discuss in class")) + '</h2>']
    # the five most frequent mistakes, decisions first (the order of mistakes.CODES), outcomes after
    rows = sorted(data.mistakes()[:5], key=lambda t: CODES.index(t[0]) if t[0] in CODES else len(CODES))
    everyone = len(data.students)
    for code, students, _r in rows:
        point = discussion(code)
        heading = ngettext("{mistake} ({count} of {n} student)", "{mistake} ({count} of {n} students)",
                           everyone).format(mistake=_(point.title), count=number(students), n=number(everyone))
        out.append(f'<div class="point"><h3>{escape(heading)}</h3><p>{escape(_(point.discuss))}</p>')
        out += [f"<blockquote>{escape(_(m.text))}</blockquote>" for m in point.messages]
        out.append("</div>")
    # what the class still does not know after the campaign, the least moved first
    again = [t for t in data.questions() if t[3] and t[2] < TEACH_AGAIN_BELOW][:3]
    messages = {m.id: m for m in key_messages()}
    for q, b, a, _n in again:
        heading = _("Teach again: Q{number} ({before} right before, {after} after)").format(
            number=data.quiz.questions.index(q) + 1, before=_pc(b), after=_pc(a))
        right = _("Right answer: {answer}").format(answer=_(next(x.text for x in q.answers if x.correct)))
        out.append(f'<div class="point"><h3>{escape(heading)}</h3><p>{escape(_(q.question))}</p>'
                   f"<p>{escape(right)}</p>")
        message = messages.get(q.message)
        out.append(f"<blockquote>{escape(_(message.text) if message else _(q.explain))}</blockquote></div>")
    if len(out) == 1:
        out.append('<p>' + escape(_("Nothing stands out yet.")) + '</p>')
    return out + ["</section>"]


def _students_section(data: ClassData) -> list[str]:
    out = ['<section id="students"><h2>' + escape(_("Students")) + '</h2>',
           '<p class="note">' + escape(_("Every run each student handed in. Mistakes are read from the score cards "
                                         "of verified runs only, as in the class figures; a number after a mistake "
                                         "says how many decisions, items, people or objectives it counts in that "
                                         "run.")) + "</p>"]
    titles = {lv.id: _level_title(lv) for lv in data.levels}
    for i, s in enumerate(data.students):
        b, a = s.checkin("before", data.quiz), s.checkin("after", data.quiz)
        klass = _("class {code}").format(code=s.student.class_code)
        quiz = _("Check-in quiz: {result}.").format(result=_quiz_words(b, a))
        out.append(f'<article class="student" id="s{i}"><h3>{escape(s.student.name)} '
                   f'<span class="note">{escape(klass)}</span></h3><p>{escape(quiz)}</p>')
        if not s.runs:
            out.append('<p>' + escape(_("No finished level handed in yet.")) + '</p></article>')
            continue
        out.append('<div class="scroll"><table><thead><tr><th>' + escape(_("Date")) + '</th>'
                   '<th>' + escape(_("Level")) + '</th>'
                   '<th>' + escape(_("Grade")) + '</th><th>' + escape(_("Mistakes (verified runs)")) + '</th></tr></thead>'
                   "<tbody>")
        codes: dict[str, int] = {}
        for run in s.runs:
            found = mistakes_of(run.score) if run.verified else []
            for m in found:
                codes[m.code] = codes.get(m.code, 0) + 1
            if not run.verified:
                words = _("not counted: the run is not verified")
            elif found:
                words = join([_("{mistake} ({count})").format(mistake=_(discussion(m.code).title),
                                                              count=_times(m.code, m.count))
                              if m.count > 1 else _(discussion(m.code).title) for m in found], conjunction=False)
            else:
                words = _("none")
            note = f'<span class="att">{escape(_note(run))}</span>' if run.verified and run.note else ""
            out.append(f'<tr><td class="date">{escape(_day(run.created))}</td>'
                       f"<td>{escape(titles.get(run.level_id, run.level_id))}</td>"
                       f"<td>{_grade(run.grade, run.verified)}{_mark(run)}{note}</td><td>{escape(words)}</td></tr>")
        out.append("</tbody></table></div>")
        if any(not r.verified for r in s.runs):
            out.append(f'<p class="note">{_not_verified()}</p>')
        top = sorted(codes, key=lambda c: (-codes[c], CODES.index(c) if c in CODES else len(CODES)))[:2]
        if top:
            talk = " ".join(_(discussion(c).discuss) for c in top)
            out.append("<p><strong>" + escape(_('To talk about:')) + f"</strong> {escape(talk)}</p>")
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
