"""Event wording in Vietnamese, for Vietnamese outlets.

Apart from ``classify_lang`` so that the language's words sit together; its rules join
``classify_lang.LANG_RULES``.  Vietnamese marks tense with words ("sẽ", will; "đã", did;
"dự kiến", expected) and writes a season as "mùa" or "phần" (part) with its number after
it; ``normalise`` writes a date ("ngày 5 tháng 6", "tháng 6 năm 2026") as English.
"""

from __future__ import annotations

from bot.news.models import Milestone as M
from bot.news.rules import _DATE, _MONTH_IN_FULL, Family, _rule

_A_SEASON = r"\b(?:mùa|phần) (?:\d{1,2}|mới)\b"
_TRAILER = r"(?:trailer|teaser|đoạn giới thiệu)"
# Not yet: "sẽ" (will), "dự kiến" (expected), "có thể" (may).
# (nor "chưa", not yet, and "sắp", about to: "chưa bấm máy", "sắp đóng máy")
_NOT_YET = r"(?<!\bsẽ )(?<!\bdự kiến )(?<!\bcó thể )(?<!\bchưa )(?<!\bsắp )"

VI_LANG = Family(
    rules=(
        _rule(
            "renewed-vi",
            M.RENEWED,
            # "được gia hạn thêm phần 3" (not a contract: "gia hạn hợp đồng"), "xác nhận có
            # phần 3", "chính thức có mùa 2", "bật đèn xanh cho phần 3"
            rf"\bgia hạn\b(?! hợp đồng)[^.?!]{{0,20}}{_A_SEASON}"
            rf"|(?<!\bkhông )(?<!\bchưa )\b(?:xác nhận|chính thức|sẽ) có {_A_SEASON}(?![^.!]*\?)"
            rf"|\bbật đèn xanh (?:cho )?{_A_SEASON}",
        ),
        _rule(
            "cancelled-vi",
            M.CANCELLED,
            # "Netflix khai tử series X", "bị hủy", "hủy bỏ phim", "không có phần 3"
            r"\b(?:khai tử|bị hủy|bị huỷ|hủy bỏ|huỷ bỏ)\b"
            rf"|\bkhông có {_A_SEASON}(?![^.!]*\?)",
        ),
        _rule(
            "premieres-on-date-vi",
            M.RELEASE_DATE_ANNOUNCED,
            # "ra mắt ngày 5 tháng 6" ("ra mắt june 5"), "lên sóng vào tháng 6"; the day set:
            # "ấn định ngày ra mắt", "công bố lịch phát sóng"
            r"\b(?:ra mắt|lên sóng|phát sóng|công chiếu|lên kệ)\b(?! trailer| teaser)"
            rf"[^.?!]{{0,30}}?\b(?:vào |từ |ngày )?(?P<date>{_DATE})"
            r"|\b(?:ấn định|công bố|chốt|xác nhận) (?:ngày|lịch) (?:ra mắt|phát sóng|lên sóng"
            r"|công chiếu)\b",
        ),
        _rule(
            "out-now-vi",
            M.RELEASED,
            # "mùa 3 đã chính thức ra mắt", "đã lên sóng" (not a trailer, nor with its day)
            rf"{_A_SEASON}(?:(?!{_TRAILER})[^.?!]){{0,30}}\bđã (?:chính thức )?(?:ra mắt|lên sóng"
            rf"|có mặt)\b(?! {_TRAILER})(?![^.?!]{{0,30}}(?:\d|\b{_MONTH_IN_FULL}\b))",
        ),
        _rule(
            "trailer-vi",
            M.TRAILER,
            # "tung trailer", "chính thức hé lộ teaser", "trailer chính thức"
            rf"\b(?:tung|ra mắt|công bố|hé lộ|nhá hàng|phát hành) (?:\w+ ){{0,2}}?{_TRAILER}"
            rf"|\b{_TRAILER} (?:chính thức|đầu tiên)\b",
        ),
        _rule(
            "filming-started-vi",
            M.FILMING_STARTED,
            # "chính thức bấm máy", "khởi quay" (not "sẽ bấm máy", a plan)
            rf"{_NOT_YET}\b(?:bấm máy|khởi quay)\b",
        ),
        _rule(
            "filming-planned-vi",
            M.FILMING_STARTED,
            r"\b(?:sẽ|dự kiến) (?:\w+ )?(?:bấm máy|khởi quay)\b",
            future=True,
        ),
        _rule(
            "filming-wrapped-vi",
            M.FILMING_WRAPPED,
            rf"{_NOT_YET}\bđóng máy\b",
        ),
        _rule(
            "casting-vi",
            M.CASTING,
            # "gia nhập dàn diễn viên", "góp mặt trong phần 3"
            r"\b(?:gia nhập|tham gia) (?:dàn (?:diễn viên|cast)|đoàn phim)\b"
            rf"|\bgóp mặt (?:trong )?{_A_SEASON}",
        ),
        _rule(
            "delayed-vi",
            M.DELAYED,
            # "hoãn chiếu", "lùi lịch phát sóng"
            # (not denied: "sẽ không bị hoãn", won't be put off)
            r"(?<!\bkhông )(?<!\bkhông bị )(?<!\bchưa bị )\b(?:hoãn|trì hoãn|lùi lịch|dời lịch)\b",
        ),
    )
)
