"""Numbers, money, areas and durations as a student reads them, in one style.

Every number the player reads goes through here, so a language can format
them its own way (grouping, decimal sign) in one place. Areas are in m² (km²
from a square kilometre up), money in US dollars, durations in days with real
plurals.
"""

from __future__ import annotations

from game.text import _, ngettext


def number(value: float, decimals: int = 0) -> str:
    """A number with thousands grouped: 12,500 (or 3.5 with ``decimals=1``)."""
    return f"{value:,.{decimals}f}"


def money(usd: float) -> str:
    """An amount of US dollars, rounded to the dollar: US$12,500 (a minus sign before it when negative)."""
    sign = "-" if usd < -0.5 else ""
    return _("US${amount}").format(amount=number(abs(usd))) if not sign else \
        "-" + _("US${amount}").format(amount=number(abs(usd)))


def area(m2: float) -> str:
    """An area: 1,200 m² below a square kilometre, 1.25 km² from one up."""
    if abs(m2) >= 1_000_000:
        return _("{value} km²").format(value=number(m2 / 1_000_000, 2))
    return _("{value} m²").format(value=number(m2))


def days(n: float) -> str:
    """A duration in whole days with a real plural: 1 day, 12 days."""
    whole = int(round(n))
    return ngettext("{n} day", "{n} days", whole).format(n=number(whole))


def percent(share: float) -> str:
    """A share as a whole percentage: 0.2 -> 20%."""
    return _("{value}%").format(value=number(share * 100))
