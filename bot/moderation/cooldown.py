"""A per-guild cool-down, charged only when the guarded action really runs (pure).

discord.py's ``checks.cooldown`` charges every invocation, so a moderator who
mistypes a URL would be locked out for nothing; here a refusal costs nothing and
only an actual fetch starts the clock.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable


class GuildCooldown:
    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._last: dict[int, float] = {}

    def remaining(self, guild_id: int) -> float:
        """Seconds until ``guild_id`` may act again; 0 when it may act now."""
        last = self._last.get(guild_id)
        if last is None:
            return 0.0
        return max(0.0, last + self.seconds - self._clock())

    def charge(self, guild_id: int) -> None:
        now = self._clock()
        self._last[guild_id] = now
        # Forget guilds whose wait is over, so the map stays as small as the busy set.
        if len(self._last) > 1024:
            self._last = {g: t for g, t in self._last.items() if t + self.seconds > now}

    def refusal(self, guild_id: int, what: str) -> str | None:
        """The message to show when ``guild_id`` must wait, else None."""
        wait = self.remaining(guild_id)
        if wait <= 0:
            return None
        return f"Slow down: this server can {what} once every {self.seconds:.0f} s. " + (
            f"Try again in {math.ceil(wait)} s."
        )
