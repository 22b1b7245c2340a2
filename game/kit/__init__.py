"""The offline classroom install: the USB-stick kit, its checker, and the one-folder build.

- ``targets``: the systems, processors and Python versions a kit is made for;
- ``source``: the game's wheel built from the source checkout, and what it must contain;
- ``build``: ``build_kit(DIR)``, the kit (wheels, install scripts, guide, manifest);
- ``check``: ``check_kit(DIR)``, stand-alone (copied into the kit as check-kit.py);
- ``onefolder``: ``build_onefolder(DIR)``, PyInstaller's folder for computers without Python;
- ``templates/``: the install scripts, filled in by ``build``.

Nothing here imports pygame; making a kit needs the network (PyPI), installing one does not.
"""
