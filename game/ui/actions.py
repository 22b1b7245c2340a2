"""How the play screen shows each order kind: its label, its key (a pygame key name) and a one-line
explanation. The order kinds themselves are the run core's (game.run.order_draft.ACTIONS)."""

from __future__ import annotations

from game.text import N_

ACTION_INFO = {
    "survey": (N_("Survey"), "n", N_("Non-technical survey: ask people, look for evidence; never enters the land")),
    "technical_survey": (N_("Tech. survey"), "t",
                         N_("Technical survey: search lanes; finds confirm, the rest is reduced")),
    "clear": (N_("Clear"), "c", N_("Full clearance of suspected or confirmed land")),
    "educate": (N_("Educate"), "e", N_("Risk education sessions in a village")),
    "mark": (N_("Mark"), "k", N_("Signs on the perimeter of suspected or confirmed land")),
    "cancel": (N_("Cancel land"), "x", N_("Release suspected land without entering it: only where a complete survey "
                                       "found no evidence")),
    "confirm": (N_("Confirm CHA"), "f", N_("Declare land a confirmed hazardous area")),
    "quality_assurance": (N_("QA"), "q", N_("Quality assurance: sample released land for missed items")),
}
