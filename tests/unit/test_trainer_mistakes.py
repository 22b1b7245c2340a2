"""Mistakes an auditor made writing levels as a trainer would (/tmp/audit_trainer/mistakes/*), each
rebuilt on the small pond level of test_playability: every one gets ``FILE:LINE:COL: what is wrong;
hint``, on one line, never "Mine Risk could not check this file ... this is a bug"."""

from __future__ import annotations

import re

import pytest

from game.level import check_level
from tests.unit.test_playability import LEVEL, line_of, make_level

ITEMS = "ordnance:\n  items:\n    - {kind: uxo, cell: CELL}\n  fields:\n"


def problems_of(path) -> list[str]:
    return [p.format() for p in check_level(path, shown_as="L.yaml")[1]]


def only(path) -> str:
    found = problems_of(path)
    assert len(found) == 1, found
    assert "this is a bug" not in found[0] and "\n" not in found[0] and "\r" not in found[0]
    return found[0]


@pytest.mark.parametrize("cell,message", [
    ("[3600, 24]", "cell [3600, 24] is outside the map (20 x 12 cells); cells count from [0, 0] at the top left"),
    ("[20, 3]", "cell [20, 3] is outside the map (20 x 12 cells)"),
    ("[99999999999999999999999, 1]", "cell [99999999999999999999999, 1] is outside the map (20 x 12 cells)"),
    ("[-1, 2]", "cell [-1, 2] is outside the map; cells count from [0, 0] at the top left"),
    ("[1.5, 2]", "cell [1.5, 2] must hold two whole numbers, [column, row]"),
    ("['3', 2]", "cell [3, 2] must hold two whole numbers"),
    ("[.nan, 2]", "cell [.nan, 2] must hold two whole numbers"),
    ("[1, 2, 3]", "cell [1, 2, 3] has 3 numbers, not 2; write [column, row]"),
    ("[1]", "cell [1] has 1 number, not 2"),
    ("[]", "cell [] has 0 numbers, not 2"),
    ("7", "cell must be [column, row], not the number 7"),
])
def test_a_cell_far_outside_the_map_or_malformed(tmp_path, cell, message):
    # mistakes/h6a: [3600, 24] was "could not check this file (ValueError: not enough values to unpack)"
    path = make_level(tmp_path, LEVEL.replace("ordnance:\n  fields:\n", ITEMS.replace("CELL", cell)))
    found = only(path)
    assert found.startswith(f"L.yaml:{line_of(path, 'cell:')}:25: {message}"), found


@pytest.mark.parametrize("cell", ["[2.0, 3]", "[1e1, 3]", "[0, 0]"])
def test_whole_numbers_written_otherwise_are_cells(tmp_path, cell):
    path = make_level(tmp_path, LEVEL.replace("ordnance:\n  fields:\n", ITEMS.replace("CELL", cell)))
    assert [p for p in problems_of(path) if "warning" not in p] == []


@pytest.mark.parametrize("written,escape", [
    ('"maps\\new_map.tmx"', "maps\\new_map.tmx"),
    ('"maps\\river.tmx"', "maps\\river.tmx"),
    ('"maps\\tiny.tmx"', "maps\\tiny.tmx"),
])
def test_a_windows_path_in_double_quotes(tmp_path, written, escape):
    # mistakes/winquoted2: the newline YAML made of \n was printed raw, one problem over two lines
    path = make_level(tmp_path, map=written)
    found = only(path)
    assert found.startswith(f"L.yaml:6:6: map path \"{escape}\" holds a control character: inside double "
                            "quotes `\\` starts an escape"), found
    assert found.endswith("write `/` between folders: map: " + escape.replace("\\", "/"))


def test_an_unknown_escape_in_double_quotes(tmp_path):
    # mistakes/winquoted3: "maps\x.tmx" got "expected escape sequence of 2 hexadecimal numbers ... check the
    # indentation and the colons"
    found = only(make_level(tmp_path, map='"maps\\x.tmx"'))
    assert re.match(r"L\.yaml:6:\d+: inside double quotes `\\` starts an escape sequence, and `\\x` is not one", found)
    assert "write `/` between folders (maps/valley.tmx), or put the text in single quotes" in found
    assert "indentation" not in found


def test_control_characters_never_reach_a_message(tmp_path):
    from game.level.errors import Problem

    p = Problem("a\nb.yaml", 1, 1, "zone `x\ry` \u2028", "tab\there")
    assert p.format() == "a\\nb.yaml:1:1: zone `x\\ry` \\u2028; tab\\there"


@pytest.mark.parametrize("value", ["nan", "inf", "abc", "", "1e400"])
def test_an_object_position_that_is_not_a_number(tmp_path, value):
    path = make_level(tmp_path)
    tmx = tmp_path / "maps" / "pond.tmx"
    text = tmx.read_text()
    text = re.sub(r'(<object [^>]*?\bx=")[^"]*(")', lambda m: m.group(1) + value + m.group(2), text, count=1)
    tmx.write_text(text)
    found = only(path)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "<object " in row)
    assert found.startswith(f"maps/pond.tmx:{line}:"), found
    assert f"has x=\"{value}\", which is not a number of pixels; move or resize the object in Tiled" in found


# ------------------------------------------------------------ messages a trainer can act on


def test_a_colon_in_a_text_inside_braces(tmp_path):
    # mistakes/colon: "while parsing a flow mapping" and no word of quotes
    text = LEVEL + "  - {kind: within_budget, text: Note: stay within the budget.}\n"
    found = only(make_level(tmp_path, text))
    assert found.startswith("L.yaml:22:37: YAML syntax error: a text inside `{ }` holds `: `"), found
    assert "put the text in quotes" in found and "flow mapping" not in found


def test_a_key_written_one_level_too_far_left(tmp_path):
    # mistakes/indent2: `hire:` at the left margin was "unknown key `hire`; keys allowed here: ..."
    text = LEVEL.replace("  hire: [manual, eore]", "hire: [manual, eore]")
    assert only(make_level(tmp_path, text)) == ("L.yaml:15:1: `hire` belongs under `teams:`, not here; "
                                                "indent it under `teams:` (two spaces more than `teams:`)")


def test_one_typo_one_problem(tmp_path):
    # mistakes/typo: `dificulty:` was an unknown key and a missing `difficulty` too
    assert only(make_level(tmp_path, LEVEL.replace("difficulty: 1", "dificulty: 1"))) == \
        "L.yaml:4:1: unknown key `dificulty`; did you mean `difficulty`?"


@pytest.mark.parametrize("written,hint", [("200,000", "write 200000 without commas or spaces"),
                                          ("200 000", "write 200000 without commas or spaces"),
                                          ("$200000", "write 200000, the number alone")])
def test_a_budget_written_as_people_write_money(tmp_path, written, hint):
    found = only(make_level(tmp_path, budget_usd=written))
    assert found == f"L.yaml:9:13: budget_usd must be a whole number, not the text `{written}`; {hint}"


def test_each_imas_number_gets_its_own_quotes(tmp_path):
    # mistakes/imasfloat: the second number, 08.10, was told "e.g. '07.11'"
    found = problems_of(make_level(tmp_path, LEVEL.replace("difficulty: 1", "difficulty: 1\nimas: [07.11, 08.10]")))
    assert found == ["L.yaml:5:8: the first IMAS topic must be text, not the number 07.11; put it in quotes: '07.11'",
                     "L.yaml:5:15: the second IMAS topic must be text, not the number 08.10; put it in quotes: "
                     "'08.10'"]


def test_entries_of_lists_are_named_in_words(tmp_path):
    text = LEVEL.replace("    - {type: manual, count: 1, base: base}",
                         "    - {type: manual, count: 1, base: base}\n    - {type: deminer, count: two}")
    found = problems_of(make_level(tmp_path, text))
    assert found[0].startswith("L.yaml:15:14: the third starting team's type: unknown team type `deminer`")
    assert found[1] == "L.yaml:15:30: the third starting team's count must be a whole number, not the text `two`"
    assert "[" not in "".join(found).split("team types")[0]


@pytest.mark.parametrize("data,message", [
    (b"", "the file is empty; make a level folder to start from with `minerisk new NAME`"),
    (b"# nothing yet\n", "the file holds no YAML document; make a level folder to start from with `minerisk new NAME`"),
    (LEVEL.encode("utf-16"), "the file is saved as UTF-16 (\"Unicode\" in some editors); save it as UTF-8"),
    (LEVEL.encode("utf-16-le"), "the file is saved as UTF-16"),
])
def test_empty_and_utf16_files(tmp_path, data, message):
    path = make_level(tmp_path)
    path.write_bytes(data)
    assert only(path).startswith(f"L.yaml:1:1: {message}")


def test_a_list_entry_out_of_line(tmp_path):
    # mistakes/indent: "expected <block end>, but found '-' (while parsing a block mapping)"
    text = LEVEL.replace("    - {type: manual, count: 1, base: base}", "  - {type: manual, count: 1, base: base}")
    assert only(make_level(tmp_path, text)) == (
        "L.yaml:14:3: this list entry (`- `) is not lined up with the entries above it; put the `-` of every "
        "entry of a list in the same column as the first one")


def test_a_name_in_capitals_is_suggested_in_small_letters(tmp_path):
    # mistakes/yesno: `UXO` listed every kind instead of suggesting `uxo`
    text = LEVEL.replace("ordnance:\n  fields:\n", ITEMS.replace("uxo", "UXO").replace("CELL", "[1, 1]"))
    assert only(make_level(tmp_path, text)).endswith("unknown ordnance kind `UXO`; did you mean `uxo`?")


@pytest.mark.parametrize("points", ["0,0 nan,0 64,64", "0,0 1e400,0 64,64", "0,0 abc 64,64", "0,0,0 64,64", ""])
def test_polygon_points_that_are_not_numbers(tmp_path, points):
    # was "Tiled map could not be read: cannot convert float NaN to integer" at 1:1
    path = make_level(tmp_path)
    tmx = tmp_path / "maps" / "pond.tmx"
    old = '<object id="1" name="pond_field" type="suspected_area" x="64" y="64" width="192" height="128"/>'
    tmx.write_text(tmx.read_text().replace(old, '<object id="1" name="pond_field" type="suspected_area" x="64" '
                                           f'y="64">\n   <polygon points="{points}"/>\n  </object>'))
    found = only(path)
    line = line_of(tmx, 'name="pond_field"')
    assert found.startswith(f"maps/pond.tmx:{line}:3: the points of polygon 'pond_field' are not pairs of "
                            f"numbers (\"{points}\"); redraw the object in Tiled"), found
