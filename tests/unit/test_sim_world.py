"""Each simulation owns its own esper world and deletes it when done; processors follow one table."""

import ast
from pathlib import Path

import esper

from game.sim import Clear, Simulation
from game.sim.processors import RUN_ORDER
from tests.unit.sim_fixtures import small_minefield

PROCESSORS = Path(__file__).resolve().parents[2] / "game" / "sim" / "processors"


def test_two_simulations_do_not_share_entities_and_worlds_are_deleted():
    before = set(esper.list_worlds())
    current = esper.current_world
    a, b = Simulation(small_minefield(1)), Simulation(small_minefield(2))
    assert a.apply(Clear(1, "manual-1", "mined")).accepted
    assert b.apply(Clear(1, "manual-1", "mined")).accepted  # its own manual-1, not busy
    a.step()
    assert esper.current_world == current  # the caller's world is restored
    assert len(set(esper.list_worlds()) - before) == 2
    a.close()
    b.close()
    a.close()  # closing twice is harmless
    assert set(esper.list_worlds()) == before


def test_one_processor_per_file_with_a_docstring_naming_what_it_reads_and_writes():
    files = {p.stem for p in PROCESSORS.glob("*.py") if p.stem != "__init__"}
    in_table = {cls.__module__.rsplit(".", 1)[1] for _, cls in RUN_ORDER}
    assert files == in_table
    for path in PROCESSORS.glob("*.py"):
        if path.stem == "__init__":
            continue
        tree = ast.parse(path.read_text())
        doc = (ast.get_docstring(tree) or "").lower()
        assert "reads" in doc and "writes" in doc, path.name
        classes = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name.endswith("Processor")]
        assert len(classes) == 1, path.name


def test_no_lambda_event_handlers_and_no_wall_clock_in_the_sim():
    sim_dir = PROCESSORS.parent
    for path in list(sim_dir.rglob("*.py")):
        text = path.read_text()
        assert "set_handler" not in text, path
        assert "import time" not in text and "datetime" not in text, path
        assert "np.random.seed" not in text and "import random" not in text, path
