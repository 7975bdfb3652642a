"""SQLite store: one Database, one small repository per area."""

from __future__ import annotations

from pathlib import Path

from bot.store.cards import CardRepo
from bot.store.db import Database
from bot.store.events import EventRepo
from bot.store.feeds import FeedRepo
from bot.store.guilds import GuildRepo
from bot.store.meta import MetaRepo
from bot.store.news import NewsRepo
from bot.store.outbox import OutboxRepo
from bot.store.progress import ProgressRepo
from bot.store.retention import RetentionRepo


class Store:
    """Facade owning the connection and the repositories built on it."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.guilds = GuildRepo(db)
        self.meta = MetaRepo(db)
        self.feeds = FeedRepo(db)
        self.news = NewsRepo(db)
        self.outbox = OutboxRepo(db)
        self.retention = RetentionRepo(db)
        self.progress = ProgressRepo(db)
        self.events = EventRepo(db)
        self.cards = CardRepo(db)

    @classmethod
    async def open(cls, path: Path | str) -> Store:
        return cls(await Database.open(path))

    async def migrate(self) -> int:
        return await self.db.migrate()

    async def close(self) -> None:
        await self.db.close()


__all__ = ["Database", "Store"]
