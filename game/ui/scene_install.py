"""Install levels: put a teacher's level pack into My levels from inside the game.

The screen lists the level packs (``*.minerisk.zip``) found on the USB sticks
plugged in and in the Downloads and Desktop folders (game/classroom/pack_places.py),
newest first, chosen with the arrow keys or the mouse; a folder (or a pack
file of any name) can be typed too. "Install" checks and installs the chosen
pack with :func:`game.packs.install_pack`, as ``minerisk install`` does, and
says what it installed, or why not in plain words (the first problem, its
file and line); nothing is half-installed. "Replace" lets a pack replace the
levels it installed before. Nothing goes over the network: only local
folders are read.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.level import Problem
from game.classroom.pack_places import FoundPack, find_packs, pack_name_of, pack_places, packs_in, typed_place
from game.packs import install_pack, my_levels
from game.store.folders import my_levels_dir
from game.text import _, ngettext
from game.text.labels import join
from game.ui import theme as th
from game.ui.layout import blit, ltr, mirror
from game.ui.scene import Scene
from game.ui.widgets import Button, Scroller, draw_text, page_panel, text_block


def problem_words(problem: Problem, pack: Path) -> str:
    """A refusal as the player reads it: ``PACK:FILE:LINE: what is wrong; hint``, the pack by its name."""
    where = problem.file
    if where.startswith(str(pack)):
        where = pack.name + where[len(str(pack)):]
    if problem.line > 1:
        where += f":{problem.line}"
    text = f"{where}: {problem.message}"
    return f"{text}; {problem.hint}" if problem.hint else text


def fit_path(theme, text: str, width: int, size: int) -> str:
    """A path (or a line ending in one) shortened from the left with "…" until it fits ``width``: its end,
    the folder's own name, is what tells a student where it is."""
    font = theme.font(size)
    if font.size(text)[0] <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the fewest characters to drop
        mid = (lo + hi) // 2
        if font.size("…" + text[mid:])[0] <= width:
            hi = mid
        else:
            lo = mid + 1
    return "…" + text[lo:]


class InstallScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.index = 0
        self.replace = False
        self.typed = ""
        self.typing = False  # the folder field has the keys
        self.field_rect = pygame.Rect(0, 0, 0, 0)
        self.result = ("", th.TEXT)  # what the last install did, and its colour
        self.scroller = Scroller()
        self._reveal = True
        self.packs: list[FoundPack] = []
        self.installed: set[Path] = set()  # the packs found that are installed already
        self.look()

    # -------------------------------------------------------------- actions

    def look(self) -> None:
        """Look again in the sticks, Downloads and Desktop (and the typed folder, if one was given)."""
        found = find_packs(pack_places())
        if self.typed.strip():
            place, single, _why = typed_place(self.typed)
            extra = [single] if single is not None else packs_in(place) if place is not None else []
            found = extra + [p for p in found if p.path not in {e.path for e in extra}]
        self.packs = found
        self.installed = self._installed()
        self.index = min(self.index, max(0, len(self.packs) - 1))
        self._reveal = True

    def _installed(self) -> set[Path]:
        """The packs found whose levels are installed already (their folder is in My levels)."""
        folder = my_levels_dir()
        out = set()
        for pack in self.packs:
            name = pack_name_of(pack.path)
            try:
                if name is not None and (folder / name).is_dir():
                    out.add(pack.path)
            except OSError:
                continue
        return out

    def look_in_typed(self) -> None:
        """Look in the folder the player typed (or take the pack file typed); say so if there is none."""
        self.typing = False
        place, single, why = typed_place(self.typed)
        if why:
            self.result = (why, th.ACCENT)
            return
        self.look()
        self.index = 0
        if single is None and not packs_in(place):
            self.result = (_("No level pack (.minerisk.zip) in {path}.").format(path=place.path), th.ACCENT)
        else:
            self.result = ("", th.TEXT)

    def toggle_replace(self) -> None:
        self.replace = not self.replace

    def choose(self, i: int) -> None:
        if 0 <= i < len(self.packs):
            self.index = i

    def install(self) -> None:
        if not self.packs:
            self.result = (_("No level pack to install: plug in the USB stick with it and choose Look again, or "
                             "type the folder it is in."), th.ACCENT)
            return
        pack = self.packs[self.index]
        result = install_pack(pack.path, replace=self.replace)
        if result.ok:
            titles = [lv.title for lv in my_levels(result.folder)] or list(result.levels)
            n = len(titles)
            text = ngettext("Installed {n} level: {titles}. It is under My levels in the menu.",
                            "Installed {n} levels: {titles}. They are under My levels in the menu.", n).format(
                n=n, titles=join(titles))
            if result.replaced:
                text += " " + _("It replaced the levels installed before under the same name.")
            if result.warnings:
                text += " " + _("Warning: {problem}").format(problem=problem_words(result.warnings[0], pack.path))
            self.result = (text, th.GOOD)
            self.installed = self._installed()
            self.app.sounds.play("success")
            return
        first = result.problems[0] if result.problems else None
        if first is not None and first.message.startswith("already installed"):
            text = _("These levels are already installed. To install this pack over them, turn Replace on and "
                     "choose Install again.")
        else:
            text = _("Not installed, nothing was changed: {problem}").format(
                problem=problem_words(first, pack.path) if first else _("the pack could not be read"))
            more = len(result.problems) - 1
            if more > 0:
                text += " " + ngettext("({n} more problem.)", "({n} more problems.)", more).format(n=more)
        self.result = (text, th.BAD)

    # --------------------------------------------------------------- events

    def handle(self, event) -> None:
        if self.typing:
            if event.type == pygame.TEXTINPUT:
                self.typed = (self.typed + "".join(ch for ch in event.text if ch.isprintable()))[:500]
                return
            if event.type == pygame.KEYDOWN:
                if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                    self.look_in_typed()
                elif event.key == pygame.K_BACKSPACE:
                    self.typed = self.typed[:-1]
                elif event.key in (pygame.K_ESCAPE, pygame.K_TAB):
                    self.typing = False
                return  # letters are typing here, never button keys
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.app.pop()
                return
            if event.key == pygame.K_TAB:
                self.typing = True
                return
            if event.key in (pygame.K_DOWN, pygame.K_UP) and self.packs:
                self.index = (self.index + (1 if event.key == pygame.K_DOWN else -1)) % len(self.packs)
                self._reveal = True
                return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.field_rect.collidepoint(event.pos):
                self.typing = True
                return
            self.typing = False
        if event.type == pygame.MOUSEWHEEL:
            self.scroller.wheel(pygame.mouse.get_pos(), event.y, self.theme.px(40))
            return
        super().handle(event)

    # ----------------------------------------------------------------- draw

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        rect = page_panel(surface, t, 900, 560)
        compact = rect.h < t.px(420)
        pad = t.px(16 if compact else 24)
        x, y = rect.x + pad, rect.y + t.px(12 if compact else 16)
        inner = rect.w - 2 * pad
        blit(surface, t.fit_text(_("Install levels"), inner, 20 if compact else 24, th.ACCENT, bold=True), (x, y), rect)
        y += t.px(30 if compact else 40)
        intro = _("Level packs from your teacher (files ending in .minerisk.zip) found on USB sticks, in Downloads "
                  "and on the Desktop. Choose one and press Install. Nothing goes over the network.")
        size = 13
        y = text_block(surface, t, intro, pygame.Rect(x, y, inner, t.font(size).get_linesize() * 3), size,
                       th.TEXT_DIM) + t.px(4)
        message, colour = self.result
        if message:
            lines = 3 if compact else 4
            y = text_block(surface, t, message, pygame.Rect(x, y, inner, t.font(14).get_linesize() * lines), 14,
                           colour, bold=colour == th.BAD) + t.px(6)
        # the bottom: the folder line, the typed field and the buttons (laid out first: the list takes the rest)
        self.bar.clear()
        row_h, gap = t.px(34 if compact else 38), t.px(8)
        buttons = [Button(_("Back"), self.app.pop, None, "Esc", _("Back to the menu")),
                   Button(_("Look again"), self.look, pygame.K_r, "R", _("Look for level packs again")),
                   Button(_("Replace: {state}").format(state=_("on") if self.replace else _("off")),
                          self.toggle_replace, pygame.K_p, "P",
                          _("Let the pack replace the levels it installed before"), active=self.replace),
                   Button(_("Install"), self.install, pygame.K_RETURN, "Enter", _("Check the chosen pack and install it"),
                          enabled=bool(self.packs))]
        widest = max(t.font(15).size(b.label)[0] for b in buttons) + t.px(24)  # (the row is equal parts)
        one_row = (inner - gap * (len(buttons) - 1)) // len(buttons) >= max(widest, t.px(110))
        rows = [buttons] if one_row else [buttons[:2], buttons[2:]]
        foot = _("My levels folder: {path}").format(path=ltr(str(my_levels_dir())))
        foot_h = t.font(12).get_linesize()
        bottom = rect.bottom - pad - foot_h - t.px(4)
        buttons_top = bottom - len(rows) * row_h - (len(rows) - 1) * gap
        for r, row in enumerate(rows):
            bw = (inner - gap * (len(row) - 1)) // len(row)
            for i, b in enumerate(row):
                self.bar.add(b)
                b.rect = mirror((x + i * (bw + gap), buttons_top + r * (row_h + gap), bw, row_h), rect)
        draw_text(surface, t, fit_path(t, foot, inner, 12), pygame.Rect(x, bottom + t.px(4), inner, foot_h), 12,
                  th.TEXT_DIM)
        field_h = t.px(30 if compact else 34)
        field_top = buttons_top - gap - field_h
        label = _("Or type a folder:")
        label_w = min(t.font(14).size(label)[0] + t.px(8), inner // 3)
        draw_text(surface, t, label, pygame.Rect(x, field_top, label_w, field_h), 14, th.TEXT, anchor="midleft",
                  within=rect)
        look = self.bar.add(Button(_("Look there"), self.look_in_typed, None, "Enter",
                                   _("Look for level packs in the folder you typed"), enabled=bool(self.typed.strip())))
        look_w = max(t.px(110), t.font(15).size(look.label)[0] + t.px(24))
        look.rect = mirror((x + inner - look_w, field_top, look_w, field_h), rect)
        self.field_rect = mirror((x + label_w, field_top, inner - label_w - look_w - gap, field_h), rect)
        pygame.draw.rect(surface, th.PANEL_LIGHT, self.field_rect, border_radius=t.px(4))
        pygame.draw.rect(surface, th.ACCENT if self.typing else th.BORDER, self.field_rect, max(1, t.px(2)),
                         border_radius=t.px(4))
        blink = self.typing and (pygame.time.get_ticks() // 500) % 2 == 0
        shown = ltr(self.typed + ("|" if blink else ""))
        if shown:
            img = t.fit_text(shown, self.field_rect.w - t.px(12), 15, th.TEXT)
            blit(surface, img, (self.field_rect.x + t.px(6), self.field_rect.centery - img.get_height() // 2),
                 self.field_rect)
        elif not self.typing:
            draw_text(surface, t, _("Click here or press Tab to type"), self.field_rect.inflate(-t.px(12), 0), 13,
                      th.TEXT_DIM, anchor="midleft")
        # the packs found
        list_bottom = field_top - gap
        if not compact:
            draw_text(surface, t, _("Level packs found"), (x, y), 16, th.TEXT, bold=True, within=rect)
            y += t.font(16, True).get_linesize() + t.px(4)
        self._draw_list(surface, pygame.Rect(x, y, inner, max(0, list_bottom - y)))
        self.bar.draw(surface, t, 15)

    def _draw_list(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        t = self.theme
        if not self.packs:
            text_block(surface, t, _("No level pack found. Plug in the USB stick with it and choose Look again, or "
                                     "type the folder it is in."), box, 13, th.ACCENT)
            return
        pack_h = t.font(15, True).get_linesize() + t.font(12).get_linesize() + t.px(10)
        y = self.scroller.begin(surface, box)
        rows = self.scroller.content(t.px(12))  # (the scroll bar on the left right to left)
        for i, pack in enumerate(self.packs):
            row = pygame.Rect(rows.x, y, rows.w, pack_h - t.px(4))
            chosen = i == self.index
            if chosen and self._reveal:
                self.scroller.reveal(row.y, row.bottom)
            pygame.draw.rect(surface, (64, 58, 30) if chosen else th.PANEL_LIGHT, row, border_radius=t.px(5))
            if chosen:
                pygame.draw.rect(surface, th.ACCENT, row, 2, border_radius=t.px(5))
            inner = row.inflate(-t.px(20), 0)
            top = draw_text(surface, t, pack.path.name, pygame.Rect(inner.x, row.y + t.px(3), inner.w,
                                                                    t.font(15, True).get_linesize()), 15, th.TEXT,
                            bold=True)
            head = f"{pack.place} · "
            if pack.path in self.installed:
                head = _("installed") + " · " + head
            where = head + ltr(fit_path(t, str(pack.path.parent), max(0, inner.w - t.font(12).size(head)[0]), 12))
            draw_text(surface, t, where, pygame.Rect(inner.x, top.bottom, inner.w, t.font(12).get_linesize()), 12,
                      th.GOOD if pack.path in self.installed else th.TEXT_DIM)
            if self.scroller.shows(row):
                b = self.bar.add(Button("", lambda i=i: self.choose(i), None, "↑/↓", str(pack.path), hidden=True))
                b.rect = row.clip(box)
            y += pack_h
        self.scroller.end(surface, t, y)
        self._reveal = False
