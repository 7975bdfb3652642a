"""Settings from the environment and `.env` (pydantic-settings).

Built once in ``main()`` and passed down; nothing reads the environment at import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class Settings(BaseSettings):
    """Every key here is listed, with a comment, in `.env.example`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    discord_token: SecretStr | None = None
    discord_api_base: str = "https://discord.com/api/v10"
    discord_gateway_url: str = "wss://gateway.discord.gg/"
    database_path: Path = Path("data/kissbot.db")
    dev_guild_id: int | None = None
    log_level: LogLevel = "INFO"
    allow_private_feeds: bool = False
    feed_poll_seconds: float = Field(default=900, ge=1)
    feed_user_agent: str = (
        "kissbot/0.1 (+https://github.com/kissbot/kissbot; Discord fan-server news bot)"
    )
    # Worker processes that parse feeds (0 = a thread in the bot's own process).
    feed_parse_workers: int = Field(default=1, ge=0, le=8)
    shows_dir: Path = Path("data/shows")
    feeds_file: Path = Path("data/feeds.toml")
    # discord.py waits this long after the last GUILD_CREATE before on_ready; tests lower it.
    guild_ready_timeout: float = Field(default=2.0, ge=0)

    @field_validator("discord_token", mode="before")
    @classmethod
    def _blank_token_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("discord_api_base", "discord_gateway_url")
    @classmethod
    def _url_has_scheme(cls, value: str) -> str:
        if "://" not in value:
            raise ValueError("must be an absolute URL such as http://127.0.0.1:8080/api/v10")
        return value.rstrip("/") if value.startswith("http") else value
