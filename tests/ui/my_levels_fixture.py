"""A "My levels" folder as a classroom would have it: a pack installed from a teacher, and broken files.

``fill_my_levels(work)`` installs a pack of one good level (made with
``minerisk new``) into the My levels folder of the current data folder and
adds files a student could find there: YAML that does not parse, an unknown
key, a level with a campaign level's id, a level that only warns (a budget
too small), bytes that are no text, and an empty file. ``make_pack(work,
name)`` writes a pack file and returns its path.
"""

from __future__ import annotations

from pathlib import Path

from game.level.scaffold import new_level
from game.packs import install_pack, write_pack
from game.store.folders import my_levels_dir


def make_pack(work: Path, name: str = "river_crossing", title: str | None = None) -> Path:
    """A pack of one fresh level called ``name`` (its title changed to ``title``), written in ``work`` (a new
    folder: ``minerisk new`` makes the level's folder there)."""
    work.mkdir(parents=True, exist_ok=True)
    level = new_level(name, work)  # the level file, in its new folder
    folder = level.parent
    if title is not None:
        text = level.read_text(encoding="utf-8")
        level.write_text(text.replace(f"title: {name.replace('_', ' ').capitalize()}", f"title: {title}"),
                         encoding="utf-8")
    out = work / f"{name}.minerisk.zip"
    result = write_pack(folder, out)
    assert result.path == out, [p.format() for p in result.problems]
    return out


def fill_my_levels(work: Path) -> Path:
    """The My levels folder with one installed pack and six troublesome files; returns the folder."""
    installed = install_pack(make_pack(work, "river_crossing", "The river crossing at Oldmere"), replace=True)
    assert installed.ok, [p.format() for p in installed.problems]
    folder = my_levels_dir()
    good = (folder / "river_crossing" / "river_crossing.yaml").read_text(encoding="utf-8")
    loose = folder / "copied_by_hand"
    maps = folder / "river_crossing" / "maps"
    (loose / "maps").mkdir(parents=True, exist_ok=True)
    for f in maps.iterdir():
        (loose / "maps" / f.name).write_bytes(f.read_bytes())
    (loose / "a_broken_syntax.yaml").write_text("format: 1\nid: broken\ntitle: [never closed\n", encoding="utf-8")
    (loose / "b_unknown_key.yaml").write_text(
        good.replace("id: river_crossing", "id: typo_level").replace("budget_usd:", "budjet_usd:"), encoding="utf-8")
    (loose / "c_campaign_id.yaml").write_text(good.replace("id: river_crossing", "id: first_steps"),
                                              encoding="utf-8")
    (loose / "d_small_budget.yaml").write_text(
        good.replace("id: river_crossing", "id: small_budget").replace("title: The river crossing at Oldmere",
                                                                       "title: A budget too small")
        .replace("budget_usd: 150000", "budget_usd: 2000"), encoding="utf-8")
    (loose / "e_not_text.yaml").write_bytes(bytes(range(256)) * 4)
    (loose / "f_empty.yaml").write_bytes(b"")
    return folder
