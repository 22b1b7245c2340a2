"""The one translation function every player-facing text passes through.

``_("text")`` looks the text up in the gettext catalogue of the chosen
language (``game/i18n/<lang>/LC_MESSAGES/minerisk.mo``) and falls back to the
text itself. English is the source language; its catalogue
(``en/LC_MESSAGES/minerisk.po``) lists every message of the interface, so a
translator starts from it (``python -m game.i18n.catalogue`` rebuilds it).
Texts made by the simulation (events, reasons an order was refused) pass
through ``_`` too, so a translated catalogue can cover them.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "minerisk"
LOCALE_DIR = Path(__file__).resolve().parent
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
