"""Words for the player: the one translation function, and codes turned into sentences.

``_("text")`` looks the text up in the gettext catalogue of the chosen
language (``game/text/locale/<lang>/LC_MESSAGES/minerisk.mo``) and falls back
to the text itself; ``ngettext`` does the same for texts that depend on a
count. English is the source language; its catalogue lists every message, so
a translator starts from it (``python -m game.text.extract`` rebuilds it).

The simulation and the score speak in codes with parameters; the modules of
this package are the one presentation layer that words them:
:mod:`game.text.names` (display names of zones, teams, items),
:mod:`game.text.formats` (numbers, money, areas, days),
:mod:`game.text.events` (the news), :mod:`game.text.outcomes` (answers to
orders) and :mod:`game.text.score` (the score card). No pygame here.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "minerisk"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str = "en") -> str:
    """Use the catalogue of ``language`` (falls back to the source texts); returns the language in use."""
    global _translation, _language
    _translation = gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[language], fallback=True)
    _language = language
    return _language


def language() -> str:
    return _language


def _(text: str) -> str:
    """Translate one player-facing text."""
    return _translation.gettext(text) if text else text


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a text that depends on a count."""
    return _translation.ngettext(singular, plural, n)


set_language("en")
