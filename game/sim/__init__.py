"""The headless, deterministic simulation of a mine-action programme.

Public API: :class:`Simulation` (apply / step / run / view / truth / close),
the order dataclasses of :mod:`game.sim.commands`, :class:`Outcome`,
:class:`PlayerView` and :class:`Truth`, :class:`LandStatus`.
Nothing here imports pygame.
"""

from .commands import (COMMAND_TYPES, Cancel, Clear, Confirm, Educate, EndLevel, Hire, Mark, QualityAssurance,
                       SetPace, StandDown, Stop, Survey, TechnicalSurvey, from_dict, to_dict)
from .events import Event
from .grid import LandStatus
from .orders import Outcome
from .simulation import Simulation
from .view import PlayerView, Truth

__all__ = ["Simulation", "Outcome", "PlayerView", "Truth", "Event", "LandStatus", "COMMAND_TYPES", "to_dict",
           "from_dict", "Survey", "TechnicalSurvey", "Clear", "Mark", "Educate", "Cancel", "Confirm", "Hire",
           "StandDown", "Stop", "SetPace", "QualityAssurance", "EndLevel"]
