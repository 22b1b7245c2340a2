"""Frame-time benchmark of the play screen (for ``minerisk bench``; never asserted in tests).

The largest shipped map at 1280x720, every overlay on, the land-release
scripted player giving orders and the simulation at 8x. Reports the median
and 99th-percentile frame, the median frame as a multiple of one full-screen
blit measured in the same run (a machine-independent figure), and the worst
frame in which a simulated day was stepped.
"""

from __future__ import annotations

import os
import statistics
import time

TARGET_MS = 8.0


def _full_screen_blit_ms(screen, samples: int = 200) -> float:
    import pygame

    src = pygame.Surface(screen.get_size()).convert()
    src.fill((40, 80, 40))
    times = []
    for _ in range(samples):
        t0 = time.perf_counter()
        screen.blit(src, (0, 0))
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000.0


def bench_frames(repeats: int = 600, level: str = "the_sector", policy: str = "land_release") -> dict:
    """Time ``repeats`` play-screen frames (after a warm-up); figures in milliseconds."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.run.levels import resolve_level
    from game.ui.app import App

    repeats = max(60, int(repeats))
    app = App(size=(1280, 720), max_frames=None, fixed_step=True)
    from game.ui.theme import Theme

    app.theme = Theme(1.0)  # the player's UI scale must not change the figures
    try:
        path = resolve_level(level)
        scene = app.go("play", path=path, autoplay=policy)
        if scene is None:
            raise SystemExit(f"bench_frames: cannot start {level} with {policy}")
        o = scene.renderer.overlays
        o.status = o.evidence = o.teams = o.villages = o.marked = True
        scene.set_speed(8)
        for _ in range(120):  # warm-up: caches, first orders
            app.step(1.0 / 60)
        frames, day_frames = [], []
        for _ in range(repeats):
            days = scene.days_stepped
            t0 = time.perf_counter()
            app.step(1.0 / 60)
            ms = (time.perf_counter() - t0) * 1000.0
            frames.append(ms)
            if scene.days_stepped != days:
                day_frames.append(ms)
            if app.scene is not scene:
                break
        blit = _full_screen_blit_ms(app.screen)
        frames.sort()
        median = statistics.median(frames)
        return {"level": scene.link.level.id, "size": "1280x720", "zoom_px": scene.renderer.camera.cell_px,
                "frames": len(frames), "days_stepped": scene.days_stepped, "target_ms": TARGET_MS,
                "median_ms": round(median, 3), "p99_ms": round(frames[min(len(frames) - 1,
                                                                          int(len(frames) * 0.99))], 3),
                "full_blit_ms": round(blit, 3), "median_over_blit": round(median / blit, 2) if blit else None,
                "worst_day_frame_ms": round(max(day_frames), 3) if day_frames else None}
    finally:
        for s in app.scenes:
            close = getattr(s, "close", None)
            if close:
                close()
        pygame.quit()


if __name__ == "__main__":
    import json

    print(json.dumps(bench_frames(), indent=2))
