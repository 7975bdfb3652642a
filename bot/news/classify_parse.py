"""Small text helpers for the classifier: normalisation, seasons, dates.

Pure functions over strings; the compiled expressions are module constants so
that nothing is compiled per call.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from itertools import pairwise

from bot.news.classify_gate import DIGIT_MARK
from bot.news.markup import html_to_text
from bot.news.rules import (
    MONTH,
    MONTHS,
    MONTHS_AFTER_DAY,
    ORDINALS,
    ORDINALS_AFTER,
    ORDINALS_MORE,
    ORDINALS_PL,
    SENTENCE_BREAK,
)
from bot.number_words import CARDINALS

# Curly quotes, primes, dashes and odd spaces to their plain forms.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u200b": "",
        "\t": " ",
        "\r": " ",
        "\n": " ",
        # separators \s matches only without re.ASCII (see classify_tables.Piece)
        "\x1c": " ",
        "\x1d": " ",
        "\x1e": " ",
        "\x1f": " ",
        # tr dotted capital I: ``str.lower`` would leave a combining dot ("İkinci" is "ikinci")
        "\u0130": "I",
        # ja punctuation and full-width digits, as the rules read them ("シーズン２。" is
        # "シーズン2. "; the corner quotes around a title are quotes)
        "\u3000": " ",
        "\u3001": ", ",
        "\u3002": ". ",
        "\uff01": "! ",
        "\uff1f": "? ",
        "\uff1a": ": ",
        "\uff08": " (",
        "\uff09": ") ",
        "\u300c": ' "',
        "\u300d": '" ',
        "\u300e": ' "',
        "\u300f": '" ',
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
    }
)
ODD_PRINTABLE = "`"
# ``_TRANSLATE`` as pairs: ``str.translate`` looks every character of a non-ASCII text up in
# its table (about 20 µs a summary), where a ``replace`` per odd character the text holds
# costs a scan each. No replacement holds an odd character, so the order does not matter.
_PLAIN = tuple((chr(code), plain or "") for code, plain in _TRANSLATE.items())
_SPACES = re.compile(r"\s{2,}")


# Dots that end no sentence: "Mr. Queen", "Dec. 5", "No. 8", "the U.S. version",
# "S.H.I.E.L.D." (the rules read a window of words up to a sentence's end).  A loop over
# the dots: a regex trying every position cost five times as much.
_DOTTED = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
_DOTTED_BEFORE_NUMBER = frozenset({"no", "vol", "pt"})
# An ordinal's dot before a season word: de "Dreharbeiten zur 4. Staffel haben begonnen",
# pl "zdjęcia do 2. sezonu" (the number is read the same with or without it)
# (and da/no/sv, fi, cs/sk "2. sesong", "3. kausi", "2. řada", and fi and cs days: "5.
# kesäkuuta", "5. června")
_ORDINAL_BEFORE = (
    " staffel",
    " sezon",
    " sesong",
    " säsong",
    " sæson",
    " kausi",
    " kaude",
    " série",
    " séri",
    " řad",
    " sezón",
    *(f" {month}" for month in MONTHS_AFTER_DAY),
    *(" maj", " marts", " desember"),
)
_AFTER_ACRONYM = frozenset(" ,;:'\"!?)")


def _ordinal_digits(text: str, dot: int) -> bool:
    """Whether one or two digits, a word of their own, stand right before ``dot``."""
    start = dot
    while start and dot - start < 3 and text[start - 1].isdigit():
        start -= 1
    return 0 < dot - start <= 2 and (start == 0 or not text[start - 1].isalnum())


def _undotted(text: str) -> str:
    """``text`` (lower case) without the dots of its abbreviations and acronyms."""
    drops: list[int] = []
    size = len(text)
    dot = text.find(".")
    while dot != -1:
        if text.startswith(_ORDINAL_BEFORE, dot + 1) and _ordinal_digits(text, dot):
            drops.append(dot)
            dot = text.find(".", dot + 1)
            continue
        start = dot
        while start and dot - start < 5 and text[start - 1].isalpha():
            start -= 1  # (no further: an abbreviation's word is at most four letters)
        if 0 < dot - start <= 4 and (start == 0 or not text[start - 1].isalnum()):
            word, after = text[start:dot], text[dot + 1 : dot + 3]
            if after[:1] == " " and (
                (word in _DOTTED and after[1:].isalnum())
                or (word in _DOTTED_BEFORE_NUMBER and after[1:].isdigit())
            ):
                drops.append(dot)
            elif dot - start == 1 and (start == 0 or text[start - 1] != "."):
                last = dot  # "u.s.": single letters, each with its dot
                while last + 2 < size and text[last + 1].isalpha() and text[last + 2] == ".":
                    last += 2
                if last > dot and (last + 1 == size or text[last + 1] in _AFTER_ACRONYM):
                    drops.extend(range(dot, last + 1, 2))
                    dot = last
        dot = text.find(".", dot + 1)
    if not drops:
        return text
    bounds = [-1, *drops, size]
    return "".join(text[a + 1 : b] for a, b in pairwise(bounds))


# Words the rules need not read: emphasis after a verb ("will indeed be its last", "is
# definitely underway"), and "TV" or a length between an ordinal and its season ("returning
# for a second TV series", "a second six-part series", "a third, 10-episode season").  (Not
# anywhere: names hold them, "Really Me".)
_EMPHASIS_LY = "actually|definitely|really|truly|certainly"
_FILLER = re.compile(
    r"((?:\b(?:is|are|was|were|will|would|has|have|had|be|been)|'s) )"
    rf"(?:indeed|{_EMPHASIS_LY}) "
    rf"|\b((?:{'|'.join(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th)|new|next|final)),? "
    r"(?:tv|\w+-(?:part|episode)),? (?=series|season)"
)
_FILLER_LY = re.compile(rf"(?:{_EMPHASIS_LY}) ")


# Reported speech puts the tenses back one: a lead's "Netflix announced Tuesday that the
# show would return for a third season" ("… had been renewed") tells what a headline's
# "will return" ("has been renewed") does. (Not "would have", a thing that did not happen,
# nor "would like / love", a wish.)
_REPORTED_WOULD = re.compile(
    r"\b((?:announced|confirmed|revealed|said|told|disclosed|stated|declared)\b"
    r"[^.?!;]{0,60}? that [^.?!;]{1,80}?) (would\b(?! (?:have|like|love)\b)|had(?= been\b))"
)
_PRESENT = {"would": "will", "had": "has"}


# A report told as a time gone by: "Earlier this year, Netflix confirmed that it would
# return", "In June of 2020, …", "Back in October, …": what the news follows, kept past.
_LONG_AGO = re.compile(
    rf"\b(?:earlier|last (?:year|month|summer|fall|autumn|winter|spring)|back in|ago"
    rf"|in (?:{MONTH}|(?:19|20)\d\d))\b"
)


def reported_future(text: str) -> str:
    """``text`` (normalised) with a reported future in the future tense. For a title only:
    a description retells in the past what was announced before ("In January, the streamer
    announced that the series would end with its sixth season")."""
    if (" would " not in text and " had been " not in text) or " that " not in text:
        return text
    return _REPORTED_WOULD.sub(_in_future, text)


def _in_future(match: re.Match[str]) -> str:
    """The report with "will", unless it is told as long ago (before its "that": "… would
    return in March" is a date ahead)."""
    said = match.start(1) + match.group(1).index(" that ")
    if _LONG_AGO.search(match.string, 0, said):
        return match.group(0)
    return f"{match.group(1)} {_PRESENT[match.group(2)]}"


def _unfilled(match: re.Match[str]) -> str:
    """What ``_FILLER`` leaves: the verb before the emphasis, or the ordinal."""
    return match.group(1) or f"{match.group(2)} "


def _plain(text: str) -> str:
    """``text.translate(_TRANSLATE)``, faster on a text with few odd characters."""
    for odd, plain in _PLAIN:
        if odd in text:
            text = text.replace(odd, plain)
    return text


# A Korean or Japanese date, "6월 5일", "2026년 6월", "6月5日": numbers before their units,
# which the date rules read once written as English ("june 5", "june 2026"; the trailing
# space unglues a particle: "5일에" is "june 5 에", "5日より" "june 5 より").
_KO_DATE = re.compile(
    r"(?:(?P<year>(?:19|20)\d\d)[년年] ?)?(?<!\d)(?P<month>1[0-2]|0?[1-9]) ?[월月]"
    r"(?: ?(?P<day>[12]\d|3[01]|0?[1-9]) ?[일日])?"
)
_ENGLISH_MONTH = ("", *tuple(MONTHS)[:12])  # (``MONTHS`` opens with English's, January first)


def _as_english(m: re.Match[str]) -> str:
    """A date matched as numbered month, day and year, written as the date rules read it."""
    month = _ENGLISH_MONTH[int(m["month"])]
    day = f" {int(m['day'])}" if m["day"] else ""
    year = (", " if day else " ") + m["year"] if m["year"] else ""
    return f"{month}{day}{year}"


def _ko_date(m: re.Match[str]) -> str:
    return f"{_as_english(m)} "


# es a day's ordinal, "el 1.º de abril": the day alone, as the date rules read it.
_FIRST_OF = re.compile(r"(\d)\.?º de ")

# A Vietnamese date, "ngày 5 tháng 6", "tháng 6 năm 2026": written as English as well.
_VI_DATE = re.compile(
    r"(?:ngày (?P<day>[12]\d|3[01]|0?[1-9]) )?tháng (?P<month>1[0-2]|0?[1-9])\b"
    r"(?:(?: năm|,|/) ?(?P<year>(?:19|20)\d\d))?"
)


# Hangul spelt as its letters (conjoining jamo, decomposed as macOS writes a file's text):
# composed into the syllables the rules and the gate read ("시즌", not "ᄉ" "ᅵ" "즌").
_JAMO = re.compile("[\u1100-\u11ff]")


def normalise(text: str) -> str:
    """Lower-case, straighten quotes and dashes, drop tags, collapse spaces."""
    if "<" in text or ("&" in text and ";" in text):
        # markup read as the feed parser reads it: "Ginny &amp; Georgia", "won&#8217;t"
        text = html_to_text(text)
    # The one slow step, only when there may be work for it: a character outside ASCII, a
    # control character (\t, \n, the separators), the one printable ASCII character the
    # table maps (``ODD_PRINTABLE``).
    if not text.isascii() or not text.isprintable() or ODD_PRINTABLE in text:
        text = _plain(text)
        if _JAMO.search(text):
            text = unicodedata.normalize("NFC", text)
    text = text.lower()
    if "월" in text or "月" in text:
        text = _KO_DATE.sub(_ko_date, text)
    if "tháng " in text:
        text = _VI_DATE.sub(_as_english, text)
    if "º de " in text:
        text = _FIRST_OF.sub(r"\1 de ", text)
    if "." in text:
        text = _undotted(text)
    # (a word looked for first: the whole pattern's scan costs more than normalising)
    if (
        "tv se" in text
        or "indeed " in text
        or "-part" in text
        or "-episode" in text
        or ("ly " in text and _FILLER_LY.search(text))
    ):
        text = _FILLER.sub(_unfilled, text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


_KEY_DROP = re.compile(r"[^\w&+]+")


def keyify(text: str) -> str:
    """Reduce text to words for name matching: "XO, Kitty!" -> "xo kitty"."""
    text = text.translate(_TRANSLATE).lower().replace("&", " and ")
    return " ".join(_KEY_DROP.sub(" ", text).split())


_ORD = "|".join(ORDINALS)
_CARD = "|".join(CARDINALS)
# Season words are literal: find them with str.find, then read the number around them.
_COMMON_SEASON_WORDS = ("season", "series")
# Rarer words (other languages, "installment") are found with one scan, only when present.
_RARE_WORDS = (
    "staffel",
    "saison",
    "temporada",
    "stagione",
    "seizoen",
    "sezon",
    "sesong",
    "sæson",
    "säsong",
    "musim",
    # fi "kausi 2", "kolmannen kauden", "kauteen"; cs/sk "2. série", "druhá řada", "sezóna"
    "kausi",
    "kaude",
    "kaute",
    "kautta",
    "série",
    "séria",
    "sériu",
    "sérii",
    "řada",
    "řadu",
    "řady",
    "řadě",
    "sezóna",
    "sezónu",
    "sezóny",
    # vi "mùa 2", "phần 2" (a part: its number after it)
    "mùa",
    "phần",
    "시즌",
    "installment",
    "instalment",
    "chapter",
)
_RARE_SEASON_WORD = re.compile("|".join(_RARE_WORDS))
# Their first four letters: callers holding a text's word prefixes skip the scan without them.
RARE_SEASON_PREFIXES = frozenset(word[:4] for word in _RARE_WORDS)
# (ko writes the number unspaced, "시즌3", or a particle glued to it, "시즌 2가")
_GLUED = re.compile(r" ?(\d{1,2})(?!\d)")
_AFTER = re.compile(
    rf"(?:s? (?P<lo>\d{{1,2}}) (?:and|&|through|to|-) \d{{1,2}}\b|\w* (?P<num>\d{{1,2}}|{_CARD})\b"
    rf"(?![\d,.]\d)| (?P<ord>{'|'.join(ORDINALS_AFTER)})\b)"
)
# (with the Romance ordinal indicators: pt "3ª temporada", "3.ª", "3a", es "3º", "3°", it
# "3ª stagione")
_DIGIT_ORD = re.compile(r"(\d{1,2})(?:st|nd|rd|th|\.?[ªº°]|[ao])?\.?")
# Two cheap scans (a literal, a class: the engine skips ahead on both) before the real one.
_S_DIGIT = re.compile(r"s\d")
_DIGIT_X_DIGIT = re.compile(r"\dx\d")
_SHORT = re.compile(r"s0?(?P<snum>\d{1,2})(?:e\d{1,2})?\b|(?P<xnum>\d{1,2})x\d{2}\b")
# ja seasons, glued to their number: "シーズン2", "第2シーズン", anime's "第2期", "2期" (not
# "期間", a period, "期待", hopes, "2期生", a second intake)
_JA_SEASON = re.compile(
    r"シーズン ?(\d{1,2})(?!\d)|第 ?(\d{1,2}) ?(?:シーズン|期)"
    r"|(?<![\d第])(\d{1,2})期(?![間待限日末中生])"
)
# Season words whose number comes first as often as after: the one before wins.
_NUMBER_FIRST = ("sezon", "kau", "séri", "řad", "sezón", "sesong", "säsong", "sæson")
# Words allowed between the number and the season word: "third and final season".
_FILLERS = frozenset(("and", "final", "last", "new"))


def _number(raw: str) -> int | None:
    value = int(raw) if raw.isdigit() else CARDINALS.get(raw, 0)
    return value if 0 < value < 60 else None


def _number_before(text: str, start: int) -> int | None:
    """The ordinal or number just before a season word: "second season", "3. sezonu"."""
    words = text[max(0, start - 30) : start].split()
    while words and words[-1] in _FILLERS:
        words.pop()
    if not words:
        return None
    word = words[-1]
    if word in ORDINALS:
        # "third and fourth seasons" -> 3
        if len(words) >= 3 and words[-2] == "and" and words[-3] in ORDINALS:
            return ORDINALS[words[-3]]
        return ORDINALS[word]
    if word in ORDINALS_PL:
        return ORDINALS_PL[word]
    if word in ORDINALS_MORE:
        return ORDINALS_MORE[word]
    m = _DIGIT_ORD.fullmatch(word)
    return _number(m.group(1)) if m else None


def find_seasons(text: str, prefixes: set[str] | None = None) -> list[tuple[int, int]]:
    """All season references as (position, season number).

    Handles "season 2", "season two", "2nd season", "second season",
    "third and final season", "seasons 3 and 4" (-> 3), "S2", "s03e05",
    "3x05", and a few other languages ("zweite Staffel", "3. sezonu").  ``prefixes``
    (the text's word prefixes, see ``classify_gate.text_prefixes``) lets it skip a scan.
    """
    found: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    for word in _COMMON_SEASON_WORDS:
        if prefixes is not None and word[:4] not in prefixes:
            continue  # only a word starting so counts
        at = text.find(word)
        while at != -1:
            spans.append((at, at + len(word)))
            at = text.find(word, at + len(word))
    if prefixes is None or not prefixes.isdisjoint(RARE_SEASON_PREFIXES):
        spans.extend(m.span() for m in _RARE_SEASON_WORD.finditer(text))
    for at, end in spans:
        if at and text[at - 1].isalnum():
            continue
        # (tr, fi, cs and the Nordic languages put the number first: "3. sezon 5 haziran'da"
        # is season 3, its premiere's day after it)
        if text.startswith(_NUMBER_FIRST, at) and (value := _number_before(text, at)):
            found.append((at, value))
            continue
        if text.startswith("kautta", at):
            continue  # (fi "kolmatta kautta", the partitive, or "via": only its ordinal counts)
        after = _AFTER.match(text, end, end + 12)
        if after is None and text.startswith("시즌", at):
            after = _GLUED.match(text, end)
            value = _number(after.group(1)) if after else None
        elif after is None:
            value = None
        elif after.group("ord"):
            value = ORDINALS_AFTER[after.group("ord")]
        else:
            value = _number(after.group("lo") or after.group("num"))
        if value is None:
            value = _number_before(text, at)
        if value is not None:
            found.append((at, value))
    if not text.isascii() and ("シーズン" in text or "期" in text):
        for m in _JA_SEASON.finditer(text):
            value = _number(m.group(1) or m.group(2) or m.group(3))
            if value is not None:
                found.append((m.start(), value))
    if (prefixes is None or DIGIT_MARK in prefixes) and (
        _S_DIGIT.search(text) or _DIGIT_X_DIGIT.search(text)
    ):
        for m in _SHORT.finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_'"):
                continue  # inside a word: "years2", "it's 2"
            value = _number(m.group("snum") or m.group("xnum"))
            if value is not None:
                found.append((start, value))
    found.sort()
    return found


# One season word naming several seasons: "seasons 4 and 5", "seasons 4 through 6", "third
# and fourth seasons". At most ``MAX_SEASONS``: "seasons 1-10" is a box set, not news.
_SEVERAL_AFTER = re.compile(r"s? (\d{1,2})(?: (and|&|through|to) | ?(-) ?)(\d{1,2})\b(?![\d,.]\d)")
_SEVERAL_BEFORE = re.compile(rf"\b({_ORD}) and ({_ORD}) $")
MAX_SEASONS = 3


def seasons_named(text: str, at: int) -> tuple[int, ...]:
    """Every season the reference at ``at`` (a ``find_seasons`` position) names, in order:
    (4, 5) for "seasons 4 and 5", (4, 5, 6) for "seasons 4 to 6"; () for one season."""
    for word in _COMMON_SEASON_WORDS:
        if text.startswith(word, at):
            end = at + len(word)
            break
    else:
        return ()
    if (m := _SEVERAL_AFTER.match(text, end)) is not None:
        lo, hi = int(m.group(1)), int(m.group(4))
        pair = m.group(2) in ("and", "&")
    elif (m := _SEVERAL_BEFORE.search(text, max(0, at - 30), at)) is not None:
        lo, hi, pair = ORDINALS[m.group(1)], ORDINALS[m.group(2)], True
    else:
        return ()
    if not 0 < lo < hi < lo + MAX_SEASONS:
        return ()
    return (lo, hi) if pair else tuple(range(lo, hi + 1))


def nearest_season(seasons: list[tuple[int, int]], position: int) -> int | None:
    """The season mentioned closest to ``position`` (ties go to the earlier one)."""
    best: tuple[int, int] | None = None
    for pos, value in seasons:
        distance = abs(pos - position)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


# "late 2020", "mid-September": which part of a year or month
_PART_OF = r"(?:early|late|mid-?) ?"
# "in 2020", "in late 2020": a year with no month
_IN_A_YEAR = rf"\bin (?:{_PART_OF})?"
DATE_RE = re.compile(
    rf"\b(?P<m1>{MONTH})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y1>(?:19|20)\d\d))?"
    # "5 de octubre de 2024", "8. August"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.? (?:of |de )?(?P<m2>{MONTH})\b\.?(?:,? (?:de )?"
    r"(?P<y2>(?:19|20)\d\d))?"
    # "in September 2024", "sometime before September 2024", "in late September 2024"
    rf"|\b(?:(?:in|since|of|from|before|after|by|until|around|during|through) "
    rf"(?:{_PART_OF})?|{_PART_OF})(?P<m3>{MONTH}) (?P<y3>(?:19|20)\d\d)\b"
    rf"|{_IN_A_YEAR}(?P<y4>(?:19|20)\d\d)\b"
    # "this September", "in January": the month nearest the publication date
    rf"|\b(?:this|next|last|in|early|late|mid-?) (?!may\b)(?P<m4>{MONTH})\b(?! \d)"
    # fi, cs, sr, tr: "5 kesäkuuta", "5 června" (``normalise`` drops the day's point)
    rf"|\b(?P<d5>\d{{1,2}})\.? (?P<m5>{'|'.join(MONTHS_AFTER_DAY)})\b(?:,? (?P<y5>(?:19|20)\d\d))?"
)


_DIGIT = re.compile(r"\d")
_YEAR_NAMED = re.compile(rf"{_IN_A_YEAR}(?:19|20)\d\d")


# A date without a year is more often an upcoming one ("premieres December 3" read in May):
# days ahead count for less than days behind when choosing its year.
_AHEAD_WEIGHT = 1 / 1.3


def _distance(when: date, published: date) -> float:
    days = (when - published).days
    return days * _AHEAD_WEIGHT if days > 0 else -days


def _clamp_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Every date needs a month's name, or "in 19xx"/"in 20xx": the first letters of the month
# words (as ``classify_gate.text_prefixes`` cuts them) rule out most texts without a scan.
_MONTH_PREFIXES = frozenset(name[:4] for name in (*MONTHS, *MONTHS_AFTER_DAY))


def resolve_dates(
    text: str,
    published: date | None,
    prefixes: set[str] | None = None,
    *,
    upcoming: timedelta | None = None,
    days_only: bool = False,
) -> list[tuple[int, date]]:
    """Dates mentioned in ``text`` as (position, date).

    A date without a year takes the year that puts it closest to ``published``,
    or, with ``upcoming``, the first one no more than ``upcoming`` before it (an
    announced premiere lies ahead: "will premiere on October 16" read in March);
    without a publication date such dates are skipped (they cannot be placed).
    ``prefixes``, the word prefixes of a text holding ``text``, skip the scan when
    ``text`` names no month. ``days_only``: only the dates given to the day (a month alone
    stands for its 15th, a year for its July 1st: a day nobody gave).
    """
    if (
        prefixes is not None
        # (three letters: a slice that cuts "october" to "oct" still names it)
        and not any(month[:3] in text for month in prefixes & _MONTH_PREFIXES)
        and not _YEAR_NAMED.search(text)
    ):
        return []  # no month named in ``text``, nor "in 19xx", "in late 20xx"
    out: list[tuple[int, date]] = []
    for m in DATE_RE.finditer(text):
        if m.group("y4"):
            if not days_only:
                out.append((m.start(), date(int(m.group("y4")), 7, 1)))
            continue
        day_raw = m.group("d1") or m.group("d2") or m.group("d5")
        if days_only and not day_raw:
            continue
        month_name = m.group("m1") or m.group("m2") or m.group("m3") or m.group("m4")
        month = MONTHS[month_name] if month_name else MONTHS_AFTER_DAY[m.group("m5")]
        day = int(day_raw) if day_raw else 15
        year_raw = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y5")
        if year_raw:
            found = _clamp_day(int(year_raw), month, day)
        elif published is not None:
            candidates = [_clamp_day(published.year + k, month, day) for k in (-1, 0, 1)]
            if upcoming is not None:
                earliest = published - upcoming
                found = next((c for c in candidates if c is not None and c >= earliest), None)
            else:
                found = min(
                    (c for c in candidates if c is not None),
                    key=lambda c: _distance(c, published),
                    default=None,
                )
        else:
            found = None
        if found is not None:
            out.append((m.start(), found))
    return out


def sentence_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the sentence (and clause) separators in ``text``."""
    return [
        (m.start() - 1 if text[m.start()] in "|•-" else m.start(), m.end())
        for m in SENTENCE_BREAK.finditer(text)
    ]


def sentence_bounds(
    breaks: list[tuple[int, int]], length: int, start: int, end: int
) -> tuple[int, int]:
    """Start and end of the sentence around ``[start, end)``, given its ``breaks``."""
    left = 0
    right = length
    for b_start, b_end in breaks:
        if b_end <= start:
            left = b_end
        elif b_start >= end:
            right = b_start
            break
    return left, right
