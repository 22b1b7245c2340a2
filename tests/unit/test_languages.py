"""The message catalogues: up to date with the source, complete, placeholders and plurals right, compiled.

Babel reads and checks every ``.po`` file; the game reads the compiled
``.mo`` files, so they must say the same. No pygame here.
"""

from __future__ import annotations

import gettext
import re
from io import BytesIO

import pytest
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

import game.text as text
from game.text import DOMAIN, LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE
from game.text.extract import TEMPLATE, stale, template_ids

TRANSLATED = [code for code in LANGUAGES if (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()]
PLACEHOLDER = re.compile(r"\{([a-z_]+)[^{}]*\}")
#: A count may be left out of a plural form that names it in words ("one item", Arabic's dual).
COUNTS = {"n", "right", "score"}


def _catalogue(code: str):
    with open(LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as fh:
        return read_po(fh, locale=code)


@pytest.fixture(autouse=True)
def english_after():
    yield
    text.set_language("en")


def test_the_template_lists_every_text_of_the_source():
    """`python -m game.text.extract` has been run: the template holds every text the game and the
    bundled campaign show, and nothing they no longer show."""
    missing, gone = stale()
    assert not missing, f"run `python -m game.text.extract`; not in the template: {sorted(missing, key=str)[:5]}"
    assert not gone, f"run `python -m game.text.extract`; no longer in the source: {sorted(gone, key=str)[:5]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_catalogue_is_complete_and_checked_by_babel(code):
    cat = _catalogue(code)
    template = template_ids(TEMPLATE)
    ids = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in cat if m.id}
    assert template <= ids, f"{code}: run `python -m game.text.extract`: {sorted(template - ids, key=str)[:3]}"
    untranslated = [m.id for m in cat if m.id and (not m.string or (isinstance(m.string, tuple)
                                                                     and not all(m.string)))]
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    assert not untranslated, f"{code}: {len(untranslated)} texts not translated, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy translations to confirm, e.g. {fuzzy[:3]}"
    errors = [(m.id, [str(e) for e in errs]) for m, errs in cat.check()]
    assert not errors, f"{code}: Babel's checks: {errors[:3]}"
    assert cat.num_plurals == get_plural(code).num_plurals, code


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_match_in_every_form(code):
    """A translation keeps every ``{placeholder}`` of the English (only a count may be said in words)."""
    wrong = []
    for m in _catalogue(code):
        if not m.id:
            continue
        ids = (m.id,) if isinstance(m.id, str) else m.id
        strings = (m.string,) if isinstance(m.string, str) else m.string
        wanted = set(PLACEHOLDER.findall(ids[0])) | set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            have = set(PLACEHOLDER.findall(s))
            if not have <= wanted or (wanted - COUNTS) - have or (len(strings) == 1 and wanted - have):
                wrong.append((ids[0], s))
    assert not wrong, f"{code}: placeholders differ: {wrong[:3]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_says_what_the_po_file_says(code):
    """The .mo file the game reads is the compilation of the .po file (`pybabel compile` was run)."""
    cat = _catalogue(code)
    fresh = BytesIO()
    write_mo(fresh, cat)
    fresh.seek(0)
    with open(LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as fh:
        shipped = gettext.GNUTranslations(fh)
    expected = gettext.GNUTranslations(fresh)
    assert shipped._catalog == expected._catalog, f"{code}: run `python -m game.text.extract` (compile)"


def test_every_language_has_a_babel_locale():
    for code in LANGUAGES:
        assert Locale.parse(code).language == code
    assert text.is_rtl("ar") and not any(text.is_rtl(c) for c in LANGUAGES if c != "ar")


def test_the_language_follows_the_system_and_falls_back_to_english():
    assert text.system_language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert text.system_language({"LANGUAGE": "km_KH:en", "LANG": "C"}) == "km"
    assert text.system_language({"LC_ALL": "uk_UA.UTF-8", "LANG": "fr_FR"}) == "uk"
    assert text.system_language({"LANG": "de_DE.UTF-8"}) == "en"
    assert text.system_language({"LANG": "C"}) == "en"
    assert text.set_language("pt_BR") == "en" and text.set_language("ar-EG") == "ar"


def test_a_switch_needs_no_restart():
    seen = []
    text.on_language_change(seen.append)
    text.set_language("qps")
    other = text._("Settings")
    text.set_language("en")
    assert seen[-2:] == ["qps", "en"] and other != "Settings" and text._("Settings") == "Settings"
