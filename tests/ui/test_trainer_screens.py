"""The trainer's parts of the window (issue 11): previews of a level's briefing and debrief, the My levels
section of the menu (broken levels shown with their problem, never a crash), installing a level pack from
the game, and zone display names wherever a student reads a zone."""

from __future__ import annotations

import re
import shutil
import socket
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.level.model import humanise
from game.run.levels import resolve_level
from game.store.folders import my_levels_dir
from game.ui import theme as th
from game.ui.scene_briefing import BriefingScene
from game.ui.scene_debrief import DebriefScene
from game.ui.scene_install import InstallScene
from game.ui.scene_menu import MenuScene
from game.ui.widgets import probing
from my_levels_fixture import fill_my_levels, make_pack
from ui_events import button, click, frames, key

ROOT = Path(__file__).resolve().parents[2]


def drawn_texts(app) -> list[str]:
    """Every text the current frame draws (the layout probe's record)."""
    with probing() as probe:
        app.draw()
    return [text for layer in probe.layers for text, _rect in layer["texts"]]


def colour_pixels(surface, rect, colour, tolerance: int = 40) -> int:
    """How many pixels inside ``rect`` are near ``colour`` (text drawn in it)."""
    import numpy as np

    rect = pygame.Rect(rect).clip(surface.get_rect())
    pixels = pygame.surfarray.array3d(surface.subsurface(rect)).astype(int)
    return int((np.abs(pixels - np.array(colour)).sum(axis=2) < tolerance).sum())


def type_text(app, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    frames(app)


# ------------------------------------------------------------------ previews


def test_play_briefing_and_debrief_previews_from_the_command_line(tmp_path, capsys):
    shot = tmp_path / "briefing.png"
    assert main(["play", "first_steps", "--briefing", "--frames", "2", "--screenshot", str(shot),
                 "--size", "1024x600"]) == 0
    picture = pygame.image.load(str(shot))
    assert picture.get_size() == (1024, 600)
    shot = tmp_path / "debrief.png"
    assert main(["--lang", "fr", "play", "first_steps", "--debrief", "--frames", "2", "--screenshot", str(shot)]) == 0
    assert shot.stat().st_size > 10_000
    assert main(["play", "first_steps", "--debrief", "--autoplay", "land_release", "--frames", "1"]) == 2
    assert "cannot be used with --autoplay" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["play", "first_steps", "--briefing", "--debrief"])


def test_the_briefing_preview_says_so_and_only_closes(app):
    scene = app.go("briefing_preview", path=resolve_level("first_steps"))
    assert isinstance(scene, BriefingScene) and scene.preview_only
    words = drawn_texts(app)
    assert any(w.startswith("Preview: the briefing") for w in words)
    assert [b.label for b in scene.bar.buttons] == ["Close"]
    key(app, pygame.K_RETURN)  # Enter starts a level in a briefing, never in a preview
    assert app.scene is scene
    key(app, pygame.K_ESCAPE)
    assert not app.scenes and not app.running


def test_the_debrief_preview_shows_a_full_scripted_run_and_saves_nothing(app, data_dir):
    scene = app.go("debrief_preview", path=resolve_level("first_steps"), seed=5)
    assert isinstance(scene, DebriefScene) and scene.preview
    session = scene.link.session
    assert session.ended and session.seed == 5 and session.record().commands  # the scripted player played it
    words = " ".join(drawn_texts(app))
    assert "Preview: the debrief" in words and "(seed 5)" in words
    closing = " ".join(scene.link.level.debrief.split())
    assert closing[:40] in words  # the level's own closing message, as its author wrote it
    assert "not recorded" in words
    assert [b.label for b in scene.bar.buttons] == ["Truth on map", "Close"]
    assert app.progress.best_grades == {} and not app.progress.unsaved
    assert not (data_dir / "results").exists() or not any((data_dir / "results").iterdir())
    click(app, button(scene, "Close").rect.center)
    assert not app.scenes


def test_a_real_debrief_shows_the_level_closing_message_too(app):
    from screens import _ended

    play = _ended(app, "first_steps", 3)
    debrief = app.go("debrief", play=play)
    closing = " ".join(play.link.level.debrief.split())
    assert closing[:40] in " ".join(drawn_texts(app))
    assert not debrief.preview and "first_steps" in app.progress.best_grades


# ------------------------------------------------------------ My levels menu


def _row_of(menu, i: int):
    """The hit area of menu row ``i`` (after a frame that laid it out)."""
    for b in menu.bar.buttons:
        if b.hidden and b.action.__defaults__ == (i,):
            return b
    raise AssertionError(f"row {i} is not on screen")


def test_my_levels_appear_after_the_campaign_with_their_problems(app, tmp_path):
    fill_my_levels(tmp_path)
    menu = app.go("menu", how="reset")
    frames(app)
    titles = [lv.title for lv in menu.mine]
    assert "The river crossing at Oldmere" in titles and "A budget too small" in titles
    n = len(menu.levels)
    words = " ".join(drawn_texts(app))
    assert "My levels" in words
    broken = next(i for i, lv in enumerate(menu.mine) if lv.path.name == "a_broken_syntax.yaml")
    for _ in range(n + broken):  # walk down with the keys to the broken level
        key(app, pygame.K_DOWN)
    assert menu.index == n + broken
    key(app, pygame.K_RETURN)
    assert app.scene is menu  # it does not open
    assert menu.note.startswith("This level cannot be played: copied_by_hand/a_broken_syntax.yaml:")
    assert "YAML" in menu.note
    frames(app)
    words = " ".join(drawn_texts(app))
    assert "copied_by_hand/a_broken_syntax.yaml:4: YAML" in words  # shown under its row too, file:line
    assert colour_pixels(app.screen, _row_of(menu, n + broken).rect, th.BAD) > 100  # in red, on screen
    assert colour_pixels(app.screen, _row_of(menu, 0).rect, th.BAD) == 0
    clash = next(i for i, lv in enumerate(menu.mine) if lv.path.name == "c_campaign_id.yaml")
    assert "is a campaign level's" in " ".join(p.message for p in menu.mine[clash].problems)
    warned = next(i for i, lv in enumerate(menu.mine) if lv.title == "A budget too small")
    for _ in range(warned - broken):
        key(app, pygame.K_DOWN)
    assert menu.mine[warned].playable
    assert "Warning: copied_by_hand/d_small_budget.yaml:20: the budget" in " ".join(drawn_texts(app))
    # a good level opens although no campaign level was played: My levels are never locked
    good = next(i for i, lv in enumerate(menu.mine) if lv.title == "The river crossing at Oldmere" and lv.playable)
    assert not app.progress.best_grades
    menu.index, menu._reveal = n + good, True
    frames(app, 2)
    click(app, _row_of(menu, n + good).rect.center)
    assert isinstance(app.scene, BriefingScene)
    assert app.scene.play.link.level.title == "The river crossing at Oldmere"


def test_a_folder_full_of_broken_files_never_crashes_the_menu(app):
    folder = my_levels_dir()
    folder.mkdir(parents=True)
    kinds = {
        "tab.yaml": "id: x\n\ttitle: tab\n", "list.yaml": "- a\n- b\n", "scalar.yaml": "just words",
        "huge_number.yaml": "format: 1\nid: big\ndifficulty: 1e400\n", "bom.yaml": "\ufeffid: bom\n",
        "anchors.yaml": "a: &a [*a]\n", "deep.yaml": "[" * 5000, "nul.yaml": "id: a\x00b\n",
        "latin1.yaml": "title: caf\xe9\n", "no_map.yaml": "format: 1\nid: nomap\ntitle: No map\nmap: missing.tmx\n",
        "up.yaml": "format: 1\nid: up\ntitle: Up\nmap: ../../../../etc/passwd\n", "x.YML": "{",
    }
    for name, body in kinds.items():
        (folder / name).write_bytes(body.encode("latin-1") if name == "latin1.yaml" else body.encode("utf-8"))
    (folder / "a_folder.yaml").mkdir()
    (folder / "loop").mkdir()
    try:
        (folder / "loop" / "again").symlink_to(folder, target_is_directory=True)
        (folder / "dangling.yaml").symlink_to(folder / "nowhere.yaml")
    except OSError:
        pass
    menu = app.go("menu", how="reset")
    frames(app, 2)
    assert menu.mine and not any(lv.playable for lv in menu.mine)
    for i in range(len(menu.levels), menu.count):
        menu.open_level(i)
        assert app.scene is menu and menu.note.startswith("This level cannot be played: ")
    words = drawn_texts(app)
    assert any("cannot be played" in w for w in words)


# --------------------------------------------------------------- install


def test_pack_places_are_sticks_downloads_desktop_and_a_typed_folder(tmp_path):
    from game.classroom.pack_places import (MAX_DEPTH, find_packs, pack_name_of, pack_places, packs_in,
                                            typed_place)

    home = tmp_path / "home"
    root = tmp_path / "root"
    stick = root / "media" / "amina" / "KINGSTON"
    (stick / "course" / "week2").mkdir(parents=True)
    (home / "Downloads" / ".hidden").mkdir(parents=True)
    (home / "Desktop").mkdir()
    for p in (stick / "valley.minerisk.zip", stick / "course" / "week2" / "deep.MINERISK.ZIP",
              home / "Downloads" / "new.minerisk.zip", home / "Downloads" / ".hidden" / "secret.minerisk.zip",
              home / "Downloads" / "other.zip", home / "Desktop" / "desk.minerisk.zip"):
        p.write_bytes(b"PK")
    too_deep = stick / "a" / "b" / "c"
    too_deep.mkdir(parents=True)
    (too_deep / "far.minerisk.zip").write_bytes(b"PK")
    places = pack_places(home=home, system="Linux", user="amina", roots={"/": root})
    assert [p.label for p in places] == ["USB stick or drive: KINGSTON", "Downloads", "Desktop"]
    found = {p.path.name: p.place for p in find_packs(places)}
    assert found == {"valley.minerisk.zip": "USB stick or drive: KINGSTON", "deep.MINERISK.ZIP":
                     "USB stick or drive: KINGSTON", "new.minerisk.zip": "Downloads",
                     "desk.minerisk.zip": "Desktop"}  # not hidden, not a plain zip, not deeper than MAX_DEPTH
    assert MAX_DEPTH == 2
    assert len(packs_in(places[0], limit=2)) < 2  # a huge drive is read only so far
    place, single, why = typed_place(f"  '{home / 'Downloads'}'  ")
    assert place is not None and single is None and not why
    place, single, why = typed_place(str(home / "Downloads" / "other.zip"))
    assert single is not None and single.path.name == "other.zip"  # a file typed: any name, the install checks it
    assert typed_place(str(tmp_path / "nowhere"))[2] == f"There is no folder or file called {tmp_path / 'nowhere'}."
    assert typed_place("   ")[2] == "Type the folder where the level pack is."
    assert pack_name_of(stick / "valley.minerisk.zip") is None  # not a zip: not known (the install says why)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("the game tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_install_a_pack_from_a_typed_folder_with_real_events(app, tmp_path, no_network, monkeypatch):
    monkeypatch.setattr("game.ui.scene_install.pack_places", lambda: [])  # not this computer's real folders
    downloads = tmp_path / "USB"
    downloads.mkdir()
    for name in ("harbour_walk", "school_road_extra"):
        pack = make_pack(tmp_path / name, name)
        pack.rename(downloads / pack.name)
    (downloads / "broken.minerisk.zip").write_bytes(b"this is not a zip")
    menu = app.go("menu", how="reset")
    frames(app)
    key(app, pygame.K_i)
    scene = app.scene
    assert isinstance(scene, InstallScene) and scene.packs == []
    assert any("No level pack found" in w for w in drawn_texts(app))
    click(app, scene.field_rect.center)
    assert scene.typing
    type_text(app, str(downloads))
    key(app, pygame.K_r)  # letters type while the field has the keys: not "Look again"
    type_text(app, "x")
    key(app, pygame.K_BACKSPACE)
    assert scene.typed == str(downloads) and scene.packs == []
    key(app, pygame.K_RETURN)  # Enter in the field: look there
    assert sorted(p.path.name for p in scene.packs) == ["broken.minerisk.zip", "harbour_walk.minerisk.zip",
                                                        "school_road_extra.minerisk.zip"]
    chosen = next(i for i, p in enumerate(scene.packs) if p.path.name == "harbour_walk.minerisk.zip")
    frames(app)
    rows = [b for b in scene.bar.buttons if b.hidden]
    click(app, rows[chosen].rect.center)
    assert scene.index == chosen
    key(app, pygame.K_RETURN)  # Install
    message, colour = scene.result
    assert colour == th.GOOD and message == "Installed 1 level: Harbour walk. It is under My levels in the menu."
    assert (my_levels_dir() / "harbour_walk" / "harbour_walk.yaml").is_file()
    assert scene.installed == {downloads / "harbour_walk.minerisk.zip"}
    assert any(w.startswith("installed · The folder you typed") for w in drawn_texts(app))
    installed_row = [b for b in scene.bar.buttons if b.hidden][chosen].rect
    assert colour_pixels(app.screen, installed_row, th.GOOD) > 30  # the "installed" line is green
    key(app, pygame.K_RETURN)  # again: refused, with what to do in the window's words (not the command line's)
    assert scene.result[1] == th.BAD and "turn Replace on" in scene.result[0] and "--replace" not in scene.result[0]
    key(app, pygame.K_p)
    assert scene.replace
    key(app, pygame.K_RETURN)
    assert scene.result[1] == th.GOOD and "replaced the levels installed before" in scene.result[0]
    broken = next(i for i, p in enumerate(scene.packs) if p.path.name == "broken.minerisk.zip")
    scene.choose(broken)
    before = sorted(p.name for p in my_levels_dir().iterdir())
    key(app, pygame.K_RETURN)
    assert scene.result == ("Not installed, nothing was changed: broken.minerisk.zip: this is not a level pack "
                            "(not a zip file); make packs with `minerisk pack LEVEL -o FILE`", th.BAD)
    assert sorted(p.name for p in my_levels_dir().iterdir()) == before
    key(app, pygame.K_ESCAPE)
    assert app.scene is menu
    frames(app)
    assert [lv.title for lv in menu.mine] == ["Harbour walk"]  # the menu read My levels again


def test_an_unsafe_pack_is_refused_in_plain_words(app, tmp_path, monkeypatch):
    import zipfile

    monkeypatch.setattr("game.ui.scene_install.pack_places", lambda: [])
    evil = tmp_path / "evil.minerisk.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("../../outside.yaml", "id: x")
    scene = app.go("install")
    scene.typed = str(evil)
    scene.look_in_typed()
    assert [p.path for p in scene.packs] == [evil]
    scene.install()
    message, colour = scene.result
    assert colour == th.BAD and message.startswith("Not installed, nothing was changed: evil.minerisk.zip:")
    assert "climbs out of its folder" in message
    assert not (tmp_path / "outside.yaml").exists() and not my_levels_dir().exists() or \
        not any(my_levels_dir().iterdir())


# ------------------------------------------------------------- zone names


def _titled_copy(level: str, folder: Path) -> tuple[Path, dict[str, str]]:
    """A copy of a bundled level whose every map object has a title unlike its name; the titles by name."""
    shutil.copytree(ROOT / "levels" / "maps", folder / "maps")
    text = (ROOT / "levels" / f"{level}.yaml").read_text(encoding="utf-8")
    (folder / "level.yaml").write_text(re.sub(r"(?m)^id: .*$", "id: titled_copy", text), encoding="utf-8")
    tmx = folder / re.search(r"(?m)^map: (.*)$", text).group(1).strip()
    tree = ElementTree.parse(tmx)
    titles = {}
    for i, obj in enumerate(tree.iter("object")):
        props = obj.find("properties")
        if props is None:
            props = ElementTree.SubElement(obj, "properties")
        for p in [p for p in props if p.get("name") == "title"]:
            props.remove(p)
        titles[obj.get("name")] = f"Qz{i} Placename"
        ElementTree.SubElement(props, "property", {"name": "title", "value": titles[obj.get("name")]})
    tree.write(tmx, encoding="UTF-8", xml_declaration=True)
    return folder / "level.yaml", titles


def test_a_student_reads_zone_titles_never_their_ids(app, tmp_path, monkeypatch):
    from game.text.alerts import alert_text
    from game.ui import map_markers, play_hud

    path, titles = _titled_copy("01_first_steps", tmp_path)
    raw = {n for n in titles if "_" in n or "-" in n} | {humanise(n) for n in titles if "_" in n}
    pattern = re.compile("|".join(rf"(?<![\w]){re.escape(w)}(?![\w])" for w in sorted(raw, key=len, reverse=True)))
    labels: list[str] = []
    real_label = map_markers._zone_label
    monkeypatch.setattr(map_markers, "_zone_label", lambda theme, text, *a: labels.append(text) or
                        real_label(theme, text, *a))
    seen: list[str] = []
    brief = app.go("briefing", path=path)
    seen += drawn_texts(app)
    key(app, pygame.K_RETURN)
    play = app.scene
    player = play.link.policy("land_release")
    for _ in range(12):  # the tutorial, the news, the panel and the order box as a scripted player plays
        for cmd in player.decide(play.link.view):
            play.submit(cmd)
        play.step_day()
        seen += drawn_texts(app)
        if play.tutorial is not None:
            seen.append(play.tutorial.waiting_text(play.link.names))
    zones = [o for o in play.zone_objects]
    play.begin_order("survey")
    for o in zones:
        play.set_draft_area(o.name)
        seen += drawn_texts(app)
        seen += play_hud.cell_tooltip(play, o.centre_cell)  # the map's tooltip
        seen.append(play.zone_state(o.name))
    play.cancel_order()
    seen += [alert_text(a, play.link.names) for a in play.alerts]
    play.link.end_level()
    debrief = app.go("debrief", play=play, how="replace")
    for _ in range(4):
        seen += drawn_texts(app)
        debrief.scroller.wheel(debrief.scroller.rect.center, -20, 40)
    assert any("Qz" in s for s in seen) and any("Qz" in s for s in labels)
    shown = sorted({s for s in seen + labels if pattern.search(s)})
    author_words = {o.text for o in play.link.level.objectives}  # the level author's own sentences
    assert [s for s in shown if not any(s.endswith(a) or a in s for a in author_words)] == []
    assert brief is not None
