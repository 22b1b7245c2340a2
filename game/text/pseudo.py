"""A test language, ``qps``: every text accented and 40% longer, placeholders kept.

It shows on screen what a real translation would break: a text that never
went through the catalogue stays plain ASCII (easy to find), and a layout
that only fits English overflows. The layout tests run every screen in it;
``minerisk --lang qps`` shows it by hand. It is never offered in the picker.
"""

from __future__ import annotations

import gettext
import math
import re

#: Every ASCII letter has an accented twin, so a plain ASCII word on screen is one that was not translated.
ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçďéƒĝĥîĵķĺḿñöþqŕšťûvŵxýžÅƁÇĎÉƑĜĤÎĴĶĹḾÑÖÞQŔŠŤÛVŴXÝŽ")
#: How much longer than English the test language is (translations often run 30-40% longer).
GROWTH = 0.4
_PLACEHOLDER = re.compile(r"(\{[^{}]*\})")
_WORD = re.compile(r"[A-Za-z]+")


def pseudo(text: str) -> str:
    """``text`` accented and lengthened word by word; ``{placeholders}`` and line breaks kept."""
    out = []
    for part in _PLACEHOLDER.split(text):
        if _PLACEHOLDER.fullmatch(part):
            out.append(part)
        else:
            out.append(_WORD.sub(_stretch, part).translate(ACCENTED))
    return "".join(out)


def _stretch(match: re.Match) -> str:
    word = match.group(0)
    extra = math.ceil(len(word) * GROWTH)
    vowel = next((c for c in word if c.lower() in "aeiouy"), word[-1])
    i = word.index(vowel)
    return word[:i + 1] + vowel.lower() * extra + word[i + 1:]


class PseudoTranslations(gettext.NullTranslations):
    """The ``qps`` catalogue: made on the fly from the English texts."""

    def gettext(self, message):
        return pseudo(message)

    def ngettext(self, msgid1, msgid2, n):
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context, message):
        return pseudo(message)

    def npgettext(self, context, msgid1, msgid2, n):
        return pseudo(msgid1 if n == 1 else msgid2)
