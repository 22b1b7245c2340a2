"""How the play screen shows each order kind: its label, its key (a pygame key name) and a one-line
explanation. The order kinds themselves are the run core's (game.run.order_draft.ACTIONS)."""

from __future__ import annotations

ACTION_INFO = {
    "survey": ("Survey", "n", "Non-technical survey: ask people, look for evidence; never enters the land"),
    "technical_survey": ("Tech. survey", "t", "Technical survey: search lanes; finds confirm, the rest is reduced"),
    "clear": ("Clear", "c", "Full clearance of suspected or confirmed land"),
    "educate": ("Educate", "e", "Risk education sessions in a village"),
    "mark": ("Mark", "k", "Signs on the perimeter of suspected or confirmed land"),
    "cancel": ("Cancel land", "x", "Release suspected land without entering it: only where a complete survey "
                                   "found no evidence"),
    "confirm": ("Confirm CHA", "f", "Declare land a confirmed hazardous area"),
    "quality_assurance": ("QA", "q", "Quality assurance: sample released land for missed items"),
}
