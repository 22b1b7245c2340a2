"""The screens of the game by name: the one place that knows every scene class.

Scenes never import each other: a scene names the next screen by its key
(``app.go("debrief", play=self)``) and :class:`~game.ui.app.App` builds it
from this table. Only ``app.py`` imports this module, so the scene modules
form no import circle (``tests/ui/test_import_cycles.py`` checks it).

Each route is a function ``(app, **params) -> Scene | None``; None means the
screen could not be made (a level that fails to load, a save that no longer
replays), and the caller says so to the player.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ui.scene_briefing import BriefingScene
from game.ui.scene_checkin import CheckinScene
from game.ui.scene_debrief import DebriefScene
from game.ui.scene_glossary import GlossaryScene
from game.ui.scene_handin import HandInScene
from game.ui.scene_install import InstallScene
from game.ui.scene_menu import MenuScene
from game.ui.scene_message import MessageScene
from game.ui.scene_pause import PauseScene
from game.ui.scene_play import PlayScene
from game.ui.scene_quiz import QuizScene
from game.ui.scene_settings import SettingsScene
from game.ui.scene_student import StudentScene


def _quiz(app, play):
    """The risk-education quiz after a tutorial level; None when there is no quiz to ask."""
    return QuizScene(app, play) if QuizScene.available() else None


ROUTES: dict[str, Callable[..., object]] = {
    "menu": MenuScene,
    "briefing": BriefingScene.create,  # path
    "play": PlayScene.start,  # path, seed, autoplay, fresh_seed
    "resume": PlayScene.resume,  # saved (a RunRecord)
    "pause": PauseScene,  # play
    "settings": SettingsScene,
    "glossary": GlossaryScene,
    "quiz": _quiz,  # play
    "debrief": DebriefScene,  # play
    "briefing_preview": BriefingScene.create_preview,  # path, seed: a trainer's preview, nothing played
    "debrief_preview": DebriefScene.create_preview,  # path, seed: after a scripted run, nothing saved
    "message": MessageScene,  # title, sentences, choices: what happened to the player's files
    "student": StudentScene,  # the name and class code (game/classroom)
    "handin": HandInScene,  # hand in results to a USB stick
    "install": InstallScene,  # install a level pack into My levels
    "checkin": CheckinScene,  # stage, then: the check-in quiz before the first level and after the campaign
}
