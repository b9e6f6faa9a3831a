"""sqlite-utils loaded without pandas and numpy still maps their types as sqlite-utils does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import json, sys
from toolkit.store import create_store
store = create_store(sys.argv[1])
before = sorted(m for m in ("pandas", "numpy") if m in sys.modules)
import numpy as np, pandas as pd
store.db["t"].insert({"i": np.int32(3), "f": np.float64(1.5), "when": pd.Timestamp("2026-12-01")})
columns = {c.name: c.type for c in store.db["t"].columns}
print(json.dumps({"before": before, "columns": columns, "row": list(store.db["t"].rows)[0]["when"]}))
"""


def test_sqlite_utils_starts_without_pandas_and_maps_numpy_and_pandas_types(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "p.db")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    seen = json.loads(out.stdout)
    assert seen["before"] == []
    assert seen["columns"] == {"i": "INTEGER", "f": "REAL", "when": "TEXT"}
    assert seen["row"] == "2026-12-01T00:00:00"
