"""Keep the message catalogues in step with the source, with Babel: ``python -m game.text.extract``.

It runs the three Babel steps as ``babel.cfg`` (at the top of the repository)
configures them:

1. ``pybabel extract``: every ``_()``, ``ngettext()``, ``pgettext()``,
   ``N_()`` and ``NC_()`` text of the Python sources, plus the player-facing
   texts of the data files read by the extractors below (teaching content,
   catalogue names, the bundled levels and their maps' zone names), into the
   template ``game/text/locale/minerisk.pot``;
2. ``pybabel update``: every language's ``.po`` file gets the new texts (a
   changed English text is marked fuzzy for its translator);
3. ``pybabel compile``: ``.po`` to the ``.mo`` files the game reads
   (fuzzy translations are left out until a translator confirms them).

The template and the catalogues are rewritten only when the texts changed
(not when a text only moved in the code), so that a run does not touch
files for nothing. ``--check`` changes nothing and says whether the
template is out of date.
The extractors below are named in the ``[extractors]`` section of ``babel.cfg``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator

import yaml

from game.text import DOMAIN, LOCALE_DIR

ROOT = LOCALE_DIR.parents[2]
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
MAPPING = ROOT / "babel.cfg"
#: Markers besides Babel's defaults (_, ngettext, pgettext, npgettext, N_).
KEYWORDS = ("NC_:1c,2",)
COMMENT_TAG = "TRANSLATORS:"

Extracted = Iterator[tuple[int, str | None, str | tuple[str, ...], list[str]]]


# ----------------------------------------------------------- YAML helpers


def _compose(fileobj: IO[bytes]) -> yaml.Node | None:
    return yaml.compose(fileobj.read().decode("utf-8"), Loader=yaml.SafeLoader)


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _text(node: yaml.Node | None, comment: str, block: bool = False) -> Extracted:
    """One translatable scalar: ``(line, None, text, [comment])``, stripped as the game strips it (a
    ``block`` text such as a briefing as game.level.translations.prose shows it)."""
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value.strip():
        from game.level.translations import prose

        yield node.start_mark.line + 1, None, prose(node.value) if block else node.value.strip(), [comment]


# ------------------------------------------------------------- extractors


def extract_content(fileobj: IO[bytes], keywords, comment_tags, options) -> Extracted:
    """Teaching content (game/content/*.yaml): key messages, glossary terms, quiz questions and answers, and the
    class report's points to discuss (discuss.yaml)."""
    root = _compose(fileobj)
    for key, message in (_get(root, "messages").value if _get(root, "messages") is not None else []):
        yield from _text(_get(message, "text"), f"Risk-education key message ({key.value}).")
    for term in _items(_get(root, "terms")):
        yield from _text(_get(term, "term"), "Glossary: a short term or abbreviation.")
        yield from _text(_get(term, "name"), "Glossary: the term in full.")
        yield from _text(_get(term, "text"), "Glossary: the explanation.")
    for i, q in enumerate(_items(_get(root, "questions")), 1):
        yield from _text(_get(q, "question"), f"Risk-education quiz, question {i}.")
        for a in _items(_get(q, "answers")):
            yield from _text(_get(a, "text"), f"Quiz question {i}: an answer.")
        yield from _text(_get(q, "explain"), f"Quiz question {i}: the explanation after answering.")
    for key, point in (_get(root, "points").value if _get(root, "points") is not None else []):
        yield from _text(_get(point, "title"), f"Class report: a mistake students made ({key.value}).")
        yield from _text(_get(point, "discuss"), f"Class report: what the teacher discusses with the class about "
                                                 f"it ({key.value}).")


def extract_catalogue(fileobj: IO[bytes], keywords, comment_tags, options) -> Extracted:
    """Names in the default catalogue: team kinds (name, short_name), tasks, ordnance and terrain."""
    root = _compose(fileobj)
    labels = {"teams": "A kind of team", "tasks": "A kind of task", "ordnance": "A kind of explosive ordnance",
              "terrain": "A kind of ground"}
    for section, label in labels.items():
        node = _get(root, section)
        for key, entry in (node.value if isinstance(node, yaml.MappingNode) else []):
            yield from _text(_get(entry, "name"), f"{label} ({key.value}).")
            yield from _text(_get(entry, "short_name"), f"{label} ({key.value}), short.")


def extract_level(fileobj: IO[bytes], keywords, comment_tags, options) -> Extracted:
    """A bundled level's texts: title, briefing, debrief, tips, objectives, event messages, tutorial."""
    root = _compose(fileobj)
    level = getattr(_get(root, "id"), "value", "?")
    yield from _text(_get(root, "title"), f"Level {level}: its title.")
    yield from _text(_get(root, "briefing"), f"Level {level}: the briefing.", block=True)
    yield from _text(_get(root, "debrief"), f"Level {level}: the closing message.", block=True)
    for tip in _items(_get(root, "tips")):
        yield from _text(tip, f"Level {level}: a risk-education tip.")
    for o in _items(_get(root, "objectives")):
        yield from _text(_get(o, "text"), f"Level {level}: an objective.")
    for e in _items(_get(root, "events")):
        yield from _text(_get(e, "message"), f"Level {level}: news of day {getattr(_get(e, 'day'), 'value', '?')}.")
    for i, step in enumerate(_items(_get(root, "tutorial")), 1):
        yield from _text(_get(step, "say"), f"Level {level}: tutorial step {i}.")


_OBJECT = re.compile(r"<object\b[^>]*\bname=\"([^\"]+)\"[^>]*?(/?)>")
_TITLE = re.compile(r"<property\b[^>]*\bname=\"title\"[^>]*\bvalue=\"([^\"]*)\"")
_CLASS = re.compile(r"\b(?:class|type)=\"([^\"]+)\"")


def extract_map(fileobj: IO[bytes], keywords, comment_tags, options) -> Extracted:
    """A bundled map's zone, village and feature names as the player reads them: the ``title`` property,
    else the name made readable (game.text.names.humanise)."""
    from xml.sax.saxutils import unescape

    from game.level.model import humanise

    lines = fileobj.read().decode("utf-8").splitlines()
    for i, line in enumerate(lines):
        m = _OBJECT.search(line)
        if not m:
            continue
        kind = _CLASS.search(line)
        if kind is not None and kind.group(1) == "team_base":
            continue
        title = None
        if not m.group(2):  # the object has children: its properties
            for inner in lines[i + 1:]:
                if "</object>" in inner:
                    break
                t = _TITLE.search(inner)
                if t:
                    title = unescape(t.group(1), {"&quot;": '"'})
        name = unescape(m.group(1), {"&quot;": '"'})
        shown = title if title and title.strip() else humanise(name)
        yield i + 1, None, shown, [f"A place on the map ({name})."]


# ------------------------------------------------------------------ steps


def _pybabel(*args: str) -> None:
    """Run one pybabel command from the top of the repository (so the catalogue names files relatively)."""
    import os

    from babel.messages.frontend import CommandLineInterface

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run(["pybabel", "-q", *args])
    finally:
        os.chdir(here)


def extract(output: Path = TEMPLATE) -> None:
    keys = [a for k in KEYWORDS for a in ("-k", k)]
    _pybabel("extract", "-F", str(MAPPING), *keys, f"--add-comments={COMMENT_TAG}", "--no-wrap",
             "--project=Mine Risk", "--copyright-holder=the Mine Risk authors", "-o", str(output), ".")


def update() -> None:
    if any(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        _pybabel("update", "-i", str(TEMPLATE), "-d", str(LOCALE_DIR), "-D", DOMAIN, "--no-wrap",
                 "--ignore-obsolete")


def compile_all() -> None:
    if any(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        _pybabel("compile", "-d", str(LOCALE_DIR), "-D", DOMAIN, "--statistics")


def template_ids(path: Path) -> set[tuple[str | None, str]]:
    """The (context, text) pairs of a .pot or .po file."""
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        catalogue = read_po(fh, locale=path.parent.parent.name if path.suffix == ".po" else None)
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalogue if m.id}


def _signature(path: Path) -> set:
    """What a template says to translators, where each text is used aside."""
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        return {(m.context, m.id, tuple(m.auto_comments)) for m in read_po(fh) if m.id}


def stale() -> tuple[set, set]:
    """(texts in the source but not in the template, texts in the template no longer in the source)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.pot"
        extract(fresh)
        now = template_ids(fresh)
    old = template_ids(TEMPLATE) if TEMPLATE.is_file() else set()
    return now - old, old - now


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.text.extract", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the template is out of date")
    args = parser.parse_args(argv)
    if args.check:
        missing, gone = stale()
        for ctx, text in sorted(missing, key=str):
            print(f"not in the template: {text!r}")
        for ctx, text in sorted(gone, key=str):
            print(f"no longer in the source: {text!r}")
        return 1 if missing or gone else 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.pot"
        extract(fresh)
        if not TEMPLATE.is_file() or _signature(fresh) != _signature(TEMPLATE):
            shutil.copyfile(fresh, TEMPLATE)  # the texts changed: new template, catalogues updated
            update()
    compile_all()
    print(f"{len(template_ids(TEMPLATE))} messages -> {TEMPLATE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
