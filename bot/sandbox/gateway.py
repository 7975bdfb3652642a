"""The gateway websocket: HELLO, IDENTIFY/READY, GUILD_CREATE, heartbeats, RESUME, op 7/9.

Each identified session keeps its sequence number and a bounded replay buffer, so a client
that reconnects (op 7, op 9 resumable, a dropped socket) gets what it missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from bot.sandbox.state import World

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE, RESUME = 0, 1, 2, 3, 4, 6
RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 7, 8, 9, 10, 11

GUILDS_INTENT = 1 << 0
MEMBERS_INTENT = 1 << 1
PRESENCES_INTENT = 1 << 8
MESSAGE_CONTENT_INTENT = 1 << 15
PRIVILEGED = MEMBERS_INTENT | PRESENCES_INTENT | MESSAGE_CONTENT_INTENT

_REPLAY = 2048
_STALE_AFTER = 120.0


class Connection:
    """One websocket; frames are queued so dispatch order is kept without awaiting."""

    def __init__(self, ws: web.WebSocketResponse, *, compress: bool) -> None:
        self.ws = ws
        self._zlib = zlib.compressobj() if compress else None
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._writer = asyncio.create_task(self._write())
        self.session: Session | None = None

    def send(self, frame: str) -> None:
        self._queue.put_nowait(frame)

    def send_op(self, op: int, data: Any) -> None:
        self.send(json.dumps({"op": op, "d": data, "s": None, "t": None}))

    async def _write(self) -> None:
        while (frame := await self._queue.get()) is not None:
            if self.ws.closed:
                continue
            try:
                if self._zlib is None:
                    await self.ws.send_str(frame)
                else:
                    data = self._zlib.compress(frame.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
                    await self.ws.send_bytes(data)
            except (ConnectionError, RuntimeError):
                log.debug("gateway write failed; the client went away")

    async def drain(self) -> None:
        self._queue.put_nowait(None)
        await self._writer

    async def close(self, code: int, message: str = "") -> None:
        await self.drain()
        await self.ws.close(code=code, message=message.encode())


@dataclass(slots=True)
class Session:
    id: str
    intents: int
    seq: int = 0
    buffer: deque[tuple[int, str]] = field(default_factory=lambda: deque(maxlen=_REPLAY))
    conn: Connection | None = None
    detached_at: float = 0.0

    def frame(self, event: str, data: Any) -> str:
        self.seq += 1
        text = json.dumps({"op": DISPATCH, "d": data, "s": self.seq, "t": event})
        self.buffer.append((self.seq, text))
        return text

    def emit(self, event: str, data: Any) -> None:
        text = self.frame(event, data)
        if self.conn is not None:
            self.conn.send(text)


@dataclass(slots=True)
class GatewayStats:
    identifies: int = 0
    resumes: int = 0
    ready_sent: int = 0
    invalid_sessions: int = 0
    events: int = 0


class Gateway:
    def __init__(
        self,
        world: World,
        url: Callable[[], str],
        *,
        compress: bool = True,
        heartbeat_ms: int = 41_250,
        allowed_privileged: int = PRIVILEGED,
    ) -> None:
        self.world = world
        self._url = url
        self.compress = compress
        self.heartbeat_ms = heartbeat_ms
        self.allowed_privileged = allowed_privileged
        # A close code and reason every IDENTIFY is answered with (a token the gateway refuses
        # though REST took it, a Discord-side refusal), or None: the real checks below.
        self.refuse_identify: tuple[int, str] | None = None
        self.sessions: dict[str, Session] = {}
        self.connections: set[Connection] = set()
        self.stats = GatewayStats()
        self.changed = asyncio.Event()

    # -- events out -----------------------------------------------------------------
    def dispatch(self, event: str, data: Any, *, intent: int = 0) -> None:
        """Send one event to every identified session that asked for it."""
        self.stats.events += 1
        for session in self.sessions.values():
            if intent == 0 or session.intents & intent:
                session.emit(event, data)

    def guild_create(self, data: dict[str, Any], intents: int) -> dict[str, Any]:
        """A GUILD_CREATE body as a session sees it: without the members intent Discord
        lists only the bot's own member (member_count still counts everyone)."""
        if intents & MEMBERS_INTENT:
            return data
        me = str(self.world.bot.id)
        return data | {"members": [m for m in data["members"] if m["user"]["id"] == me]}

    def dispatch_guild_create(self, data: dict[str, Any]) -> None:
        self.stats.events += 1
        for session in self.sessions.values():
            if session.intents & GUILDS_INTENT:
                session.emit("GUILD_CREATE", self.guild_create(data, session.intents))

    def live_sessions(self) -> list[Session]:
        return [s for s in self.sessions.values() if s.conn is not None]

    # -- driver controls ----------------------------------------------------------
    def send_reconnect(self) -> int:
        conns = [s.conn for s in self.live_sessions() if s.conn is not None]
        for conn in conns:
            conn.send_op(RECONNECT, None)
        return len(conns)

    def invalidate(self, *, resumable: bool) -> int:
        live = self.live_sessions()
        for session in live:
            assert session.conn is not None
            session.conn.send_op(INVALID_SESSION, resumable)
            if not resumable:
                self.sessions.pop(session.id, None)
        self.stats.invalid_sessions += len(live)
        return len(live)

    async def close_all(self, code: int = 4000) -> int:
        conns = list(self.connections)
        for conn in conns:
            await conn.close(code)
        return len(conns)

    def _bump(self) -> None:
        self.changed.set()

    # -- the websocket --------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        compress = self.compress and request.query.get("compress") == "zlib-stream"
        conn = Connection(ws, compress=compress)
        self.connections.add(conn)
        conn.send_op(HELLO, {"heartbeat_interval": self.heartbeat_ms})
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                if not await self._on_frame(conn, json.loads(msg.data)):
                    break
        finally:
            self.connections.discard(conn)
            session = conn.session
            if session is not None and session.conn is conn:
                session.conn = None
                session.detached_at = time.monotonic()
            await conn.drain()
            if not ws.closed:
                await ws.close()
            self._bump()
        return ws

    async def _on_frame(self, conn: Connection, frame: dict[str, Any]) -> bool:
        op, data = frame.get("op"), frame.get("d")
        if op == HEARTBEAT:
            conn.send_op(HEARTBEAT_ACK, None)
        elif op == IDENTIFY:
            return await self._identify(conn, data or {})
        elif op == RESUME:
            return await self._resume(conn, data or {})
        elif op == REQUEST_MEMBERS:
            self._chunk(conn, data or {})
        elif op not in (PRESENCE, VOICE):
            await conn.close(4001, "Unknown opcode.")
            return False
        return True

    async def _identify(self, conn: Connection, data: dict[str, Any]) -> bool:
        if conn.session is not None:
            await conn.close(4005, "Already authenticated.")
            return False
        if self.refuse_identify is not None:
            await conn.close(*self.refuse_identify)
            return False
        if data.get("token") != self.world.token:
            await conn.close(4004, "Authentication failed.")
            return False
        intents = data.get("intents")
        if not isinstance(intents, int) or intents < 0:
            await conn.close(4013, "Invalid intent(s).")
            return False
        if intents & PRIVILEGED & ~self.allowed_privileged:
            await conn.close(4014, "Disallowed intent(s).")
            return False
        self._prune()
        session = Session(uuid.uuid4().hex, intents, conn=conn)
        conn.session = session
        self.sessions[session.id] = session
        self.stats.identifies += 1
        world = self.world
        # Every guild the bot is in (a removed one is not), those in an outage too.
        joined = [g for g in world.guilds.values() if world.bot.id in g.members]
        session.emit(
            "READY",
            {
                "v": 10,
                "user": world.bot.payload() | {"verified": True, "mfa_enabled": False, "flags": 0},
                "guilds": [{"id": str(g.id), "unavailable": True} for g in joined],
                "session_id": session.id,
                "session_type": "normal",
                "resume_gateway_url": self._url(),
                "application": {"id": str(world.app_id), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "guild_join_requests": [],
                "geo_ordered_rtc_regions": [],
                "user_settings": {},
                "_trace": ["kissbot-sandbox"],
            },
        )
        if intents & GUILDS_INTENT:
            for index, guild in enumerate(g for g in joined if not g.unavailable):
                session.emit("GUILD_CREATE", self.guild_create(guild.payload(), intents))
                if index % 50 == 49:
                    await asyncio.sleep(0)  # let other connections and requests breathe
        self.stats.ready_sent += 1
        self._bump()
        return True

    async def _resume(self, conn: Connection, data: dict[str, Any]) -> bool:
        if data.get("token") != self.world.token:
            await conn.close(4004, "Authentication failed.")
            return False
        session = self.sessions.get(str(data.get("session_id")))
        seq = data.get("seq") or 0
        if session is None or (session.buffer and session.buffer[0][0] > seq + 1):
            conn.send_op(INVALID_SESSION, False)
            self.stats.invalid_sessions += 1
            return True
        old = session.conn
        if old is not None and old is not conn:
            old.session = None
            await old.close(4000, "Session resumed elsewhere.")
        session.conn = conn
        conn.session = session
        for frame_seq, text in list(session.buffer):
            if frame_seq > seq:
                conn.send(text)
        session.emit("RESUMED", {"_trace": ["kissbot-sandbox"]})
        self.stats.resumes += 1
        self._bump()
        return True

    def _chunk(self, conn: Connection, data: dict[str, Any]) -> None:
        guild = self.world.guilds.get(int(data.get("guild_id", 0)))
        if guild is None or conn.session is None:
            return
        conn.session.emit(
            "GUILD_MEMBERS_CHUNK",
            {
                "guild_id": str(guild.id),
                "members": [m.payload() for m in guild.members.values()],
                "chunk_index": 0,
                "chunk_count": 1,
                "not_found": [],
                "nonce": data.get("nonce"),
            },
        )

    def _prune(self) -> None:
        cutoff = time.monotonic() - _STALE_AFTER
        for sid, session in list(self.sessions.items()):
            if session.conn is None and session.detached_at < cutoff:
                del self.sessions[sid]

    async def shutdown(self) -> None:
        with contextlib.suppress(Exception):
            await self.close_all(1001)
