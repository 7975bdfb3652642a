"""DESIGN: `make bench` prints one JSON object of figures, on a fresh clone too."""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO

# Stands in for `python3 -m venv`: a .venv whose pip does nothing and whose python is a bench
# that prints its figures, so the test sees only what make itself adds to stdout.
FAKE_PYTHON = """#!/bin/sh
mkdir -p .venv/bin
printf '#!/bin/sh\\necho installing >&2\\n' > .venv/bin/pip
printf '#!/bin/sh\\necho "{\\\\"figures\\\\": 1}"\\n' > .venv/bin/python
chmod +x .venv/bin/pip .venv/bin/python
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")
def test_make_bench_prints_only_json_even_when_it_first_builds_the_venv(tmp_path: Path) -> None:
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    fake = tmp_path / "fake-python"
    fake.write_text(FAKE_PYTHON)
    fake.chmod(0o755)

    for _ in range(2):  # building the venv, then with it in place
        result = subprocess.run(
            ["make", "--no-print-directory", "bench", f"PYTHON={fake}"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == {"figures": 1}


def test_the_package_metadata_is_what_setuptools_will_go_on_building() -> None:
    """`make` installs with the newest setuptools, which warned that a license written as a
    table stops building on 2027-02-18: a fresh clone's two commands would then fail."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(project["project"]["license"], str)  # an SPDX expression
    (setuptools,) = project["build-system"]["requires"]
    assert setuptools == "setuptools>=77"  # the first to read one
