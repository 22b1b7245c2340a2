"""Level packs: one file a trainer hands out, installed safely into the student's "My levels".

A pack is a zip file holding one or more levels (level files, maps,
tilesets, images) and ``manifest.json``: the pack's format and version, its
name, its levels (id, title, file) and every file with its size and SHA-256.

- :func:`write_pack` packs a level file or a folder of levels; every level
  must validate and every file it uses must lie in that folder.
- :func:`install_pack` installs a pack into the My levels folder
  (``game.store.folders.my_levels_dir()``), refusing, with a clear message
  each, anything unsafe or broken, and writing nothing that stays unless all
  is well: the zip is checked first (names, kinds, sizes, count, links,
  manifest), then extracted beside the target into a hidden folder, each file
  checked against its declared size and SHA-256, every level validated, level
  ids checked against the bundled and installed ones, and only then renamed
  into place in one step.
- :func:`my_levels` lists the levels of the My levels folder with their
  problems, for the game's menu; it never raises.

None of these functions print or raise for a trainer's or student's mistake:
they return problems (``game.level.Problem``) for the caller to show. This
module is headless (no pygame); the window's "install a pack" button calls
:func:`install_pack` as ``minerisk install`` does.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import secrets
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from game import __version__
from game.level import Problem, check_level, find_level_files
from game.level.campaign import list_levels
from game.level.level_files import level_files
from game.paths import levels_dir
from game.store.folders import my_levels_dir

PACK_FORMAT = "minerisk-level-pack"
PACK_VERSION = 1
MANIFEST = "manifest.json"
#: A pack file suggested name ends like this: a zip that says what it holds.
SUFFIX = ".minerisk.zip"
#: Limits against broken or hostile packs (zip bombs, floods of files).
MAX_PACK_BYTES = 64 * 2**20
MAX_FILES = 500
MAX_FILE_BYTES = 32 * 2**20
MAX_TOTAL_BYTES = 256 * 2**20
MAX_MANIFEST_BYTES = 2**20
MAX_PATH_CHARS = 200
#: What a pack may hold: level data, never programs.
ALLOWED_SUFFIXES = (".yaml", ".yml", ".tmx", ".tsx", ".png", ".jpg", ".jpeg", ".json", ".tiled-project", ".txt",
                    ".md")
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._()+-]*")
_STAGING = ".install-"
_OLD = ".replaced-"
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # the same levels give the same pack, byte for byte


@dataclass(frozen=True, slots=True)
class PackResult:
    """What :func:`write_pack` did: the pack written (None when refused), its levels, problems, warnings."""

    path: Path | None
    levels: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class InstallResult:
    """What :func:`install_pack` did. ``folder`` is None when the pack was refused (``problems`` say why)."""

    folder: Path | None
    levels: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()  # names of the installed folders the pack replaced
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.folder is not None


@dataclass(frozen=True, slots=True)
class MyLevel:
    """A level of the My levels folder as the menu shows it; ``problems`` hold errors and warnings."""

    id: str
    title: str
    path: Path
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    difficulty: int = 0  # 1 to 5, 0 when the level could not be read

    @property
    def playable(self) -> bool:
        return not any(not p.is_warning for p in self.problems)


def _refuse(where: str, message: str, hint: str = "") -> Problem:
    return Problem(where, 1, 1, message, hint)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------ writing


def pack_name(source: Path) -> str:
    """The name a pack of ``source`` installs under: the folder's (or level file's) name as an id."""
    stem = source.name if source.is_dir() else source.stem
    name = re.sub(r"[^a-z0-9_-]+", "_", stem.lower()).strip("_-") or "levels"
    return name[:64]


def write_pack(source: str | Path, out: str | Path) -> PackResult:
    """Pack the level file or folder of levels ``source`` into the zip file ``out``.

    Every level must validate (warnings are returned, not refused) and every
    file it uses must lie in the folder packed. ``out`` is written in one step;
    an existing file there is replaced only if it is a zip (an older pack).
    """
    source, out = Path(source), Path(out)
    shown = str(source)
    if not source.exists():
        return PackResult(None, problems=(_refuse(shown, "file or folder not found", "check the path"),))
    root = source if source.is_dir() else source.parent
    files_in = find_level_files(source) if source.is_dir() else [source]
    if not files_in:
        return PackResult(None, problems=(_refuse(shown, "no level files (.yaml) in this folder"),))
    problems: list[Problem] = []
    warnings: list[Problem] = []
    levels: list[tuple[str, str, str]] = []  # id, title, file in the pack
    members: dict[str, Path] = {}
    for level in files_in:
        spec, found = check_level(level, os.path.join(shown, os.path.relpath(level, root))
                                  if source.is_dir() else shown)
        problems += [p for p in found if not p.is_warning]
        warnings += [p for p in found if p.is_warning]
        if spec is None:
            continue
        for path in level_files(level, spec.map_path):
            rel = Path(os.path.relpath(path.resolve(), root.resolve()))
            if rel.parts[:1] == ("..",):
                problems.append(_refuse(str(path), "this file lies outside the folder being packed",
                                        f"move it into {root} (and point the level or map at it)"))
                continue
            members[rel.as_posix()] = path
        levels.append((spec.id, spec.title, Path(os.path.relpath(level, root)).as_posix()))
    ids = [lv[0] for lv in levels]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(_refuse(shown, f"two levels have the id `{dup}`", "give every level its own id"))
    if problems:
        return PackResult(None, tuple(ids), tuple(problems), tuple(warnings))
    try:
        data = _zip_bytes(pack_name(source), levels, members)
        if len(data) > MAX_PACK_BYTES:
            return PackResult(None, tuple(ids), (_refuse(str(out), f"the pack would be {len(data) / 2**20:,.0f} MB; "
                                                         f"at most {MAX_PACK_BYTES // 2**20} MB can be installed",
                                                         "use smaller images or fewer levels a pack"),), tuple(warnings))
        _write_file(out, data)
    except OSError as exc:
        return PackResult(None, tuple(ids), (_refuse(str(out), f"cannot write the pack: {exc.strerror or exc}"),),
                          tuple(warnings))
    return PackResult(out, tuple(ids), (), tuple(warnings))


def _zip_bytes(name: str, levels: list[tuple[str, str, str]], members: dict[str, Path]) -> bytes:
    contents = {rel: members[rel].read_bytes() for rel in sorted(members)}
    manifest = {
        "format": PACK_FORMAT, "version": PACK_VERSION, "name": name, "made_by": f"minerisk {__version__}",
        "levels": [{"id": i, "title": t, "file": f} for i, t, f in levels],
        "files": [{"path": rel, "size": len(data), "sha256": _sha256(data)} for rel, data in contents.items()],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, data in [(MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))] + list(contents.items()):
            info = zipfile.ZipInfo(rel, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            zf.writestr(info, data)
    return buffer.getvalue()


def _write_file(out: Path, data: bytes) -> None:
    from game.atomic import write_atomic

    old_pack = out.is_file() and not out.is_symlink() and zipfile.is_zipfile(out)
    write_atomic(out, data, any_file=old_pack)


# ------------------------------------------------------------------ reading


@dataclass(frozen=True, slots=True)
class _Entry:
    path: str
    size: int
    sha256: str
    info: zipfile.ZipInfo


def _check_name(name: str, folder: bool = False) -> str | None:
    """Why a member name is refused (None when it is a plain relative path of allowed parts)."""
    if not name or len(name) > MAX_PATH_CHARS:
        return "a name that is empty or too long"
    if "\\" in name or name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return "an absolute path or backslashes"
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "a path that climbs out of its folder (`..`) or is not plain"
    if any(not _PART.fullmatch(p) for p in parts):
        return "characters a file name should not have"
    if not folder and not name.lower().endswith(ALLOWED_SUFFIXES):
        return "a kind of file a level does not use (levels hold .yaml, .tmx, .tsx and images only)"
    return None


def _starts_as_zip(pack: Path) -> bool:
    """Whether a file that does not open as a zip begins like one (a pack cut short, not another file)."""
    try:
        with open(pack, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _read_zip(pack: Path, shown: str) -> tuple[zipfile.ZipFile | None, dict, list[_Entry], list[Problem]]:
    """Open a pack and check it before anything is written: every refusal, or its manifest and entries."""
    def no(message: str, hint: str = "") -> tuple:
        return None, {}, [], [_refuse(shown, message, hint)]

    try:
        st = os.stat(pack)
    except OSError as exc:
        return no(f"cannot read the pack: {exc.strerror or exc}", "check the path")
    if not stat.S_ISREG(st.st_mode):
        return no("this is not a file", "give the path of a level pack (.minerisk.zip)")
    if st.st_size > MAX_PACK_BYTES:
        return no(f"the pack is {st.st_size / 2**20:,.0f} MB; at most {MAX_PACK_BYTES // 2**20} MB can be installed",
                  "ask for a smaller pack")
    try:
        zf = zipfile.ZipFile(pack)
    except (zipfile.BadZipFile, OSError, ValueError):
        if _starts_as_zip(pack):
            return no("this pack is damaged or was not copied whole (the end of the file is missing)",
                      "copy it again from the trainer's original, and wait until the copy has finished "
                      "before removing the USB stick")
        return no("this is not a level pack (not a zip file)", "make packs with `minerisk pack LEVEL -o FILE`")
    infos = zf.infolist()
    problems: list[Problem] = []
    if len(infos) > MAX_FILES + 1:
        zf.close()
        return no(f"the pack holds {len(infos):,} files; at most {MAX_FILES} are allowed")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        why = _check_name(name.rstrip("/"), folder=True) if info.is_dir() else _check_name(name)
        if info.is_dir() and why is None:
            continue
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            why = "a link (links could point anywhere on the computer)"
        elif info.flag_bits & 0x1:
            why = "encryption"
        elif info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            why = "a compression Mine Risk does not read"
        elif info.file_size > MAX_FILE_BYTES:
            why = f"a size of {info.file_size / 2**20:,.0f} MB (at most {MAX_FILE_BYTES // 2**20} MB a file)"
        if why is not None and name != MANIFEST:
            problems.append(_refuse(f"{shown}:{name[:MAX_PATH_CHARS]}", f"refused: the pack holds {why}",
                                    "this pack was not made by `minerisk pack`, or was changed; ask for a new one"))
            continue
        if name.casefold() in seen:
            problems.append(_refuse(f"{shown}:{name}", "refused: two files of the pack have this name "
                                    "(perhaps differing only in capital letters)"))
        seen.add(name.casefold())
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        problems.append(_refuse(shown, f"refused: the pack unpacks to {total / 2**20:,.0f} MB; at most "
                                f"{MAX_TOTAL_BYTES // 2**20} MB are allowed"))
    if problems:
        zf.close()
        return None, {}, [], problems
    manifest, entries, problems = _manifest(zf, shown)
    if problems:
        zf.close()
        return None, {}, [], problems
    return zf, manifest, entries, []


def _manifest(zf: zipfile.ZipFile, shown: str) -> tuple[dict, list[_Entry], list[Problem]]:
    where = f"{shown}:{MANIFEST}"
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError:
        return {}, [], [_refuse(shown, "this zip file is not a level pack (it has no manifest.json)",
                                "make packs with `minerisk pack LEVEL -o FILE`")]
    if info.file_size > MAX_MANIFEST_BYTES:
        return {}, [], [_refuse(where, "the manifest is too large")]
    try:
        with zf.open(info) as fh:
            raw = fh.read(MAX_MANIFEST_BYTES + 1)
        manifest = json.loads(raw.decode("utf-8"))
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError, ValueError, RuntimeError) as exc:
        return {}, [], [_refuse(where, f"the manifest cannot be read ({exc})", "ask for a new pack")]
    if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
        return {}, [], [_refuse(where, "this zip file is not a Mine Risk level pack")]
    version = manifest.get("version")
    if not isinstance(version, int) or version > PACK_VERSION:
        return {}, [], [_refuse(where, f"the pack's format version is {version}; this Mine Risk reads version "
                                f"{PACK_VERSION}", "install a newer Mine Risk, or ask for a pack made by this one")]
    name = manifest.get("name")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        return {}, [], [_refuse(where, f"the pack's name {name!r} is not allowed",
                                "a name is lower-case letters, digits, - and _")]
    files, levels = manifest.get("files"), manifest.get("levels")
    if not isinstance(files, list) or not isinstance(levels, list) or not levels:
        return {}, [], [_refuse(where, "the manifest lists no files or no levels", "ask for a new pack")]
    entries: list[_Entry] = []
    problems: list[Problem] = []
    names = {i.filename for i in zf.infolist() if not i.is_dir()} - {MANIFEST}
    for f in files:
        ok = isinstance(f, dict) and isinstance(f.get("path"), str) and isinstance(f.get("size"), int) \
            and isinstance(f.get("sha256"), str) and re.fullmatch(r"[0-9a-f]{64}", f["sha256"]) is not None
        if not ok or f["path"] not in names:
            problems.append(_refuse(where, f"the manifest lists {f.get('path') if isinstance(f, dict) else f!r}, "
                                    "which the pack does not hold", "the pack is damaged; ask for a new one"))
            continue
        info = zf.getinfo(f["path"])
        if info.file_size != f["size"]:
            problems.append(_refuse(f"{shown}:{f['path']}", "its size differs from the manifest",
                                    "the pack is damaged or was changed; ask for a new one"))
            continue
        entries.append(_Entry(f["path"], f["size"], f["sha256"], info))
    listed = {e.path for e in entries}
    for extra in sorted(names - listed - {str(f.get("path")) for f in files if isinstance(f, dict)}):
        problems.append(_refuse(f"{shown}:{extra}", "the pack holds a file its manifest does not list",
                                "the pack was changed after it was made; ask for a new one"))
    level_files_listed = {lv.get("file") for lv in levels if isinstance(lv, dict)}
    if not level_files_listed <= listed:
        problems.append(_refuse(where, "the manifest names a level file the pack does not hold"))
    return manifest, entries, problems


def _extract(zf: zipfile.ZipFile, entries: list[_Entry], staging: Path, shown: str) -> list[Problem]:
    """Write each entry under ``staging`` (new files only), checking real size and SHA-256 as it goes."""
    problems = []
    for e in entries:
        target = staging.joinpath(*PurePosixPath(e.path).parts)
        if not target.resolve().is_relative_to(staging.resolve()):  # belt and braces: names were checked
            problems.append(_refuse(f"{shown}:{e.path}", "refused: this file would land outside the level folder"))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(target, flags, 0o644)
        try:
            with zf.open(e.info) as src:
                while True:
                    chunk = src.read(min(1 << 16, e.size - size + 1))
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > e.size:
                        break
                    digest.update(chunk)
                    os.write(fd, chunk)
        finally:
            os.close(fd)
        if size != e.size or digest.hexdigest() != e.sha256:
            problems.append(_refuse(f"{shown}:{e.path}", "refused: this file is not the one the manifest "
                                    "describes (size or SHA-256 differs)", "the pack is damaged; ask for a new one"))
    return problems


# --------------------------------------------------------------- installing


def _ids_in(folder: Path) -> dict[str, Path]:
    """Level ids of a folder's level files (read lightly), each with its file."""
    try:
        return {info.id: info.path for info in list_levels(folder)}
    except OSError:
        return {}


def _owner(level_file: Path, target: Path) -> Path:
    """The installed folder (a direct child of the My levels folder) that holds a level file."""
    rel = Path(os.path.relpath(level_file, target))
    return target / rel.parts[0] if len(rel.parts) > 1 else level_file


def install_pack(pack: str | Path, target: str | Path | None = None, replace: bool = False) -> InstallResult:
    """Install a level pack into ``target`` (default: the My levels folder), or say why not.

    Nothing is left behind on a refusal; an installed folder is replaced (with
    ``replace``) only once the new one is complete and valid.
    """
    pack = Path(pack)
    target = Path(target) if target is not None else my_levels_dir()
    shown = str(pack)
    staging = None
    try:
        zf, manifest, entries, problems = _read_zip(pack, shown)
        if zf is None:
            return InstallResult(None, problems=tuple(problems))
        with zf:
            total = sum(e.size for e in entries)
            target.mkdir(parents=True, exist_ok=True)
            _clean_leftovers(target)
            free = shutil.disk_usage(target).free
            if total + 16 * 2**20 > free:
                return InstallResult(None, problems=(_refuse(shown, f"not enough free disk space: the pack needs "
                                                             f"{total / 2**20:,.1f} MB", "free some space"),))
            staging = target / f"{_STAGING}{secrets.token_hex(4)}"
            staging.mkdir()
            problems = _extract(zf, entries, staging, shown)
        if problems:
            return InstallResult(None, problems=tuple(problems))
        return _validate_and_place(manifest, staging, target, shown, replace)
    except OSError as exc:
        return InstallResult(None, problems=(_refuse(shown, f"cannot install the pack: {exc.strerror or exc}"),))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
        return InstallResult(None, problems=(_refuse(shown, f"the pack is damaged ({exc})",
                                                     "ask for a new pack"),))
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _validate_and_place(manifest: dict, staging: Path, target: Path, shown: str, replace: bool) -> InstallResult:
    problems: list[Problem] = []
    warnings: list[Problem] = []
    ids: list[str] = []
    for lv in manifest["levels"]:
        file = lv.get("file") if isinstance(lv, dict) else None
        where = f"{shown}:{file}"
        spec, found = check_level(staging.joinpath(*PurePosixPath(str(file)).parts), where)
        problems += [p for p in found if not p.is_warning]
        warnings += [p for p in found if p.is_warning]
        if spec is not None:
            if spec.id != lv.get("id"):
                problems.append(_refuse(where, f"the manifest calls this level `{lv.get('id')}` but its file says "
                                        f"`{spec.id}`", "the pack was changed; ask for a new one"))
            ids.append(spec.id)
    if problems:
        return InstallResult(None, tuple(ids), problems=tuple(problems), warnings=tuple(warnings))
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(_refuse(shown, f"two levels of the pack have the id `{dup}`"))
    bundled = _ids_in(levels_dir())
    for level_id in ids:
        if level_id in bundled:
            problems.append(_refuse(shown, f"level `{level_id}` has the id of a level of the campaign",
                                    "the trainer must give it another id (`id:` in its level file) and pack it again"))
    name = manifest["name"]
    final = target / name
    installed = {i: p for i, p in _ids_in(target).items() if not p.resolve().is_relative_to(staging.resolve())}
    clashing = sorted({_owner(installed[i], target) for i in ids if i in installed})
    if final.exists() or final.is_symlink():
        clashing = sorted(set(clashing) | {final})
    if clashing and not replace and not problems:
        problems.append(_refuse(shown, _already_installed(ids, installed, clashing),
                                "install it again with --replace to replace the installed levels"))
    if problems:
        return InstallResult(None, tuple(ids), problems=tuple(problems), warnings=tuple(warnings))
    from game.store.lock import folder_lock

    with folder_lock(target):
        _place(staging, final, clashing, target)
    return InstallResult(final, tuple(ids), tuple(p.name for p in clashing), (), tuple(warnings))


def _already_installed(ids: list[str], installed: dict[str, Path], clashing: list[Path]) -> str:
    """What of a pack is installed already, each name said once: "already installed: level `a`".

    It starts "already installed" (the Install screen words its own advice from that)."""
    same = [i for i in ids if i in installed]
    folders = ", ".join(f"`{p.name}`" for p in clashing if p.name not in same)
    if not same:
        return f"already installed: a pack named {folders}"
    levels = f"level `{same[0]}`" if len(same) == 1 else f"levels {', '.join(f'`{i}`' for i in same)}"
    return f"already installed: {levels}" + (f" (from the pack {folders})" if folders else "")


def _place(staging: Path, final: Path, old: list[Path], target: Path) -> None:
    """Rename the checked folder into place; what it replaces is moved aside first and removed after."""
    aside: list[tuple[Path, Path]] = []
    try:
        for path in old:
            moved = target / f"{_OLD}{secrets.token_hex(4)}"
            os.rename(path, moved)
            aside.append((path, moved))
        os.rename(staging, final)
    except OSError:
        for path, moved in reversed(aside):  # put back what was there
            try:
                os.rename(moved, path)
            except OSError:
                pass
        raise
    for _, moved in aside:
        if moved.is_dir() and not moved.is_symlink():
            shutil.rmtree(moved, ignore_errors=True)
        else:
            moved.unlink(missing_ok=True)


def _clean_leftovers(target: Path) -> None:
    """Remove what an install killed half-way left: hidden staging and replaced folders."""
    try:
        entries = list(os.scandir(target))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith((_STAGING, _OLD)) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)


# ------------------------------------------------------------------ listing


def my_levels(folder: str | Path | None = None) -> list[MyLevel]:
    """The levels of the My levels folder (default ``my_levels_dir()``), each with its problems.

    A level that cannot be loaded is listed with its errors; one whose id is
    also a campaign level's, or another installed level's, gets a problem too.
    Never raises: a folder that cannot be read gives an empty list.
    """
    try:
        folder = Path(folder) if folder is not None else my_levels_dir()
        files = find_level_files(folder) if folder.is_dir() else []
        bundled = set(_ids_in(levels_dir()))
    except OSError:
        return []
    out: list[MyLevel] = []
    first: dict[str, Path] = {}
    for path in files:
        try:
            spec, problems = check_level(path, str(path))
        except Exception as exc:  # noqa: BLE001 - the menu must never crash on a student's folder
            spec, problems = None, [_refuse(str(path), f"this level could not be read ({type(exc).__name__})")]
        level_id = spec.id if spec is not None else path.stem
        problems = list(problems)
        if spec is not None and level_id in bundled:
            problems.append(_refuse(str(path), f"level id `{level_id}` is a campaign level's",
                                    "give the level another id"))
        if spec is not None and level_id in first:
            problems.append(_refuse(str(path), f"level id `{level_id}` is already used by {first[level_id]}",
                                    "remove one of them"))
        first.setdefault(level_id, path)
        out.append(MyLevel(level_id, spec.title if spec is not None else path.stem, path, tuple(problems),
                           int(spec.difficulty) if spec is not None else 0))
    return out
