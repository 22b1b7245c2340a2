"""The play screen: the map, the HUD, the side panel, time controls and the order flow.

Input becomes orders here and only here: :meth:`PlayScene.submit` is the one
path to the simulation, used by the confirm button, the Enter key and the
autoplay driver alike. The scene reads ``link.view`` and never changes state
itself.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.classroom.student import player_fields
from game.text import Later, _
from game.text.formats import number
from game.level import LevelError
from game.store.saves import delete_save, write_save
from game.ui import icons, play_hud
from game.ui import theme as th
from game.ui.map_renderer import MapRenderer
from game.run.order_draft import OrderDraft, action_of
from game.ui.actions import ACTION_INFO
from game.ui.play_draw import PlayDraw
from game.ui.play_input import PlayInput
from game.run.levels import find_level, resolve_level
from game.run.record import RunRecord
from game.run.session import ResumeError
from game.ui.scene import Scene
from game.ui.widgets import Scroller
from game.run.alerts import AlertWatch
from game.text.alerts import alert_text
from game.ui.alert_banner import AlertBanner
from game.run.tutorial import Tutorial
from game.text.events import event_text
from game.ui.sim_link import GameLink

#: Simulated days between two automatic saves while time runs (orders and pauses save at once).
AUTOSAVE_DAYS = 30

#: News events that make a sound, most important first (one sound a day at most).
EVENT_SOUNDS = (("accident", "accident"), ("incident", "alert"), ("find", "find"), ("evidence", "report"))


class PlayScene(PlayInput, PlayDraw, Scene):
    """A level being played: the link to its simulation, the order being drafted, time and the tutorial."""

    def __init__(self, app, link: GameLink, autoplay=None):
        super().__init__(app)
        self.link = link
        self.renderer = MapRenderer(link.scenario.map.path, link.scenario.map, link.view.land_use)
        self.cursor = link.session.cursor()  # what of the run this screen has drawn (session.changes)
        self.version = 0  # counts the changes taken, so per-frame words are built once per change
        self.zone_objects = [o for o in link.scenario.map.objects if o.kind != "team_base"]
        teams = link.teams()
        self.selected: str | None = teams[0].name if teams else None
        self.draft: OrderDraft | None = None
        self.message: tuple[str, tuple] | None = None
        self.hire_open = False
        self.speed = 1
        self.paused = True
        self.acc = 0.0
        self.news: list[tuple[int, str, str, str | None]] = []  # day, kind, text, icon
        self._drag: dict | None = None
        self._zone_index = -1
        self._end_armed = False
        self.truth = None
        self.speed_left = 0
        self.mouse_pos = (0, 0)  # last pointer position seen in an event
        self.days_stepped = 0
        self.autoplay = autoplay
        self._autoplay_day = 0
        self.tutorial = (Tutorial(link.level.tutorial, self._area_covers)
                         if link.level.tutorial and autoplay is None else None)
        if self.tutorial is not None:
            self.selected = None  # the tutorial asks the student to pick the first team
        self.team_scroll = 0  # first row of the team list
        self._list_selected: str | None = None
        self.team_list_rect = pygame.Rect(0, 0, 0, 0)
        self.quiz_score: tuple[int, int] | None = None  # set by the quiz after a tutorial level
        self.panel_scroll = Scroller()  # the side panel scrolls when it is taller than the window
        self.hud_tips: list = []  # (rect, text) of the top bar's items, for tooltips
        self.team_tips: list = []  # (rect, team) of the team rows
        self.order_box_rect = pygame.Rect(0, 0, 0, 0)
        self.banner = AlertBanner(lambda a: alert_text(a, self.link.names, self._level_text))
        self.alert_watch = AlertWatch(link.view, link.level.catalogue)
        self.end_shown = False  # the end-of-level moment is showing
        self.orders_sent = 0  # the player's accepted orders on this screen (the hint goes after the first)
        self._saved_at: tuple[int, int] | None = None  # (day, commands) of the run when it was last saved
        self._save_due = False  # time ran AUTOSAVE_DAYS days, or an alert stopped it, since the last save
        self._autosave_warned = False
        self._sync(quiet=True)
        self._layout(app.screen.get_size())
        if autoplay is not None:
            self.paused, self.speed = False, 8

    @property
    def alerts(self) -> list:
        """The alerts showing over the map now (game.run.alerts.Alert), newest first."""
        return self.banner.alerts

    @property
    def auto_pause(self) -> bool:
        """Whether alerts stop time (a setting, on for new players; never for a scripted player)."""
        return self.autoplay is None and bool(self.app.settings.auto_pause)

    zones_stale = True

    def refresh_zones(self) -> None:
        """The zones' states for their labels, if anything changed since they were last worked out."""
        if self.zones_stale:
            self.zones_stale = False
            self.renderer.zone_states = self.link.zone_states()

    def zone_state(self, zone: str) -> str:
        """A zone's state in words, for its tooltip ("" for places that are not suspected areas)."""
        from game.text.zones import zone_tooltip

        self.refresh_zones()
        return zone_tooltip(self.renderer.zone_states.get(zone))

    # ------------------------------------------------------------ creation

    @classmethod
    def start(cls, app, path: Path, seed: int | None = None, autoplay: str | None = None,
              fresh_seed: bool = False) -> "PlayScene | None":
        """A new run of the level; a campaign attempt (``fresh_seed``) draws a seed of its own, so what a
        debrief showed never tells where the items of the next attempt are."""
        try:
            link = GameLink.open(path, seed, fresh_seed=fresh_seed and seed is None, player=player_fields(),
                                 policy=autoplay or None)  # the record says a scripted player played it
        except LevelError as exc:
            print("\n".join(str(p) for p in exc.problems))
            return None
        driver = None
        if autoplay:
            driver = link.policy(autoplay)
            if driver is None:
                from game.policies import POLICIES

                known = ", ".join(sorted(POLICIES)) or _("none yet")
                print(_("minerisk play: no scripted player called '{name}' (known: {known})").format(
                    name=autoplay, known=known))
                link.close()
                return None
        return cls(app, link, driver)

    @classmethod
    def resume(cls, app, saved: RunRecord) -> "PlayScene | None":
        """The saved game, found by its level's id and replayed; None if its level is missing or changed."""
        path = find_level(saved.level_id)
        if path is None:
            return None
        try:
            link = GameLink.resume(saved, path)
        except (LevelError, ResumeError, OSError):
            return None
        scene = cls(app, link)
        scene._saved_at = (saved.day, len(saved.commands))  # what the slot holds now
        scene.message = (Later(lambda: _("Game resumed on day {day}.").format(day=number(link.day))), th.GOOD)
        return scene

    def close(self) -> None:
        self.link.close()

    def saved_game(self) -> RunRecord:
        return self.link.session.record()

    def save(self):
        """Save the game in its level's slot; the result (false, with a reason in words, if it failed)."""
        result = write_save(self.saved_game())
        if not result:
            self.message = (Later(lambda: _("Your game could not be saved: {reason}.").format(reason=result.reason)),
                            th.BAD)
        return result

    def keep_saved(self) -> None:
        """Keep this run's saved game level with play: after every accepted order, whenever time stops and
        every AUTOSAVE_DAYS days while it runs. The hidden ordnance of an attempt is fixed by its seed, so a
        saved game left behind while play went on would let a student go back to it after seeing where items
        were found or went off, and replay what nobody could have known; a crash or a killed game now goes
        back a few days at most. Scripted players (autoplay) save only when the window closes."""
        self._save_due = False
        if self.autoplay is not None or self.link.ended:
            return
        record = self.saved_game()
        key = (record.day, len(record.commands))
        if key == self._saved_at or not any(c.outcome.accepted for c in record.commands):
            return
        result = write_save(record)
        if result:
            self._saved_at = key
        elif not self._autosave_warned:  # said once: the same message every month would drown the news
            self._autosave_warned = True
            self.message = (Later(lambda: _("Your game could not be saved: {reason}.").format(reason=result.reason)),
                            th.BAD)

    def give_up(self) -> None:
        """End this attempt without a grade: its saved game is deleted, so the next attempt draws new hidden
        ordnance (a fresh seed) and nothing learnt in this one carries over."""
        delete_save(self.link.level.id, self.link.session.run_id)
        self._saved_at = None

    def on_quit(self):
        """The window is closing: save an unfinished game; the result, or None when there was nothing to save."""
        if not self.link.ended and self.link.accepted:
            return self.save()
        return None

    # ---------------------------------------------------------- the orders

    def select_team(self, name: str) -> None:
        self.selected = name
        self.hire_open = False
        if self.draft is not None:
            self.draft.fit_team(self.link.session, name)
            self.draft.refresh(self.link.session)
        if self.tutorial is not None:
            self._tutorial_moved(self.tutorial.on_select(name))

    def begin_order(self, action: str) -> None:
        self.hire_open = False
        self.message = None
        self.draft = OrderDraft(action)
        self.draft.fit_team(self.link.session, self.selected)
        if self.draft.team:
            self.selected = self.draft.team
        if not self.draft.needs_area:
            self.draft.refresh(self.link.session)

    def cancel_order(self) -> None:
        self.draft = None

    def set_draft_area(self, area) -> None:
        if self.draft is not None:
            self.draft.set_area(self.link.session, area)

    def confirm_order(self) -> None:
        if self.draft is None or not self.draft.ready():
            return
        answer = self.submit(self.draft.command(self.link.day))
        if answer.accepted:
            self.draft = None

    def submit(self, cmd):
        """Send one order to the simulation (the one path for the player and for autoplay)."""
        answer = self.link.submit(cmd)
        if answer.accepted:
            self.orders_sent += self.autoplay is None
            self.message = (Later(lambda: _("Order accepted. {note}").format(note=answer.reason) if answer.reason
                                  else _("Order accepted.")), th.GOOD)
            self.sound("order")
        else:
            self.message = (Later(lambda: _("Refused: {reason}").format(reason=answer.reason)), th.BAD)
            self.news.append((self.link.day, "refused", self.message[0], None))
            self.sound("reject")
        self._sync()
        if answer.accepted:
            self.keep_saved()
        if answer.accepted and self.tutorial is not None:
            kind, area = action_of(cmd)
            self._tutorial_moved(self.tutorial.on_order(kind, area, getattr(cmd, "team", None)))
        return answer

    def toggle_hire(self) -> None:
        self.draft = None
        self.hire_open = not self.hire_open

    def hire(self, index: int) -> None:
        kinds = self.link.view.hireable
        self.hire_open = False
        if 0 <= index < len(kinds):
            answer = self.link.hire(kinds[index])
            self._answer(answer, "hire")
            if answer.accepted and answer.team:
                self.selected = answer.team

    def toggle_pace(self) -> None:
        team = self.link.view.team(self.selected) if self.selected else None
        if team is not None:
            self._answer(self.link.set_pace(team.name, "rushed" if team.pace == "sop" else "sop"))

    def stop_team(self) -> None:
        if self.selected:
            self._answer(self.link.stop(self.selected))

    def end_level(self) -> None:
        if not self._end_armed:
            self._end_armed = True
            self.message = (Later(lambda: _("Press End again to end the level now.")), th.ACCENT)
            return
        self._answer(self.link.end_level(), "end_level")

    def _answer(self, answer, kind: str | None = None) -> None:
        if answer.accepted:
            self.message = (Later(lambda: _("Done. {note}").format(note=answer.reason) if answer.reason
                                  else _("Done.")), th.GOOD)
            self.sound("order")
        else:
            self.message = (Later(lambda: _("Refused: {reason}").format(reason=answer.reason)), th.BAD)
            self.sound("reject")
        self._sync()
        if answer.accepted:
            self.keep_saved()
        if answer.accepted and kind is not None and self.tutorial is not None:
            self._tutorial_moved(self.tutorial.on_order(kind))

    # ------------------------------------------------------------ tutorial

    def _area_covers(self, area, zone: str) -> bool:
        """Whether an order's area is the zone, or a rectangle over at least half of it."""
        if area == zone:
            return True
        if not isinstance(area, tuple):
            return False
        mine, theirs = self.link.area_cells(area), self.link.area_cells(zone)
        if mine is None or theirs is None or not theirs.any():
            return False
        return int((mine & theirs).sum()) * 2 >= int(theirs.sum())

    def tutorial_next(self) -> None:
        """The Next button of a ``continue`` step."""
        if self.tutorial is not None:
            self._tutorial_moved(self.tutorial.next())

    def _tutorial_moved(self, moved: bool) -> None:
        """A step was done: a soft tick, and time stops if the new step is one to read and act on."""
        if not moved:
            return
        self.sound("day")
        if self.tutorial.wants_pause():
            self.paused = True
            self.acc = 0.0

    def sound(self, name: str) -> None:
        """Play an effect (not for scripted players, whose orders are not the student's)."""
        if self.autoplay is None:
            self.app.sounds.play(name)

    # ---------------------------------------------------------------- time

    paused_by_alert = False

    def toggle_pause(self) -> None:
        self.paused = not self.paused
        if self.paused:
            self.keep_saved()
        else:
            self.paused_by_alert = False
            self._alerts_read()

    def _alerts_read(self) -> None:
        """Time runs on after it stood still with the banner in view: its alerts are read; a later banner will
        not repeat them (they stay in view until their time is up, and in the news)."""
        self.banner.read_all()

    def dismiss_alerts(self) -> None:
        """Close the alert banner (the news keeps what it said)."""
        self.banner.close()
        self.paused_by_alert = False

    def set_speed(self, speed: int) -> None:
        self.speed = speed
        if self.paused:
            self._alerts_read()
        self.paused = False

    def change_speed(self, steps: int) -> None:
        speeds = play_hud.SPEEDS
        i = speeds.index(self.speed) if self.speed in speeds else 0
        self.set_speed(speeds[min(len(speeds) - 1, max(0, i + steps))])

    def open_pause_menu(self) -> None:
        self.keep_saved()
        self.app.go("pause", play=self)

    def toggle_overlay(self, name: str) -> None:
        o = self.renderer.overlays
        setattr(o, name, not getattr(o, name))

    def step_day(self) -> None:
        self.link.step_day()
        self.days_stepped += 1
        self._sync()
        if self.tutorial is not None:
            self._tutorial_moved(self.tutorial.on_day(self.link.day))

    def _level_text(self, index: int) -> str:
        """The text of the level's scripted event number ``index`` (a message, a funding note)."""
        events = self.link.level.events
        return _(events[index].message) if 0 <= index < len(events) else ""

    def _sync(self, quiet: bool = False) -> None:
        """Take what changed in the run since this screen last looked (session.changes): patch the map
        picture for the changed cells only, put the new events in the news, work out the zones' states,
        and raise the alerts (which may stop time)."""
        changes = self.link.session.changes(self.cursor)
        self.version += 1
        view = self.link.view
        self.renderer.sync(view, changes)
        if changes.full or len(changes.cells) or changes.events:
            self.zones_stale = True  # worked out once at the next frame, however many orders came before it
        self._take_news(changes.events, quiet)
        if self.draft is not None and self.draft.ready():
            self.draft.refresh(self.link.session)
        alerts = self.alert_watch.check(view, changes.events)
        self.banner.drop_untrue(view)  # an alert is about now: one whose fact no longer holds leaves
        if alerts and not quiet:
            alerts = self.banner.add(alerts)  # each fact once: the new alerts on top of those not read yet
            if self.auto_pause and any(a.pauses for a in alerts) and not self.paused:
                self.paused = True
                self.acc = 0.0
                self.paused_by_alert = True
                self._save_due = True  # saved on the next frame: this one already worked out a day

    def _take_news(self, events, quiet: bool = False) -> None:
        """New events into the news list (day, kind, text, icon), with one sound for the most important."""
        new = [e for e in events if e.code != "order"]
        for e in new:
            text = Later(lambda e=e: event_text(e, self.link.names, self._level_text))  # worded when shown
            self.news.append((e.day, e.code, text, icons.event_icon(e.code, e.params)))
        del self.news[:-200]
        if not new or quiet:
            return
        kinds = {e.code for e in new}
        for kind, effect in EVENT_SOUNDS:
            if kind in kinds:
                self.sound(effect)
                break
        if self.tutorial is not None:
            self._tutorial_moved(self.tutorial.on_events(new))

    def update(self, dt: float) -> None:
        self._scroll_keys(dt)
        if self.link.ended:
            if self.tutorial is not None:
                self.tutorial.on_level_end()
            if self.autoplay is None and self.link.session.end_reason != "player":
                if not self.end_shown:  # the end-of-level moment: why it ended, then the debrief
                    self.end_shown = True
                    self.paused = True
                    self.draft = None
                    self.sound("day")
                return
            self._finish()
            return
        if self.autoplay is not None and self._autoplay_day != self.link.day:
            self._autoplay_day = self.link.day
            for cmd in self.autoplay.decide(self.link.view):
                self.submit(cmd)
        if self._save_due:  # a frame of its own: never the same frame as a simulated day
            self.keep_saved()
            return
        if not self.paused:
            self.banner.tick(dt)  # alerts in view while time runs are read after a few seconds, then leave
            self.acc += dt * self.speed
            if self.acc >= 1.0:  # at most one day a frame keeps frames short
                self.acc = min(self.acc - 1.0, 1.0)
                self.step_day()
                if self.link.day - (self._saved_at[0] if self._saved_at else 1) >= AUTOSAVE_DAYS:
                    self._save_due = True

    def to_debrief(self) -> None:
        """From the end-of-level moment on to the quiz (after a tutorial) or the debrief."""
        if self.link.ended:
            self._finish()

    def _finish(self) -> None:
        delete_save(self.link.level.id, self.link.session.run_id)  # this run's save only: other levels keep theirs
        if self.tutorial is None or self.app.go("quiz", how="replace", play=self) is None:
            self.app.go("debrief", how="replace", play=self)  # (after a tutorial: the quiz, then the debrief)

__all__ = ["PlayScene", "resolve_level", "ACTION_INFO"]
