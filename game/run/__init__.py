"""The run core: one run record, one headless session, verify. No pygame here.

Every client of a run uses this package: the game window, the command line,
the scripted players' runner, and the classroom and trainer tools.

- :mod:`game.run.seed` resolves the one seed of a run (truth and chance alike);
- :mod:`game.run.levels` finds a level by id and fingerprints everything that
  decides a run (level file, map, tilesets, the effective catalogue);
- :mod:`game.run.record` is the versioned run record (saved games, replays and
  hand-in results are this one format), read as strictly as a level file;
- :mod:`game.run.session` is the API for interactive clients: start or resume,
  ``apply``, ``step``, ``estimate``, and the changes since the client last asked;
- :mod:`game.run.verify` re-simulates a record and says whether it holds.

See docs/run-record.md and docs/architecture.md.
"""
