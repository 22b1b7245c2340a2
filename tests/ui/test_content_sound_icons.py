"""Risk education in the game (loading tips, debrief messages, glossary), sound and its mute, icons,
the team list's scrolling."""

from __future__ import annotations

import pygame

from game import content
from game.store.settings import Settings
from game.ui import icons
from game.run.learning import eore_messages, happenings
from game.ui.scene_briefing import BriefingScene
from game.ui.scene_glossary import entries
from game.ui.scene_menu import MenuScene
from game.ui.scene_play import PlayScene, resolve_level
from game.ui.sound import Sounds

from ui_events import frames, key


def test_loading_screens_rotate_the_key_messages(app):
    first, second = app.next_tip(), app.next_tip()
    texts = [m.text for m in content.key_messages()]
    assert first in texts and second in texts and first != second
    app.push(MenuScene(app))
    frames(app)
    key(app, pygame.K_RETURN)  # open the first level: the loading screen shows a tip while it builds
    assert isinstance(app.scene, BriefingScene)
    assert app.tip_index == 3
    assert not any(type(s).__name__ == "LoadingScene" for s in app.scenes)


def test_debrief_messages_follow_what_happened():
    by_id = {m.id: m.text for m in content.key_messages()}
    got = [text for _icon, text in eore_messages({"civilian_incident", "marking"})]
    assert got[0] == by_id["do_not_touch"] and by_id["signs"] in got
    assert len(set(got)) == len(got)
    assert [t for _i, t in eore_messages(set())] == [by_id["report"]]


def test_happenings_come_from_the_run(app):
    scene = PlayScene.start(app, resolve_level("first_steps"))
    app.push(scene)
    frames(app)
    tags = happenings(scene.link.view)
    assert {"evidence", "community_report"} <= tags  # the children's report on day 1
    assert "item_found" not in tags and "marking" not in tags


def test_glossary_reads_the_content_and_explains_the_key_words():
    text = " ".join(f"{term} {body}" for term, body in entries()).lower()
    for word in ("sha", "cha", "nts", "ts", "cancelled", "reduced", "cleared", "eore", "quality assurance"):
        assert word in text, word
    assert len(entries()) >= len(content.glossary())


def test_sound_is_silent_and_safe_without_an_audio_device(monkeypatch):
    def no_device(*a, **k):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    sounds = Sounds(enabled=True)
    assert not sounds.available
    sounds.play("find")  # nothing happens, nothing breaks
    assert list(sounds.played) == ["find"]
    assert sounds.toggle() is False


def test_orders_make_sounds_and_f9_mutes_them_for_good(app):
    scene = PlayScene.start(app, resolve_level("first_steps"))
    app.push(scene)
    frames(app)
    key(app, pygame.K_n)
    scene.set_draft_area("north_pasture")
    key(app, pygame.K_RETURN)
    assert app.sounds.played[-1] == "order"
    key(app, pygame.K_x)
    scene.set_draft_area((0, 0, 2, 2))
    key(app, pygame.K_RETURN)
    assert app.sounds.played[-1] == "reject"
    assert app.settings.sound
    key(app, pygame.K_F9)
    assert not app.settings.sound and not app.sounds.enabled
    assert Settings.load().sound is False
    key(app, pygame.K_F9)
    assert Settings.load().sound is True


def test_icons_load_scale_and_cache():
    a = icons.icon("nts", 20)
    assert a is not None and a.get_size() == (20, 20)
    assert icons.icon("nts", 20) is a
    assert icons.icon("marking_sign", 48).get_size() == (48, 48)  # from the 64 px set
    assert icons.icon("no_such_icon", 20) is None
    assert set(icons.EVENT_ICONS.values()) <= set(icons.names())
    assert icons.event_icon("evidence", {"zone": "well_path"}) == "community_report"
    assert icons.event_icon("weather", {"weather": "rain"}) == "rain"


def test_team_markers_are_icons_on_their_colour(app):
    from game.ui.map_markers import TEAM_COLOURS, team_positions

    scene = PlayScene.start(app, resolve_level("first_steps"))
    app.push(scene)
    frames(app, 2)
    (_team, number, centre), = [p for p in team_positions(scene.renderer, scene.link, scene.theme)
                               if p[0].name == "manual-1"]
    r = scene.theme.px(12)
    edge = tuple(app.screen.get_at((centre[0], centre[1] - r + 3)))[:3]
    assert edge == TEAM_COLOURS["manual"] and number == 2


def test_the_team_list_scrolls_with_the_wheel(app):
    app.set_ui_scale(2.0)
    scene = PlayScene.start(app, resolve_level("the_sector"))
    app.push(scene)
    frames(app, 2)
    teams = scene.link.teams()
    t = scene.theme
    rows = scene.team_list_rect.h // (t.font(13).get_linesize() + t.font(12).get_linesize() + t.px(6))  # row height
    assert len(teams) > rows  # more teams than rows
    pos = scene.team_list_rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0,
                                         precise_y=-1.0))
    zoom = scene.renderer.camera.cell_px
    frames(app, 2)
    assert scene.team_scroll == 1 and scene.renderer.camera.cell_px == zoom  # the list moved, not the map
    shown = [b.key_name for b in scene.bar.buttons if b.hidden and b.key_name]
    assert "1" not in shown and "2" in shown
    key(app, pygame.K_TAB, pygame.KMOD_SHIFT)  # back to the last team: the list follows the selection
    frames(app)
    assert scene.selected == teams[-1].name and scene.team_scroll == len(teams) - rows
