"""The release record: for every released cell, which order released it, when, how, and whether the
evidence at the time justified it.

GAME_MODEL.md, "How the score judges a run": decisions are judged by what was
known when they were made (IMAS 07.11, "all reasonable effort"):

- *cancel* is justified only for land whose non-technical survey is complete
  (and was not rushed) over its whole suspected area (evidence may still turn
  up in the part not yet surveyed) and where no evidence lies inside the
  suspected area or within ``release_rules.cancel_evidence_buffer_m`` of the cell;
- *reduce* is justified for land a technical survey sampled at its share in
  fresh lanes, with no find, at the safe pace (the technical survey processor
  only reduces such land; a rushed pass is a procedure error);
- *clear* is justified for cells a clearance asset searched at the safe pace,
  with every dog indication checked and machine ground followed up (the
  clearance processor only releases such land).

An unjustified release is a decision error even when the land was empty by
luck: it is kept here (the cell's ``why`` code and an entry in
:attr:`ReleaseRecord.entries`) and nothing that happens later erases it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: Why a release was not justified (index 0: it was). Words: game.text.release.
WHY = ("justified", "cancel_against_evidence", "cancel_after_rushed_survey", "reduced_in_a_rush",
       "cleared_in_a_rush", "cancel_before_area_surveyed")
JUSTIFIED = 0
CANCEL_AGAINST_EVIDENCE = WHY.index("cancel_against_evidence")
CANCEL_AFTER_RUSHED_SURVEY = WHY.index("cancel_after_rushed_survey")
REDUCED_IN_A_RUSH = WHY.index("reduced_in_a_rush")
CLEARED_IN_A_RUSH = WHY.index("cleared_in_a_rush")
CANCEL_BEFORE_AREA_SURVEYED = WHY.index("cancel_before_area_surveyed")


@dataclass(frozen=True, slots=True)
class ReleaseEntry:
    """One release decision: the cells one order released on one day, for one reason."""

    order: int  # the order's number in the run (0 = the first accepted order)
    day: int
    kind: str  # cancelled, reduced, cleared
    why: str  # a code of WHY
    cells: int
    m2: float
    x: int  # a cell of it, to show on the map
    y: int


@dataclass
class ReleaseRecord:
    """Per-cell layers of the release record, and the list of release decisions in order."""

    order: np.ndarray = field(repr=False)  # int32: the order that last released the cell (-1 never)
    why: np.ndarray = field(repr=False)  # int8: WHY index of the last release
    ever_unjustified: np.ndarray = field(repr=False)  # bool: the cell was once released without justification
    ever_released: np.ndarray = field(repr=False)  # bool: the cell was released at some time of the run
    verified: np.ndarray = field(repr=False)  # bool: quality assurance passed over it since its release
    entries: list[ReleaseEntry] = field(default_factory=list)
    qa_failures: list[tuple[int, int, int]] = field(default_factory=list)  # (day, x, y) of each failed QA

    @classmethod
    def empty(cls, height: int, width: int) -> "ReleaseRecord":
        return cls(order=np.full((height, width), -1, np.int32), why=np.zeros((height, width), np.int8),
                   ever_unjustified=np.zeros((height, width), bool), ever_released=np.zeros((height, width), bool),
                   verified=np.zeros((height, width), bool))

    def note(self, flat_cells: np.ndarray, kind: str, order: int, day: int, why: np.ndarray | int, cell_m2: float,
             width: int) -> None:
        """Record that ``flat_cells`` were released by ``order`` today, each with its ``why`` code (one
        code for them all, or one per cell)."""
        self.order.flat[flat_cells] = order
        self.why.flat[flat_cells] = why
        self.ever_released.flat[flat_cells] = True
        self.ever_unjustified.flat[flat_cells] |= np.asarray(why) != JUSTIFIED
        self.verified.flat[flat_cells] = False
        why = np.asarray(why)
        for code in (why.reshape(1) if why.ndim == 0 else np.unique(why)):
            sel = flat_cells if why.ndim == 0 else flat_cells[why == code]
            first = int(sel[0])
            self.entries.append(ReleaseEntry(order, day, kind, WHY[int(code)], len(sel), len(sel) * cell_m2,
                                             first % width, first // width))

    def unjustified_entries(self) -> list[ReleaseEntry]:
        return [e for e in self.entries if e.why != "justified"]
