"""The score: a run judged as a national authority's quality management would judge it.

GAME_MODEL.md, "How the score judges a run": decisions are judged by the
evidence at the time (:mod:`game.sim.release`); safety is *expected* harm,
not luck (:mod:`game.scoring.harm`); every item live at the end counts;
objectives read the truth (:mod:`game.scoring.objectives`); area is weighed
by land use and counts fully once handed over; no grade is high with a
decision error. :func:`score_card` builds the :class:`ScoreCard` of an ended
run (:mod:`game.scoring.card`).
"""

from .card import GRADES, ObjectiveResult, ScoreCard, score_card

__all__ = ["GRADES", "ObjectiveResult", "ScoreCard", "score_card"]
