"""deploy/kissbot.service: a unit systemd accepts, that restarts the bot only when a restart
can help (the exit statuses in ``bot.errors``)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import errors
from tests.conftest import REPO

UNIT = REPO / "deploy" / "kissbot.service"


def _service() -> configparser.SectionProxy:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    unit.read_string(UNIT.read_text(encoding="utf-8"))
    return unit["Service"]


def test_the_unit_restarts_on_trouble_worth_a_retry_only() -> None:
    service = _service()
    assert service["Restart"] == "on-failure"
    prevented = {int(status) for status in service["RestartPreventExitStatus"].split()}
    assert prevented == {errors.BAD_SETTING, errors.TOKEN_REJECTED}
    assert errors.RETRY_LATER not in prevented
    assert service["KillSignal"] == "SIGTERM"  # the bot's clean stop


def test_the_unit_runs_the_headless_bot_from_its_checkout() -> None:
    service = _service()
    root = Path(service["WorkingDirectory"])
    assert service["ExecStart"] == f"{root}/.venv/bin/python -m bot run"
    # the store's directory (DATABASE_PATH's default) is the one place it may write
    assert service["ReadWritePaths"] == f"{root}/data"


def test_the_units_bytecode_goes_to_a_cache_the_bot_may_write() -> None:
    # ProtectSystem=strict leaves the checkout read-only: without a writable prefix every
    # start compiles the whole source again.
    service = _service()
    cache = Path("/var/cache") / service["CacheDirectory"]
    assert service["ProtectSystem"] == "strict"
    assert service["Environment"] == f"PYTHONPYCACHEPREFIX={cache}/pycache"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    # Pointed at this checkout and this interpreter: systemd checks that ExecStart exists.
    root = _service()["WorkingDirectory"]
    text = UNIT.read_text(encoding="utf-8").replace(root, str(REPO))
    text = text.replace(f"{REPO}/.venv/bin/python", sys.executable)
    unit = tmp_path / "kissbot.service"
    unit.write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "kissbot.service" not in result.stderr  # no warning about the unit itself
