"""The player's settings (``settings.json`` in the data folder): interface size, language,
hints, sound, window size.

A file this version does not understand in full (a wrong value, a newer
version) is set aside and the values it does understand are used (see
game/store/slots.py); keys this version does not know are kept when it saves.
A file without ``version`` is version 1 (the first releases wrote none).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from game.text import _
from game.store.folders import data_dir
from game.store.slots import SaveResult, Slot, Words, load_slot, save_slot, versioned_object

SETTINGS_VERSION = 1
UI_SCALES = (1.0, 1.5, 2.0)
_KNOWN = ("ui_scale", "language", "show_hints", "sound", "window", "auto_pause")


def _good_value(key: str, value: Any) -> bool:
    if key == "ui_scale":
        return value in UI_SCALES and not isinstance(value, bool)
    if key == "language":
        return isinstance(value, str) and (value == "" or (len(value) <= 20 and value.isidentifier()))
    if key in ("show_hints", "sound", "auto_pause"):
        return isinstance(value, bool)
    if key == "window":
        return (isinstance(value, list) and len(value) == 2
                and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
                and 320 <= value[0] <= 10000 and 240 <= value[1] <= 10000)
    return True


def _complete(data: dict) -> bool:
    """Whether every setting this version knows has a good value."""
    return all(_good_value(k, data[k]) for k in _KNOWN if k in data)


def settings_slot() -> Slot:
    accept = versioned_object(_complete, SETTINGS_VERSION)
    return Slot(data_dir() / "settings.json", "settings", "version", SETTINGS_VERSION, accept, Words(
        _("Your settings could not be read ({problem}). They were kept, unchanged, as {file} in the game's "
          "data folder; the settings that could not be read are back to normal."),
        _("Your settings were saved by a newer version of Mine Risk. They were kept as {file} in the game's "
          "data folder; the settings this version understands are used."),
        _("Your settings could not be read ({problem}) and could not be moved aside ({reason}). Mine Risk "
          "will not write over them, so changes to the settings are not saved.")))


@dataclass
class Settings:
    """What the player chose in the settings screen."""

    ui_scale: float = 1.0
    language: str = ""  # a game.text language code; "" follows the computer's language
    show_hints: bool = True
    auto_pause: bool = True  # alerts (a team idle, money low, a find...) stop time; on for new players
    sound: bool = True  # sound effects on (F9 or the settings screen mutes them)
    window: tuple[int, int] = (1280, 720)
    extra: dict = field(default_factory=dict, repr=False)  # keys of other versions, kept as they were

    @classmethod
    def load(cls) -> "Settings":
        """The saved settings, or the usual ones; a file that cannot be used is set aside (the player is told)."""
        found = load_slot(settings_slot())
        out = cls()
        data = found.data if isinstance(found.data, dict) else {}
        for key in _KNOWN:
            if key in data and _good_value(key, data[key]):
                setattr(out, key, tuple(data[key]) if key == "window" else data[key])
        out.ui_scale = float(out.ui_scale)
        if found.status == "ok":
            out.extra = {k: v for k, v in data.items() if k not in _KNOWN and k != "version"}
        return out

    def document(self) -> dict:
        values = asdict(self)
        values.pop("extra")
        values["window"] = list(self.window)
        return {**self.extra, "version": SETTINGS_VERSION, **values}

    def save(self) -> SaveResult:
        """Write the settings (keys of other versions kept); the result says why if the disk refused."""

        def build(disk: dict | None) -> dict:
            if disk:
                self.extra = {**{k: v for k, v in disk.items() if k not in _KNOWN and k != "version"},
                              **self.extra}
            return self.document()

        return save_slot(settings_slot(), build)
