"""The alert banner's memory: which alerts show over the map now, for how long, and which the player has read.

Each alert (a ``game.run.alerts.Alert``: one new fact, such as a team that
fell idle, a find, money crossing a threshold) shows once. It stays in the
banner while time runs long enough to be read (a few seconds of the player's
own time, longer for a longer sentence, whatever the game's speed), then it
is read and leaves; the news list keeps it. It is read sooner when the
player goes on after time stood still with it in view (Space, a speed
button), or closes the banner. A read alert never shows again, and a new
banner shows only what the player has not read yet. No pygame: the play
screen ticks it each frame and draws :attr:`AlertBanner.alerts`.

An alert is about now: one whose fact no longer holds (a team said to be
idle has work again, or was sent home) leaves the banner as soon as the play
screen looks (:meth:`AlertBanner.drop_untrue`), and one from an earlier day
says how many days ago it was (:func:`alert_line`): at 8x a week passes in
the seconds it takes to read it.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from game.text import _, ngettext

#: Seconds of running time an alert stays in view at least, and at most.
READ_MIN_S = 4.0
READ_MAX_S = 8.0
#: Reading speed assumed for the time an alert stays (characters a second, for slow readers).
READ_CHARS_PER_S = 15.0
#: At most this many alerts in the banner (the banner itself shows those that fit; the news keeps all).
MOST = 6


def alert_key(alert: Any) -> tuple:
    """What makes an alert the same one (an Alert's parameters are a dict: not hashable)."""
    return alert.code, alert.day, tuple(sorted((k, repr(v)) for k, v in alert.params.items()))


def reading_seconds(text: str) -> float:
    """How long a sentence stays in view while time runs (seconds of the player's time)."""
    return min(READ_MAX_S, max(READ_MIN_S, len(text) / READ_CHARS_PER_S))


def alert_line(alert: Any, today: int, text: str) -> str:
    """An alert's line in the banner: its day, and how long ago that was when it was not today."""
    ago = today - alert.day
    if ago <= 0:
        return _("Day {day}: {text}").format(day=alert.day, text=text)
    return ngettext("Day {day}, {n} day ago: {text}", "Day {day}, {n} days ago: {text}", ago).format(
        day=alert.day, n=ago, text=text)


def no_longer_true(alert: Any, view: Any) -> bool:
    """Whether what an alert says has stopped being so: a team said to be idle has a task again or was sent
    home."""
    if alert.code == "team_idle":
        team = next((t for t in view.teams if t.name == alert.params.get("team")), None)
        return team is None or not team.deployed or team.task_kind is not None
    return False


class AlertBanner:
    """The alerts showing over the map (newest first) and the ones the player has read."""

    def __init__(self, words: Callable[[Any], str]):
        self.alerts: list = []
        self._words = words  # an alert in words (to know how long it takes to read)
        self._in_view: dict[tuple, float] = {}  # key -> seconds it has been in view while time ran
        self._needs: dict[tuple, float] = {}  # key -> seconds it needs to be read
        self._read: set[tuple] = set()

    def add(self, alerts: Iterable[Any]) -> list:
        """Put the alerts not shown before at the top of the banner; answers those (an empty list: nothing
        new). Alerts already read leave the banner to make room."""
        showing = {alert_key(a) for a in self.alerts}
        fresh = []
        for a in alerts:
            k = alert_key(a)
            if k not in self._read and k not in showing:
                showing.add(k)
                fresh.append(a)
                self._in_view[k] = 0.0
                self._needs[k] = reading_seconds(self._words(a))
        if fresh:
            kept = [a for a in self.alerts if alert_key(a) not in self._read]
            self.alerts = fresh + kept
            for a in self.alerts[MOST:]:  # pushed out: the news has them
                self._forget(alert_key(a))
            del self.alerts[MOST:]
        return fresh

    def tick(self, seconds: float) -> None:
        """Time ran for ``seconds`` with the banner in view: each alert that has been in view long enough
        to read is read and leaves."""
        if not self.alerts:
            return
        stay = []
        for a in self.alerts:
            k = alert_key(a)
            self._in_view[k] = self._in_view.get(k, 0.0) + seconds
            if self._in_view[k] >= self._needs.get(k, READ_MIN_S):
                self._forget(k)
            else:
                stay.append(a)
        self.alerts = stay

    def drop_untrue(self, view: Any) -> None:
        """Alerts whose fact no longer holds in ``view`` leave the banner (the news keeps them)."""
        gone = [a for a in self.alerts if no_longer_true(a, view)]
        for a in gone:
            self._forget(alert_key(a))
        if gone:
            self.alerts = [a for a in self.alerts if a not in gone]

    def read_all(self) -> None:
        """The player went on after time stood still with the banner in view: what it shows is read (it stays
        until its time is up, or a new alert takes its place)."""
        self._read.update(alert_key(a) for a in self.alerts)

    def close(self) -> None:
        """The player closed the banner: everything in it is read and it empties."""
        for a in self.alerts:
            self._forget(alert_key(a))
        self.alerts = []

    def _forget(self, key: tuple) -> None:
        self._read.add(key)
        self._in_view.pop(key, None)
        self._needs.pop(key, None)

    def seconds_in_view(self, alert: Any) -> float:
        """How long an alert in the banner has been in view while time ran."""
        return self._in_view.get(alert_key(alert), 0.0)
