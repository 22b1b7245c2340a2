"""Short labels for the game's codes: land statuses, kinds of evidence, order kinds, and lists of names.

Each code is marked for the catalogue here (``NC_``, with a context, as the
same English word may need different words in another language) and
translated when it is shown. No pygame here.
"""

from __future__ import annotations

from babel.lists import format_list

from game.text import NC_, _, pgettext

#: Land statuses (game.level.model.LAND_STATUSES) as a word inside a sentence or a tooltip.
LAND_STATUS = {
    "unknown": NC_("land status", "unknown"),
    "suspected": NC_("land status", "suspected"),
    "confirmed": NC_("land status", "confirmed"),
    "cancelled": NC_("land status", "cancelled"),
    "reduced": NC_("land status", "reduced"),
    "cleared": NC_("land status", "cleared"),
}
#: Land statuses as the heading of the map legend.
LAND_STATUS_LEGEND = {
    "unknown": NC_("map legend", "Unknown"),
    "suspected": NC_("map legend", "Suspected"),
    "confirmed": NC_("map legend", "Confirmed"),
    "cancelled": NC_("map legend", "Cancelled"),
    "reduced": NC_("map legend", "Reduced"),
    "cleared": NC_("map legend", "Cleared"),
}
#: Kinds of evidence (game.sim.components.Evidence.kind).
EVIDENCE = {
    "community_report": NC_("evidence", "community report"),
    "past_accident": NC_("evidence", "past accident"),
    "visible_sign": NC_("evidence", "visible sign"),
    "report": NC_("evidence", "report"),
    "incident": NC_("evidence", "incident"),
}
#: Order kinds a tutorial step can wait for (game.level.model.TUTORIAL_ORDERS).
ORDER = {
    "survey": NC_("order kind", "survey"),
    "technical_survey": NC_("order kind", "technical survey"),
    "clear": NC_("order kind", "clearance"),
    "mark": NC_("order kind", "marking"),
    "cancel": NC_("order kind", "cancel land"),
    "confirm": NC_("order kind", "confirm CHA"),
    "educate": NC_("order kind", "risk education"),
    "hire": NC_("order kind", "hire"),
    "quality_assurance": NC_("order kind", "quality assurance"),
    "stand_down": NC_("order kind", "stand down"),
    "end_level": NC_("order kind", "end level"),
}


def land_status(code: str) -> str:
    return pgettext("land status", LAND_STATUS.get(code, code))


def land_status_legend(code: str) -> str:
    return pgettext("map legend", LAND_STATUS_LEGEND.get(code, code))


def evidence(kind: str) -> str:
    return pgettext("evidence", EVIDENCE.get(kind, kind.replace("_", " ")))


def order(kind: str) -> str:
    return pgettext("order kind", ORDER.get(kind, kind.replace("_", " ")))


def join(names: list[str], conjunction: bool = True) -> str:
    """Names as a list in the language in use: "a, b and c" ("a, b et c"), or as units are listed
    (``conjunction=False``: "a, b, c" in English, for short lists of labels)."""
    from game.text import language
    from game.text.formats import babel_locale

    names = [str(n) for n in names]
    if not names:
        return _("none")
    for style in ("standard" if conjunction else "unit-short", "standard"):
        try:
            return format_list(names, style=style, locale=babel_locale(language()))
        except KeyError:  # a style this language's data lacks
            continue
    return ", ".join(names)
