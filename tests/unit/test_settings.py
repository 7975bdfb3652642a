"""Settings from the environment and `.env`: names, defaults, conversions and one-line errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import msgspec
import pytest

from bot.errors import ConfigError
from bot.settings import SecretStr, Settings
from tests.conftest import REPO

EXAMPLE = REPO / ".env.example"


def _env(**values: str) -> Settings:
    return Settings.from_env(values, env_file=None)


def _example_names() -> list[str]:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    return [line.split("=", 1)[0] for line in lines if line and not line.startswith("#")]


def test_env_example_lists_every_setting_with_its_default() -> None:
    names = [f.name.upper() for f in msgspec.structs.fields(Settings)]
    assert sorted(_example_names()) == sorted(names)
    # Copying .env.example unchanged gives exactly the built-in defaults.
    assert Settings.from_env({}, env_file=EXAMPLE) == Settings()


def test_environment_beats_the_file_and_names_ignore_case(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "LOG_LEVEL=debug\nFEED_POLL_SECONDS=30\nNOT_A_SETTING=1\nexport DEV_GUILD_ID=42\n",
        encoding="utf-8",
    )
    settings = Settings.from_env({"feed_poll_seconds": "60", "HOME": "/root"}, env_file=env_file)
    assert settings.log_level == "DEBUG"
    assert settings.feed_poll_seconds == 60
    assert settings.dev_guild_id == 42
    assert Settings.from_env({}, env_file=tmp_path / "missing.env") == Settings()


def test_values_are_converted_like_a_host_writes_them() -> None:
    settings = _env(
        ALLOW_PRIVATE_FEEDS="yes",
        DISCORD_API_BASE="http://127.0.0.1:8080/api/v10/",
        DISCORD_GATEWAY_URL="ws://127.0.0.1:8080/gateway/",
        DATABASE_PATH="/tmp/k.db",
        DEV_GUILD_ID=" ",
        FEED_PARSE_WORKERS="0",
        GUILD_READY_TIMEOUT="0.5",
    )
    assert settings.allow_private_feeds is True
    assert settings.discord_api_base == "http://127.0.0.1:8080/api/v10"
    assert settings.discord_gateway_url == "ws://127.0.0.1:8080/gateway/"  # not HTTP: kept
    assert settings.database_path == Path("/tmp/k.db")
    assert settings.dev_guild_id is None
    assert (settings.feed_parse_workers, settings.guild_ready_timeout) == (0, 0.5)
    assert _env(ALLOW_PRIVATE_FEEDS="0").allow_private_feeds is False
    assert _env(ALLOW_PRIVATE_FEEDS="On").allow_private_feeds is True


def test_the_token_never_shows_itself() -> None:
    token = "MTIz.secret-token-value"
    settings = _env(DISCORD_TOKEN=token)
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == token
    for shown in (repr(settings), str(settings), str(settings.discord_token), f"{settings}"):
        assert token not in shown
    assert settings.discord_token == SecretStr(token) != SecretStr("other")
    assert _env(DISCORD_TOKEN="   ").discord_token is None


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("DISCORD_API_BASE", "nope", "absolute URL"),
        ("DISCORD_GATEWAY_URL", "gateway.example", "absolute URL"),
        ("FEED_POLL_SECONDS", "0", ">= 1"),
        ("FEED_POLL_SECONDS", "often", "float"),
        ("FEED_PARSE_WORKERS", "9", "<= 8"),
        ("GUILD_READY_TIMEOUT", "-1", ">= 0"),
        # discord.py waited that long for another server before it was ready: 'inf' meant
        # never ready, so no poll and no post, and nothing in the log to say why.
        ("GUILD_READY_TIMEOUT", "inf", "<= 60"),
        ("LOG_LEVEL", "loud", "DEBUG, INFO, WARNING, ERROR, CRITICAL"),
        ("DEV_GUILD_ID", "general", "int"),
        ("ALLOW_PRIVATE_FEEDS", "maybe", "bool"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_setting(name: str, value: str, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _env(**{name: value})
    message = str(caught.value)
    assert message.startswith(f"bad setting {name}: ")
    assert problem in message and repr(value) in message and "\n" not in message


@pytest.mark.parametrize(
    ("name", "default"),
    [
        ("SHOWS_DIR", "data/shows"),
        ("FEEDS_FILE", "data/feeds.toml"),
        ("DATABASE_PATH", "data/kissbot.db"),
        ("FEED_USER_AGENT", "kissbot/0.1"),
        ("FEED_POLL_SECONDS", "900"),
    ],
)
def test_an_empty_value_is_a_bad_setting_unless_it_means_none(name: str, default: str) -> None:
    """Only DISCORD_TOKEN and DEV_GUILD_ID mean none when empty (README). An empty path was
    '.': `SHOWS_DIR=` read the working directory's pyproject.toml as a show pack, and the
    error named that file, not the setting; an empty FEED_USER_AGENT was sent as it was."""
    with pytest.raises(ConfigError) as caught:
        _env(**{name: "  "})
    message = str(caught.value)
    assert message.startswith(f"bad setting {name}: empty") and default in message
    assert "\n" not in message
    assert _env(DISCORD_TOKEN="", DEV_GUILD_ID="") == Settings()


@pytest.mark.parametrize("value", ["0", "-5", str(2**63), "99999999999999999999999999"])
def test_a_dev_guild_id_that_is_no_discord_id_is_a_bad_setting(value: str) -> None:
    """0, a negative number or one past 63 bits names no guild: it passed as an int, and the
    start-up's sync then met Discord's 400 ("is not snowflake"), told as a DISCORD_API_BASE
    that is not Discord's, with exit status 1, which the service restarts for ever."""
    with pytest.raises(ConfigError) as caught:
        _env(DEV_GUILD_ID=value)
    message = str(caught.value)
    assert message.startswith("bad setting DEV_GUILD_ID: ") and repr(value) in message
    assert "Discord id" in message and "\n" not in message
    assert _env(DEV_GUILD_ID=str(2**63 - 1)).dev_guild_id == 2**63 - 1


def test_an_env_file_in_another_encoding_is_read_or_named_in_one_line(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    # What Windows PowerShell's `echo DISCORD_TOKEN=abc > .env` writes: UTF-16, BOM, CRLF.
    env_file.write_bytes("\ufeffDISCORD_TOKEN=abc\r\nDEV_GUILD_ID=7\r\n".encode("utf-16-le"))
    settings = Settings.from_env({}, env_file=env_file)
    assert settings.discord_token == SecretStr("abc") and settings.dev_guild_id == 7
    env_file.write_bytes("\ufeffDEV_GUILD_ID=7\n".encode())  # Notepad's UTF-8 BOM
    assert Settings.from_env({}, env_file=env_file).dev_guild_id == 7
    env_file.write_bytes(b"FEED_USER_AGENT=caf\xe9 bot\n")  # Latin-1: had been a traceback
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({}, env_file=env_file)
    assert str(caught.value) == f"{env_file}: not UTF-8 text (byte 20 is not); save it as UTF-8"


def test_a_misspelt_name_in_the_env_file_is_told_and_others_are_not(tmp_path: Path) -> None:
    """A typo in `.env` had the bot open the offline console without a word."""
    env_file = tmp_path / ".env"
    env_file.write_text("DISCORD_TOKN=abc\nLOG_LEVL=debug\nPGHOST=db\nDEV_GUILD_ID=7\n", "utf-8")
    notes: list[str] = []
    settings = Settings.from_env({}, env_file=env_file, warn=notes.append)
    assert settings.discord_token is None and settings.dev_guild_id == 7
    assert notes == [
        f"{env_file}: DISCORD_TOKN is not a setting, so it is ignored; DISCORD_TOKEN?",
        f"{env_file}: LOG_LEVL is not a setting, so it is ignored; LOG_LEVEL?",
    ]


def test_a_home_relative_path_is_the_hosts_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/host")
    settings = _env(DATABASE_PATH="~/kissbot.db", FEEDS_FILE="data/feeds.toml")
    assert settings.database_path == Path("/home/host/kissbot.db")
    assert settings.feeds_file == Path("data/feeds.toml")


def test_the_bundled_data_is_found_from_any_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m bot classify` run from elsewhere stopped: "data/shows: show data directory
    not found". A relative path missing where the bot runs means the data shipped with it."""
    monkeypatch.chdir(tmp_path)
    settings = _env()
    assert settings.shows_dir == REPO / "data" / "shows"
    assert settings.feeds_file == REPO / "data" / "feeds.toml"
    assert settings.database_path == Path("data/kissbot.db")  # state stays where it runs
    # the host's own copy, where the bot runs, wins; a path found nowhere is kept, to be named
    (tmp_path / "data" / "shows").mkdir(parents=True)
    assert _env().shows_dir == Path("data/shows")
    assert _env(FEEDS_FILE="mine.toml").feeds_file == Path("mine.toml")


@pytest.mark.parametrize("value", ["inf", "1e300", "1e999", "31536001"])
def test_a_poll_interval_past_a_year_is_accepted_and_polled_yearly(value: str) -> None:
    """Any value >= 1 is accepted (DESIGN); 'inf' had overflowed every scheduled poll."""
    settings = _env(FEED_POLL_SECONDS=value)
    assert settings.feed_poll_seconds >= 31536001
    assert settings.poll_interval == 365 * 86400
    assert _env(FEED_POLL_SECONDS="2").poll_interval == 2


def test_a_home_path_without_a_home_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    def nobody(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", nobody)
    with pytest.raises(ConfigError, match=r"^bad setting DATABASE_PATH: .*no home directory"):
        _env(DATABASE_PATH="~/kissbot.db")


def _readme_settings() -> dict[str, tuple[str, str]]:
    """README's settings table: each setting's default cell and meaning cell, by name."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    rows: dict[str, tuple[str, str]] = {}
    for line in text.split("| setting | default | what |", 1)[1].splitlines()[2:]:
        if not line.startswith("| `"):
            break
        names, defaults, what = (cell.strip() for cell in line.strip("|").split(" | ", 2))
        shown = re.findall(r"`([^`]*)`", defaults) or [defaults] * names.count("`")
        for name, default in zip(re.findall(r"`(\w+)`", names), shown, strict=False):
            rows[name] = (default, what)
    return rows


def _bounds(kind: object) -> str | None:
    """A bounded setting's range as README writes it: '0 to 60', or '≥ 1' with no top."""
    meta = next((m for m in get_args(kind)[1:] if isinstance(m, msgspec.Meta)), None)
    if meta is None or meta.ge is None:
        return None
    low = f"{meta.ge:,}"
    return f"≥ {low}" if meta.le is None else f"{low} to {meta.le:,}"


def test_readme_settings_table_gives_every_setting_its_default_and_bounds() -> None:
    """A host reads the settings in README's table: every one is there, with the default the
    code has and the range it enforces (FEED_PARSE_WORKERS' 0 to 8 was missing)."""
    rows = _readme_settings()
    for field in msgspec.structs.fields(Settings):
        name = field.name.upper()
        assert name in rows, f"README's settings table lacks {name}"
        shown, what = rows[name]
        default = field.default
        if isinstance(default, bool):
            expected = str(int(default))
        elif default is None or name in ("DISCORD_API_BASE", "DISCORD_GATEWAY_URL"):
            continue  # "(empty: sandbox console)", "—", "Discord's"
        else:
            expected = str(default)
        if shown.endswith("(…)"):
            assert expected.startswith(shown.removesuffix("(…)")), name
        else:
            assert shown == expected, f"README gives {name} the default {shown}, not {expected}"
        if (bounds := _bounds(field.type)) is not None:
            assert bounds in what, f"README's {name} row lacks its range, {bounds}"
