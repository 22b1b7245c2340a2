"""Helpers of the UI tests: post real pygame events and run frames."""

from __future__ import annotations

import pygame


def frames(app, n: int = 1) -> None:
    for _ in range(n):
        app.step(1.0 / 60)


def key(app, k: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0))
    frames(app)


def click(app, pos, button: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
    frames(app)


def drag(app, start, end, button: int = 1, steps: int = 4) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=button))
    frames(app)
    for i in range(1, steps + 1):
        p = (start[0] + (end[0] - start[0]) * i // steps, start[1] + (end[1] - start[1]) * i // steps)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=p, rel=(0, 0), buttons=(button == 1, 0, 0)))
        frames(app)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=button))
    frames(app)


def button(scene, label: str):
    """The button of the current frame with this label (or tooltip text)."""
    for b in scene.bar.buttons:
        if b.label == label:
            return b
    raise AssertionError(f"no button {label!r}: {[b.label for b in scene.bar.buttons]}")
