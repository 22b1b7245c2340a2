"""``minerisk bench --only class_import``: a class of 30 students x 7 levels imported, and its report.

Each bundled level is played once by the ``land_release`` scripted player
(as a student in the window plays: no scripted player named in the record),
then copied to 30 students with fresh run ids (the id is in no digest, so
every copy verifies, and each is re-simulated in full by the import). The
import runs on one process per core; target: under 60 s on 2 cores. The
report's size is that of the HTML page for this class (and of its CSV).
One import per run of the benchmark: it is long, and it times 210
verifications already. ``import_cpu_s`` is the CPU time of the import and its
worker processes: on a busy computer the wall time grows, this does not.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import time
from pathlib import Path

STUDENTS = 30
TARGET_S = 60.0


def _class_runs() -> list:
    """One finished run of every bundled level, as a student hands it in (no scripted player named)."""
    from game.level.campaign import list_levels
    from game.paths import levels_dir
    from game.run.players import play_session
    from game.run.session import Session

    out = []
    for info in list_levels(levels_dir()):
        with play_session(Session.start(info.path, seed=1), "land_release") as session:
            out.append(session.record())
    return out


def bench_class_import(repeats: int = 1) -> dict:
    """Import time of 30 students x 7 levels (verification included), the database's and the report's size."""
    from game.classroom.database import ClassDB
    from game.classroom.handin import HandIn
    from game.classroom.importer import import_results
    from game.classroom.report import class_data, report_csv, report_html
    from game.classroom.student import Student

    old = os.environ.get("MINERISK_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="minerisk-class-bench-") as tmp:
        work = Path(tmp)
        os.environ["MINERISK_DATA_DIR"] = str(work / "data")  # no "My levels" of this computer in the way
        try:
            start = time.perf_counter()
            played = _class_runs()
            play_s = time.perf_counter() - start
            stick = work / "stick"
            stick.mkdir()
            for i in range(STUDENTS):
                student = Student(f"Student {i + 1:02d}", "7B")
                runs = []
                for record in played:
                    record.run_id, record.player = secrets.token_hex(16), student.player()
                    runs.append(_copy(record))
                (stick / f"student-{i + 1:02d}.json").write_text(HandIn(student, runs).to_json(), encoding="utf-8")
            stick_kb = sum(p.stat().st_size for p in stick.iterdir()) / 1024
            workers = os.cpu_count() or 1
            with ClassDB(work / "class.sqlite") as db:
                start, cpu = time.perf_counter(), _cpu_s()
                result = import_results([stick], db, workers=workers)
                import_s, import_cpu_s = time.perf_counter() - start, _cpu_s() - cpu
                start = time.perf_counter()
                data = class_data(db)
                html = report_html(data)
                report_s = time.perf_counter() - start
                csv_text = report_csv(data)
                verified = db.counts()["verified"]
            db_kb = (work / "class.sqlite").stat().st_size / 1024
        finally:
            if old is None:
                os.environ.pop("MINERISK_DATA_DIR", None)
            else:
                os.environ["MINERISK_DATA_DIR"] = old
    runs = STUDENTS * len(played)
    return {"students": STUDENTS, "levels": len(played), "runs": runs, "workers": workers,
            "import_s": import_s, "target_s": TARGET_S, "import_cpu_s": import_cpu_s, "per_run_ms": round(1000 * import_s / runs, 1),
            "verified": verified, "refused": len(result.refused), "hand_ins_kb": round(stick_kb),
            "database_kb": round(db_kb), "report_kb": round(len(html.encode()) / 1024, 1), "report_s": report_s,
            "csv_kb": round(len(csv_text.encode()) / 1024, 1), "playing_the_levels_s": round(play_s, 2)}


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children (the import's worker processes)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _copy(record):
    from game.run.record import parse_record

    copy, problems = parse_record(record.to_json(), "bench")
    assert not problems, problems
    return copy
