"""Guild scheduled events, as Discord validates and serves them (the routes are in rest.py).

Only what Discord documents for creating and editing one: a name of 1-100 characters, a
description of up to 1000, privacy level 2 (guild only), a start in the future, and for an
EXTERNAL event (entity type 3) a location of 1-100 characters, an end after the start and
no channel. A guild holds at most 100 events not yet completed (scheduled or active), whoever
made them: a create past that is Discord's 400 code 30038 (discord-api-types
``MaximumNumberOfUncompletedGuildScheduledEventsReached``; @sapphire/discord-utilities
``GuildLimits.MaximumScheduledOrActiveEvents``). An event's status follows the clock as
Discord's does for external events: active from its start, completed at its end; a completed
or cancelled one can't be edited.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from bot.sandbox.wire import ApiError, invalid_form

Json = dict[str, Any]

STAGE, VOICE, EXTERNAL = 1, 2, 3
GUILD_ONLY = 2
SCHEDULED, ACTIVE, COMPLETED, CANCELED = 1, 2, 3, 4
# Gateway events for these go to sessions with the GUILD_SCHEDULED_EVENTS intent only.
SCHEDULED_EVENTS_INTENT = 1 << 16
_FIELDS = (
    "name",
    "description",
    "privacy_level",
    "entity_type",
    "entity_metadata",
    "channel_id",
    "scheduled_start_time",
    "scheduled_end_time",
    "status",
)


# Discord's most events a guild has scheduled or active at once, and its code past that.
UNCOMPLETED_MAX = 100
TOO_MANY = 30038


# Discord's code (HTTP 400) for an edit of an event completed or cancelled (discord-api-types
# ``CannotUpdateAFinishedEvent``): "once status is set to COMPLETED or CANCELED, the status can
# no longer be updated" (Guild Scheduled Event, Status Update Transitions).
FINISHED = 180000


def unknown_event() -> ApiError:
    return ApiError(404, 10070, "Unknown Guild Scheduled Event")


def _time(body: Json, key: str) -> datetime | None:
    value = body.get(key)
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        raise invalid_form(f"{key}: Could not parse {value}. Should be ISO8601.") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def validate(event: Json, *, start_changed: bool, now: datetime) -> None:
    """Raise Discord's 400 for an event (created, or as an edit leaves it) it would refuse."""
    name = event.get("name")
    if not isinstance(name, str) or not 1 <= len(name) <= 100:
        raise invalid_form("name: Must be between 1 and 100 in length.")
    description = event.get("description")
    if description is not None and (not isinstance(description, str) or len(description) > 1000):
        raise invalid_form("description: Must be 1000 or fewer in length.")
    if event.get("privacy_level") != GUILD_ONLY:
        raise invalid_form("privacy_level: Value must be one of {2}.")
    kind = event.get("entity_type")
    if kind not in (STAGE, VOICE, EXTERNAL):
        raise invalid_form("entity_type: Value must be one of {1, 2, 3}.")
    start = _time(event, "scheduled_start_time")
    if start is None:
        raise invalid_form("scheduled_start_time: This field is required")
    if start_changed and start <= now:
        raise invalid_form("scheduled_start_time: Cannot schedule event in the past.")
    end = _time(event, "scheduled_end_time")
    if end is not None and end <= start:
        raise invalid_form("scheduled_end_time: Must be after the start time.")
    if kind == EXTERNAL:
        location = (event.get("entity_metadata") or {}).get("location")
        if not isinstance(location, str) or not 1 <= len(location) <= 100:
            raise invalid_form("entity_metadata.location: Must be between 1 and 100 in length.")
        if end is None:
            raise invalid_form("scheduled_end_time: Required for external events.")
        if event.get("channel_id") is not None:
            raise invalid_form("channel_id: Must be null for external events.")
    elif event.get("channel_id") is None:
        raise invalid_form("channel_id: Required for stage and voice events.")


def create(
    body: Json,
    *,
    event_id: int,
    guild_id: int,
    creator: Json,
    now: datetime,
    existing: Iterable[Json] = (),
) -> Json:
    """A new event from a create's ``body``, beside the guild's ``existing`` ones."""
    uncompleted = sum(advance(e, now)["status"] in (SCHEDULED, ACTIVE) for e in existing)
    if uncompleted >= UNCOMPLETED_MAX:
        raise ApiError(
            400, TOO_MANY, "Maximum number of uncompleted guild scheduled events reached (100)"
        )
    event = {k: body[k] for k in _FIELDS if k in body and k != "status"}
    event.setdefault("channel_id", None)
    event.setdefault("description", None)
    event.setdefault("scheduled_end_time", None)
    event.setdefault("entity_metadata", None)
    validate(event, start_changed=True, now=now)
    return event | {
        "id": str(event_id),
        "guild_id": str(guild_id),
        "creator_id": creator["id"],
        "creator": creator,
        "status": SCHEDULED,
        "entity_id": None,
        "image": None,
        "recurrence_rule": None,
        "user_count": 0,
    }


def edit(event: Json, body: Json, *, now: datetime) -> Json:
    """The event as the PATCH ``body`` leaves it (``event`` itself is not changed)."""
    if advance(event, now)["status"] in (COMPLETED, CANCELED):
        raise ApiError(400, FINISHED, "Cannot update a finished event")
    changes = {k: body[k] for k in _FIELDS if k in body}
    edited = event | changes
    moved = "scheduled_start_time" in changes and _time(changes, "scheduled_start_time") != _time(
        event, "scheduled_start_time"
    )
    validate(edited, start_changed=moved, now=now)
    return edited


def advance(event: Json, now: datetime) -> Json:
    """The event with its status as the clock leaves an external event: Discord starts it at
    its start time and completes it at its end."""
    if event["entity_type"] != EXTERNAL or event["status"] in (COMPLETED, CANCELED):
        return event
    start, end = _time(event, "scheduled_start_time"), _time(event, "scheduled_end_time")
    if end is not None and now >= end:
        event["status"] = COMPLETED
    elif start is not None and now >= start:
        event["status"] = ACTIVE
    return event
