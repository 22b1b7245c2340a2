"""The processors of a simulation day, one per file, and the one table of their run order.

A day has three phases. ``dawn`` runs when a day begins, before the player
gives that day's orders (weather, scripted events, returnees); ``work`` and
``dusk`` run when the day is stepped (teams work, then civilians use the
land, costs are paid and the day's figures recorded).
"""

from __future__ import annotations

from .civilians import CivilianProcessor
from .clearance import ClearanceProcessor
from .compliance import ComplianceProcessor
from .costs import CostProcessor
from .education import EducationProcessor
from .marking import MarkingProcessor
from .quality_assurance import QualityAssuranceProcessor
from .returnees import ReturneeProcessor
from .scripted_events import ScriptedEventProcessor
from .series import DailySeriesProcessor
from .survey import SurveyProcessor
from .technical_survey import TechnicalSurveyProcessor
from .weather import WeatherProcessor

#: (phase, processor class), in the order they run.
RUN_ORDER = (
    ("dawn", WeatherProcessor),
    ("dawn", ScriptedEventProcessor),
    ("dawn", ReturneeProcessor),
    ("work", SurveyProcessor),
    ("work", TechnicalSurveyProcessor),
    ("work", ClearanceProcessor),
    ("work", MarkingProcessor),
    ("work", EducationProcessor),
    ("work", QualityAssuranceProcessor),
    ("dusk", CivilianProcessor),
    ("dusk", ComplianceProcessor),
    ("dusk", CostProcessor),
    ("dusk", DailySeriesProcessor),
)
