"""Wire helpers shared by the REST handlers: errors, JSON bodies, message validation."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlparse

from aiohttp import BodyPartReader, web

Json = dict[str, Any]

JSON_TYPE = "application/json"  # exactly: discord.py compares the header with ==


class ApiError(Exception):
    """An error reply in Discord's shape: {"code": N, "message": "..."}."""

    def __init__(self, status: int, code: int, message: str, errors: Json | None = None):
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> Json:
        body: Json = {"code": self.code, "message": self.message}
        if self.errors:
            body["errors"] = self.errors
        return body


# "embeds.0.title: Must be 256 or fewer in length.": a field's path, then what is wrong.
_FIELD_ERROR = re.compile(r"(\w+(?:\.\w+)*): (.+)", re.DOTALL)


def _nested(path: str, message: str) -> Json:
    """Discord's shape for one field's error: {"embeds": {"0": {"title": {"_errors": [...]}}}},
    which discord.py reads back as "In embeds.0.title: ..."."""
    errors: Json = {"_errors": [{"message": message}]}
    for key in reversed(path.split(".")):
        errors = {key: errors}
    return errors


def invalid_form(detail: str) -> ApiError:
    """400 / 50035; a ``detail`` that starts with a field's path is filed under that field."""
    match = _FIELD_ERROR.fullmatch(detail)
    errors = _nested(*match.groups()) if match else {"_errors": [{"message": detail}]}
    return ApiError(400, 50035, "Invalid Form Body", errors)


def unknown_channel() -> ApiError:
    return ApiError(404, 10003, "Unknown Channel")


def unknown_message() -> ApiError:
    return ApiError(404, 10008, "Unknown Message")


def not_text() -> ApiError:
    return ApiError(400, 50008, "Cannot send messages in a non-text channel")


def missing_access() -> ApiError:
    return ApiError(403, 50001, "Missing Access")


def missing_permissions() -> ApiError:
    return ApiError(403, 50013, "Missing Permissions")


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    all_headers = {"Content-Type": JSON_TYPE, **(headers or {})}
    return web.Response(body=json.dumps(data).encode(), status=status, headers=all_headers)


def no_content() -> web.Response:
    return web.Response(status=204)


async def read_payload(request: web.Request) -> tuple[Json, list[Json]]:
    """The JSON body (plain or `payload_json` in multipart) and any uploaded files."""
    if request.content_type.startswith("multipart/"):
        payload: Json = {}
        files: list[Json] = []
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader):
                continue
            data = await part.read()
            if part.name == "payload_json":
                payload = json.loads(data or b"{}")
            else:
                files.append({"filename": part.filename or "file", "size": len(data)})
        return payload, files
    if not request.can_read_body:
        return {}, []
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, 50109, "The request body contains invalid JSON.") from exc
    return (body if isinstance(body, dict) else {"_list": body}), []


# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
_EMBED_TEXT_LIMITS = {"title": 256, "description": 4096}


def _embed_length(embed: Json) -> int:
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for fld in embed.get("fields") or []:
        total += len(fld.get("name") or "") + len(fld.get("value") or "")
    return total


def required(where: str) -> ApiError:
    return invalid_form(f"{where}: This field is required")


def _check_url(value: Any, where: str) -> None:
    if value is None:
        return
    parsed = urlparse(str(value))
    if parsed.scheme not in ("http", "https", "attachment") or not (parsed.netloc or parsed.path):
        raise invalid_form(f"{where}: Not a well formed URL.")


def validate_embed(embed: Any, index: int) -> None:
    where = f"embeds.{index}"
    if not isinstance(embed, dict):
        raise invalid_form(f"{where}: must be an object")
    for key, limit in _EMBED_TEXT_LIMITS.items():
        if len(embed.get(key) or "") > limit:
            raise invalid_form(f"{where}.{key}: Must be {limit} or fewer in length.")
    _check_url(embed.get("url"), f"{where}.url")
    for part in ("image", "thumbnail"):
        if embed.get(part):
            _check_url(embed[part].get("url"), f"{where}.{part}.url")
    footer = embed.get("footer")
    if footer is not None and not (footer.get("text") or "").strip():
        raise required(f"{where}.footer.text")
    if footer and len(footer.get("text") or "") > 2048:
        raise invalid_form(f"{where}.footer.text: Must be 2048 or fewer in length.")
    author = embed.get("author")
    if author is not None and not (author.get("name") or "").strip():
        raise required(f"{where}.author.name")
    if author and len(author.get("name") or "") > 256:
        raise invalid_form(f"{where}.author.name: Must be 256 or fewer in length.")
    fields = embed.get("fields") or []
    if len(fields) > 25:
        raise invalid_form(f"{where}.fields: Must be 25 or fewer in length.")
    for i, fld in enumerate(fields):
        name, value = fld.get("name"), fld.get("value")
        if not isinstance(name, str) or not name.strip() or len(name) > 256:
            raise invalid_form(f"{where}.fields.{i}.name: must be 1-256 characters")
        if not isinstance(value, str) or not value.strip() or len(value) > 1024:
            raise invalid_form(f"{where}.fields.{i}.value: must be 1-1024 characters")
    color = embed.get("color")
    if color is not None and not (isinstance(color, int) and 0 <= color <= 0xFFFFFF):
        raise invalid_form(f"{where}.color: out of range")
    # An embed that shows nothing is refused, as if its description were missing.
    if not any(embed.get(k) for k in _VISIBLE):
        raise required(f"{where}.description")


# What makes an embed show something; a blank title or description counts as none.
_VISIBLE = ("title", "description", "fields", "author", "footer", "image", "thumbnail", "video")


# Message components (https://discord.com/developers/docs/components/reference), the classic
# layout: up to 5 action rows, each 5 buttons or one select; custom ids unique in the message.
ACTION_ROW, BUTTON, STRING_SELECT = 1, 2, 3
SELECTS = frozenset({STRING_SELECT, 5, 6, 7, 8})  # string, user, role, mentionable, channel
LINK, PREMIUM = 5, 6  # button styles
IS_COMPONENTS_V2 = 1 << 15


def _limit(value: Any, limit: int, where: str) -> None:
    if value is not None and (not isinstance(value, str) or len(value) > limit):
        raise invalid_form(f"{where}: Must be {limit} or fewer in length.")


def _validate_item(item: Json, where: str, seen: set[str]) -> None:
    kind = item.get("type")
    custom_id = item.get("custom_id")
    _limit(custom_id, 100, f"{where}.custom_id")
    if kind == BUTTON:
        style = item.get("style")
        if style not in range(1, PREMIUM + 1):
            raise invalid_form(f"{where}.style: Value must be one of {{1, 2, 3, 4, 5, 6}}.")
        _limit(item.get("label"), 80, f"{where}.label")
        if style == LINK:
            _check_url(item.get("url"), f"{where}.url")
            if not item.get("url") or custom_id is not None:
                raise invalid_form(f"{where}: A link button takes a url and no custom_id.")
            return
        if style != PREMIUM and not custom_id:
            raise required(f"{where}.custom_id")
        if style != PREMIUM and not (item.get("label") or item.get("emoji")):
            raise invalid_form(f"{where}: A button needs a label or an emoji.")
    elif kind in SELECTS:
        if not custom_id:
            raise required(f"{where}.custom_id")
        _limit(item.get("placeholder"), 150, f"{where}.placeholder")
        if kind == STRING_SELECT:
            _validate_options(item, where)
    else:
        raise invalid_form(f"{where}.type: This component type is not allowed in a message.")
    if custom_id is not None:
        if custom_id in seen:
            raise invalid_form(f"{where}.custom_id: Component custom id cannot be duplicated")
        seen.add(custom_id)


def _between(value: Any, low: int, high: int, where: str) -> None:
    if not isinstance(value, str) or not low <= len(value) <= high:
        raise invalid_form(f"{where}: Must be between {low} and {high} in length.")


def _validate_options(item: Json, where: str) -> None:
    """A string select's options: 1-25 of them, each a label and a unique value of 1-100
    characters and a description of up to 100; min_values 0-25, max_values 1-25, neither
    more than the options."""
    options = item.get("options") or []
    if not isinstance(options, list) or not 1 <= len(options) <= 25:
        raise invalid_form(f"{where}.options: Must be between 1 and 25 in length.")
    values: set[str] = set()
    for k, option in enumerate(options):
        here = f"{where}.options.{k}"
        if not isinstance(option, dict):
            raise invalid_form(f"{here}: must be an object")
        _between(option.get("label"), 1, 100, f"{here}.label")
        _between(option.get("value"), 1, 100, f"{here}.value")
        _limit(option.get("description"), 100, f"{here}.description")
        if option["value"] in values:
            raise invalid_form(f"{here}.value: Select option values must be unique.")
        values.add(option["value"])
    low, high = item.get("min_values", 1), item.get("max_values", 1)
    for key, value, least in (("min_values", low, 0), ("max_values", high, 1)):
        if not isinstance(value, int) or not least <= value <= min(25, len(options)):
            raise invalid_form(f"{where}.{key}: Must be between {least} and 25, and the options.")
    if low > high:
        raise invalid_form(f"{where}.min_values: Must be at most max_values.")


def validate_components(components: Any) -> None:
    """Discord's checks on a message's classic components (action rows of buttons/selects)."""
    if components is None:
        return
    if not isinstance(components, list) or len(components) > 5:
        raise invalid_form("components: Must be 5 or fewer in length.")
    seen: set[str] = set()
    for i, row in enumerate(components):
        where = f"components.{i}"
        if not isinstance(row, dict) or row.get("type") != ACTION_ROW:
            raise invalid_form(f"{where}.type: A top-level component must be an action row.")
        items = row.get("components")
        if not isinstance(items, list) or not 1 <= len(items) <= 5:
            raise invalid_form(f"{where}.components: Must be between 1 and 5 in length.")
        if len(items) > 1 and any(isinstance(c, dict) and c.get("type") != BUTTON for c in items):
            raise invalid_form(f"{where}.components: A select must be alone in its row.")
        for j, item in enumerate(items):
            if not isinstance(item, dict):
                raise invalid_form(f"{where}.components.{j}: must be an object")
            _validate_item(item, f"{where}.components.{j}", seen)


def validate_message(body: Json, files: list[Json], *, partial: bool = False) -> None:
    """Discord's checks on a message body; `partial` for edits (nothing is required)."""
    content = body.get("content")
    if content is not None and (not isinstance(content, str) or len(content) > 2000):
        raise invalid_form("content: Must be 2000 or fewer in length.")
    nonce = body.get("nonce")
    if nonce is not None and (not isinstance(nonce, str | int) or len(str(nonce)) > 25):
        raise invalid_form("nonce: Must be 25 or fewer in length.")
    embeds = body.get("embeds") or []
    if not isinstance(embeds, list) or len(embeds) > 10:
        raise invalid_form("embeds: Must be 10 or fewer in length.")
    for index, embed in enumerate(embeds):
        validate_embed(embed, index)
    if sum(_embed_length(e) for e in embeds) > 6000:
        raise invalid_form("embeds: Embed size exceeds maximum size of 6000")
    # Components v2 (a flag) lay out differently; only the classic layout is checked here.
    if not int(body.get("flags") or 0) & IS_COMPONENTS_V2:
        validate_components(body.get("components"))
    # Content that is only whitespace counts as none.
    has_something = (
        (content or "").strip()
        or embeds
        or files
        or body.get("components")
        or body.get("sticker_ids")
        or body.get("poll")
    )
    if not partial and not has_something:
        raise ApiError(400, 50006, "Cannot send an empty message")
