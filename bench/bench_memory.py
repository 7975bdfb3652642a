"""Peak RSS (VmHWM) of the bot process, against sandboxes of 10 and 1,000 guilds.

Each bot runs as a child process, connects, receives every guild, answers a few
commands, settles for a second, and then its high-water mark is read from /proc. The
bot follows one loopback feed, as a deployed bot follows feeds: its classifier tables are
built at start-up then, and count. The baseline is a bare discord.py bot
(``bench.bare_bot``) run the same way against the same 1,000 guilds.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import tempfile
from contextlib import AsyncExitStack
from pathlib import Path

from bench.common import (
    REPO_ROOT,
    STDERR_FD,
    Json,
    Scale,
    all_met,
    child_env,
    goal,
    peak_rss_mib,
    ratio,
    rss_mib,
)
from bench.feeds import FeedHost
from bot.sandbox.driver import Sandbox, spawn_bot

log = logging.getLogger("bench.memory")

SETTLE_S = 1.0


async def _spawn_bare(sb: Sandbox) -> asyncio.subprocess.Process:
    """The bare bot, pointed at the sandbox through the variables kissbot reads too."""
    where = (sb.token, sb.api_base, sb.gateway_url, str(sb.guild.id))
    names = ("DISCORD_TOKEN", "DISCORD_API_BASE", "DISCORD_GATEWAY_URL", "DEV_GUILD_ID")
    env = {**os.environ, **dict(zip(names, where, strict=True))}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.bare_bot", cwd=REPO_ROOT, env=env, stdout=STDERR_FD
    )


async def peak(guilds: int, *, bare: bool = False) -> tuple[float, float]:
    """(VmHWM, VmRSS) in MiB of one bot process after start-up and a few commands."""
    with tempfile.TemporaryDirectory(prefix="kissbot-bench-memory-") as tmpdir:
        tmp = Path(tmpdir)
        async with AsyncExitStack() as stack:
            sb = await stack.enter_async_context(Sandbox(guilds=guilds))
            if bare:
                proc = await _spawn_bare(sb)
            else:
                host = await stack.enter_async_context(FeedHost(1))  # the bare bot reads no feed
                env = child_env(FEEDS_FILE=str(host.feeds_toml(tmp / "feeds.toml")))
                proc = await spawn_bot(sb, env, database_path=tmp / "bot.db", stdout=STDERR_FD)
            try:
                await sb.wait_for_identify(timeout=120)
                await sb.wait_for_commands(timeout=60)
                for _ in range(3):
                    await sb.invoke("ping", timeout=30)
                if not bare:
                    for name in ("Kitty", "Min Ho", "yuri"):
                        await sb.invoke("cast", {"name": name}, timeout=30)
                    await sb.invoke("status", timeout=30)
                await asyncio.sleep(SETTLE_S)
                return peak_rss_mib(proc.pid), rss_mib(proc.pid)
            finally:
                proc.terminate()
                await proc.wait()


async def measure(scale: Scale) -> Json:
    many = scale.pick(1000, 200)
    small, _ = await peak(10)
    large, large_now = await peak(many)
    bare, _ = await peak(many, bare=True)
    log.info("RSS: %.1f MiB (10 guilds), %.1f MiB (%d), bare %.1f MiB", small, large, many, bare)
    goals = {"rss_mb_1000_guilds": goal(large, "<=", 70)}
    return {
        "rss_mb_10_guilds": small,
        "rss_mb_1000_guilds": large,
        "guilds": many,
        "rss_now_mb_1000_guilds": large_now,
        "baseline": {"rss_mb_bare_1000_guilds": bare},
        "rss_mb_bare_1000_guilds": bare,
        "ratio_to_bare": ratio(large, bare),
        "goals": goals,
        "met": all_met(goals),
    }


def run(scale: Scale) -> Json:
    return asyncio.run(measure(scale))
