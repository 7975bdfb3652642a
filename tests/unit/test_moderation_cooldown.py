"""The /feeds add cool-down: per guild, charged only when a fetch really happens."""

from __future__ import annotations

from bot.moderation.cooldown import GuildCooldown


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_cooldown_is_per_guild_and_expires() -> None:
    clock = Clock()
    cooldown = GuildCooldown(30, clock)
    assert cooldown.refusal(1, "add a feed") is None
    cooldown.charge(1)
    clock.now += 10
    text = cooldown.refusal(1, "add a feed")
    assert text is not None and "once every 30 s" in text and "20 s" in text
    assert cooldown.refusal(2, "add a feed") is None  # other guilds are unaffected
    clock.now += 20
    assert cooldown.remaining(1) == 0
    assert cooldown.refusal(1, "add a feed") is None


def test_remaining_rounds_up_so_the_user_never_retries_too_early() -> None:
    clock = Clock()
    cooldown = GuildCooldown(30, clock)
    cooldown.charge(1)
    clock.now += 29.5
    assert cooldown.refusal(1, "x") is not None
    assert "1 s" in (cooldown.refusal(1, "x") or "")


def test_old_entries_are_forgotten() -> None:
    clock = Clock()
    cooldown = GuildCooldown(1, clock)
    for guild in range(1100):
        cooldown.charge(guild)
        clock.now += 0.01
    clock.now += 5
    cooldown.charge(5000)
    assert cooldown.remaining(0) == 0
    assert len(cooldown._last) < 1100
