"""What the programme costs a day and how long its money lasts, from the player's view.

Every deployed team is paid each day, busy or idle, and each quality
assurance task costs its daily rate on top (the simulation's
``game.sim.processors.costs.daily_cost`` on the player's side). The window's
top bar, the order preview and the alerts read these figures.
"""

from __future__ import annotations


def daily_burn(view, catalogue: dict) -> float:
    """US$ a day the programme as it stands costs: deployed teams' pay plus running quality assurance."""
    teams = sum(float(t.cost_per_day_usd) for t in view.teams if t.deployed)
    qa = float(catalogue["tasks"]["quality_assurance"]["cost_per_day_usd"])
    return teams + qa * sum(1 for t in view.tasks if t.kind == "quality_assurance")


def money_outlook(view, catalogue: dict) -> tuple[float, float]:
    """(US$ a day, days of money left at that rate; infinity when nothing is spent)."""
    per_day = daily_burn(view, catalogue)
    return per_day, (max(0.0, view.budget_usd) / per_day if per_day > 0 else float("inf"))
