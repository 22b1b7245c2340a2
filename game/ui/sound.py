"""Short, calm sound effects (``assets/sounds/*.wav``) with a mute switch.

:class:`Sounds` starts ``pygame.mixer`` itself; when there is no audio
device (or the mixer fails in any way) it stays silent and every call is a
no-op, so the game never depends on sound. On SDL's dummy audio driver it
works and plays nothing audible. :attr:`Sounds.played` keeps the names of
the last effects asked for (what tests check), whether muted or not.
"""

from __future__ import annotations

from collections import deque

import pygame

from game.paths import assets_dir

#: The effects the game uses: name -> what it is for.
EFFECTS = {
    "order": "an order was accepted",
    "reject": "an order was refused",
    "find": "an item was found",
    "report": "a report or evidence came in",
    "alert": "a person from the villages was hurt",
    "accident": "a deminer was hurt",
    "success": "a level won, a right quiz answer",
}
VOLUME = 0.5


class Sounds:
    """The effects of one app; silent when muted or when no audio device exists."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled  # the player's setting (not muted)
        self.available = False  # a mixer is running
        self.played: deque[str] = deque(maxlen=50)
        self._effects: dict[str, pygame.mixer.Sound] = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(22050, -16, 1, 512)
            for name in EFFECTS:
                path = assets_dir() / "sounds" / f"{name}.wav"
                if path.is_file():
                    snd = pygame.mixer.Sound(str(path))
                    snd.set_volume(VOLUME)
                    self._effects[name] = snd
            self.available = True
        except (pygame.error, OSError, NotImplementedError, AttributeError):
            self._effects = {}
            self.available = False

    def play(self, name: str) -> None:
        """Play one effect (once; an effect already playing is not stacked)."""
        self.played.append(name)
        if not (self.enabled and self.available):
            return
        snd = self._effects.get(name)
        if snd is None:
            return
        try:
            if snd.get_num_channels() == 0:
                snd.play()
        except pygame.error:
            pass

    def toggle(self) -> bool:
        """Mute or unmute; returns whether sound is now on."""
        self.enabled = not self.enabled
        if not self.enabled and self.available:
            try:
                pygame.mixer.stop()
            except pygame.error:
                pass
        return self.enabled

    def close(self) -> None:
        if self.available:
            try:
                pygame.mixer.quit()
            except pygame.error:
                pass
        self.available = False
