"""Event wording in Serbian, Croatian and Bosnian (Latin script), for their outlets.

Apart from ``classify_lang`` so that the languages' words sit together; its rules join
``classify_lang.LANG_RULES``.  The three share their press's words but for a few forms
("dobija" and "dobit će", gets and will get; "odložen" and "odgođen", put off), written
together here.  A season is "sezona", its ordinal before it and declined with it ("treća
sezona", "treću sezonu", "treće sezone").
"""

from __future__ import annotations

from bot.news.models import Milestone as M
from bot.news.rules import DAY_OR_MONTH_IN, Family, _rule

_NTH = r"(?:\d{1,2}|drug[aue]|treć[aue]|trec[aue]|četvrt[aue]|cetvrt[aue]|pet[aue]|nov[aue])"
_A_SEASON = rf"\b{_NTH} sezon[aue]\b"
_TRAILER = r"(?:trejler\w*|trailer\w*|tizer\w*|teaser\w*)"

SH_LANG = Family(
    rules=(
        _rule(
            "renewed-sh",
            M.RENEWED,
            # "Netflix obnovio seriju", "obnovljena za treću sezonu", "dobija treću sezonu",
            # "dobit će treću sezonu", "treća sezona potvrđena", "biće i treće sezone"
            # (not a contract: "obnovio ugovor")
            r"\b(?:obnovio|obnovila|obnovili|obnavlja|obnovljen[aoi]?)\b(?![^.?!]{0,30}\bugovor)"
            rf"|\b(?:dobija|dobiva|dobiće|dobit će|dobila je|dobio je|dobila|dobio) {_A_SEASON}"
            rf"|{_A_SEASON} (?:je )?(?:službeno |zvanično |zvanicno )?(?:potvrđena|potvrdjena)\b"
            rf"|\b(?:potvrđena|potvrdjena|potvrdio|potvrdila|potvrđuje) (?:je )?{_A_SEASON}"
            rf"|\b(?:biće|bit će) (?:i )?{_A_SEASON}(?![^.!]*\?)",
        ),
        _rule(
            "cancelled-sh",
            M.CANCELLED,
            # "serija je otkazana", "Netflix otkazao", "ukinuta", "neće dobiti treću sezonu"
            r"\b(?:otkazan[aoi]?|otkazuje|otkazao|otkazala|otkazali|ukinut[aoi]?|ukida)\b"
            rf"|\bneće (?:biti|dobiti) (?:ni )?{_A_SEASON}",
        ),
        _rule(
            "premieres-on-date-sh",
            M.RELEASE_DATE_ANNOUNCED,
            # "premijera 5. juna", "stiže na Netflix 5. juna", "izlazi u junu" (not a past one:
            # "premijera je bila"; nor the shoot's start, "snimanje počinje 5. juna")
            r"\b(?:premijer\w*|stiže|stize|izlazi|dolazi na)\b"
            r"(?![^.?!]{0,40}\bbila\b)[^.?!]{0,40}?"
            rf"\b(?:u |od |dana )?(?P<date>{DAY_OR_MONTH_IN})",
        ),
        _rule(
            "out-now-sh",
            M.RELEASED,
            # "druga sezona stigla je na Netflix", "stigla danas" (not its trailer's)
            rf"{_A_SEASON}(?:(?!{_TRAILER})[^.?!]){{0,40}}\b(?:stigla|stigle|dostupna)"
            r"(?: je| su)? (?:danas |konačno |upravo )?(?:na|danas)\b(?![^.?!]{0,30}\d)",
        ),
        _rule(
            "trailer-sh",
            M.TRAILER,
            # "trejler je stigao", "pogledajte prvi trejler", "zvanični trejler"
            rf"\b{_TRAILER}\b[^.?!]{{0,30}}\b(?:stigao|objavljen|predstavljen|je tu|otkriva)\b"
            rf"|\b(?:pogledajte|pogledaj|pogledajte i) (?:\w+ )?{_TRAILER}"
            rf"|\b(?:prvi|novi|zvanični|službeni|zvanicni) {_TRAILER}",
        ),
        _rule(
            "filming-started-sh",
            M.FILMING_STARTED,
            # "snimanje druge sezone je počelo", "počelo je snimanje", "krenulo snimanje"
            r"\bsnimanj\w*\b[^.?!]{0,40}\b(?:počelo|pocelo|započelo|krenulo|startovalo)\b"
            r"|\b(?:počelo|pocelo|započelo|krenulo) (?:je )?snimanje\b",
        ),
        _rule(
            "filming-planned-sh",
            M.FILMING_STARTED,
            r"\bsnimanj\w*\b[^.?!]{0,40}\b(?:počinje|počeće|počet će|kreće|krenuće)\b",
            future=True,
        ),
        _rule(
            "filming-wrapped-sh",
            M.FILMING_WRAPPED,
            # "snimanje je završeno", "završeno snimanje"
            r"\bsnimanj\w*\b[^.?!]{0,40}\b(?:završeno|zavrseno|okončano|privedeno kraju)\b"
            r"|\b(?:završeno|zavrseno|okončano) (?:je )?snimanje\b",
        ),
        _rule(
            "casting-sh",
            M.CASTING,
            # "pridružuje se glumačkoj postavi", "pridružila se ekipi"
            r"\bpridruž\w* se\b[^.?!]{0,30}\b(?:postav\w*|ekipi|glumačkoj)\b",
        ),
        _rule(
            "delayed-sh",
            M.DELAYED,
            # "premijera odgođena", "pomerena za 2027"
            r"\b(?:odgođen\w*|odgodjen\w*|pomeren\w*|pomjeren\w*)\b",
        ),
    )
)
