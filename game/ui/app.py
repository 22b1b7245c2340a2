"""The game window and its main loop: ``run_game()`` is what ``minerisk`` starts.

The app owns the window, the theme (UI scale), the player's settings and
progress, and a stack of scenes. Frames run at up to 60 a second; in
headless runs (a frame limit from ``--frames`` or ``MINERISK_QUIT_AFTER_FRAMES``)
every frame advances the game by a fixed 1/60 s without waiting, so a run is
quick and repeatable. ``--screenshot`` saves the last frame.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pygame

from game import store, text
from game.atomic import write_atomic
from game.store.progress import Progress
from game.store.settings import Settings
from game.store.startup import open_data_folder
from game.text import _
from game.ui import icons
from game.ui.routes import ROUTES
from game.ui.scene_loading import load
from game.ui.sound import Sounds
from game.ui.theme import BG, Theme, reset_caches
from game.ui.widgets import probe_layer

QUIT_AFTER_ENV = "MINERISK_QUIT_AFTER_FRAMES"
FPS = 60


class App:
    """The window, the scene stack and the loop."""

    def __init__(self, size: tuple[int, int] | None = None, max_frames: int | None = None,
                 fixed_step: bool | None = None, language: str | None = None):
        open_data_folder()
        self.settings = Settings.load()
        # --lang for this run, else the player's choice, else the computer's language
        text.set_language(language or self.settings.language or text.system_language())
        self.progress = Progress.load()
        pygame.display.init()
        pygame.font.init()
        reset_caches()
        icons.reset()
        self.sounds = Sounds(self.settings.sound)
        self.tip_index = 0  # the next risk-education tip of the loading screen
        pygame.key.set_repeat(300, 40)
        self.screen = pygame.display.set_mode(size or self.settings.window, pygame.RESIZABLE)
        pygame.display.set_caption(_("Mine Risk"))
        self.theme = Theme(fit_scale(self.settings.ui_scale, self.screen.get_size()))
        self.scenes: list = []
        self.frame = 0
        self.max_frames = max_frames
        self.fixed_step = fixed_step if fixed_step is not None else (max_frames is not None)
        self.running = True
        self.clock = pygame.time.Clock()
        self.last_frame_ms = 0.0
        self.quiet = False  # True: tell file notices on stderr instead of a message (scripted runs)
        self._settings_failure = ""  # the last reason settings could not be saved, told once

    # -------------------------------------------------------------- scenes

    @property
    def scene(self):
        return self.scenes[-1] if self.scenes else None

    def push(self, scene) -> None:
        self.scenes.append(scene)

    def pop(self) -> None:
        if self.scenes:
            self.scenes.pop()
        if not self.scenes:
            self.running = False

    def replace(self, scene) -> None:
        if self.scenes:
            self.scenes.pop()
        self.scenes.append(scene)

    def reset_to(self, scene) -> None:
        """Leave every scene (closing running games) and show ``scene``."""
        for s in self.scenes:
            close = getattr(s, "close", None)
            if close:
                close()
        self.scenes = [scene]

    def make(self, key: str, loading: bool = False, **params):
        """Build the screen called ``key`` (game.ui.routes.ROUTES) without showing it; None if it could not
        be made. ``loading`` shows the "Preparing the map" screen while it builds."""
        build = lambda: ROUTES[key](self, **params)  # noqa: E731
        return load(self, build) if loading else build()

    def go(self, key: str, how: str = "push", loading: bool = False, **params):
        """Show the screen called ``key``: on top (``push``), instead of the current one (``replace``) or
        alone (``reset``, closing every running game). Returns the new scene, or None (nothing changes)
        if it could not be made."""
        scene = self.make(key, loading, **params)
        if scene is not None:
            {"push": self.push, "replace": self.replace, "reset": self.reset_to}[how](scene)
        return scene

    def set_ui_scale(self, scale: float) -> None:
        self.settings.ui_scale = scale
        self.fit_theme()
        self.save_settings()

    def fit_theme(self) -> None:
        """The theme at the chosen UI scale, or the largest that fits the window (see :func:`fit_scale`)."""
        scale = fit_scale(self.settings.ui_scale, self.screen.get_size())
        if self.theme.scale != scale:
            self.theme = Theme(scale)
    def set_language(self, code: str) -> None:
        """Switch the language now (no restart: every screen draws its words afresh) and save the choice."""
        self.settings.language = text.set_language(code)
        self.save_settings()
        pygame.display.set_caption(_("Mine Risk"))

    def toggle_sound(self) -> None:
        """Mute or unmute the sound effects (F9 anywhere, or the settings screen); saved at once."""
        self.settings.sound = self.sounds.toggle()
        self.save_settings()

    def save_settings(self) -> bool:
        """Save the settings; if that fails, say so once (for that reason) and offer to retry."""
        result = self.settings.save()
        if not result and result.reason != self._settings_failure:
            self._settings_failure = result.reason
            self.show_message(_("Settings not saved"), [_("Your settings could not be saved: {reason}. They "
                                                          "apply until you close the game.").format(
                reason=result.reason)], [
                (_("OK"), self.close_message, pygame.K_RETURN, "Enter", _("Close this message")),
                (_("Retry"), self._retry_settings, pygame.K_r, "R", _("Try to save the settings again"))])
        if result:
            self._settings_failure = ""
        return bool(result)

    def _retry_settings(self) -> None:
        self.close_message()
        self._settings_failure = ""
        self.save_settings()

    def show_message(self, title: str, sentences: list[str], choices=None) -> None:
        """Lay a message over the current screen (the player answers it with a button)."""
        self.go("message", title=title, sentences=sentences, choices=choices)

    def close_message(self) -> None:
        """Take the message on top away, if there is one."""
        if getattr(self.scene, "is_message", False):
            self.pop()

    def tell_file_notices(self) -> None:
        """Show what the store found wrong with the player's files (each once); the exact problems
        (``FILE:LINE:COL: message; hint``) go to the error output, for a teacher."""
        for detail in store.take_details():
            print(f"minerisk: {detail}", file=sys.stderr)
        sentences = store.take_notices()
        if not sentences:
            return
        if self.quiet or not self.scenes:
            for sentence in sentences:
                print(f"minerisk: {sentence}", file=sys.stderr)
            return
        self.show_message(_("About your saved files"), sentences)

    def next_tip(self) -> str:
        """The next risk-education key message, in turn (loading screens show one each)."""
        from game.content import key_messages

        messages = key_messages()
        if not messages:
            return ""
        text = messages[self.tip_index % len(messages)].text
        self.tip_index += 1
        return _(text)

    def quit(self) -> None:
        """Leave the game (the menu's Quit): like closing the window, a failed save keeps it open."""
        self.close_window()

    # ---------------------------------------------------------------- loop

    def step(self, dt: float | None = None) -> None:
        """One frame: events, update, draw, flip."""
        if dt is None:
            dt = 1.0 / FPS if self.fixed_step else min(0.1, self.clock.tick(FPS) / 1000.0)
        for event in pygame.event.get():
            self.dispatch(event)
        self.tell_file_notices()
        start = pygame.time.get_ticks()
        self.fit_theme()
        if self.scene is not None:
            self.scene.update(dt)
        self.draw()
        pygame.display.flip()
        self.last_frame_ms = pygame.time.get_ticks() - start
        self.frame += 1
        if self.max_frames is not None and self.frame >= self.max_frames:
            self.running = False

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.close_window()
            return
        if event.type == pygame.VIDEORESIZE:
            self.settings.window = (max(320, event.w), max(240, event.h))
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F9:
            self.toggle_sound()
            return
        if self.scene is not None:
            self.scene.handle(event)

    def close_window(self, save: bool = True) -> None:
        """The window's close button: save what must be saved; if a save fails, stay open and ask."""
        self.close_message()
        results = [s.on_quit() for s in self.scenes] if save else []
        if save and self.progress.unsaved:
            results.append(self.progress.save())
        failures = [r for r in results if r is not None and not r]
        if not failures:
            self.running = False
            return
        self.show_message(_("Your game could not be saved"), [
            _("Mine Risk could not write it: {reason}.").format(reason=failures[0].reason),
            _("If you quit now, what you did since your last save is lost. You can go back to the game and "
              "try again later.")], [
            (_("Back to the game"), self.close_message, pygame.K_ESCAPE, "Esc", _("Keep playing; nothing is lost")),
            (_("Retry"), self._retry_close, pygame.K_r, "R", _("Try to save again, then close")),
            (_("Quit without saving"), lambda: self.close_window(save=False), pygame.K_q, "Q",
             _("Close the game and lose the unsaved orders"))])

    def _retry_close(self) -> None:
        self.close_message()
        self.close_window()

    def draw(self) -> None:
        self.screen.fill(BG)
        if not self.scenes:
            return
        first = len(self.scenes) - 1
        while first > 0 and self.scenes[first].overlay:
            first -= 1
        for s in self.scenes[first:]:
            probe_layer(type(s).__name__)
            s.draw(self.screen)
        self.scene.draw_tooltips(self.screen)

    def run(self, screenshot: Path | None = None) -> int:
        while self.running and self.scenes:
            self.step()
        code = 0
        if screenshot is not None:
            code = save_screenshot(self.screen, screenshot)
        for s in self.scenes:
            close = getattr(s, "close", None)
            if close:
                close()
        result = self.settings.save()
        if not result:
            print(_("minerisk: your settings could not be saved: {reason}").format(reason=result.reason),
                  file=sys.stderr)
        if self.progress.unsaved:
            result = self.progress.save()
            if not result:
                print(_("minerisk: your progress could not be saved: {reason}").format(reason=result.reason),
                      file=sys.stderr)
                code = code or 1
        self.quiet = True  # the window is done: what is left to tell goes to the error output
        self.tell_file_notices()
        self.sounds.close()
        return code


def check_screenshot_target(path: Path) -> str:
    """Why ``--screenshot`` cannot write to ``path`` (a folder, a pipe, a read-only place), or ""."""
    from game.atomic import check_target
    from game.store.reasons import plain_reason

    try:
        check_target(path, any_file=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        probe = path.parent / f".{path.name}.probe.tmp"
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return plain_reason(exc)
    return ""


def save_screenshot(surface: pygame.Surface, path: Path) -> int:
    """Write the frame as a PNG with the careful writer; 0, or 1 with a plain error on stderr."""
    from game.store.reasons import plain_reason

    buffer = io.BytesIO()
    try:
        pygame.image.save(surface, buffer, "png")
        write_atomic(path, buffer.getvalue(), any_file=True)
    except (OSError, pygame.error) as exc:
        reason = plain_reason(exc) if isinstance(exc, OSError) else str(exc)
        print(_("minerisk: the screenshot could not be saved to {path}: {reason}").format(path=path, reason=reason),
              file=sys.stderr)
        return 1
    return 0


#: The smallest window, in interface pixels, the screens are laid out for (1280x720 at UI scale 2).
MIN_LAYOUT = (640, 360)


def fit_scale(chosen: float, size: tuple[int, int]) -> float:
    """The UI scale to use: the chosen one, or less (in steps of 0.25, never below 1) when the window is too
    small to lay the screens out at it (a 1024x600 window holds at most 1.5x; the settings screen says so)."""
    scale = float(chosen)
    while scale > 1.0 and (size[0] / scale < MIN_LAYOUT[0] or size[1] / scale < MIN_LAYOUT[1]):
        scale -= 0.25
    return max(1.0, scale)


def frames_from_env() -> int | None:
    raw = os.environ.get(QUIT_AFTER_ENV, "").strip()
    if not raw:
        return None
    try:
        return max(1, int(raw))
    except ValueError:
        return None


def run_game(level: str | Path | None = None, autoplay: str | None = None, frames: int | None = None,
             screenshot: Path | None = None, seed: int | None = None,
             size: tuple[int, int] | None = None, language: str | None = None, preview: str | None = None) -> int:
    """Open the window and play: the main menu, or straight into ``level`` (a path or a level id).

    ``preview`` ("briefing" or "debrief") shows that screen of ``level`` instead of playing it."""
    frames = frames if frames is not None else frames_from_env()
    if screenshot is not None:
        why = check_screenshot_target(Path(screenshot))
        if why:
            print(_("minerisk: cannot save a screenshot to {path}: {reason}").format(path=screenshot, reason=why),
                  file=sys.stderr)
            return 2
    app = App(size=size, max_frames=frames, language=language)
    app.quiet = autoplay is not None
    try:
        if level is None:
            app.go("menu")
        else:
            from game.run.levels import resolve_level

            path = resolve_level(str(level))
            if path is None:
                print(_("minerisk play: no level file or level id called '{level}'").format(level=level))
                return 2
            if preview is not None:
                if app.go(f"{preview}_preview", loading=True, path=path, seed=seed) is None:
                    return 2
            elif app.go("play", path=path, seed=seed, autoplay=autoplay) is None:
                return 2
        return app.run(screenshot)
    finally:
        pygame.quit()
