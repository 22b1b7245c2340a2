"""Every screen of the game, built headless for the language tests (and for looking at them as PNGs).

``screens(app)`` yields ``(name, scene)`` with the scene on top of the app's
stack and drawn once. Levels run by a scripted player for the busy screens
(the news, the debrief), so every kind of text shows.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.scene_loading import LoadingScene

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "levels" / "01_first_steps.yaml"
BUSY = ROOT / "levels" / "02_cancel_or_clear.yaml"
#: The screens in the order they are made.
NAMES = ("menu", "settings", "glossary", "student", "handin", "checkin", "loading", "briefing", "briefing_preview",
         "debrief_preview", "play_tutorial", "play_busy", "pause", "quiz", "debrief", "message")


def _show(app, scene):
    app.push(scene)
    app.draw()
    return scene


def screens(app, only: tuple[str, ...] = NAMES):
    """Build each screen in turn on ``app``; yield its name and scene once it is drawn."""
    app.go("menu", how="reset")
    if "menu" in only:
        app.draw()
        yield "menu", app.scene
    for name, params in (("settings", {}), ("glossary", {}), ("student", {}), ("handin", {}),
                         ("checkin", {"stage": "before"})):
        if name in only:
            scene = app.go(name, **params)
            app.draw()
            yield name, scene
            app.pop()
    if "loading" in only:
        yield "loading", _show(app, LoadingScene(app, app.next_tip()))
        app.pop()
    if "briefing" in only:
        scene = app.go("briefing", path=TUTORIAL)
        app.draw()
        yield "briefing", scene
        scene.back()
    for name in ("briefing_preview", "debrief_preview"):  # a trainer's previews (minerisk play LEVEL --briefing)
        if name in only:
            scene = app.go(name, path=BUSY)
            app.draw()
            yield name, scene
            scene.close() if name == "debrief_preview" else scene.back()
            app.go("menu", how="reset")
    if "play_tutorial" in only:
        play = app.go("play", path=TUTORIAL)
        for _ in range(2):
            play.step_day()
        app.draw()
        yield "play_tutorial", play
        app.reset_to(app.make("menu"))
    if not ({"play_busy", "pause", "quiz", "debrief"} & set(only)):
        if "message" in only:
            yield "message", _message(app)
        return
    play = app.go("play", path=BUSY, autoplay="land_release")
    play.paused = True
    for _ in range(40):
        play.update(0.0)
        play.step_day()
    play.selected = play.link.teams()[0].name
    play.begin_order("survey")
    play.set_draft_area(play.zone_objects[0].name)
    app.draw()
    if "play_busy" in only:
        yield "play_busy", play
    if "pause" in only:
        scene = app.go("pause", play=play)
        app.draw()
        yield "pause", scene
        app.pop()
    if "quiz" in only:
        quiz = app.go("quiz", play=play)
        quiz.answer(1)
        app.draw()
        yield "quiz", quiz
        app.pop()
    if "debrief" in only:
        play.link.end_level()
        debrief = app.go("debrief", play=play)
        app.draw()
        yield "debrief", debrief
    if "message" in only:
        yield "message", _message(app)


def _message(app):
    from game.text import _

    scene = app.go("message", title=_("Your game could not be saved"),
                   sentences=[_("Mine Risk could not write it: {reason}.").format(reason=_("the disk is full")),
                              _("If you quit now, what you did since your last save is lost. You can go back to "
                                "the game and try again later.")],
                   choices=[(_("Back to the game"), app.pop, pygame.K_ESCAPE, "Esc",
                             _("Keep playing; nothing is lost"))])
    app.draw()
    return scene
