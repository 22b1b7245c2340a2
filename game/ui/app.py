"""The game window and its main loop: ``run_game()`` is what ``minerisk`` starts.

The app owns the window, the theme (UI scale), the player's settings and
progress, and a stack of scenes. Frames run at up to 60 a second; in
headless runs (a frame limit from ``--frames`` or ``MINERISK_QUIT_AFTER_FRAMES``)
every frame advances the game by a fixed 1/60 s without waiting, so a run is
quick and repeatable. ``--screenshot`` saves the last frame.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from game.text import _, set_language
from game.ui import icons
from game.ui.routes import ROUTES
from game.ui.scene_loading import load
from game.ui.sound import Sounds
from game.ui.storage import Progress, Settings
from game.ui.theme import BG, Theme, reset_caches

QUIT_AFTER_ENV = "MINERISK_QUIT_AFTER_FRAMES"
FPS = 60


class App:
    """The window, the scene stack and the loop."""

    def __init__(self, size: tuple[int, int] | None = None, max_frames: int | None = None,
                 fixed_step: bool | None = None):
        self.settings = Settings.load()
        set_language(self.settings.language)
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
        self.theme = Theme(self.settings.ui_scale)
        self.scenes: list = []
        self.frame = 0
        self.max_frames = max_frames
        self.fixed_step = fixed_step if fixed_step is not None else (max_frames is not None)
        self.running = True
        self.clock = pygame.time.Clock()
        self.last_frame_ms = 0.0

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
        self.theme = Theme(scale)
        self.settings.save()

    def toggle_sound(self) -> None:
        """Mute or unmute the sound effects (F9 anywhere, or the settings screen); saved at once."""
        self.settings.sound = self.sounds.toggle()
        self.settings.save()

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
        self.running = False

    # ---------------------------------------------------------------- loop

    def step(self, dt: float | None = None) -> None:
        """One frame: events, update, draw, flip."""
        if dt is None:
            dt = 1.0 / FPS if self.fixed_step else min(0.1, self.clock.tick(FPS) / 1000.0)
        for event in pygame.event.get():
            self.dispatch(event)
        start = pygame.time.get_ticks()
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
            for s in self.scenes:
                s.on_quit()
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.settings.window = (max(320, event.w), max(240, event.h))
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F9:
            self.toggle_sound()
            return
        if self.scene is not None:
            self.scene.handle(event)

    def draw(self) -> None:
        self.screen.fill(BG)
        if not self.scenes:
            return
        first = len(self.scenes) - 1
        while first > 0 and self.scenes[first].overlay:
            first -= 1
        for s in self.scenes[first:]:
            s.draw(self.screen)
        self.scene.draw_tooltips(self.screen)

    def run(self, screenshot: Path | None = None) -> int:
        while self.running and self.scenes:
            self.step()
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            pygame.image.save(self.screen, str(screenshot))
        for s in self.scenes:
            close = getattr(s, "close", None)
            if close:
                close()
        self.settings.save()
        self.sounds.close()
        return 0


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
             size: tuple[int, int] | None = None) -> int:
    """Open the window and play: the main menu, or straight into ``level`` (a path or a level id)."""
    frames = frames if frames is not None else frames_from_env()
    app = App(size=size, max_frames=frames)
    try:
        if level is None:
            app.go("menu")
        else:
            from game.run.levels import resolve_level

            path = resolve_level(str(level))
            if path is None:
                print(_("minerisk play: no level file or level id called '{level}'").format(level=level))
                return 2
            if app.go("play", path=path, seed=seed, autoplay=autoplay) is None:
                return 2
        return app.run(screenshot)
    finally:
        pygame.quit()
