"""Every screen of the game in a typical state, for the layout test and for looking at the pictures.

``make_screens(app)`` builds each screen once (levels load once) and returns
``{name: [scene, ...]}``: the scene stack that shows it. ``show(app, stack,
size, scale)`` draws one at a window size and UI scale. ``python
tests/ui/screens.py FOLDER`` writes every screen at every size and scale as
PNG files (the test does the same when ``MINERISK_SCREENS_DIR`` is set).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pygame

from game.run.levels import resolve_level
from game.sim import EndLevel

SIZES = ((1024, 600), (1280, 720), (1366, 768), (1920, 1080))
SCALES = (1.0, 1.5, 2.0)


def _play(app, level: str, autoplay: str | None = None):
    scene = app.make("play", path=resolve_level(level), autoplay=autoplay)
    assert scene is not None, level
    return scene


def _run_days(scene, days: int, policy: str = "land_release") -> None:
    """Let a scripted player give orders for ``days`` days through the scene's one submit path."""
    player = scene.link.policy(policy)
    for _ in range(days):
        for cmd in player.decide(scene.link.view):
            scene.submit(cmd)
        scene.step_day()


def _ended(app, level: str, days: int):
    scene = _play(app, level)
    _run_days(scene, days)
    scene.submit(EndLevel(day=scene.link.day))
    return scene


def make_screens(app) -> dict[str, list]:
    """The screens by name, each as the scene stack that shows it."""
    from game.ui.scene_loading import LoadingScene

    out: dict[str, list] = {}
    menu = app.make("menu")
    out["menu"] = [menu]
    out["loading"] = [LoadingScene(app, app.next_tip())]
    out["briefing_first_steps"] = [app.make("briefing", path=resolve_level("first_steps"))]
    out["briefing_sector"] = [app.make("briefing", path=resolve_level("the_sector"))]
    out["settings"] = [menu, app.make("settings")]
    out["glossary"] = [app.make("glossary")]

    tutorial = _play(app, "first_steps")
    out["play_tutorial"] = [tutorial]
    out["pause"] = [tutorial, app.make("pause", play=tutorial)]

    order = _play(app, "first_steps")
    order.tutorial = None  # the order box without the tutorial band
    order.select_team("nts-1")
    order.begin_order("survey")
    order.set_draft_area("north_pasture")
    out["play_order"] = [order]

    cancel = _play(app, "cancel_or_clear")
    _run_days(cancel, 12)
    cancel.begin_order("cancel")
    states = cancel.link.zone_states()
    zone = next((o.name for o in cancel.link.zones() if o.kind == "suspected_area"
                 and states[o.name].code in ("evidence", "surveyed_no_evidence")), cancel.link.zones()[0].name)
    cancel.set_draft_area(zone)
    out["play_cancel_preview"] = [cancel]

    legend = _play(app, "first_steps")
    legend.tutorial = None
    legend.legend_open = True  # on a short window the legend folds behind its switch (F7): here it is open
    out["play_legend_open"] = [legend]

    hire = _play(app, "cancel_or_clear")
    hire.toggle_hire()
    out["play_hire"] = [hire]

    sector = _play(app, "the_sector")
    _run_days(sector, 20)
    out["play_sector"] = [sector]

    quiz_play = _ended(app, "first_steps", 6)
    quiz = app.make("quiz", play=quiz_play)
    out["quiz_question"] = [quiz]
    quiz_done = app.make("quiz", play=_ended(app, "first_steps", 2))
    for _ in quiz_done.questions:
        quiz_done.answer(0)
        quiz_done.next()
    out["quiz_score"] = [quiz_done]

    out.update(_classroom_screens(app, menu))
    out["debrief_tutorial"] = [app.make("debrief", play=_ended(app, "first_steps", 25))]
    out["debrief_sector"] = [app.make("debrief", play=_ended(app, "the_sector", 40))]
    out.update(_trainer_screens(app))
    return out


def _trainer_screens(app) -> dict[str, list]:
    """My levels in the menu (an installed pack and broken files), Install levels (the packs found, after an
    install, after a refusal) and the trainer's previews of a briefing and a debrief."""
    import tempfile

    from game.store.folders import data_dir
    from my_levels_fixture import fill_my_levels, make_pack

    data_dir().mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="trainer-", dir=data_dir()))
    fill_my_levels(work)
    downloads = work / "Downloads"
    downloads.mkdir()
    for name in ("valley_course", "school_road_extra"):
        pack = make_pack(work / name, name)
        pack.rename(downloads / pack.name)
    menu = app.make("menu")
    menu.index = len(menu.levels) + 1  # a level with an error
    out = {"menu_my_levels": [menu]}
    for key, installs in (("install_found", 0), ("install_done", 1), ("install_refused", 2)):
        scene = app.make("install")
        scene.typed = str(downloads)
        scene.look_in_typed()
        for _ in range(installs):  # the second install of the same pack is refused: already installed
            scene.install()
        out[key] = [scene]
    out["briefing_preview"] = [app.make("briefing_preview", path=resolve_level("first_steps"))]
    out["debrief_preview"] = [app.make("debrief_preview", path=resolve_level("cancel_or_clear"))]
    return out


def _classroom_screens(app, menu) -> dict[str, list]:
    """The name and class code, Hand in results (after a hand-in) and the check-in quiz (game/classroom)."""
    from game.classroom.student import save_student

    save_student("Amina Okafor-Lindqvist", "7B-north")  # long enough to show what does not fit
    out = {"student": [menu, app.make("settings"), app.make("student")]}
    handin = app.make("handin")
    handin.result = (handin.result[0] or "Handed in: 3 finished levels and 1 check-in quiz. Written to KINGSTON as "
                     "MineRisk-7B-north-Amina-Okafor-Lindqv-2026-12-01-1430.json: give it to your teacher.",
                     handin.result[1])
    out["handin"] = [handin]
    out["checkin_intro"] = [app.make("checkin", stage="before")]
    question = app.make("checkin", stage="before")
    question.start()
    for _ in range(4):  # the question with the longest answers
        question.run.choose(0)
    out["checkin_question"] = [question]
    score = app.make("checkin", stage="after")
    score.start()
    while not score.run.finished:
        score.run.choose(None)
    out["checkin_score"] = [score]
    return out


def close_all(screens: dict[str, list]) -> None:
    """Close every running game of the screens, once each."""
    done: set[int] = set()
    for stack in screens.values():
        for s in stack:
            link = getattr(getattr(s, "play", s), "link", None)
            if link is not None and id(link) not in done:
                done.add(id(link))
                link.close()


def show(app, stack: list, size: tuple[int, int], scale: float) -> None:
    """Draw ``stack`` at ``size`` and ``scale`` (one frame, no events)."""
    if app.screen.get_size() != tuple(size):
        app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    app.settings.ui_scale = scale
    app.fit_theme()
    app.scenes = list(stack)
    app.draw()  # twice: what one frame learns about its layout (a panel that must scroll) the next one uses
    app.draw()


def png_name(name: str, size: tuple[int, int], scale: float) -> str:
    return f"{name}_{size[0]}x{size[1]}_{scale:g}x.png"


def write_all(folder: Path) -> list[Path]:
    """Every screen at every size and scale as PNG files in ``folder``."""
    from game.ui.app import App

    folder.mkdir(parents=True, exist_ok=True)
    app = App(size=SIZES[0], max_frames=None, fixed_step=True)
    written = []
    screens: dict[str, list] = {}
    try:
        screens = make_screens(app)
        for size in SIZES:
            for scale in SCALES:
                for name, stack in screens.items():
                    show(app, stack, size, scale)
                    path = folder / png_name(name, size, scale)
                    pygame.image.save(app.screen, str(path))
                    written.append(path)
    finally:
        close_all(screens)
        pygame.quit()
    return written


if __name__ == "__main__":
    import tempfile

    os.environ["MINERISK_DATA_DIR"] = tempfile.mkdtemp(prefix="minerisk-screens-")  # never the player's files
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    print("\n".join(str(p) for p in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "screens"))))
