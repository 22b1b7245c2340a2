"""Changes several processors and orders make the same way: release land, find
an item, record evidence, a casualty, confirm land around a find.

Each function keeps the numpy layers, the esper components and the event log
in step with one another. Call them with the simulation's world active.
"""

from __future__ import annotations

import esper
import numpy as np

from .components import Evidence, EvidenceTruth, Ordnance
from .grid import LandStatus, disc_mask, is_hazardous
from .state import SimState
from .view import EvidenceView, FindView

#: The land a find confirms around it: every status but confirmed and cleared (unknown, suspected, cancelled,
#: reduced), as plain ints for fast comparisons.
_NOT_CONFIRMABLE = (int(LandStatus.CONFIRMED), int(LandStatus.CLEARED))
STATUS_NAMES = {int(s): s.name.lower() for s in LandStatus}


def release(state: SimState, flat_cells: np.ndarray, status: LandStatus, order: int,
            why: np.ndarray | int = 0) -> int:
    """Give cells a released status (cancelled, reduced, cleared) by ``order``, each judged with a ``why``
    code of :data:`game.sim.release.WHY` (0: justified) in the release record; their signs come down. A
    checked dog indication may complete its dog group's release. Returns the number of cells."""
    g = state.grid
    flat_cells = np.asarray(flat_cells, dtype=np.int64)
    if len(flat_cells) == 0:
        return 0
    why_cells = np.asarray(why, dtype=np.int8)
    if why_cells.ndim:
        why_cells = np.broadcast_to(why_cells, flat_cells.shape).copy()
    checked = flat_cells[g.indication.flat[flat_cells]]
    g.status.flat[flat_cells] = status
    g.touch(flat_cells)
    g.release_day.flat[flat_cells] = state.day
    g.marked.flat[flat_cells] = False
    g.indication.flat[flat_cells] = False
    g.prepared.flat[flat_cells] = False
    g.dog_searched.flat[flat_cells] = False
    state.releases.note(flat_cells, STATUS_NAMES[int(status)], order, state.day, why_cells, g.cell_area_m2, g.width)
    if len(checked):
        groups, counts = np.unique(g.dog_group.flat[checked], return_counts=True)
        for group, n in zip(groups.tolist(), counts.tolist()):
            if group in state.dog_groups:
                state.dog_groups[group].open = max(0, state.dog_groups[group].open - n)
                resolve_dog_group(state, group)
    return len(flat_cells)


def resolve_dog_group(state: SimState, group: int) -> int:
    """Once a dog task has finished and every indication on its ground is checked, the ground it searched
    is released as cleared (by the dog task's order). Returns the cells released."""
    info = state.dog_groups.get(group)
    if info is None or not info.finished or info.open > 0:
        return 0
    g = state.grid
    cells = np.flatnonzero((g.dog_group.ravel() == group) & g.dog_searched.ravel()
                           & is_hazardous(g.status.ravel()))
    del state.dog_groups[group]
    return release(state, cells, LandStatus.CLEARED, group, info.why) if len(cells) else 0


def live_items_in(state: SimState, flat_cells: np.ndarray) -> list[int]:
    """Entities of the live items lying in these cells, in a stable order."""
    if len(flat_cells) == 0:
        return []
    hits = flat_cells[state.grid.live_items.flat[flat_cells] > 0]
    out: list[int] = []
    for cell in hits.tolist():
        for ent in state.cell_items.get(cell, ()):
            if esper.component_for_entity(ent, Ordnance).state == "live":
                out.append(ent)
    return out


def encounter(state: SimState, item: Ordnance, p_miss: float) -> None:
    """A search met an item: in the expected state it stays live only with the chance the search missed it,
    whether this time it was found or not (the score's safety does not rest on the draw)."""
    state.p_live[item.index] *= min(1.0, max(0.0, p_miss))


def remove_item(state: SimState, ent: int, new_state: str, by: str) -> Ordnance:
    """An item stops being live: found, destroyed by a machine, or triggered."""
    item = esper.component_for_entity(ent, Ordnance)
    item.state, item.day, item.by = new_state, state.day, by
    state.grid.live_items[item.y, item.x] -= 1
    if not state.rules.person_triggers[state.rules.item_kinds.index(item.kind)]:
        state.grid.live_vehicle_only[item.y, item.x] -= 1
    if new_state in ("found", "destroyed_by_machine"):
        state.counters.finds[item.kind] = state.counters.finds.get(item.kind, 0) + 1
        state.finds.append(FindView(item.kind, item.x, item.y, state.day, by))
    return item


def add_evidence(state: SimState, kind: str, x: int, y: int, source: str, real: bool) -> int:
    g = state.grid
    x = int(min(max(x, 0), g.width - 1))
    y = int(min(max(y, 0), g.height - 1))
    state.evidence.append(EvidenceView(kind, x, y, state.day, source))
    return esper.create_entity(Evidence(kind, x, y, state.day, source), EvidenceTruth(real))


def confirm_around(state: SimState, x: int, y: int, radius_m: float, within: np.ndarray | None = None) -> int:
    """Unknown, suspected, cancelled or reduced land within ``radius_m`` of a find becomes confirmed."""
    g = state.grid
    ys, xs, inside = disc_mask(g, x, y, radius_m)
    if within is not None:
        inside = inside & within[ys, xs]
    window = g.status[ys, xs]
    change = inside & (window != _NOT_CONFIRMABLE[0]) & (window != _NOT_CONFIRMABLE[1])
    window[change] = LandStatus.CONFIRMED
    g.release_day[ys, xs][change] = -1
    if change.any():
        wy, wx = np.nonzero(change)
        g.touch((wy + ys.start) * g.width + (wx + xs.start))
    return int(change.sum())


def set_off(state: SimState, ent: int, by: str) -> Ordnance:
    """An item went off (an accident while searching): it no longer exists, the land around it is
    confirmed (as around a civilian incident) and its own cell is confirmed whatever it was, so a
    caller releasing the day's cells must leave that cell out. The place may then be told."""
    item = remove_item(state, ent, "triggered", by)
    confirm_around(state, item.x, item.y, float(state.rules.team("technical_survey")["cha_radius_m"]))
    g = state.grid
    g.status[item.y, item.x] = LandStatus.CONFIRMED
    g.release_day[item.y, item.x] = -1
    g.touch(np.array([item.y * g.width + item.x]))
    return item


def casualty(state: SimState, who: str, rng: np.random.Generator, death_share: float,
             place: tuple[int, int], **params) -> bool:
    """One person hurt; returns True if killed. ``who`` is "deminer" (an ``accident`` event) or
    "civilian" (an ``incident`` event); ``params`` are the event's other parameters."""
    killed = bool(rng.random() < death_share)
    c = state.counters
    if who == "deminer":
        if killed:
            c.deminer_killed += 1
        else:
            c.deminer_injured += 1
    else:
        if killed:
            c.civilian_killed += 1
        else:
            c.civilian_injured += 1
    state.log.add(state.day, "accident" if who == "deminer" else "incident", killed=killed, x=int(place[0]),
                  y=int(place[1]), **params)
    return killed


def end_task(state: SimState, task_ent: int, done: bool = False, **params) -> None:
    """A task is over (``done``, or stopped): free its team, delete it; when done, tell the player with a
    ``<kind>_done`` event carrying the task's area and ``params``."""
    from .components import Task, Team  # local: components has no dependency on effects

    task = esper.component_for_entity(task_ent, Task)
    if task.kind == "clearance" and task.order in state.dog_groups:
        state.dog_groups[task.order].finished = True  # its ground is released once every indication is checked
    if task.team is not None and esper.entity_exists(task.team):
        team = esper.component_for_entity(task.team, Team)
        if team.task == task_ent:
            team.task = None
    if done:
        state.log.add(state.day, f"{task.kind}_done", area=task.area, **params)
    esper.delete_entity(task_ent, immediate=True)
    if task.kind == "clearance":
        resolve_dog_group(state, task.order)


def accident_check(state: SimState, team, item: Ordnance, excavating: bool) -> bool:
    """Whether working on (or past) an item hurts one of ``team``'s deminers; records the casualty and
    stands the team down for the investigation. Returns True on an accident.

    The public accident event names the item's cell. With ``excavating=False`` the item was missed and is
    still live: a caller getting True must set it off (:func:`set_off`), or the event would point the
    player to a live item in land about to be released."""
    safety = state.catalogue["safety"]
    share = float(safety["share_while_excavating"])
    p = float(safety["casualties_per_item_removed"]) * state.rules.pace_factor(team.pace, "accident")
    p *= share if excavating else (1.0 - share)
    state.harm.deminer += p  # the expected casualties of this encounter, whatever the draw below
    if team.pace == "rushed":
        state.harm.deminer_rushed += p
    rng = state.rng["safety"]
    if rng.random() >= p:
        return False
    death_share = float(safety["death_share_with_medic" if team.has_medic else "death_share_without_medic"])
    casualty(state, "deminer", rng, death_share, (item.x, item.y), team=team.name, excavating=excavating,
             rushed=team.pace == "rushed")
    team.out_until_day = max(team.out_until_day, state.day + 1 + int(safety["accident_stop_days"]))
    return True
