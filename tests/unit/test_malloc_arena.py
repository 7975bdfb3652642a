"""The bot's threads share glibc's one malloc arena (memory: the 70 MiB goal)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli
from bot.settings import SecretStr, Settings

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's arenas only")

# A thread that calls malloc, then glibc's own count of its arenas (malloc_stats, on stderr).
_THREAD_MALLOCS = """
import ctypes, sys, threading
from bot.app import one_malloc_arena
print(one_malloc_arena() if sys.argv[1] == "limit" else None)
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
def work():
    libc.free(ctypes.c_void_p(libc.malloc(64)))
thread = threading.Thread(target=work)
thread.start()
thread.join()
libc.malloc_stats()
"""


def arenas(how: str, **env: str) -> tuple[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", _THREAD_MALLOCS, how],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    count = sum(line.startswith("Arena ") for line in done.stderr.splitlines())
    return done.stdout.strip(), count


def test_a_thread_allocates_from_the_main_arena() -> None:
    assert arenas("as-is") == ("None", 2)  # glibc's default: the thread's own arena
    assert arenas("limit") == ("True", 1)


def test_the_hosts_malloc_arena_max_wins() -> None:
    assert arenas("limit", MALLOC_ARENA_MAX="4") == ("False", 2)


def test_running_the_bot_limits_arenas_before_it_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def one_malloc_arena() -> bool:
        calls.append("arena")
        return True

    monkeypatch.setattr(cli, "one_malloc_arena", one_malloc_arena)

    async def run_bot(settings: Settings) -> int:
        calls.append("run")
        return 0

    monkeypatch.setattr(cli, "run_bot", run_bot)
    monkeypatch.setattr(cli, "configure_logging", lambda *args: None)
    assert cli.run(Settings(discord_token=SecretStr("t")), sandbox=False, script=None) == 0
    assert calls == ["arena", "run"]
