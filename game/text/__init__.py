"""Words for the player: the one message catalogue, the language in use, and codes turned into sentences.

``_("text")`` looks the text up in the catalogue of the language in use
(``game/text/locale/<lang>/LC_MESSAGES/minerisk.mo``, compiled by Babel from
its ``.po`` file) and falls back to the English text itself; ``ngettext``
does the same for texts that depend on a count (with the language's real
plural forms), ``pgettext`` for a short text whose meaning needs a context.
``N_`` and ``NC_`` only mark a text for extraction where it is stored (a
table of codes) and translated later with ``_`` or ``pgettext``.
``python -m game.text.extract`` runs Babel's extract, update and compile
(docs/translating.md).

A level's own texts pass through ``_`` too: the bundled campaign is
translated in the catalogue, and a trainer's level may carry its own
translations (``translations:`` in its YAML); :func:`use_level` puts those
in front of the catalogue while the level is open.

The simulation and the score speak in codes with parameters; the modules of
this package are the one presentation layer that words them:
:mod:`game.text.names` (display names of zones, teams, items),
:mod:`game.text.formats` (numbers, money, areas, per language),
:mod:`game.text.events` (the news), :mod:`game.text.orders` (answers to
orders) and :mod:`game.text.score` (the score card). No pygame here.
"""

from __future__ import annotations

import gettext
import locale as _locale
import os
import sys
from pathlib import Path
from typing import Any, Callable

DOMAIN = "minerisk"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
#: The languages of the game, in the order the picker shows them, each named in itself.
LANGUAGES = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "uk": "Українська",
    "az": "Azərbaycan dili",
    "ar": "العربية",
    "km": "ខ្មែរ",
}
#: Languages written right to left.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})
#: A test language (see game.text.pseudo): every text accented and 40% longer, never in the picker.
PSEUDO = "qps"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE
_level: Any = None
_level_words: dict[str, str] = {}
_level_zones: dict[str, str] = {}
_listeners: list[Callable[[str], None]] = []


def normalise(code: str | None) -> str | None:
    """A language code as the game names it (``fr_FR.UTF-8`` -> ``fr``), or None if the game has no such
    language."""
    if not code:
        return None
    base = str(code).replace("-", "_").split(".")[0].split("@")[0].strip()
    if base == PSEUDO:
        return PSEUDO
    base = base.split("_")[0].lower()
    return base if base in LANGUAGES else None


def set_language(code: str | None = SOURCE_LANGUAGE) -> str:
    """Use the catalogue of ``code`` from now on (no restart needed); returns the language in use.

    A language the game does not have falls back to English.
    """
    global _translation, _language
    lang = normalise(code) or SOURCE_LANGUAGE
    if lang == PSEUDO:
        from game.text.pseudo import PseudoTranslations

        _translation = PseudoTranslations()
    elif lang == SOURCE_LANGUAGE:
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)
    _language = lang
    _load_level_words()
    for listener in list(_listeners):
        listener(lang)
    return lang


def language() -> str:
    """The code of the language in use (``en``, ``fr``, ... or ``qps``, the test language)."""
    return _language


def is_rtl(code: str | None = None) -> bool:
    """Whether ``code`` (default: the language in use) is written right to left."""
    return (code or _language) in RTL_LANGUAGES


def available_languages() -> list[str]:
    """The languages the player can pick: English and every language with a compiled catalogue."""
    return [code for code in LANGUAGES
            if code == SOURCE_LANGUAGE or (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()]


def on_language_change(listener: Callable[[str], None]) -> None:
    """Call ``listener(code)`` after every :func:`set_language` (the window drops its cached texts)."""
    if listener not in _listeners:
        _listeners.append(listener)


def system_language(environ: dict[str, str] | None = None) -> str:
    """The game's language closest to the computer's: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``,
    then the system locale (Windows: the user's interface language); English if none is ours."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in env.get(name, "").split(":"):
            if part and part not in ("C", "POSIX"):
                found = normalise(part)
                if found and found != PSEUDO:
                    return found
    if environ is not None:
        return SOURCE_LANGUAGE
    candidates: list[str | None] = []
    if sys.platform == "win32":  # pragma: no cover - Windows only
        try:
            import ctypes

            lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()
            candidates.append(_locale.windows_locale.get(lcid))
        except (AttributeError, OSError):
            pass
    try:
        candidates.append(_locale.getlocale(_locale.LC_MESSAGES if hasattr(_locale, "LC_MESSAGES")
                                            else _locale.LC_CTYPE)[0])
    except (ValueError, TypeError):
        pass
    for candidate in candidates:
        found = normalise(candidate)
        if found and found != PSEUDO:
            return found
    return SOURCE_LANGUAGE


# ------------------------------------------------------------ translating


def _(text: str) -> str:
    """Translate one player-facing text (a level's own translation first, then the catalogue)."""
    if not text:
        return text
    return _level_words.get(text) or _translation.gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a text that depends on a count, with the plural forms of the language in use."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, text: str) -> str:
    """Translate a short text whose meaning depends on where it is shown (``context``)."""
    return _translation.pgettext(context, text) if text else text


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translation.npgettext(context, singular, plural, n)


def N_(text: str) -> str:
    """Mark a text for the catalogue where it is stored; it is translated where it is shown, with ``_``."""
    return text


def NC_(context: str, text: str) -> str:
    """Mark a text with a context for the catalogue; it is translated where it is shown, with ``pgettext``."""
    return text


class Later:
    """A text worded when it is shown (``str(later)``, or in a ``format``), again after a language change:
    what a screen keeps for a while (the news) follows the picker without a restart."""

    __slots__ = ("_make", "_cache")

    def __init__(self, make: Callable[[], str]):
        self._make = make
        self._cache: tuple[str, str] | None = None

    def __str__(self) -> str:
        if self._cache is None or self._cache[0] != _language:
            self._cache = (_language, self._make())
        return self._cache[1]

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


# ------------------------------------------------------------- level texts


def use_level(level: Any) -> None:
    """Put the level's own translations (``level.translations[lang]``) in front of the catalogue while it is
    open (``None``: no level). A text the level does not translate falls back to the catalogue, then to
    the level's own words."""
    global _level
    _level = level
    _load_level_words()


def _load_level_words() -> None:
    global _level_words, _level_zones
    _level_words = level_words(_level, _language) if _level is not None else {}
    tr = (getattr(_level, "translations", None) or {}).get(_language) if _level is not None else None
    _level_zones = dict(tr.zones) if tr is not None and _language != getattr(_level, "language", None) else {}


def zone_title(name: str, title: str) -> str:
    """A zone's or village's display name: the open level's translation of zone ``name``, else ``title``
    through the catalogue."""
    return _level_zones.get(name) or _(title)


def level_words(level: Any, lang: str) -> dict[str, str]:
    """The level's own texts in its main language mapped to their translation into ``lang``."""
    translations = getattr(level, "translations", None) or {}
    if lang == getattr(level, "language", SOURCE_LANGUAGE):
        return {}
    tr = translations.get(lang)
    if tr is None:
        return {}
    pairs: list[tuple[str, str]] = [(level.title, tr.title), (level.briefing, tr.briefing),
                                    (level.debrief, tr.debrief)]
    pairs += list(zip(level.tips, tr.tips))
    pairs += list(zip((o.text for o in level.objectives), tr.objectives))
    pairs += list(zip((e.message for e in level.events), tr.events))
    pairs += list(zip((s.say for s in level.tutorial), tr.tutorial))
    out: dict[str, str] = {}
    for main, text in pairs:
        if main and main.strip() and text and text.strip():
            out[main] = out[main.strip()] = text.strip()
    return out


set_language(SOURCE_LANGUAGE)
