"""Event wording in Korean: XO, Kitty is set in Seoul, and Korean outlets follow it.

Apart from ``classify_lang`` so that the language's words sit together; its rules join
``classify_lang.LANG_RULES``.  Korean glues particles and endings to a word's stem ("시즌이",
"제작을", "공개된다") and a number to its noun ("시즌3"), so a pattern names the stem after a
``\\b`` and lets the rest follow (``\\w*``); the gate knows a Korean word by its first two
syllables (``classify_gate.HANGUL_PREFIX_LEN``).  Dates reach the rules as English:
``normalise`` writes "6월 5일" as "june 5".
"""

from __future__ import annotations

from bot.news.models import Milestone as M
from bot.news.rules import _DATE, Family, _rule

# The season, its number glued or spaced: "시즌3", "시즌 3", "시즌2가".
_SEASON = r"\b시즌 ?\d{1,2}"
# Done, not planned: a stem's future or intent ("시작할", "시작한다", "마칠") or a plan after it
# ("시작 예정", "돌입 계획") is no event yet.
_NOT_YET = r"(?!할|한다|하기|될|된다)(?!\w* (?:예정|계획|전망))"
# Denied: "아니다", "아냐" (is not), "안 됐다", "않는다" (does not), "못" (cannot), after the
# verb and what a headline glues to it ("확정된 것 아니다", "취소 아냐").
_DENIED = r"(?!\w*(?: 것| 건)? ?(?:아니|아냐|안 |않|못))"
# Releasing: to release, to air, to premiere, to come back.
_RELEASE = r"(?:공개|방송|방영|첫방|출격|컴백|돌아온)"

KO_LANG = Family(
    rules=(
        _rule(
            "renewed-ko",
            M.RENEWED,
            # "'비밀의 숲' 시즌2 제작 확정" (season 2 production confirmed), "시즌2 제작도 확정"
            # (not its release or the shoot confirmed, "시즌3 공개일 확정", "시즌3 6월 5일 공개
            # 확정"; nor denied, "확정 아냐", "확정된 것 아니다", or not yet, "미확정")
            rf"{_SEASON}\w*(?:(?!공개|방송|방영|촬영|예고|티저|\d)[^.?!]){{0,12}}(?<!미)확정"
            + _DENIED,
        ),
        _rule(
            "cancelled-ko",
            M.CANCELLED,
            # "제작 취소" (production cancelled), "시즌3 제작 무산" (came to nothing), "조기
            # 종영" (ended early), "캔슬", "시즌3 없다" (there is no season 3)
            # (not denied: "제작 취소 아냐")
            rf"(?:\b제작\w* (?:취소|무산)|\b조기 종영|\b캔슬){_DENIED}"
            rf"|{_SEASON}\w* (?:제작\w* )?(?:없다|없어|없는다)",
        ),
        _rule(
            "delayed-ko",
            M.DELAYED,
            # "공개 연기" (release postponed), "방송 일정 연기", "공개일 미뤄져"
            rf"\b(?:공개|방송|방영)\w*(?: 일정)? (?:연기|미뤄|늦춰){_DENIED}",
        ),
        _rule(
            "premieres-on-date-ko",
            M.RELEASE_DATE_ANNOUNCED,
            # "6월 5일 공개" ("june 5 공개" once normalised), "6월 5일에 전 세계 공개", "6월 방송"
            # (the season's number is no day: "시즌3 6월 공개" is no "3 june"); its year after
            # it as ``normalise`` writes it ("2027년 6월 5일" is "june 5, 2027"); not what
            # else comes out that day ("6월 5일 예고편 공개", the trailer's)
            r"(?<!\d)(?<!시즌)(?<!시즌 )"
            rf"(?P<date>{_DATE})(?:, (?:19|20)\d\d)? (?:에 |부터 )?"
            rf"(?:(?!예고|티저)[\w']+ ){{0,2}}?\b{_RELEASE}{_DENIED}",
        ),
        _rule(
            "out-now-ko",
            M.RELEASED,
            # "오늘 공개" (out today), "드디어 공개" (finally out), "시즌3 공개됐다" (was released)
            # (not the trailer's: "드디어 공개된 예고편")
            rf"\b(?:오늘|드디어|마침내|전격) (?:\w+ )?\b{_RELEASE}(?![^.?!]{{0,10}}(?:예고|티저))"
            rf"|{_SEASON}\w* (?:전 세계 )?(?:공개됐|공개되었|베일 벗었)",
        ),
        _rule(
            "filming-starts-ko",
            M.FILMING_STARTED,
            # "촬영 시작" (filming began), "촬영에 돌입", "크랭크인" (not "촬영 시작 예정")
            rf"\b촬영\w* (?:시작|돌입|개시|착수){_NOT_YET}|\b촬영에 들어갔|\b크랭크인{_NOT_YET}",
        ),
        _rule(
            "filming-wrapped-ko",
            M.FILMING_WRAPPED,
            # "촬영 종료" (filming ended), "촬영 마무리", "촬영을 마쳤다", "크랭크업"
            rf"\b촬영\w* (?:종료|마무리|마쳤|끝났|완료){_NOT_YET}|\b크랭크업{_NOT_YET}",
        ),
        _rule(
            "trailer-ko",
            M.TRAILER,
            # "예고편 공개" (trailer released), "티저 예고편 공개", "메인 예고편 베일"
            r"\b(?:예고편|티저)\w*[^.?!]{0,20}?\b(?:공개|베일)",
        ),
    )
)
