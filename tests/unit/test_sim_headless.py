"""The simulation, the scripted players and the scoring never import pygame."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_sim_policies_and_scoring_import_without_pygame():
    code = textwrap.dedent("""
        import sys
        sys.modules["pygame"] = None
        import game.sim, game.sim.processors, game.policies, game.scoring, game.bench_sim
        from game.policies import run_policy
        from game.sim.synthetic import synthetic_scenario
        card = run_policy(synthetic_scenario(1, zones=[("z", (0, 0, 8, 8))], days=3), "land_release").card
        assert "pygame" not in sys.modules or sys.modules["pygame"] is None
        print(card.grade)
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
