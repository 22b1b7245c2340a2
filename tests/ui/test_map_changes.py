"""The play screen follows the run through the session's changes: only changed cells are redrawn, a large
change is spread over frames, and the news comes from the changes' events."""

from __future__ import annotations

import numpy as np

from game.run.levels import resolve_level
from game.sim import Confirm
from game.ui import overlays

from ui_events import frames


def start(app, level="first_steps"):
    scene = app.go("play", path=resolve_level(level))
    frames(app, 2)
    return scene


def test_an_order_redraws_only_the_cells_it_changed(app):
    scene = start(app)
    picture = scene.renderer.picture
    link = scene.link
    whole = link.view.width * link.view.height
    assert picture.cells_drawn == whole  # the first frame draws the whole picture once
    zone = link.scenario.map.object_named("north_pasture")
    answer = scene.submit(Confirm(day=link.day, area="north_pasture"))
    assert answer.accepted, answer.reason
    frames(app)
    redrawn = picture.cells_drawn - whole
    n = int(zone.mask.sum())
    assert n <= redrawn <= n + 4 * n ** 0.5 * 2 + 8  # the zone and a ring around it, never the map
    assert redrawn < whole // 4
    # a day with no change on the ground redraws nothing
    before = picture.cells_drawn
    scene.step_day()
    frames(app)
    assert picture.cells_drawn - before < 40


def test_a_large_change_is_spread_over_frames(app, monkeypatch):
    monkeypatch.setattr(overlays, "PATCH_CELLS_PER_FRAME", 25)
    scene = start(app)
    picture = scene.renderer.picture
    link = scene.link
    scene.submit(Confirm(day=link.day, area="north_pasture"))
    frames(app)
    assert picture.pending > 0  # not all at once
    for _ in range(200):
        if not picture.pending:
            break
        frames(app)
    assert picture.pending == 0
    # the picture now matches one drawn from scratch
    cam = scene.renderer.camera
    patched = picture.surface(cam.cell_px).copy()
    picture.invalidate()
    fresh = picture.surface(cam.cell_px)
    import pygame

    assert np.array_equal(pygame.surfarray.array3d(patched), pygame.surfarray.array3d(fresh))


def test_news_comes_from_the_changes_events(app):
    scene = start(app)
    link = scene.link
    seen = len(scene.news)
    first = [e for e in link.view.events if e.code != "order"]
    assert seen == len(first)  # every event of day 1, once
    scene.submit(Confirm(day=link.day, area="north_pasture"))
    scene.step_day()
    new = [e for e in link.view.events if e.code != "order"][len(first):]
    assert [n[1] for n in scene.news[seen:] if n[1] != "refused"] == [e.code for e in new]


def test_the_overview_map_recolours_the_changed_cells_as_a_fresh_one(app):
    """The minimap recolours only the cells an order changed (not the whole map) and then shows what one built
    from scratch shows."""
    import pygame

    from game.ui.minimap import REBUILD_FRAMES, Minimap

    scene = start(app, "the_sector")
    cam = scene.renderer.camera
    cam.zoom_index = len(cam.zooms) - 1  # zoomed in: the minimap shows
    cam.clamp()
    frames(app)
    minimap = scene.renderer.minimap
    link = scene.link
    assert minimap._image is not None and not minimap._whole
    zone = next(o.name for o in link.zones() if o.kind == "suspected_area")
    answer = scene.submit(Confirm(day=link.day, area=zone))
    assert answer.accepted, answer.reason
    assert minimap._changed  # told which cells changed
    frames(app, REBUILD_FRAMES + 1)
    assert not minimap._dirty
    fresh = Minimap(scene.renderer.art, link.view.width, link.view.height)
    fresh._build(link.view)
    assert np.array_equal(pygame.surfarray.array3d(minimap._image), pygame.surfarray.array3d(fresh._image))
    confirmed = np.asarray(link.view.status) == 2
    assert confirmed.any()
