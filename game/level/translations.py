"""A level in several languages: its ``language`` and its ``translations`` (see docs/level-authoring.md).

A level is written in one main language (``language:``, English when not
given). Under ``translations:`` it may give its texts in other languages,
one block per language code: ``title``, ``briefing``, ``debrief``, and lists
that follow the level's own lists in order (``tips``, ``objectives``: the
objectives' texts, ``events``: the events' messages, ``tutorial``: the
steps' prompts), and ``zones``: display names of the map's zones and
villages by their map name. A text a translation leaves out is shown in the
main language. Checks: the language codes are the game's, no list is longer
than the one it translates, and every zone is on the map. Whether the game's
fonts can draw every text is a warning of game/level/glyphs.py.
"""

from __future__ import annotations

import re

from .errors import Collector
from .model import LevelTranslation, MapData
from .schema import KEY, Context, Field, List, MapOf, Obj, Str, did_you_mean

#: The languages the game speaks (game.text.LANGUAGES): a level's texts may be given in these.
LANGUAGE_CODES = ("en", "fr", "es", "uk", "az", "ar", "km")
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "uk": "Ukrainian", "az": "Azerbaijani",
                  "ar": "Arabic", "km": "Khmer"}
#: The lists a translation follows, each with the key of the text in the level's own list.
TRANSLATED_LISTS = {"tips": None, "objectives": "text", "events": "message", "tutorial": "say"}
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")


def prose(text: str) -> str:
    """A block of text as the game shows it: the author's line breaks inside a paragraph become spaces
    (the window wraps to its own width); blank lines between paragraphs and lines that start a list item
    (``- ``, ``* ``, ``1. ``) are kept."""
    out: list[str] = []
    for line in str(text).strip().splitlines():
        line = line.strip()
        if not line:
            if out and out[-1] != "":
                out.append("")
        elif out and out[-1] != "" and not _LIST_ITEM.match(line):
            out[-1] += " " + line
        else:
            out.append(line)
    return "\n".join(out)


def translation_schema() -> Obj:
    """The ``translations:`` block: a language code -> that language's texts."""
    one = Obj(fields={
        "title": Field(Str(min_length=1, max_length=120, doc="the title in this language")),
        "briefing": Field(Str(min_length=1, doc="the briefing in this language")),
        "debrief": Field(Str(doc="the closing message in this language")),
        "tips": Field(List(item=Str(min_length=1, max_length=500), max_items=50,
                           doc="the tips, in the order of `tips`")),
        "objectives": Field(List(item=Str(max_length=500), max_items=50,
                                 doc="the objectives' texts, in the order of `objectives`")),
        "events": Field(List(item=Str(max_length=2000), max_items=10_000,
                             doc="the events' messages, in the order of `events` (\"\" for an event without one)")),
        "tutorial": Field(List(item=Str(max_length=2000), max_items=100,
                               doc="the tutorial prompts, in the order of `tutorial`")),
        "zones": Field(MapOf(value=Str(min_length=1, max_length=200), what="zones",
                             doc="display names of the map's zones and villages, by their name on the map")),
    })
    return MapOf(value=one, what="languages",
                 doc="the level's texts in other languages: " + ", ".join(LANGUAGE_CODES))


def language_field() -> Field:
    return Field(Str(min_length=2, max_length=12, doc="the language the level's texts are written in "
                     "(" + ", ".join(LANGUAGE_CODES) + "); default en"), default="en")


def _language_hint() -> str:
    return "the game's languages are " + ", ".join(f"{c} ({LANGUAGE_NAMES[c]})" for c in LANGUAGE_CODES)


def check_translations(doc: dict, ctx: Context, out: Collector, level_map: MapData | None) -> None:
    """Report unknown language codes, translated lists longer than the level's, and unknown zones."""
    main = doc.get("language", "en")
    if main not in LANGUAGE_CODES:
        line, col = ctx.where(("language",))
        out.add(line, col, f"`{main}` is not a language of the game", _code_hint(str(main)))
    for code, tr in (doc.get("translations") or {}).items():
        if code not in LANGUAGE_CODES:
            line, col = ctx.where(("translations", KEY, code))
            out.add(line, col, f"`{code}` is not a language of the game", _code_hint(str(code)))
            continue
        if code == main:
            line, col = ctx.where(("translations", KEY, code))
            out.add(line, col, f"the level is written in `{code}` already",
                    "give translations into the other languages only, or change `language`")
        for key, inner in TRANSLATED_LISTS.items():
            given, own = tr.get(key, ()), doc.get(key, ())
            if len(given) > len(own):
                line, col = ctx.where(("translations", code, key, len(own)))
                out.add(line, col, f"translations.{code}.{key} has {len(given)} entries but the level has "
                        f"{len(own)} {key}", f"give one text for each of the level's {key}, in the same order")
        if level_map is not None:
            names = [o.name for o in level_map.objects if o.kind != "team_base"]
            for zone in tr.get("zones", {}):
                if zone not in names:
                    line, col = ctx.where(("translations", code, "zones", KEY, zone))
                    out.add(line, col, f"zone `{zone}` is not an object of the map",
                            did_you_mean(zone, names, "objects there are"))


#: Codes a trainer may write for a language of the game: its country's code (Cambodia `kh`, Ukraine
#: `ua`) or its three-letter code (ISO 639-2/3).
_OTHER_CODES = {"kh": "km", "khm": "km", "ua": "uk", "ukr": "uk", "gb": "en", "us": "en", "eng": "en",
                "fra": "fr", "fre": "fr", "spa": "es", "aze": "az", "ara": "ar"}


def _code_hint(code: str) -> str:
    """The hint for a language code the game does not speak: the code meant when it is one written in
    capitals (`FR`), with a region (`fr-FR`, `fr_CA`) or as the language's English name (`French`)."""
    for code_name, name in LANGUAGE_NAMES.items():
        if code.casefold() == name.casefold():
            return f"write the language's code: `{code_name}`"
    meant = code.replace("_", "-").split("-")[0].lower()
    if meant in _OTHER_CODES:
        meant = _OTHER_CODES[meant]
        return f"did you mean `{meant}` ({LANGUAGE_NAMES[meant]})?"
    if meant in LANGUAGE_CODES and meant == code.lower():
        return f"write it in small letters: `{meant}`"
    if meant in LANGUAGE_CODES:
        return f"write the language's code alone, without a region: `{meant}`"
    return did_you_mean(code, LANGUAGE_CODES, "languages") if _close(code) else _language_hint()


def _close(code: str) -> bool:
    import difflib

    return bool(difflib.get_close_matches(code, LANGUAGE_CODES, n=1, cutoff=0.5))


def build_translations(doc: dict) -> dict[str, LevelTranslation]:
    """The checked ``translations:`` block as data, block texts in the form the game shows (prose)."""
    out = {}
    for code, tr in (doc.get("translations") or {}).items():
        out[code] = LevelTranslation(
            title=tr.get("title", "").strip(), briefing=prose(tr.get("briefing", "")),
            debrief=prose(tr.get("debrief", "")), tips=tuple(t.strip() for t in tr.get("tips", ())),
            objectives=tuple(t.strip() for t in tr.get("objectives", ())),
            events=tuple(t.strip() for t in tr.get("events", ())),
            tutorial=tuple(t.strip() for t in tr.get("tutorial", ())),
            zones={k: v.strip() for k, v in tr.get("zones", {}).items()})
    return out
