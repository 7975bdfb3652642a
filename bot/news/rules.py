"""Pattern tables for the headline classifier.

Everything here is data: named, compiled regular expressions.  ``classify``
only runs one when the text holds the words it needs (``classify_gate`` reads
them off the pattern), so a ``\b`` before each word a pattern needs keeps that
pattern cheap: a word that may be glued to what precedes it cannot gate it.

All patterns run on text already normalised by ``classify_parse.normalise``:
lower case, straight quotes, plain hyphens, single spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.news.classify_gate import split_sources
from bot.news.models import Milestone
from bot.number_words import CARDINALS

# Ordinals, shared with the season parser (the cardinals are ``bot.number_words``').
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    # a few other languages seen in feeds
    "zweite": 2,
    "dritte": 3,
    "vierte": 4,
    "fünfte": 5,
    "seconda": 2,
    "terza": 3,
    "quarta": 4,
    "quinta": 5,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "vijfde": 5,
    "deuxième": 2,
    "troisième": 3,
    "quatrième": 4,
    "cinquième": 5,
    "sixième": 6,
    "segunda": 2,
    "tercera": 3,
    "terceira": 3,
    "cuarta": 4,
    "andra": 2,
    "andre": 2,
    "anden": 2,
    "tredje": 3,
    "fjärde": 4,
    "fjerde": 4,
    "femte": 5,
}
# pl ordinals, declined as a season's is ("trzeci sezon", "trzeciego sezonu", "z trzecim
# sezonem"): the season parser's only (in ``ORDINALS`` every English pattern would carry them).
ORDINALS_PL: dict[str, int] = {
    "drugi": 2,
    "drugiego": 2,
    "drugim": 2,
    "trzeci": 3,
    "trzeciego": 3,
    "trzecim": 3,
    "czwarty": 4,
    "czwartego": 4,
    "czwartym": 4,
    "piąty": 5,
    "piątego": 5,
    "piątym": 5,
}
# fi, cs, sk, tr and ca ordinals, in the forms a season takes ("kolmas kausi", "kolmannen kauden",
# "druhá řada", "druhou sérii", "ikinci sezon"): the season parser's only, as ``ORDINALS_PL``.
ORDINALS_MORE: dict[str, int] = {
    **dict.fromkeys(("toinen", "toisen", "toiselle", "toiseen", "toisella", "toista"), 2),
    **dict.fromkeys(("kolmas", "kolmannen", "kolmannelle", "kolmanteen", "kolmannella"), 3),
    **dict.fromkeys(("neljäs", "neljännen", "neljännelle", "neljänteen", "neljännellä"), 4),
    **dict.fromkeys(("viides", "viidennen", "viidennelle", "viidenteen", "viidennellä"), 5),
    "kolmatta": 3,
    "neljättä": 4,
    "viidettä": 5,
    **dict.fromkeys(("druhá", "druhé", "druhou", "druhej", "druhú"), 2),
    **dict.fromkeys(("třetí", "tretia", "tretej", "tretiu"), 3),
    **dict.fromkeys(("čtvrtá", "čtvrté", "čtvrtou", "štvrtá", "štvrtej", "štvrtú"), 4),
    **dict.fromkeys(("pátá", "páté", "pátou", "piata", "piatej", "piatu"), 5),
    # ca ("tercera", "quarta" as es's and pt's)
    "segona": 2,
    "cinquena": 5,
    "sisena": 6,
    # sr/hr/bs ("druga sezona", "treću sezonu")
    **dict.fromkeys(("druga", "drugu", "druge"), 2),
    **dict.fromkeys(("treća", "treću", "treće", "treca", "trecu"), 3),
    **dict.fromkeys(("četvrta", "četvrtu", "četvrte"), 4),
    "ikinci": 2,
    "üçüncü": 3,
    "dördüncü": 4,
    "beşinci": 5,
    "altıncı": 6,
}
# Ordinals a season's noun comes before: id "musim ketiga" (the third season).
ORDINALS_AFTER: dict[str, int] = {"kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6}

_ORD = "|".join(ORDINALS)
_NUM = r"\d{1,2}(?:st|nd|rd|th)?"
# "season 2", "second season", "S2", "season two", "6th and final season".
SEASON_REF = (
    rf"(?:seasons? (?:\d{{1,2}}|{'|'.join(CARDINALS)})(?: (?:and|&) \d{{1,2}})?\b|(?:{_ORD}|{_NUM})"
    r"(?: and (?:final|last))? (?:season|series|installment|instalment|chapter)\b"
    rf"|(?<![\w'])s0?\d{{1,2}}\b|series (?:\d{{1,2}}|{'|'.join(CARDINALS)})\b)"
)
# Month names (lower case) in the languages feeds carry, and their numbers; the order is the
# order ``MONTH`` tries them in.
MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sept": 9,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    # es
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    # pt
    "janeiro": 1,
    "fevereiro": 2,
    "março": 3,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "setembro": 9,
    "outubro": 10,
    "novembro": 11,
    "dezembro": 12,
    # fr
    "janvier": 1,
    "février": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    # de
    "januar": 1,
    "februar": 2,
    "märz": 3,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
    # it
    "gennaio": 1,
    "febbraio": 2,
    "aprile": 4,
    "maggio": 5,
    "giugno": 6,
    "luglio": 7,
    "settembre": 9,
    "ottobre": 10,
    "dicembre": 12,
    # nl
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "mei": 5,
    "augustus": 8,
    # pl, in the genitive a date takes ("14 marca")
    "stycznia": 1,
    "lutego": 2,
    "marca": 3,
    "kwietnia": 4,
    "maja": 5,
    "czerwca": 6,
    "lipca": 7,
    "sierpnia": 8,
    "września": 9,
    "października": 10,
    "listopada": 11,
    "grudnia": 12,
    # id (the rest as nl's or de's)
    "maret": 3,
    "agustus": 8,
    # sv, no, da
    "maj": 5,
    "augusti": 8,
    "desember": 12,
    "marts": 3,
    # ca (the rest as es's, fr's or pt's)
    "gener": 1,
    "febrer": 2,
    "març": 3,
    "maig": 5,
    "juny": 6,
    "juliol": 7,
    "agost": 8,
}
MONTH = f"(?:{'|'.join(MONTHS)})"
# Months only a day's number comes before in the languages that decline them: fi partitive
# ("5. kesäkuuta"), cs and sr genitive ("5. června", "5. juna"), and tr's ("5 Haziran'da").
# Apart from ``MONTHS``: a hundred English patterns carry ``MONTH``, and these sixty names in
# each cost 0.6 MiB; the date parser and the languages' own release rules read them.
MONTHS_AFTER_DAY: dict[str, int] = {
    # fi, in the partitive a date takes ("5. kesäkuuta")
    "tammikuuta": 1,
    "helmikuuta": 2,
    "maaliskuuta": 3,
    "huhtikuuta": 4,
    "toukokuuta": 5,
    "kesäkuuta": 6,
    "heinäkuuta": 7,
    "elokuuta": 8,
    "syyskuuta": 9,
    "lokakuuta": 10,
    "marraskuuta": 11,
    "joulukuuta": 12,
    # cs, in the genitive a date takes ("5. června"; "září" is every case's)
    "ledna": 1,
    "února": 2,
    "března": 3,
    "dubna": 4,
    "května": 5,
    "června": 6,
    "července": 7,
    "srpna": 8,
    "září": 9,
    "října": 10,
    "listopadu": 11,
    "prosince": 12,
    # sr/bs, in the genitive a date takes ("5. juna"; "maja" as pl's)
    "januara": 1,
    "februara": 2,
    "marta": 3,
    "aprila": 4,
    "juna": 6,
    "jula": 7,
    "avgusta": 8,
    "septembra": 9,
    "oktobra": 10,
    "novembra": 11,
    "decembra": 12,
    # tr ("5 Haziran'da")
    "ocak": 1,
    "şubat": 2,
    "mart": 3,
    "nisan": 4,
    "mayıs": 5,
    "haziran": 6,
    "temmuz": 7,
    "ağustos": 8,
    "eylül": 9,
    "ekim": 10,
    "kasım": 11,
    "aralık": 12,
}
# A day given with one of them, as the languages' rules write it.
DAY_DATE = rf"\d{{1,2}}\.? (?:{'|'.join(MONTHS_AFTER_DAY)})\b"
# pl months in the locative, "premiera w czerwcu": only a premiere's month is read so (the
# rules' dates, which hold ``MONTH`` in a hundred patterns, leave them out: 80 KiB resident).
MONTHS_IN: dict[str, int] = {
    "styczniu": 1,
    "lutym": 2,
    "marcu": 3,
    "kwietniu": 4,
    "maju": 5,
    "czerwcu": 6,
    "lipcu": 7,
    "sierpniu": 8,
    "wrześniu": 9,
    "październiku": 10,
    "listopadzie": 11,
    "grudniu": 12,
    # fi in the inessive, "ensi-ilta kesäkuussa"
    "tammikuussa": 1,
    "helmikuussa": 2,
    "maaliskuussa": 3,
    "huhtikuussa": 4,
    "toukokuussa": 5,
    "kesäkuussa": 6,
    "heinäkuussa": 7,
    "elokuussa": 8,
    "syyskuussa": 9,
    "lokakuussa": 10,
    "marraskuussa": 11,
    "joulukuussa": 12,
    # sr/bs in the locative, "u junu" ("maju" as pl's)
    "januaru": 1,
    "februaru": 2,
    "martu": 3,
    "aprilu": 4,
    "junu": 6,
    "julu": 7,
    "avgustu": 8,
    "septembru": 9,
    "oktobru": 10,
    "novembru": 11,
    "decembru": 12,
    # cs in the locative, "premiéra v červnu" (September's and November's are MONTHS')
    "lednu": 1,
    "únoru": 2,
    "březnu": 3,
    "dubnu": 4,
    "květnu": 5,
    "červnu": 6,
    "červenci": 7,
    "srpnu": 8,
    "říjnu": 10,
    "prosinci": 12,
}
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A month without its day only in full: alone, "jun" and "mar" are more often a name or a
# word ("Lee Jun Ho", "mar" in Spanish) than a date.
_SHORT_MONTHS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
)
_MONTH_IN_FULL = f"(?:{'|'.join(m for m in MONTHS if m not in _SHORT_MONTHS)})"
_DATE = (
    rf"(?:{MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\.? (?:of |de )?{MONTH}\b"
    rf"|{_MONTH_IN_FULL}\b)"
)
# The locative months as one alternation, and a premiere's day or month as the languages
# that decline them write it ("5. června", "v červnu", "u junu").
MONTH_IN = f"(?:{'|'.join(MONTHS_IN)})"
DAY_OR_MONTH_IN = rf"(?:{_DATE}|{DAY_DATE}|{MONTH_IN}\b)"

# Between a release verb and a date, words that give the date to a past event instead.
_PAST_BETWEEN = (
    r"\b(?:since|last (?:week|month|year)|began|(?:launch|dropp|debut|premier|start)ed)\b"
)

# "Not" and "no" in the other languages the rules read ("no" itself is English as well).
NOT_LANG = r"(?:non|não|nicht|niet|ikke|inte|nie|pas|tidak|belum)"
# id "tak" (not) right before the verb it denies ("tak diperpanjang", "tak akan tayang"),
# never words before it as ``NOT_LANG``: it is a Korean surname ("Tak Jae-hoon says
# Netflix renews …") and pl "yes" or "so" ("Tak, Netflix anulował XO, Kitty").
NOT_TAK = r"\btak (?:akan |bisa |jadi |pernah )?"
NONE_LANG = r"(?:nessun[ao]?|ningun[ao]?|ningún|nenhum[ao]?|aucune?|geen|ingen)"

# "in just a few hours", "in two hours": a release that close is the day's.
_HOURS = r"(?:just |only )?(?:a few|a couple of|two|three|\d) hours\b"
NETWORK = (
    # ("plus" spelt out: "on Disney Plus", "on Apple TV Plus")
    r"(?:netflix|hbo|max|prime video|amazon(?: prime(?: video)?)?|paramount(?:\+| plus)?|hulu"
    r"|apple(?: tv(?:\+| plus)?)?|disney(?:\+| plus)?|"
    r"peacock|showtime|starz|fx|amc|abc|nbc|cbs|fox|the cw|freeform|the streamer|"
    r"the network|the streaming (?:service|giant|platform)|streaming giant|mgm\+?)"
)


RULE_FLAGS = re.UNICODE  # every rule's pattern, whole or cut into pieces


@cache
def compiled(parts: tuple[str, ...]) -> re.Pattern[str]:
    """A rule's whole pattern, compiled when something asks for it: the classifier only
    needs its pieces, and the 900 of them compiled twice over would cost a megabyte."""
    return re.compile("|".join(parts), RULE_FLAGS)


class _Source:
    """A rule kept as its pattern's top-level alternatives (``parts``), compiled on request.

    The classifier's pieces are these very strings: keeping the whole source as well held
    each rule's text twice (0.37 MiB of the 172 rules of more than one alternative)."""

    __slots__ = ()
    parts: tuple[str, ...]

    @property
    def source(self) -> str:
        return "|".join(self.parts)

    @property
    def pattern(self) -> re.Pattern[str]:
        return compiled(self.parts)


@dataclass(frozen=True, slots=True)
class EventRule(_Source):
    """One way of saying that a milestone happened (or is about to).

    ``future`` marks a planned event (a filming start that has not happened
    yet: reported as rumoured).  ``weak`` rules only decide when nothing else
    matched.  ``title_only`` rules are too loose for long summaries;
    ``headline_only`` ones read a headline's clipped grammar ("returns for season 2",
    "coming in 2026") and are too loose for a title written as a sentence too (a feed
    without headlines gives its lead sentence as the title).
    """

    name: str
    milestone: Milestone
    parts: tuple[str, ...]  # the pattern, cut: the classifier runs them (``classify_tables``)
    future: bool = False
    weak: bool = False
    title_only: bool = False
    headline_only: bool = False


@dataclass(frozen=True, slots=True)
class Family:
    """Rules for related milestones, kept together for readability."""

    rules: tuple[EventRule, ...]


def _rule(
    name: str,
    milestone: Milestone,
    pattern: str,
    *,
    future: bool = False,
    weak: bool = False,
    title_only: bool = False,
    headline_only: bool = False,
) -> EventRule:
    return EventRule(
        name,
        milestone,
        tuple(split_sources(pattern)),
        future,
        weak,
        title_only or headline_only,
        headline_only,
    )


M = Milestone

CANCEL_FAMILY = Family(
    rules=(
        _rule(
            "not-renewed",
            M.CANCELLED,
            r"\b(?:will not|won't|will no longer|isn't|is not|not|ain't) (?:be |been )?(?:getting"
            r"|get|returning|return|renewed|coming back|come back|see|receive|back|commissioning"
            # ("won't be making a second series")
            r"|making|make"
            # ("not returning to the CW for a fifth season")
            r"|bring back|ordering|moving forward with)\b(?: to (?:the )?[\w+]+)?"
            r"(?: (?:for|with))? "
            rf"(?:a |its |another |an )?(?:{SEASON_REF}|\w+ season|new season|\w+ series"
            r"|\w+ chapter)(?![^.?!]{0,40}\buntil\b)"
            r"|\b(?:will not|won't) be renewed\b"
            # "Harbor Lights is done after two seasons"
            r"|\b(?:is|are) (?:over|done|finished) after (?:one|two|three|four|five|six|seven"
            r"|eight|\d+) seasons?\b"
            r"|\b(?:declined|decided not|decides not|opted not|opts not|chose not|chooses not|"
            r"choosing not|chosen not|elected not|(?:decided|opted|chose) to not) (?:to )?(?:renew"
            r"|order|continue|bring back|move forward with|proceed with|go ahead with)\b"
            r"|\b(?:decided|decides|deciding|opted|opts|chose|chooses) against (?:renewing\b"
            r"|continuing\b|bringing back\b|ordering\b|picking up\b|(?:a |an |another )?"
            rf"(?:{SEASON_REF}|new season|\w+ season))|\b(?:will not|won't) be renewing\b"
            # "Netflix is not renewing Harbor Lights" (not a deal or a contract)
            r"|\b(?:is not|are not|isn't|aren't) renewing\b(?! (?:its|their|his|her|the) "
            r"(?:deal|contract|partnership|agreement|lease|licen[cs]e)\b)"
            # "Netflix won't make a third season"
            rf"|\b{NETWORK} (?:won't|will not) (?:make|order|produce) (?:a |an |another )?"
            rf"(?:{SEASON_REF}|\w+ season)"
            # "a fan campaign wasn't enough to make Netflix renew it"
            r"|\b(?:wasn't|was not|weren't|were not) enough to (?:make [^.?!]{1,30} )?"
            r"(?:renew|save)\b",
        ),
        _rule(
            "no-more-seasons",
            M.CANCELLED,
            # "there will be no Harbor Lights season 3" (not "no delay to season 3")
            rf"\bthere (?:won't|will not|will be no|would be no) (?:be )?(?:a |another |more "
            r"|further )?(?:(?!delay|news|update|date|trailer|word|change)[\w'&:-]+ ){0,4}?"
            rf"(?:{SEASON_REF}|new season|more seasons)"
            rf"|\bno {SEASON_REF} for\b|\bgets? no (?:{SEASON_REF}|\w+ season)"
            rf"|\b{SEASON_REF} (?:will not|won't|is not going to|isn't going to|is not|isn't"
            r"|is no longer|will no longer) (?:happen|happening)\b"
            # ("season 3 won't happen for a while" is a wait, not an end)
            r"(?! (?:for a while|for (?:some|a long) time|until|before|anytime soon|soon"
            r"|this year|in \d{4})\b)"
            # (a person who "won't be coming back" leaves the cast; the show goes on)
            r"|(?<!\bshe )(?<!\bhe )(?<!\bi )(?<!\bwe )(?<!\byou )"
            r"\b(?:will not|won't|is not|isn't|are not|aren't) (?:be )?(?:return|returning"
            r"|coming back|come back|be back)\b"
            r"(?! (?:until|before|to|in|for|with|on|this|next|soon"
            r"|anytime))(?![^.?!]{0,40}\b(?:until"
            r"|before)\b)",
        ),
        _rule(
            "cancelled",
            M.CANCELLED,
            # ("had been cancelled" is background: "had been cancelled by Citytv" before a rescue)
            r"\b(?:has|have) been (?:officially )?(?:cancell?ed|axed|canned|scrapped|shelved)\b"
            r"|\b(?:is|gets|got|(?<!\bhad )been) (?:officially )?(?:cancell?ed|axed|canned)\b"
            # "It's one-and-done for yet another Netflix original"
            # "the series is two-and-done" (not "was a one-and-done", a past show described)
            r"|\b(?:it's|it is|is|are) (?:now )?(?:officially )?(?:one|two|three|four)[- ]and[- ]"
            r"done\b"
            r"|\bcancel(?:s|ling|ing)\b(?! ?culture|\)? (?:upcoming |new |other |more )?"
            r"(?:shows|series|programmes|things|movies))"
            rf"|\b{NETWORK} (?:has )?(?:officially )?(?:cancell?ed|axed|scrapped|cans|canned)\b"
            r"|\b(?:cancell?ed|canned) (?:by [\w+ ]{2,25} |the (?:show|series) |it )?after (?:just "
            r"|only )?(?:one|two|three|four|five|"
            r"\d+|a single|its (?:first|second|third|fourth))\b"
            r"|\b(?:axes|axed|scraps|swing axe|swings axe|swing the axe)\b"
            r"|\b(?:gets|got|gotten|been given|been handed) the (?:axe|chop)\b"
            r"|\bax (?:\w+ )?(?:shows|series)\b"
            r"|\bpull(?:s|ed"
            r"|ing)? (?:the )?plug\b"
            # "Netflix drops Harbor Lights after two seasons", "ends the series after three"
            # "Harbor Lights will end with season 4": the season already ordered is the last
            rf"|\b(?:will|to|set to|going to) (?:end|conclude)\b[^.?!]{{0,40}}\b(?:with"
            r"|after) (?:its |the )?"
            rf"(?:(?:upcoming |forthcoming |current |next )?{SEASON_REF}"
            # "will end with its upcoming season"; "…, which returns for season 4, will end
            # with it": the season told before
            r"|(?:upcoming|forthcoming|current|next) (?:[\w-]+ )?(?:season|series)\b"
            r"|(?:it|that season|this season)$)"
            rf"|\bending (?:its )?(?:run )?(?:with|after) (?:its |the )?(?:upcoming |forthcoming "
            rf"|current |next )?{SEASON_REF}"
            rf"|\bpull(?:s|ed|ing)? [^.?!]{{0,30}}\bfrom (?:its|the) schedule\b"
            rf"|\bcoming to (?:an end|a close) with\b[^.?!]{{0,40}}\b{SEASON_REF}"
            # "the series is coming to a close after Part 4" (not "as March comes to a close")
            r"|\b(?:coming|comes?|came) to a close after (?:its |the )?(?:upcoming |forthcoming "
            rf"|next |current )?(?:{SEASON_REF}|part \d+\b|(?:two|three|four|five|six|seven"
            r"|eight|\d+) (?:seasons|series)\b)"
            # (not "Kaiju No. 8 Season 2": a number alone is a name's, "no 8th season" is not)
            rf"|\bno (?!\d+\b){SEASON_REF}(?! (?:yet|date|news|update|premiere|release|trailer"
            r"|renewal"
            rf"|decision|announcement))"
            # (nor one not yet confirmed: "so far no third season has been confirmed")
            r"(?! (?:of [^.?!]{1,40} )?(?:has|have|had|is|was) (?:yet |so far |officially )?"
            r"(?:been )?(?:confirmed|announced|ordered|greenlit|green-lit)\b)"
            rf"|\b(?:comes?|came) to an end (?:at|on) {NETWORK}\b"
            r"|\bend(?:s|ing)? after (?:its )?(?:upcoming |forthcoming |next |current )?"
            rf"{SEASON_REF}"
            # "The Good Place ends with fourth and final season" (not "the finale ends with
            # a fourth season tease")
            r"|(?<!\bfinale )(?<!\bepisode )(?<!\bpremiere )"
            rf"\bends with (?:its |the |a )?(?:{_ORD})(?: and final| and last)? (?:season|series)\b"
            # (nor its finale: "ends with second season finale twist")
            r"(?! (?:tease|teaser|trailer|hint|cliffhanger|set-?up|promise|renewal|finale"
            r"|premiere|episode)\b)"
            # "Transplant concludes with its upcoming fourth season"
            rf"|\bconclude[sd]? with (?:its |the )?(?:upcoming |forthcoming |next )?{SEASON_REF}"
            r"|\b(?:officially )?end(?:s|ing)? after (?:one|two|three|four|five|six|seven|\d+"
            r"|a single) (?:seasons?|series)\b"
            r"|\b(?:won't|will not|doesn't|does not|didn't|did not) renew\b"
            rf"|\b(?:{SEASON_REF}|(?:current|upcoming|next|new|forthcoming) seasons?)"
            # ("Elite season 8, which is in production at Netflix, will be ...": an aside)
            r"(?: of [^.?!]{1,40})?(?:, [^,.?!]{3,60},)? (?:will be|is|to be"
            # "Elite's eighth season has been confirmed as its last"
            r"|(?:has been |is |was )?(?:officially )?confirmed as) (?:the |its |their )?"
            # ("will be the comedy series' final season": a possessive may run to four words)
            r"(?:[\w'-]+ |(?:[\w-]+ ){1,3}[\w-]+(?:'s|s'|') )?(?:last|final)\b"
            r"(?! (?:episode|chapter of|time|stages?|phase))"
            # "starts in March, and it will be the final season" (not "the last season for her")
            r"|\b(?:it|this) (?:will be|is going to be|is set to be) (?:the |its )?(?:show's "
            r"|series' )?(?:final"
            r"|last) (?:season|series|chapter|installment|instalment)\b(?! (?:for|of)\b)"
            r"|\bdeclines? to (?:save|renew|rescue|pick up)\b"
            rf"|\b{NETWORK} shuts down (?!production|filming|shooting|its|the|all)"
            rf"|\b{NETWORK} (?:drops|dropped|ends|ended|scraps|scrapped|cuts|says goodbye to|bids "
            rf"farewell to)\b[^.?!]{{0,40}}\bafter "
            r"(?:just |only )?"
            r"(?:one|two|three|four|five|six|seven|\d+|a single|its (?:first|second|third|fourth"
            r"|fifth)) seasons?\b"
            r"|\b(?:one of|among) (?:the )?(?:\w+ )?(?:shows|series) (?:cancell?ed|axed)\b"
            # "Powerless canceled by NBC", "Constantine officially done at NBC"
            # (not a list's: "of all the series cancelled by Netflix")
            rf"|(?<!\bseries )(?<!\bshows )(?<!\bones )\bcancell?ed by {NETWORK}\b"
            rf"|\b(?:officially|is|are) done at {NETWORK}\b"
            # "Paramount kills Dexter prequel despite renewing it", "renewal yanked"
            rf"|\b{NETWORK} kill(?:s|ed)\b|\bkill(?:s|ed) (?:off )?[^.?!]{{0,40}}\b(?:despite "
            r"(?:previously )?renew|after (?:one|two|three|four|\d) seasons?\b)"
            r"|\b(?:revok|yank|rescind|revers|pull)(?:s|es|ed|ing)?\b[^.?!]{0,30}\brenewal\b"
            r"|\brenewal (?:has been |was |is )?(?:yanked|revoked|rescinded|reversed|pulled)\b"
            r"|\bdecision to (?:cancel|axe|end) \b"
            # "Republic of Doyle to end as CBC announces fall season"
            r"|\b(?:is |are )?(?:set )?to end (?:as|after its|its run|this year|next year"
            r"|in 20\d\d)\b"
            r"|\bcancell?ed (?:earlier )?this week\b"
            r"|\bcancell?ation (?:is |has been )?(?:confirmed|official)\b"
            rf"|\b(?:is|are) dead at {NETWORK}\b"
            r"|\b(?:will not|won't) continue\b(?! to\b)"
            # headline participle: "The Irregulars cancelled on Netflix after one season"
            # (a count before it is no season's, "season 4 cancelled" is: its number)
            r"|(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\bthis )(?<!\band )(?<!\bor )"
            r"(?:(?<!\d )|(?<=\bseason \d )|(?<=\bseason \d\d ))"
            r"(?<!\bshows )(?<!\bseries )"
            # (an event of the season's called off is no end of the show)
            r"(?<!\bpremiere )(?<!\bscreening )(?<!\bpanel )(?<!\bevent )(?<!\bparty )"
            r"(?<!\bfrom )"  # "went from cancelled to Netflix's biggest hit"
            r"(?<!\bnearly )(?<!\balmost )"  # "was nearly cancelled": it was not
            r"\bcancell?ed\b(?! (?:shows?|series"
            r"|dramas?|comedies|programmes|too soon|or|and|by fox|by nbc|by abc|by cbs))"
            r"|\b(?:cancellata|annulée|abgesetzt|cancelada|cancelado)\b|\bnon sarà rinnovat"
            r"|\bno habrá (?:una )?(?:\w+ )?temporada\b",
        ),
        _rule(
            "cancellation-news",
            M.CANCELLED,
            # ("returns from cancellation" is a revival)
            r"\b(?:after|following|amid|over|announces?|confirms?|(?<!\bsaved )(?<!\bspared )"
            r"(?<!\brescued )(?<!\breturns )(?<!\bback )(?<!\brevived )from|by)\b[^.?!]{0,45}"
            r"\bcancell?ation\b(?! curse\b)"
            # "not even Jeff Goldblum could save Kaos from cancellation"
            r"|\b(?:couldn't|could not|can't|failed to|didn't|did not) save\b[^.?!]{0,40}"
            r"\bcancell?(?:ation|ed)\b|\bnot even\b[^.?!]{0,40}\bcould save\b",
        ),
        _rule(
            "passes-on",
            M.CANCELLED,
            rf"\bpass(?:es|ed)? on (?:a |another |the )?(?:{SEASON_REF}|new season|\w+ season"
            r"|renewing|the (?:show|series|drama|comedy))",
        ),
        _rule(
            "network-ends-it",
            M.CANCELLED,
            # "Netflix has decided to cancel Lockwood & Co."
            # "Shadow and Bone ends at Netflix after two seasons", "Netflix is ending X", "X is done
            # at Netflix", "dropped by Netflix after three seasons", "Netflix passes on season 4"
            rf"\bends? (?:at|on) {NETWORK} after\b|\b{NETWORK} is ending\b"
            rf"|\b(?:is|are) (?:officially )?done at {NETWORK}\b"
            rf"|\b(?:dropped|axed|scrapped) by {NETWORK} after\b"
            rf"|\b{NETWORK} pass(?:es|ed) on\b[^.?!]{{0,40}}\b{SEASON_REF}"
            r"|\b(?:decided|decides|deciding|opted|opts|moved|moves|chose|chooses|has chosen)"
            r" to (?:cancel|axe|scrap|end)\b"
            # "Netflix reversed that decision", "un-renews", "rescinds the renewal"
            r"|\b(?:reverse[sd]?|reversing|rescind\w*|revok\w*|walk(?:s|ed)? back)\b[^.?!]{0,30}"
            r"\b(?:renewal|decision to renew|pick-?up|season order)\b|\bun-?renew(?:s|ed)\b"
            r"|\bnot returning for (?:an? |its )?(?:already )?(?:[\w-]+ ){0,3}season\b"
            # "AMC is not going forward with a second season"
            r"|\b(?:not|isn't|won't) (?:be )?(?:going|moving|move) forward with "
            rf"(?:a |an |another )?(?:[^.?!]{{0,30}} )?(?:{SEASON_REF}|new season|another season)"
            # "will not be bringing the drama back for a third season"
            r"|\b(?:won't|will not|not) (?:be )?bring(?:ing)? (?:[^.?!]{1,30} )?back\b[^.?!]{0,40}"
            rf"\bfor (?:a |an |another )?{SEASON_REF}",
        ),
        _rule(
            "decision-not-to",
            M.CANCELLED,
            # "AMC made the difficult decision not to move forward with a fourth season"
            r"\bdecision not to (?:move forward|renew|continue|proceed|bring back|order)\b",
        ),
    ),
)

# A lead role named: "confirmed as the female lead" is casting news, not a renewal's
_AS_LEAD = r"as (?:the |its |a )?(?:new )?(?:male |female )?leads?\b"

RENEW_FAMILY = Family(
    rules=(
        _rule(
            "renewed",
            M.RENEWED,
            r"(?<!\bor )\brenew(?:s|ed|ing)?\b(?! (?:buzz|interest|attention|focus|hope|calls|push"
            r"|optimism|scrutiny|energy|debate|popularity|relevance|vigou?r)\b)"
            # (an attribute, not the news: "the recently renewed US drama is expected to film")
            r"(?!(?:(?<=recently renewed)|(?<=newly renewed)) (?:[\w-]+ ){0,2}(?:drama|series"
            r"|show|comedy|sitcom|thriller|anime)s?\b)"
            r"|\brenouvel\w*|\brinnov(?:o|ata|ato|a)\b"
            # de, the negation last: "Netflix verlängert X nicht" is no renewal ("nicht nur" is)
            r"|\bverlängert\b(?![^.?!;:]{0,40}\bnicht\b(?! nur\b))"
            # de "wird um eine 2. Staffel erweitert"
            r"|\bum eine (?:\d+\.?|\w+e) staffel erweitert\b"
            r"|\bprzedłużon\w*"
            r"|\bverlengd\b|\brenovad[ao]\b"
            # "saved from presumed cancellation with a surprise season two renewal"
            r"|\b(?:saved|spared|rescued) from (?:\w+ )?cancell?ation\b",
        ),
        _rule(
            "renewal",
            M.RENEWED,
            r"\b(?:announces?|announced|gets?|got|gives?|gave|lands?|landed|scores?|scored|earns?|"
            r"earned|secures?|secured|receives?|received|with|confirms?|confirmed|hands?|handed"
            # "charms its way to a season 2 renewal"
            r"|given|granted|(?<!ing )(?<!\bon )(?:its|their) way to)\b"
            # "has handed out an early fourth - and final - season renewal"
            r"[^.?!]{0,50}"
            r"(?<!\bpossible )(?<!\bpotential )\brenewal\b"
            r"(?! (?:hopes|status|odds|chances|prospects|news|update|decision|talk))"
            # "It Gets a Season 2 Pickup" ("pickup" has other senses: only right after the verb)
            rf"|\b(?:gets?|got|lands?|landed|scores?|scored|earns?|earned) (?:a |an )?(?:early "
            rf"|quick )?(?:{SEASON_REF} )?pick-?up\b",
        ),
        _rule(
            "season-order",
            M.RENEWED,
            # (not the noun: "Law & Order: SVU", "in order to", "out of order")
            r"(?<!\blaw & )(?<!\blaw and )(?<!\bin )(?<!\bof )\border(?:s|ed|ing)?\b(?!:)"
            rf"[^.?!]{{0,40}}\b(?:season|series|episodes|installment|instalment"
            rf"|(?:{_ORD}|new) edition)\b"
            r"(?! finale\b)"
            # "TBS orders more of The Detour"
            r"|\border(?:s|ed)? more of\b|\border(?:s|ed)? (?:another|a new) (?:round|batch"
            r"|helping|installment|instalment|chapter) of\b"
            rf"|\b(?:{SEASON_REF}|two-season|\w+-season) order\b"
            r"|\bpick(?:ed|s)? up (?:by [^.?!]{1,30} )?for\b"
            # an order got: "Frasier sequel gets Paramount+ order", "gets a back-nine order"
            # (not a court's, nor "gets in order")
            r"|\b(?:gets?|got|lands?|landed|receives?|received|scores?|scored|earns?|earned) "
            r"(?:a |an )?(?!(?:restraining|gag|court|protective|executive|cease|in|out|into|back"
            r"|the)\b)(?:[\w+'-]+ ){0,2}order\b(?! (?:of|to|from)\b)"
            # "AMC picks up Snowpiercer after TNT dropped it": rescued
            r"|\bpick(?:s|ed)? up\b[^.?!]{0,40}\bafter\b[^.?!]{0,25}\b(?:dropped|cancell?ed|axed)"
            rf"|\bpick(?:ed|s)? up [^.?!]{{0,50}}\bfor (?:a |an "
            rf"|another )?{SEASON_REF}"
            r"|\bpicks up\b(?! (?:after|where|from|right|with|at|in))[^.?!]{0,30}\bseason\b"
            # "Netflix has officially picked up the second season of XO, Kitty"
            rf"|\bpick(?:s|ed|ing)? up (?:the |a |an |its |another )?{SEASON_REF}"
            # the passive: "XO, Kitty season 4 picked up by Netflix"
            rf"|\b{SEASON_REF} (?:has been |was |is |gets )?(?:officially )?picked up"
            rf" by {NETWORK}\b"
            # the show's return confirmed, its season named before: "XO, Kitty season 4:
            # Netflix confirms the show will return" (not a day: "will return in June")
            rf"|\b{NETWORK} (?:has )?(?:officially )?(?:confirm(?:s|ed)|announc(?:es|ed))"
            r" (?:that )?(?:the (?:show|series)|it) (?:will|is set to|is going to)"
            r" (?:return|be back|come back)"
            rf"(?! (?:in|on|this|next|early|late|later) )(?=$|[.!?,;:]| - | for )"
            # the noun only as given or got: not "this quick green light", "no formal
            # greenlight", "before a Season 2 green light", "scripts to green light season 2"
            r"|\bgreen ?-?lit\b|\bgreen[- ]?light(?:s|ed)\b|\bheeft besteld\b"
            r"|\b(?:gets?|getting|got|gotten|given|gives?|giving|gave|receives?|received|earns?"
            r"|earned|lands?|landed|has|had|have|with) (?:(?!(?:no|not|yet)\b)[\w'&,:-]+ ){0,5}?"
            # (not denied or awaited: "has no green light yet", "has yet to get a green light")
            r"(?<!\byet to get )(?<!\byet to get a )green[- ]?light\b"
            # "Three BBC comedies get another series", "have recommissioned"
            r"|\b(?:confirm(?:s|ed)?|announc(?:es|ed)) (?:the )?production of [^.?!]{0,40}"
            rf"\b{SEASON_REF}(?! (?:has |is )?(?:begun|began|started|underway|wrapped)\b)"
            rf"|\breceives? (?:a |an |its )?(?:{SEASON_REF}|(?:{_ORD}) season)"
            r"|\b(?:gets?|got|lands?|landed|earns?|earned|scores?|scored) another (?:season"
            r"|series)\b|\bre-?com?mm?ission(?:s|ed)?\b"
            # "gets the go-ahead", "says yes to season 3", "extended for a third season", "will
            # live on for a third season"
            r"|\b(?:gets?|got|given|gives?|gave|receives?|received) the go-?ahead\b"
            rf"|\bsays? yes to [^.?!]{{0,40}}\b{SEASON_REF}"
            rf"|\b(?:extended|live on) for (?:a |an |another )?{SEASON_REF}"
            # "the crew's mission will continue for another season"
            r"|\b(?:will|to|set to) continue for (?:another|one more|a (?:second|third|fourth"
            r"|fifth|sixth|seventh|new)) (?:season|series)\b",
        ),
        _rule(
            "next-season-foreign",
            M.RENEWED,
            r"\b(?:confirma|confirmou|confirmó|confirmada|tendrá|terá|avrà|aura|bekommt|erhält)\b"
            r"(?: (?:una|un|uma|a|une|eine|la|le|die|sua|su|ihre))? (?:segunda|tercera|terceira"
            r"|cuarta"
            r"|quarta|quinta|seconda|terza|deuxième"
            r"|troisième|quatrième|zweite|dritte|vierte|fünfte) (?:temporada|stagione|saison"
            r"|staffel)\b",
        ),
        # "Netflix will end Lost in Space with a third season": a final season is ordered
        _rule(
            "final-season",
            M.RENEWED,
            r"\b(?:will|to|set to|going to) (?:end|conclude|wrap up|close out)\b[^.?!]{0,40}\bwith "
            r"(?:a |one more |one final |another )(?:[\w-]+ )?(?:and final )?(?:season|series"
            r"|installment|chapter)\b",
        ),
        _rule(
            "revived",
            M.RENEWED,
            r"\b(?:revive[sd]?|reviving|rescue[sd]?|saves|saved|resurrect(?:s|ed)?|brings? back"
            r"|bringing back|will bring back"
            # "CBS is bringing Bob Hearts Abishola back for a fifth season"
            r"|bring(?:s|ing)? (?:[\w'&:,-]+ ){1,5}?back)"
            r"\b[^.?!]{0,50}\bfor (?:a |an |another |one more |its "
            r"|what will be (?:a |its |the )?)?(?:\w+ )?(?:and final )?(?:season|series)\b"
            r"|\bcomes? to the rescue\b|\bnew lease (?:on|of) life\b"
            r"|\b(?:announces?|announced|confirms?|confirmed|orders?|ordered) (?:the "
            r"|a )?revival\b"
            # "set to make a surprise return six years after it was axed"
            r"|\b(?:return|comeback)\b[^.?!]{0,40}\bafter (?:it was |being |its )?(?:axed"
            r"|cancell?ed|scrapped|cancell?ation)\b",
        ),
        _rule(
            "returns-for-season",
            M.RENEWED,
            # (not "returns for season 3": a title in the present tense is the premiere)
            # ("is moments away from returning for its second season", "is a little closer to
            # returning for its fourth season": the premiere ahead)
            r"(?<!\baway from )(?<!\bcloser to )"
            r"\b(?:will (?:officially |finally )?return|to return|is returning|will be returning"
            r"|returning|is coming back|coming back|will be back|officially coming back)\b"
            r" (?:to \w+ )?for "
            # "for a long-awaited third installment"
            # adjectives only after an article: "Harrison Ford returns for Shrinking season 2"
            # is about an actor
            r"(?:(?:(?:a|its|another) (?:(?!potential|possible|hypothetical|rumou?red|likely"
            rf"|future|eventual)[\w-]+ ){{0,2}})?{SEASON_REF}|another season|a new season"
            r"|one more season|another round of episodes)"
            # "returning for Season 7 in less than three months": the premiere, not the order
            r"(?![^.?!]{0,30}\b(?:in (?:less than |just |only |about )?(?:a few|a couple of|a|one"
            r"|two|three|four"
            rf"|five|six|\d+) (?:weeks?|months?|days?)|{MONTH} \d"
            # (", Netflix announced on Tuesday" dates the news, not the premiere)
            r"|(?<!\bannounced )(?<!\bconfirmed )(?<!\brevealed )(?<!\bsaid )"
            r"on (?:[\w+]+ (?:on )?)?\w+day"
            # "in just a matter of hours", "at the end of this month", "tonight"
            r"|in (?:just )?a matter of (?:hours|days|weeks)|at the end of (?:this|the) month"
            r"|(?:this|next) (?:week|weekend|month)|tonight|tomorrow)\b)"
            r"|\b(?:will|would) be back (?:for|with) (?:more|new) episodes\b"
            # "to return for two more series", "set to return for third and fourth series"
            r"|\b(?:will return|to return|is returning|returning|coming back) for (?:(?:two|three"
            r"|four|\d) more|(?:a )?\w+ and \w+) (?:series|seasons)\b"
            r"|\b(?:two|three|four|\d) more (?:series|seasons) (?:of [^.?!]{1,40} )?(?:have been"
            r"|were|are) (?:commissioned|ordered)\b",
        ),
        _rule(
            "announces-season",
            M.RENEWED,
            # (not "confirmed to appear in season 2", "confirmed as its lead": casting)
            # (nor "the recently announced fifth season": announced before)
            r"(?<!\bthe recently )(?<!\bthe newly )(?<!\bthe previously )(?<!\bits recently )"
            r"(?<!\bits newly )"
            r"\b(?:announce[sd]?|confirm(?:s|ed)?|unveil(?:s|ed)?)\b(?! that| neither| nor| no\b"
            rf"| to (?:appear|star|join|play|lead)\b| {_AS_LEAD})"
            r"(?:(?!production|filming|premiere|release|date|trailer|cast|wrap|shoot|end|final|last"
            r"|look|photo|image|poster|teaser|pv\b|promo|video|clip|featurette|sneak peek|writ"
            r"|leav|exit|quit|depart"
            r"|script|no |not |nothing\b|never |won't )[^.?!,;]){0,40}"
            rf"\b{SEASON_REF}"
            # "confirmed season 2 has finished filming" is about the filming
            r"(?! (?:[\w']+ ){0,2}(?:cast|trailer|teaser|premiere|release|date|filming|production"
            r"|poster|episode|finished|wrap\w*|begun|began|started|starts|begins|underway|finale"
            r"|delayed|postponed|pushed|halted|cancell?ed|axed|writ\w*))",
        ),
        _rule(
            "season-is-happening",
            M.RENEWED,
            rf"\b{SEASON_REF} (?:is (?:officially |finally )?coming\b"
            r"(?! to\b| your\b| soon\b| back to\b)"
            rf"(?! (?:in |on |this |next |early |late |later )?(?:{MONTH}|spring|summer|fall"
            r"|autumn|winter|20\d\d)\b)"
            # "season 3 is coming - here's the release date" is about the date
            r"(?![^.?!]{0,25}\b(?:release|premiere) date)|"
            r"(?:anime |tv anime )?(?:is |has been |gets |got |was )?(?:officially |all but |now )?"
            r"(?:happening|a go|confirmed)\b"
            # "a fourth season unveiled", not "season 2 unveiled the location"; an anime
            # news headline's "Season 2 Anime Announced"
            r"|(?:anime |tv anime )?(?:is |has been |gets |got |was )?(?:officially )?"
            r"(?:unveiled|ordered|green-?lit|announced)\b"
            r"(?! (?:the|a|an|its|their|his|her|new|first)\b))"
            rf"|\b(?:gets?|getting|get|got|lands?|landed|scores?|scored|given|granted|handed|earns?"
            rf"|earned|secures?|secured|nabs?|nabbed|snags?|snagged|bags?|bagged) (?:a |an |its "
            rf"|another )?(?:early |surprise |official )?{SEASON_REF}"
            r"|\bsays? yes to (?:more|another)\b"
            # "lives to see another season", "'Slow Horses' lives to see season five"
            rf"|\b(?:lives?|lived) (?:up )?to see (?:another season\b|(?:a |an )?{SEASON_REF})"
            # "the streamer has officially handed Harbor Lights a third season"
            r"|\b(?:hands?|handed|gives|given|gave|grants?|granted) (?!(?:fans|viewers|us|you"
            r"|audiences|everyone)\b)(?:[\w'&,:-]+ ){1,5}(?:a |an |another )"
            rf"(?:{SEASON_REF}|new season)(?! (?:update|trailer|teaser|premiere|release|date"
            r"|first look|look|tease|sneak)\b)"
            # "Harbor Lights is officially coming back" ("… coming back for season 3" is read,
            # with its premiere's time, by "returns-for-season")
            r"|\b(?:is|are) (?:officially |definitely |finally )?coming back\b(?! (?:to|from|on|in"
            r"|this|next|soon|with|as|after|later)\b)(?! for (?!more\b))"
            r"|\b(?:gets?|getting|got|lands?|scores?|orders?|ordered) (?:two|three|four|2|3|4) "
            r"(?:more|additional|new) seasons\b"
            # "there'll be a season two of Hijack", "there will be another season"
            rf"|\bthere(?:'ll| will) (?:definitely |officially )?be (?:a |an |another )?"
            rf"(?:{SEASON_REF}|new season|another season|more (?:episodes|seasons))"
            # "Day of the Jackal to continue at Peacock"
            # (not its weekly run: "Gen V will continue on Prime Video this week")
            rf"|\b(?:to|will) continue (?:at|on|with) {NETWORK}\b"
            r"(?! (?:(?:this|next) (?:week|weekend|month)|tonight|tomorrow|on \w+day)\b)"
            r"|\bwill be back for more\b(?! of\b)|\bre-?ups?\b"
            # "will" is part of the news here, not a plan: "Harbor Lights will get a third season"
            rf"|\bwill (?:get|receive|have) (?:a |an |another )?{SEASON_REF}"
            rf"|\b{NETWORK} (?:confirms|orders|wants|announces) more\b",
            title_only=True,
        ),
        _rule(
            "commissioned",
            M.RENEWED,
            # "ITV has recommissioned", "BBC commissions a third series"
            r"\b(?:re-?)?commission(?:s|ed)?\b(?! by\b)[^.?!]{0,40}"
            rf"\b(?:{SEASON_REF}|another (?:season|series)|further series|more episodes)"
            r"|\brecommission(?:s|ed)?\b"
            # "Season 3 of The Diplomat confirmed by Netflix", "brings back Lupin for part 4"
            rf"|\b{SEASON_REF} of [^.?!,;]{{1,40}} (?:is |has been |was )?(?:officially )?"
            r"(?<!\bhas )(?<!\bhave )(?<!\bhad )(?:confirmed|ordered|greenlit|green-lit)\b"
            r"(?! (?:to|for|as|that)\b)"
            r"|\bbrings? back\b[^.?!]{0,40}\bfor (?:part|volume) \d\b"
            # "Disney+ confirms production of 'Moving' season 2"
            rf"|\bconfirm(?:s|ed)? (?:production|work) (?:of|on)\b[^.?!]{{0,40}}\b{SEASON_REF}"
            # "Vigil will return to BBC One for a second series"
            r"|\b(?:will|to|is set to) (?:return|be returning|be back) to (?:[\w+]+ ){1,3}for "
            r"(?:a |an |another )?"
            rf"(?:[\w-]+ )?{SEASON_REF}",
        ),
        _rule(
            "return-with-season",
            M.RENEWED,
            # "Wreck is set to return with a second season", "in this renewal announcement"
            rf"\b(?:set to|will|to) return with (?:a |an |another )?(?:[\w-]+ )?{SEASON_REF}"
            r"|\brenewal announcement\b",
        ),
        _rule(
            "more-seasons-ordered",
            M.RENEWED,
            # "Smiling Friends has been picked up through Season 5"
            rf"\bpicked up through {SEASON_REF}"
            # "it is set to have a second season"
            rf"|\b(?:is|are) set to (?:have|get|receive) (?:a |an |another )?{SEASON_REF}",
        ),
        _rule(
            "handed-season",
            M.RENEWED,
            # "Netflix hands third season to ...", "has handed the drama a Season 3 order"
            r"\bhand(?:s|ed|ing)? (?:[\w'-]+ ){0,2}?(?:a |an )?(?:second|third|fourth|fifth"
            r"|sixth|new) (?:season|series) to\b"
            r"|\bhand(?:s|ed|ing)? (?:it|the (?:[\w-]+ )?(?:drama|series|show|comedy|thriller))"
            r" (?:a |an )?(?:season|series) \d{1,2} (?:order|renewal|pickup)\b",
        ),
    ),
)

# What follows "the cast revealed" when the cast speaks ("revealed their favourite spots",
# "revealed what comes next") rather than being announced
_CAST_SPEAKS = r"their|its|his|her|our|what|why|how|that|who|when|where"
CASTING_FAMILY = Family(
    rules=(
        _rule(
            "joins-cast",
            M.CASTING,
            r"\bjoin(?:s|ed|ing)? (?:the )?(?:cast|series|show|season|netflix|\w+'s)\b"
            r"|\b(?:joins|boards|signs on)$"
            r"|\bjoin(?:s|ed|ing)? [^.?!]{0,40}\b(?:cast|season|series"
            # "joins the NBC procedural this week in a multi-episode arc"
            r"|in (?:a )?(?:recurring|multi-episode|guest|(?:two|three|four|five)-episode))\b"
            r"|\b(?:will |to )?(?:reprise|resume) (?:their|his|her) (?:respective )?roles?\b"
            r"|\b(?:has been|have been|was|were|is|are) (?:officially )?(?:cast|tapped)\b"
            r"|\btapped to (?:play|lead|star|headline)\b"
            # "lands a role in", "tapped for season 2"
            r"|\blands? (?:a |the )?(?:[\w-]+ )?role in\b|\btapped for\b"
            # "nabs a role in", "snags a part", "scores a recurring role"
            r"|\b(?:nabs|scores|snags|books|bags|earns) (?:a |an |the )?(?:[\w-]+ ){0,2}(?:role"
            r"|part)\b|\blatest (?:cast )?addition\b"
            # "Season 2 adds Jane Doe", "season 2 taps", "ropes in"
            rf"|\b{SEASON_REF} (?:adds|added|casts|taps|tapped|ropes in|roped in|books|booked"
            r"|welcomes)\b"
            r"(?! (?:[\w-]+ ){0,2}(?:episodes?|scenes?|locations?|details|twists?"
            r"|trailer|footage|dates?|songs?|music|sets?|characters?|showrunners?|writers?"
            r"|directors?|producers?)\b)"
            r"|\bcast as\b|\bcast in\b(?! una?\b| uno\b)"
            r"(?! (?:a |an |the )?(?:new )?(?:[\w+]+ )?(?:film|movie|feature)\b)"
            r"|\bboard(?:s|ed)\b|\bset to star\b"
            r"|\b(?:special|new) guest stars\b"
            r"|\bsign(?:s|ed) on\b(?! to (?:write|pen|direct|produce|showrun)\b)"
            r"|\bjoin(?:s|ed|ing)? as (?:a |an )?(?:recurring|series regular|guest|new|regular)\b"
            r"|\b(?:to|will|set to) recur\b|\b(?:set to|will|to) play \w+(?: \w+)? in\b"
            r"(?! (?:the |a |an |new )?(?:[\w-]+ )?(?:film|movie|feature)\b)"
            rf"|\b(?:set to|will|to) play\b[^.?!]{{0,40}}\b{SEASON_REF}"
            r"|\b(?:sets|casts|hires|signs|lands) (?!(?:a|an|the|its|their)\b)[\w'.-]+"
            r"(?: [\w'.-]+){0,3} to play\b|\bcasting (?:news|confirmations?|update)\b"
            r"|\b(?:will|to|set to) guest[- ]star\b"
            rf"|\b(?:will|to|set to) (?:feature|appear) in\b[^.?!]{{0,40}}\b{SEASON_REF}"
            r"|\bround(?:s|ed)? out\b[^.?!]{0,40}\bcast\b"
            # "Rachel Brosnahan leads Presumed Innocent season two", "to lead season 3"
            rf"|\b(?:leads|to lead|will lead|set to lead)\b[^.?!]{{0,40}}\b{SEASON_REF}"
            # "Season 2 taps Jane Doe for key role", "to star opposite", "recasts lead role"
            r"|\btaps? (?!(?:into|out|the|a|an|its|his|her|their)\b)[\w'.-]+ [\w'.-]+[^.?!]{0,20}"
            r"\b(?:for|to play|as)\b"
            rf"|\b(?:to|will) star (?:in|opposite|alongside)\b[^.?!]{{0,40}}\b(?:{SEASON_REF}"
            r"|new season)"
            # "Rupert Grint to star in comedy series Sick Note": a new show's first cast; "Jenna
            # Coleman to lead upcoming BBC detective drama", "lands ABC's 'Selfie' lead"
            r"|\b(?:to|will|set to) (?:star in|lead|headline) (?:the |a )?(?:new |upcoming )?"
            r"(?:[\w'-]+ ){0,3}(?:series|drama|comedy|pilot|thriller|show)\b"
            # (not an award's nod: "lands Emmy nod for lead actress")
            r"|\blands? (?!in\b)(?:(?!(?:nods?|nominations?)\b)[\w'.-]+ ){1,3}lead\b"
            rf"|\bwill join (?:the cast of )?[^.?!]{{0,40}}\b(?:{SEASON_REF}|cast)"
            r"|\brecast(?:s|ing)?\b(?! (?:of|list))|\b(?:recruits|recruited|enlists|enlisted)\b"
            # "Carole Bouquet replaces Nathalie Baye in season 2" (fr "remplace … dans la saison")
            rf"|\breplac(?:es|ed|ing) [^.?!]{{1,40}} (?:in|for) {SEASON_REF}"
            r"|\bremplace [^.?!]{1,40} dans la saison\b"
            r"|\bbook(?:s|ed)? (?:[\w-]+ ){0,2}roles?\b"
            r"|\blined up (?:its|the|a) [^.?!]{0,20}\b(?:cast|actors|stars|leads?)\b"
            r"|\bfinds? (?:its |their |a |her |his )?(?:new )?(?:[\w-]+ )?(?:lead|star|villain)\b"
            r"|\b(?:has|have) found (?:its|their) (?:new )?[\w'-]+\b"
            # "stars sign up to second series of ITV drama"
            rf"|\bsign(?:s|ed)? up (?:to|for) (?:a |the )?(?:{SEASON_REF}|new series|new season)"
            # "are joining the hit Netflix crime drama Top Boy for its third season"
            rf"|\bjoin(?:s|ed|ing)? (?:the )?[^.?!]{{0,50}}\bfor (?:its |the )?(?:{SEASON_REF}"
            r"|(?:final|last|new|upcoming|next) season)"
            # "Kim Hye-soo topbills new courtroom drama", "confirmed as the male lead of",
            # "in talks to lead new tvN drama", "five stars join Disney+ drama Casino"
            r"|\btop(?:bill|line)s\b"
            rf"|\b(?:confirmed|announced|unveiled|revealed) (?:{_AS_LEAD}|to be (?:the )?(?:new )?"
            r"(?:male |female )?leads?\b)"
            r"|\bin talks to (?:lead|star in|join|headline)\b"
            r"|\bconfirmed to (?:appear|star) in\b"
            r"|\bpositively (?:reviewing|considering) (?:an? |the )?(?:offer|role)\b"
            r"|\bjoin(?:s|ed)? (?:[\w+'-]+ ){0,2}(?:drama|sitcom|thriller|dramedy|comedy"
            r"|procedural)\b",
        ),
        _rule(
            "adds-cast",
            M.CASTING,
            r"\b(?:adds?|adding) (?!(?:new )?(?:showrunners?|writers?|directors?|producers?)\b)"
            r"(?:[\w'.-]+ ){1,4}(?:to (?:the )?cast|for (?:season|series))"
            r"|\b(?:adds|welcomes) (?:\w+ )?(?:\d+|two|three|four|five|six|seven|several) (?:new )?"
            r"(?:cast members|actors|stars|characters|series regulars|recurring)"
            r"|\badds (?!(?:\w+ )?(?:new )?(?:showrunners?|writers?|directors?|producers?)\b)"
            r"(?!a |an |the |new |more |another )"
            r"[\w'.-]+ [\w'.-]+(?: [\w'.-]+)?(?:,| and| &| to | for | as )"
            r"|\b(?:recurring|series regular|series regulars)\b[^.?!]{0,20}\b(?:role|cast|for)\b"
            r"|\bexpand(?:s|ed|ing) (?:its |the )?(?:series regular )?cast\b"
            # "comes aboard", "steps into the role of", "takes over the role of", "will voice"
            r"|\b(?:comes?|came|coming|hops?|hopped|climbs?|climbed|jumps?|jumped) (?:aboard"
            r"|on board)\b|\bsteps? into the role of\b|\btak(?:es|ing|en|e) over (?:the )?role of\b"
            r"|\b(?:stepping|steps?) in for\b"
            r"|\b(?:will|to|set to) voice (?!(?:their|his|her|its|concerns?|support|opposition"
            r"|frustration)\b)\w+(?: \w+)? in\b"
            r"|\bnew cast(?: members)?\b"
            # the role told with its actor: "will be played by", "is set to portray", "to
            # portray" (not a wish, "her desire to portray Rue again", nor a film's part)
            r"|(?:\b(?:will be|to be|is being) played by\b|\b(?:set to|will) portray\b"
            r"|(?<!\bdesire )(?<!\bwant )(?<!\bwants )(?<!\bhope )(?<!\bhopes )(?<!\blove )"
            r"(?<!\bwish )(?<!\bchance )(?<!\blike )\bto portray\b)"
            r"(?![^.?!]{0,40}\b(?:film|movie|biopic|feature)\b)"
            # "Starz has announced the casting of four key roles", "new additions to the cast"
            r"|\b(?:announce[sd]?|announcing|confirm(?:s|ed)?|reveal(?:s|ed)?) (?:the )?"
            r"casting of\b"
            r"|\badditions to (?:the )?(?:[^.?!]{1,30} )?cast\b"
            r"|\b(?:lands?|landed|books?|booked|nabs?|nabbed) (?:a |an )?(?:[\w-]+ ){0,2}guest[- ]"
            r"stars?\b"
            r"|\bnew leading (?:lady|man)\b"
            # "The cast of Heartstopper is getting some A-list additions"
            r"|\b(?:gets?|getting|got) (?:some |a few |two |three |several )?(?:[\w-]+ )?"
            r"additions\b"
            # "Season 2 casts its new villain"
            r"|\bcasts (?:its |a |their )?(?:new )?(?:villain|lead|leads|star|love interest)\b"
            r"|\badd(?:s|ed|ing)? (?:\w+ )?new faces\b|\badd(?:s|ed|ing)? a familiar face\b"
            r"|\b(?:two|three|four|five|six|seven) (?:new|fresh) faces\b|\bnow series regs?\b"
            rf"|\bamong (?:the )?(?:{SEASON_REF} |cast |new )additions\b"
            # "the cast for Time series 2 has been assembled"
            r"|\bcast (?:for|of) [^.?!]{1,40} (?:has been|is|was) (?:now )?assembled\b"
            r"|\bassembles? (?:its|the|a) (?:\w+ )?cast\b"
            r"|\bpromoted to series regulars?\b|\bpromotes [^.?!]{0,30}\bto series regulars?\b"
            r"|\b(?:has|have) (?:already |officially |finally |now |just |also |reportedly "
            r"|quietly |formally |recently |once again )?cast\b"
            r"(?! (?:a|its|their) (?:shadow|spell|doubt|vote))"
            r"|\badded to (?:its |their )?cast\b"
            # "is adding to its cast for season 4", "has added eight new actors for season two",
            # "added to growing roster", "among the additions", "returns as a series regular"
            r"|\badded (?:[\w-]+ ){2,7}cast members\b"
            r"|\badding to (?:its |their |the )cast\b|\badded (?:\w+ )?(?:new )?(?:actors"
            r"|cast members|series regulars)\b|\badded to (?:the |its )?(?:growing )?(?:roster"
            r"|ensemble)\b|\bamong the (?:new )?additions\b|\breturns? as (?:a )?series regular\b"
            # "Amy Morton, Tracy Letts And More Join Showtime Drama"
            r"|\band more join\b"
            r"|\badded to (?:the |its )?(?:[\w'-]+ ){0,5}cast\b"
            r"|\badded (?:[\w'.-]+ ){1,4}to (?:its |the )?"
            r"(?:[\w'-]+ ){0,4}cast\b|\bcast members? (?:have |has )?(?:officially )?(?:been )?"
            r"(?:announced|revealed|confirmed|unveiled)\b"
            # "Blair Underwood returning to Agents of S.H.I.E.L.D. for season 3" (an actor)
            # (not the cast "returning to set for season 3")
            rf"|\breturn(?:s|ing)? to (?!{NETWORK}\b|our screens\b|screens\b|tv\b"
            r"|(?:the )?(?:set|production|filming|shooting|work)\b)[^?!]{1,40} "
            rf"for {SEASON_REF}"
            # (and "is adding a new recurring character", "has already announced two new
            # recurring characters", "will introduce fresh faces", "brings in new characters")
            r"|\b(?:reveal(?:s|ed)?|introduc(?:e|es|ing)|announc(?:es|ed)|adds?|adding"
            r"|brings? in|bringing in) (?:a |some |several |two |three |four |five |six )?(?:new"
            r"|fresh) (?:recurring |series regular |main )?(?:characters?|faces)\b"
            r"|\badds (?:[\w'.-]+ ){1,4}(?:&|and) more\b|\bunterschrieben\b|\bruolo ricorrente\b"
            r"|\b(?:announces?|announced|announcing|unveils?|unveiled|unveiling|reveals?|revealed"
            r"|revealing|confirms?|confirmed|confirming|sets|set)\b[^.?!,;]{0,30}\bcast\b"
            r"(?! (?:and|&) (?:character|release|premiere|crew))(?!ing)"
            # (not who stars: "die Serie mit X in den Hauptrollen wurde eingestellt")
            r"|(?<!\bin den )(?<!\bin der )\bhauptrollen?\b"
            # "season 3 cast revealed", "assembles an all-star cast"
            r"|\bcast (?:has been |have been |is |are |was |has )?(?:officially )?(?:revealed"
            r"|announced"
            r"|unveiled|confirmed|set|assembled|expands|expanded|grows|grew)\b"
            # ("the cast revealed their favourite spots": the cast speaks)
            rf"(?! (?:{_CAST_SPEAKS}|which|if|whether)\b)"
            r"|\bassembles? [^.?!]{0,30}\bcast\b"
            # "The Vampire Academy cast reveal", "has released the cast for the upcoming show"
            rf"|\bcast reveal\b(?! (?:{_CAST_SPEAKS}|the)\b)"
            r"|\breleas(?:ed|es) (?:the |its )?(?:full |official |main |new )?cast\b(?!ing|')"
            # "Silo season 2 casts Steve Zahn"
            rf"|\b{SEASON_REF}[^.?!]{{0,20}}\bcasts (?!(?:a|an|the|its|doubt|shadow|light|spell"
            r"|vote|aside|off)\b)[\w'.-]+ [\w'.-]+"
            # "... season 4 goes Hollywood, adds Melissa McCarthy"
            rf"|\b{SEASON_REF}[^.?!]{{0,40}}\badds (?!(?:new |more |a |an |the ))[\w'.-]+ [\w'.-]+"
            r"(?: [\w'.-]+)?$"
            r"|\b(?:actors?|actresses|stars|cast members?|favou?rites?|characters?|faces) (?:are "
            r"|will )?"
            r"(?:return|returning|coming back|come back) (?:for|in|to)\b"
            rf"(?! {NETWORK}\b| (?:our |your )?screens\b)",
        ),
        _rule(
            "addition-to-cast",
            M.CASTING,
            # "Jane Doe is the latest addition to the cast of Harbor Lights season 3"
            r"\b(?:latest|newest|new|final) (?:additions?|members?) (?:to|of) (?:the )?(?:[\w-]+ )?"
            r"cast\b|\b(?:additions?) to the (?:[\w-]+ )?cast\b",
        ),
        _rule(
            "bumped-to-regular",
            M.CASTING,
            # "Patti LuPone bumped to series regular"
            r"\b(?:bumped|upped|elevated|moved) (?:up )?to (?:a )?series regulars?\b",
        ),
        _rule(
            "added-to-season",
            M.CASTING,
            # "X has been added to the upcoming season of Doctor Who"
            r"\b(?:has been|have been|was|were|is|are) added to (?:the )?(?:upcoming |new |next )?"
            r"(?:season|series)\b",
        ),
    ),
)

WRITING_FAMILY = Family(
    rules=(
        _rule(
            "writers-room",
            M.WRITING,
            # (the window takes the auxiliaries and adverbs: "has wrapped", "is hard at work")
            r"\b(?:writers?'?s?|writing) ?room\b[^.?!]{0,100}\b(?:open|opens|opened|reopen|reopened"
            r"|reopens|re-open|re-opens|reopening|opening|begins|began|begun|starts|started"
            r"|starting|assembled|kicked off|kicks off|underway|resume|resumes|is back|are back"
            r"|finished"
            r"|up and running|being formed|is formed|forming|established|in session|at work|wraps"
            # "has been set up for season 3" (not a verb with its object: "set up a
            # fundraiser"; nor a film's room: "set up for XO, Kitty star's new film")
            r"|set up(?! (?:a|an|the|its|their|his|her)\b)(?![^.?!]{0,40}\b(?:film|movie)\b)"
            r"|ramping (?:back )?up"
            r"|wrapped)\b"
            r"|\b(?:first|1st|opening) day (?:of|in) (?:the )?(?:new )?(?:season \d+ )?"
            r"writers?'?s? ?room\b"
            r"|\b(?:reopen|open|opens|opened|reopens|assembled|assembles|gathers|gathered|convenes"
            r"|convened|staffs|staffed|staffing)\b[^.?!]{0,50}\bwriters?'?s? ?rooms?\b"
            r"|\bwriters?'?s? rooms? (?:reopen|reopens|re-open|resume|reconvenes?|reconvened)"
            # "Kicks off Season 1 Writers Room", "Writers Room. Day One."
            r"|\b(?:kicks? off|kicked off|launch(?:es|ed)?) (?:the |its )?(?:season \w+ )?"
            r"writers?'?s? room\b|\bwriters?'?s? room\W+day one\b",
        ),
        _rule(
            "writing-begins",
            M.WRITING,
            r"\bwriters? (?:start|starts|begin|begins|began|started|get|got|go|went|head|headed)"
            r" (?:back )?(?:to )?(?:work|writing)\b|"
            # ("writing for season 3 has already begun")
            r"\bwriting (?:for|of|on) [^.?!]{0,40}\b(?:has |have )?(?:officially |already |now )?"
            r"(?:begun|began|begins|"
            r"started|starts|kicked off|underway|under way)\b"
            r"|\bwriting (?:has |is )?(?:officially |now |almost |nearly )?(?:begun|began|begins"
            r"|started|underway|under way|complete|completed|finished|done|wrapped)\b"
            # "is hard at work writing the scripts", "wraps writing on season 3"
            r"|\b(?:hard|busy) at work (?:writing|on (?:the )?(?:[\w-]+ ){0,2}scripts?)\b"
            r"|\bwrap(?:s|ped)? (?:up )?writing\b"
            r"|\bscripts? (?:are |is )?(?:now |already )?underway\b"
            # "Work has begun on season 3", "started work on series three", German alike
            # ("work is underway on season 3" is as often the shoot)
            rf"|\bwork (?:on|for) [^.?!]{{0,40}}\b{SEASON_REF}[^.?!]{{0,10}}"
            r"\b(?:has |have )?(?:officially |already )?(?:begun|began|started)\b"
            r"|\bwork (?:has |have )?(?:officially |already |reportedly )?"
            rf"(?:begun|began|started) (?:on|for) [^.?!]{{0,40}}\b{SEASON_REF}"
            rf"|\b(?:started|begun|began|begins|starts) work on [^.?!]{{0,40}}\b{SEASON_REF}"
            r"|\b(?:arbeiten|vorbereitungen) (?:an|für) [^.?!]{0,40}\b(?:haben|hat) "
            r"(?:offiziell |bereits )?begonnen\b"
            # "hires new writers", "lands writer"
            r"|\b(?:hires?|hired|adds?|added|lands?|landed) (?:a )?(?:new |head )?writers?\b"
            # after a strike: "The Witcher Season 4 to Resume Writing"
            r"|\bresum(?:es|ed|ing|e) (?:script ?)?writing\b"
            r"|\bwriting (?:can |will |is set to )?resumes?\b|\btasked with writing\b"
            # "shares photo of first draft of After Life 3 ep1"
            r"|\bfirst drafts? of\b"
            rf"|\b(?:started|begun|began|begins|starts) (?:{SEASON_REF} )?(?:writing|work on "
            r"(?:the )?scripts)\b"
            # "the makers have already started working on the script"
            r"|\b(?:started|begun|began|begins|starts) working on (?:the |its |their )?"
            r"(?:[\w-]+ )?(?:scripts?|screenplays?)\b"
            r"|\bready to (?:write|start writing)\b|\bwriters (?:plot|map out|are plotting)\b"
            # "is about to start writing season 6" (not "about to begin writing a memoir")
            r"|\babout to (?:start|begin) writing\b(?! (?:a|an|her|his|their|my) )"
            rf"|\b{SEASON_REF} (?:writers|writing team) (?:announced|revealed|confirmed)\b"
            # "is halfway through writing season two", "S2 already being scripted"
            r"|\bhalfway through (?:writing|the scripts?)\b|\bfinish(?:es|ed|ing)? writing\b"
            r"|\bwriters (?:finish|finished|wrap|wrapped) (?:up )?work on\b"
            # "Four new writers join the team", "new writers added to the staff"
            r"|\bnew (?:\w+ )?writers (?:join|joined|added|hired)\b"
            # "Steven Knight is already writing Peaky Blinders series 6"
            rf"|\b(?:is|are) (?:already |now |currently )?writing\b[^.?!]{{0,40}}\b{SEASON_REF}"
            r"|\bback in the writers?'?s?'? room\b"
            # "We're actually in the writers' room for Season 3"
            rf"|\bin the writers?'?s?'? room (?:for|on) {SEASON_REF}"
            r"|\b(?:is|are) (?:now |currently |already |back )?in the writers?'?s?'? room\b"
            r"|\b(?:submitted|turned in|handed in|delivered) (?:the |his |her |their )?(?:first "
            r"|final |last )?scripts?\b"
            r"|\b(?:is|are) (?:already )?being scripted\b"
            r"|\b(?:has|have) (?:mostly |largely |already |now )?been scripted\b"
            r"|\bin the (?:thick|middle|midst) of writing\b"
            # "I've written the first hour", "we're already writing the first episode"
            r"|\b(?:(?:i|we|they)(?:'ve| have)|(?:he|she)(?:'s| has)|has|have) (?:already |now )?"
            r"written the (?:first|opening|second|next|final|last) (?:episode|hour|script"
            r"|draft)s?\b"
            r"|\b(?:(?:we|they)(?:'re| are)|i(?:'m| am)|(?:he|she)(?:'s| is)|is|are) (?:already "
            r"|now |currently )?writing the (?:first|opening|next|final|last) (?:episode|hour"
            r"|script|draft)s?\b|\bgoing through the writing process\b"
            # "Season 5 Gets Writers Room", "already has its season 2 writers' room up and running"
            rf"|\b(?:gets|has|have|opens) (?:a |its |their )?(?:{SEASON_REF} )?writers'? room\b"
            r"|\bwriters'? room (?:is )?(?:up and running|assembled)\b"
            r"|\bdeep (?:in|into) (?:the )?writing\b|\bwriters confirm\b"
            # "writers are officially back to work", "writers return to work" (not "back on
            # strike": a strike's start)
            r"|\bwriters (?:are |were )?(?:(?:also|now|officially|finally|all) ){0,2}back\b"
            r"(?! on (?:strike|the picket))"
            r"|\bwriters (?:return|returned|returning) to (?:work|the (?:writers'? )?room)\b"
            r"|\bwriters'? rooms? (?:(?:for|of) [^.?!]{0,40})?(?:is |are |has |have )?"
            r"(?:officially |now "
            r"|reportedly )?"
            r"(?:opening|opens|opened|reopening|reopens|reopened)\b"
            # ("Season 2 scripts completed": a headline drops the verb)
            r"|\bscripts? (?:for [^.?!]{0,45})?(?:(?:are|is|have|has|were|was) )?(?:already |now "
            r"|all )?"
            r"(?:been )?(?:written|finished|completed?|ready|done)\b|\bwritten (?:already"
            r"|the scripts)\b"
            # (the cast and crew "back to work on series five" are shooting it)
            r"|\bwriters'? day (?:one|1)\b|\bbreaking story\b|\bback (?:at it|to work) writing\b"
            r"|\b(?:final )?drafts? (?:of|for) [^.?!]{0,40}\b(?:is |are |has been |have been )?"
            r"(?:finished|done|complete|completed|written|in)\b"
            # "a first draft is finished" (not "was finished": a past draft)
            r"|\b(?:first|second|final) drafts? (?:is|are|has been|have been) (?:now |already )?"
            r"(?:finished|done|complete|completed|written)\b"
            r"|\bscripts? (?:are |is )?(?:being |already )?written\b|\bscripts?\b[^.?!]{0,15}"
            r"\bbeing written\b|\bback writing\b"
            r"|\b(?:is|are) (?:already |now |currently )?being (?:re)?written\b"
            r"|\b(?:in|enters|entered|entering|moves into|moved into) the writing (?:stage|phase)\b"
            r"|\b(?:well|deep|far|midway) (?:in|into) the writing\b"
            r"|\b(?:finished|completed)\"? (?:writing|the scripts?)\b|\b(?:have"
            r"|has) already written\b"
            rf"|\b{SEASON_REF} (?:is )?(?:now |officially )?in development\b"
            r"|\b(?:now|currently|is|are) writing (?:the )?(?:[\w']+ )?scripts?\b"
            rf"|\b(?:now|currently) actively writing\b[^.?!]{{0,20}}\b{SEASON_REF}"
            r"|\bworking on (?:the )?new [^.?!]{0,20}\bscripts\b|\bwriting an episode of\b"
            # "Stephen Merchant working on a third series of The Outlaws"
            rf"|\b(?:working on|developing) (?:a |the )?{SEASON_REF}"
            # "has already started working on its upcoming season"
            r"|\b(?:started|begun|began|starts|begins) working on (?:the |its |their )?(?:next"
            r"|upcoming|new|following) season\b"
            # "Stranger Things writers have confirmed they are resuming work on the final season"
            r"|\bwriters\b[^.?!]{0,40}\bresum\w* work\b"
            r"|\bdelivered (?:a|the|my|his|her) (?:[\w'-]+ ){0,3}script\b"
            r"|\bwriters?\b[^.?!]{0,30}\b(?:busy|hard) at work\b"
            r"|\b(?:already|now|currently|busy) working on\b[^.?!]{0,20}\b(?:season \w+|scripts?"
            r"|next season|new season|(?:\w+ )?season (?:three|four|five|\d+))\b"
            rf"|\bfinish(?:ing|es|ed)? (?:writing )?(?:the )?(?:{SEASON_REF} )?scripts\b"
            r"|\bpre-?production (?:work )?(?:on|in"
            r"|for) [^.?!]{0,30}"
            r"\b(?:has )?(?:already )?(?:begun|began|started|underway)\b"
            r"|\bwriters?'?s? ?room\b[^.?!]{0,40}\b(?:from (?:ending|wrapping|finishing))\b"
            r"|\bwork on [^.?!]{0,30}\bscripts?\b[^.?!]{0,20}\b(?:has )?(?:officially )?(?:begun"
            r"|began|started|starts|begins|underway)\b"
            r"|\b(?:is|are|am|been|we're|they're) (?:currently |now |busy )?writing (?:the )?"
            r"(?:new |next |\w+ )?(?:season|episodes|scripts)\b",
        ),
        _rule(
            "has-written",
            M.WRITING,
            # "Chris Chibnall has written the opening scenes of Broadchurch 2"
            r"\b(?:has|have) (?:already )?(?:written|penned)\b[^.?!]{0,40}\b(?:scenes?|episodes?"
            r"|scripts?|drafts?)\b|\bin the scripting (?:stage|phase)\b|\bis being scripted\b"
            r"|\bscripting (?:is )?(?:underway|under way|in progress|begins"
            r"|has (?:begun|started))\b",
        ),
        _rule(
            "penning",
            M.WRITING,
            # "is drafting season 3", "currently drafting the scripts"
            r"\b(?:is|are|am|currently|now|busy|already) drafting (?:the )?(?:[\w-]+ )?"
            r"(?:season|series|scripts?|episodes?)\b|"
            # "the writers are busy penning the third season", "season 3 scripts are in", "a photo
            # of the first script for season 3"
            r"\b(?:penning|pens)\b[^.?!]{0,30}\b(?:season|episodes?|scripts?|series|finale)\b"
            r"|\bscripts? (?:are|is) in\b(?! (?:the|a|an|its|their)\b)"
            r"|\bscripts? (?:are |is |have been |has been )?locked\b"
            rf"|\bfirst script\b[^.?!]{{0,40}}\b{SEASON_REF}",
        ),
        _rule(
            "scripts-developed",
            M.WRITING,
            # "has already developed the script for season 2", "most of it has been written"
            r"\b(?:has|have) (?:already )?(?:developed|completed|finished) (?:the )?scripts?\b"
            r"|\b(?:most|much|half|all|some) of (?:it|the (?:season|scripts?|episodes)) (?:has"
            r"|have) (?:already )?been written\b",
        ),
        _rule(
            "writing-show",
            M.WRITING,
            # "Jane Doe is busy writing Harbor Lights season 3", "has begun work on season 3
            # scripts", "signed on to write season 3"
            r"\b(?:is|are) (?:busy |currently |now |still |already )?writing\b[^.?!]{0,40}"
            rf"\b{SEASON_REF}|\bbusy writing\b"
            r"|\b(?:begun|began|started|starts|begins) work on\b[^.?!]{0,30}\bscripts?\b"
            r"|\bsign(?:s|ed)? on to (?:write|pen)\b"
            # "hard at work this summer writing the scripts for season 3", "[he] has been
            # writing", "I've been writing it", "in the process of writing", "writers are
            # working on the script", "the next season was already written", "I've already
            # written some", "a photo of the writers' room whiteboard", "assembling a writers'
            # room"
            # (not "has not even started writing the script for": the start's own rule reads it)
            r"|(?<!\bstarted )\bwriting (?:the |new )(?:[\w-]+ )?(?:scripts?|screenplays?"
            r"|episodes?) (?:for|of)\b"
            r"|\b(?:(?:i|we|they)(?:'ve| have)|(?:he|she)(?:'s| has)|has|have) (?:already |also )?"
            # (not "the songs for her album", "the final book", "since she was 12")
            r"been (?:busy )?writing(?=[.,;!'\"]|$| (?:it|them|season|scripts?|episodes?)\b"
            r"| the (?:[\w-]+ )?(?:season|scripts?|episodes?|series|show|finale)\b"
            r"| since (?!(?:she|he|i|they|we|childhood|high school|college)\b))"
            # (not "in the process of writing her memoir", "a new book": their own work)
            r"|\bin the process of writing\b(?! (?:(?:a|an|her|his|their|my|the) )?(?:[\w-]+ )?"
            r"(?:book|novel|memoir|songs?|album|play|musical)\b)"
            r"|\bwriters?\b[^.?!]{0,20}\b(?:are |were |is )?(?:already |now |currently )?working "
            r"on (?:the )?(?:[\w-]+ )?(?:scripts?|season|episodes)\b|\bworking on the scripts?\b"
            # "the writers are working hard to come up with an ending"
            r"|\bwriters (?:are|have been) (?:already |now |currently |actually )?working (?:hard"
            r"|away)\b"
            r"|\b(?:was|were) already (?:fully )?written\b|\b(?:'ve|have) already written\b"
            r"|\bscripts (?:are )?coming in(?:to)?\b"
            r"|\bassembling (?:a |the |its )?writers'? ?room\b"
            # "a couple of scripts already in the works" (not a movie's or a film's script)
            r"|(?<!\bmovie )(?<!\bfilm )\bscripts?\b[^.?!]{0,20}\bin the works\b"
            r"|\b(?:photo|picture|image|glimpse|look) (?:of|from|inside|for) (?:the )?"
            r"[^.?!]{0,30}\bwriters'? ?room\b",
        ),
        _rule(
            "scriptwriting",
            M.WRITING,
            # "scriptwriting officially underway", "enters pre-production"
            r"\bscript ?writing (?:is |has )?(?:officially )?(?:underway|under way|begun|began"
            r"|begins|started)\b|\b(?:enters|entered|entering|in) pre-?production\b"
            r"|\bpraproduksi\b",
        ),
        _rule(
            "is-written",
            M.WRITING,
            # "First half is written", "the first episode of series 3 is written", writers
            # saying "we're back"
            r"\b(?:episodes?|half|scripts?|premiere|finale)\b[^.?!]{0,30}\b(?:is|are|has been"
            r"|have been) (?:already |now |all )?written\b"
            r"|\bwriters\b[^.?!]{0,40}\bwe'?re back\b"
            # "season 2 is already fully written", "is halfway written"
            r"|\b(?:is|are|has been|have been) (?:already |now )?(?:fully|completely|entirely"
            r"|mostly|halfway|half) written\b",
        ),
        _rule(
            "starting-to-write",
            M.WRITING,
            # "starting to write the next season"
            r"\b(?:starting|started|start|begin|began|beginning|begun) to write\b",
        ),
        _rule(
            "script-photo",
            M.WRITING,
            # "Ron Howard tweets photo of first season 4 script" (not "the first script reading",
            # the cast's table read before the shoot)
            rf"\bfirst (?:{SEASON_REF} )?script\b(?! read(?:ing|s)?\b)|\b(?:photo|picture|image) "
            r"of (?:the )?(?:first )?(?:[\w-]+ ){0,2}script\b(?! read(?:ing|s)?\b)",
        ),
        _rule(
            "scripts-being-penned",
            M.WRITING,
            # "scripts ... are now being penned", "halfway through drafting episode three",
            # "Season 5 scripts are taking shape"
            r"\b(?:scripts?|episodes?) (?:[^.?!]{0,50} )?(?:are|is) (?:now )?being penned\b"
            r"|\bdrafting (?:episode|the (?:first|next|new) (?:episode|season|series))\b"
            r"|\bscripts (?:are|is) taking shape\b",
        ),
    ),
)

# The work on set, as a noun: "filming delayed", "the shoot wraps", "halts production".
# (not "pre-production" or "post-production": the work before and after the shoot)
_SHOOT_WORK = r"(?:filming|shooting|(?<!pre-)(?<!post-)production|shoot)"
# Words that describe shooting; used by several filming rules.
_SHOOT = rf"(?:{_SHOOT_WORK}|(?:principal|main) photography|cameras)"
# what may stand between a shoot (or a season) and the verb that ends it: "on season 2 has
# officially"
_WRAP_VERB = (
    r"(?:(?:on|of|for) (?:(?!\bnot\b|n't\b|\byet\b|\bstill\b)[^.?!]){0,45})?"
    r"(?:has |have |had |is |are )?(?:officially |now |finally |just )?\b"
)
_WRAPPED = r"(?:wrapped|wraps|finished|completed|complete|done)"
# what may not follow that verb: "finished the filming schedule", "done for her" are not the
# season's wrap, nor is "season 1 finished airing"
_NOT_WRAP_TAIL = (
    r"\b(?! (?:filming |shooting |production )?(?:schedule|dates?|plans?|timeline))"
    r"(?! for (?:her|him|them|me)\b)(?! (?:airing|broadcasting|its (?:tv )?run)\b)"
)
# "wrapped up its second season", "wrapped up season 4": a season's run ended on air (the
# idiom's "up" with the season and no work on set after it); "wraps up season 2 shoot",
# "wrapped season 2" and "wrapped its final season" are the set's
_AIRED_UP = (
    rf" up (?:(?:its|their|an?) )?(?:(?!{_SHOOT_WORK}\b)[\w'-]+ ){{0,3}}?(?:season|series|run)\b"
    rf"(?: \d+)?+(?! (?:of )?{_SHOOT_WORK}\b)"
)
# (unless the people on set wrap it up: "the cast wraps up season 4", "the stars wrap up
# season 4" are the set's)
_ON_SET = ("cast", "crew", "stars", "team", "actors")
_NOT_AIRED_UP = (
    "(?:"
    + "".join(rf"(?<=\b{who} {verb})|" for who in _ON_SET for verb in ("wrap", "wraps", "wrapped"))
    + rf"(?!{_AIRED_UP}))"
)
# "… season 4 just wrapped on Disney Plus": the run ended on air (not "wrapped on
# Netflix's XO, Kitty", "on the Netflix series": the shoot of a network's show)
_ON_AIR = rf" (?:on|at) {NETWORK}\b(?!['’]s\b| (?:series|show|drama|comedy|original)\b)"
FILMING_FAMILY = Family(
    rules=(
        _rule(
            "filming-future",
            M.FILMING_STARTED,
            rf"\b{_SHOOT}\b[^.?!]{{0,90}}?\b(?:is |are |was |has been )?(?:now )?(?:set|scheduled"
            r"|slated|expected|"
            r"due|planned|tentatively scheduled|tipped|rumou?red|reported|said) to (?:begin|start|"
            r"commence|kick off|get underway|resume|take place|roll)\b"
            rf"|\b(?:set|scheduled|slated|expected|due|planned|plans?|plan is|hoping|hopes|looking"
            r"|aims?|trying|eyes|eyeing) to (?:begin|start|commence|kick off|resume) "
            rf"(?:filming|shooting|production|principal photography|the shoot)\b"
            rf"|\b(?:will|would|could|might|may|should|to) (?:soon |officially )?(?:begin|start"
            r"|commence|kick off|"
            rf"resume) (?:filming|shooting|production|principal photography)\b"
            r"|\bwill (?:shoot|film) (?:[^.?!]{0,30}\b)?(?:this|next|later|early|late) "
            r"(?:year|month|week|spring|summer|fall|autumn|winter)\b"
            # (a headline's infinitive is its future: "Season 4 to film in November")
            rf"|\b(?:will|to) (?:shoot|film) in {MONTH}\b"
            # "will be filmed in Vancouver between February 17 and July 27"
            r"|\bwill be (?:filmed|shot)\b[^.?!]{0,40}?\b(?:between|from|starting(?: in)?|in) "
            rf"(?:early |late |mid-?)?(?:{MONTH}|spring|summer|fall|autumn|winter)\b"
            r"|\b(?:begins?|starts?) rolling cameras (?:this|next|in)\b"
            rf"|\b{_SHOOT} (?:will |would |could |might |may |should |to )(?:begin|start"
            r"|commence|"
            r"kick off|resume|get underway)\b"
            r"|\b(?:begins?|starts?|commences?) (?:filming|shooting|production|principal "
            rf"photography) (?:in|this|next|later|early|in early|in late) (?:{MONTH}|spring|"
            r"summer|fall|autumn|winter|year|month|week)\b"
            rf"|\b(?:begins?|starts?|commences?) {_SHOOT_WORK} in [\w-]+"
            rf"(?: [\w-]+)? (?:in (?:the )?|this |next |early |late )(?:{MONTH}|spring|summer"
            r"|fall|autumn|winter)\b"
            rf"|\b(?:resumes?|starts?|begins?) {_SHOOT_WORK} next (?:month|week"
            r"|year)\b"
            rf"|\b{_SHOOT}\b[^.?!]{{0,60}}?\b(?:is|are) to (?:begin|start|commence|resume|get "
            r"underway)\b"
            r"|\b(?:set|scheduled|slated|expected|due|going) to (?:shoot|film)\b(?! (?:a|an|the"
            r"|scenes?)\b)|\b(?:is|are) (?:set|scheduled|expected) to be (?:filmed|shot)\b"
            # "Wednesday Season 2 Filming in Ireland This Spring"
            rf"|\b(?:{SEASON_REF}|pilot) filming in [^.?!]{{1,30}}\b(?:this|next|in the) (?:spring"
            r"|summer"
            r"|fall|autumn|winter)\b"
            r"|\b(?:starts?|begins?) shooting next\b|\beyes (?:spring|summer|fall|autumn|winter|"
            r"an? \w+) (?:production |filming |shooting )?start\b"
            # "Season 3 eyes filming start in February 2022"
            r"|\beyes (?:an? |its )?(?:filming|production|shooting) start\b"
            r"|\b(?:tentative|potential|possible|rumou?red) (?:start|filming|production) "
            r"(?:date|start|schedule|window)\b|\bstart date\b"
            r"|\bupdate on [^.?!]{0,30}\bfilming\b|\bfilming permits?\b"
            rf"|\b{_SHOOT_WORK} (?:schedule|dates?) (?:is |are |has been )?"
            r"(?:revealed|confirmed|set|announced)\b"
            rf"|\b(?:starts?|begins?) {_SHOOT_WORK} (?:on )?(?:monday|tuesday"
            r"|wednesday"
            r"|thursday|friday|saturday|sunday|tomorrow|next week)\b"
            rf"|\b{_SHOOT} (?:on|of|for) [^.?!]{{0,45}}\b(?:will|is going to|would|should|could) "
            r"(?:officially |soon |finally )?(?:begin|start|commence|kick off|resume)\b"
            r"|\bgo(?:ing|es)? back into production\b|\bwill be (?:filming|shooting)\b"
            r"|\b(?:production (?:listing|weekly))\b|\bactors needed\b|\bextras needed\b"
            # "filming moves to Ireland and will start in April"
            rf"|\b{_SHOOT}\b[^.?!]{{0,90}}\b(?:will|is going to|are going to) (?:begin|start"
            r"|commence|kick off|get underway|resume|roll)\b"
            # "filming slated for fall", "gears up for a June start"
            rf"|\b{_SHOOT_WORK} (?:is |are )?(?:set|scheduled|slated|expected|planned|tipped) for "
            rf"(?:early |late |mid-?|this |next )?(?:{MONTH}|spring|summer|fall|autumn|winter)\b"
            rf"|\bgear(?:s|ing)? up for (?:an? |its )?(?:[\w-]+ )?(?:start|{_SHOOT_WORK})\b",
            future=True,
        ),
        _rule(
            "filming-started",
            M.FILMING_STARTED,
            # the trades' "lensing": "begins lensing second season", "Season 2 lenses in Atlanta"
            r"\b(?:begins?|began|starts?|started|commences?|commenced) lensing\b"
            r"|\blenses in\b"
            # "they've begun a four-month shoot"
            r"|\b(?:begun|began|begins|started|starts|kicked off|kicks off) "
            r"(?:a|the|its|their) (?:[\w-]+ ){0,2}shoot\b|"
            r"\b(?:begins?|began|begun|starts?|started|starting|kicks? off|kicked off|commences?|"
            r"commenced|commencement of|start of|beginning of|resumes?|resumed|restarts?|"
            r"restarted|is back in|are back in|back in|now in|officially in|goes into|went into|"
            r"gone into|enters?|entered|begin|start|get|heads? into|headed into|heading into)"
            r" (?:official |principal )?(?:the )?"
            rf"{_SHOOT}\b"
            # ("with production on its third season having begun on August 8" looks back)
            rf"|\b{_SHOOT} (?:(?:on|of|for) (?:(?!\bnot\b|n't\b|\bnever\b|\byet\b|\bhaving\b)"
            r"[^.?!]){0,80})?"
            r"(?:has |have |had )?(?:officially "
            r"|finally |already |"
            r"now |just )?(?:begun|began|begins|started|starts|kicked off|kicks off|commenced|"
            r"commences|resumed|resumes|are rolling|is starting(?! to\b)|"
            r"are now rolling|is now rolling|rolling|rolled|is happening"
            # "filming is underway", "production is officially under way"
            r"|(?:is (?:now |officially |finally |already )?|are (?:officially |finally "
            r"|already )|was |were )?"
            r"(?:underway"
            r"|under way)"
            r"|is taking place"
            r"|is in full swing|in full swing|gets underway|getting underway)\b"
            # "Filming New Season's Episodes Begins July 8"
            r"|\b(?:filming|shooting) (?!(?:locations?|permits?|schedule|crews?|company"
            r"|companies|assistant|manager|director)\b)(?:[\w'-]+ ){1,3}(?:begins|starts"
            r"|kicks off|is underway|gets underway)\b"
            r"|\b(?:is|are) (?:now |officially |finally )?in production\b(?! for\b)"
            r"|\b(?:is|are) (?:now |officially |currently )?under (?:filming|production)\b"
            r"|\b(?:is|are) (?:now |officially )(?:filming|shooting)\b"
            # "Harrow filming second season in Queensland"
            rf"|(?<!\bafter )(?<!\bbefore )(?<!\bof )\bfilming (?:its |the |a )?{SEASON_REF} in\b"
            r"|\bnow (?:filming|shooting)\b(?! (?:locations?|permits?|schedule))"
            rf"|\b(?:first|1st) day (?:of|on) {_SHOOT_WORK}\b"
            r"|\b(?:gone|goes|went|go|going) on (?:the )?floors?\b"
            r"|\bcameras? (?:start |begin |began |started |have started )?roll(?:s|ed)? "
            r"(?:on|for)\b"
            # ("Filming for the second season has been spotted getting underway in Bangor")
            r"|\bspotted (?:filming|shooting|on set|getting under ?way)\b"
            r"|\bback in front of the cameras?\b"
            rf"|\b{_SHOOT}\b[^.?!]{{0,60}}\b(?:is |are )?back (?:in motion|underway|on track)\b"
            r"|\b(?:is|are) back on set\b|\b(?:reportedly|apparently) (?:filming|shooting)\b"
            rf"|\b(?:is|are) (?:now |currently )?filming (?:{SEASON_REF}|seasons? \d)"
            # ("the cast is back to filming in April": a shoot, not the season's return)
            r"|\b(?:return(?:s|ed)?|(?:is|are) back) to (?:filming|production|shooting)\b"
            # "new episodes are currently shooting", "well into filming its sixth season",
            # "the team are back filming"
            r"|\b(?:episodes|season) (?:is|are) (?:now |currently )(?:filming|shooting"
            r"|being (?:filmed|shot))\b|\b(?:well|deep) into (?:filming|shooting|production)\b"
            r"|\b(?:is|are) back (?:filming|shooting)\b"
            r"|\bzdjęcia [^.]{0,100}rozpoczęły|\bpoczątek prac na planie\b|\btournage (?:a )?"
            r"(?:commencé|débuté)\b|\bdrehstart\b|\bdreharbeiten (?:haben )?begonnen\b"
            r"|\briprese (?:sono )?(?:iniziate|cominciate)\b|\bha preso il via\b"
            r"|\briprese (?:della|del|di) [^.?!]{1,50} sono (?:ufficialmente )?(?:iniziate"
            r"|cominciate|partite)\b"
            r"|\briprese [^.]{0,60}\b(?:partono|partite|iniziano|al via)\b"
            # (not a modal's plan: "sollen im Mai starten" is ``shoot-planned-lang``'s)
            r"|\bdreharbeiten (?:(?!\b(?:sollen|soll|könnten|könnte|dürften|werden)\b)[^.]){0,60}"
            r"\b(?:begonnen|gestartet|starten)\b"
            # (a subordinate clause puts its verb last: "dass die Dreharbeiten für die dritte
            # Staffel in Berlin und Umgebung begonnen haben")
            r"|\bdreharbeiten [^.?!]{0,100}\b(?:begonnen|gestartet) (?:haben|hätten|habe)\b"
            rf"|\b{_SHOOT_WORK} (?:may|might|could) (?:now "
            r"|already )?(?:be underway|have (?:started|begun))\b"
            rf"|\b{_SHOOT_WORK} (?:is |are )?reportedly (?:underway|under way)\b",
        ),
        _rule(
            "filming-in-progress",
            M.FILMING_STARTED,
            # a title's present progressive is a shoot under way ("XO, Kitty season 4 is
            # filming in Seoul"); a summary's is mostly background to a feature or set photos.
            # Not as an aside or an earlier sentence's "it" ("It is currently shooting in
            # Ireland"), nor a scene, an episode or a star's movie shot, nor "still" or
            # "already" filming: a progress update on a start long past
            r"(?<!\bwhich )(?<!\bthat )(?<!\bit )(?<!\bthey )\b(?:is|are) (?:currently )?"
            r"(?:filming|shooting)\b(?! (?:down|up|for (?:an?|the|its)|(?:the |an? |its |his "
            r"|her |their )?(?:[\w-]+ ){0,2}(?:scenes?|episodes?|movie|film))\b)",
            title_only=True,
        ),
        _rule(
            "filming-wrapped",
            M.FILMING_WRAPPED,
            rf"\bwrap(?:s|ped)?{_NOT_AIRED_UP} (?:up )?(?:on )?(?:its |the )?(?:final )?(?:{_SHOOT}"
            rf"|{SEASON_REF}"
            # "may have just wrapped its third season on HBO": the season ended on air
            rf"(?!{_ON_AIR}))"
            rf"|\b(?:{_SHOOT}|{SEASON_REF}) wrap\b(?! party\b)"
            r"|\b(?:filmed|shot|films|shoots) (?:(?:the|its|their|his|her) )?(?:very )?"
            r"(?:final|last)"
            r"(?:-ever)? (?:scenes?|episode)\b"
            r"|\b(?:announces|announced|confirms|confirmed|celebrates) (?:the )?wrap-up of\b"
            rf"|\b{_SHOOT} (?:(?:on|of|for) [^.?!]{{0,45}})?(?:is|are) (?:officially |now "
            r"|finally )?over\b"
            rf"|\b{_SHOOT}\b[^.?!]{{0,50}}\b(?:has |have )?(?:come|came) to an end\b"
            rf"|\ball wrapped up\b(?! in\b)"
            # "season 2 is already done filming!" (not "almost done", nor "done for the day")
            r"|\b(?:is|are) (?:now |officially |finally |already |all ){0,2}done (?:filming"
            r"|shooting)\b(?! for (?:the day|today|now)\b)"
            rf"|\b{_SHOOT} {_WRAP_VERB}(?:{_WRAPPED}|concluded|ended|come to an end"
            rf"|came to an end){_NOT_WRAP_TAIL}"
            # a season that "ended" or "concluded" has finished airing; only a shoot ends on set
            rf"|\b(?:season \d+|{SEASON_REF}) {_WRAP_VERB}{_WRAPPED}{_NOT_WRAP_TAIL}(?!{_ON_AIR})"
            r"|\b(?:has|have|had|is|officially|just|now) (?:officially |just |now )?wrapped\b"
            rf"(?! for (?:her|him|them|me)\b)(?!{_AIRED_UP})(?!{_ON_AIR})"
            rf"(?! (?:up )?(?:its|their|the) [^.?!]{{0,20}}\bseason (?:on|at) {NETWORK}\b)"
            r"|\b(?:that's|that is|it's|its) a (?:picture )?wrap\b|\bpicture wrap\b"
            # "Harbor Lights season 2 is a wrap", "calls it a wrap"
            rf"|\b{SEASON_REF} (?:is|are) (?:officially )?a wrap\b|\bcall(?:s|ed)? (?:it )?a wrap\b"
            r"|\b(?:finished|completed|complete|finishes|wrapped up|finishing) (?:filming|shooting|"
            r"production|principal photography)\b(?! (?:schedule|dates?|plans?|timeline))"
            r"|\bwrap party\b"
            r"|(?<!\bafter )(?<!\bsince )(?<!\bbefore )(?<!\bto )\bwrapping (?:up )?"
            rf"(?:production|filming|shooting|{SEASON_REF})\b"
            # "production seems to be winding to a close", "a bloody series wrap message"
            rf"|\b{_SHOOT}\b[^.?!]{{0,50}}\b(?:winding|wound|winds) (?:down|to a close)\b"
            r"|\b(?:series|season|show) wrap (?:message|post|photos?|video|gifts?)\b|\bpost-wrap\b"
            r"|\b(?:last|final) (?:day|night) (?:of |on )?(?:filming|shooting|set|production"
            r"|recording)\b"
            r"|\btournage [^.]{0,40}\bterminé\b"
            r"|\b(?:last|final) (?:shooting|filming) day\b|\bfin du tournage\b"
            r"|\b(?:end|completion) of (?:filming|shooting|production|principal photography"
            r"|principal filming)\b"
            r"|\bdernier jour sur le plateau\b|\babgedreht\b",
        ),
        _rule(
            "completes-filming",
            M.FILMING_WRAPPED,
            r"\b(?:complet(?:es|ed)|conclud(?:es|ed)) (?:its |the )?(?:filming|production|shooting"
            r"|principal photography)\b"
            r"|\b(?:filming|shooting) (?:ends|has ended|is over)\b"
            r"|\b(?:is|are) (?:now |officially )?in the can\b",
        ),
        _rule(
            "production-begun-long",
            M.FILMING_STARTED,
            # a long subject: "Production for the highly anticipated fourth season of the popular
            # streaming series, Panchayat, has officially begun"
            r"\b(?:production|filming|shooting|principal photography) (?:on|for|of)\b[^.?!]{0,160}"
            r"\b(?:has|have) (?:officially |now |finally |already )?(?:begun|started|commenced"
            r"|kicked off"
            r"|got underway|gotten underway|resumed)\b"
            r"|\bcameras (?:are|were) (?:officially |now |finally )?rolling\b"
            r"|\bcameras (?:start|started|begin|began) rolling\b"
            # "begins season 2 production on March 5"
            r"|\b(?:begins?|began|starts?|started|kicks? off|kicked off) "
            rf"(?:{SEASON_REF} |its |the )(?:[\w-]+ )?{_SHOOT_WORK}\b"
            # "Shahid Kapoor kicks off Farzi 2 shooting"
            r"|\b(?:kicks?|kicked) off [^.?!,;]{1,40} (?:shooting|filming)\b(?! (?:locations?"
            r"|schedule|permits?|dates?))",
        ),
        _rule(
            "filming-ahead",
            M.FILMING_STARTED,
            # "to shoot in Ireland this autumn", "will go into production in 2026", "filming
            # starts in two weeks"
            r"\b(?:to|will) (?:shoot|film)\b[^.?!]{0,30}\b(?:this|next|later this) (?:spring|summer"
            r"|fall|autumn|winter|year|month)\b"
            r"|\b(?:will|to|set to|is set to|expected to) go (?:in)?to production\b"
            # "season 14 filming is going to be starting"
            rf"|\b{_SHOOT}\b[^.?!]{{0,40}}\b(?:was|is|are) going to be (?:starting|beginning"
            r"|kicking off|resuming)\b"
            rf"|\b{_SHOOT_WORK} (?:starts?|begins?|kicks? off|resumes?) "
            r"(?:in|within) (?:a |one |two |three |four |a few |\d+ )(?:days?|weeks?|months?)\b"
            # "is Ted Lasso season 4 about to start filming?", "readies to film", "filming is
            # imminent", "cameras will be rolling in April", "filming is going to be underway
            # soon", "ahead of filming new season" (not "preparing to film their scenes")
            r"|\babout to (?:start|begin|commence) (?:filming|shooting)\b"
            r"|\b(?:readies|readying|getting ready|gets ready|poised) to (?:film|shoot|start "
            r"filming|begin filming)\b(?! (?:their|his|her|the|a|an) (?:[\w-]+ )?(?:scenes?|movie"
            r"|film|feature)\b)"
            rf"|\b{_SHOOT_WORK} (?:is|seems|looks) (?:now )?imminent\b"
            r"|\bcameras? (?:could|will|should|are set to|may) (?:soon |officially )?(?:be )?"
            # (the shoot's: not "the press tour is going to be underway soon")
            rf"(?:officially )?rolling\b|\b(?:{_SHOOT_WORK}|{SEASON_REF}) (?:is|are) going to be "
            r"underway soon\b"
            # (not an opening clause: "Ahead of filming new season, XO, Kitty adds three to cast")
            r"|(?<!^)\bahead of (?:filming|shooting) (?:the |a |its )?(?:new|next|second"
            r"|third|fourth|fifth|final) (?:season|series)\b"
            # "a table read ahead of the start of filming this month"
            r"|\b(?:ahead of|prior to) the (?:official )?start of (?:filming|shooting|production"
            r"|principal photography)\b"
            # "Season 4 Table Reads Start": the cast reads the scripts just before the shoot
            r"|\btable reads? (?:start|starts|begin|begins|began|started|underway|kick off"
            r"|kicks off|kicked off)\b",
            future=True,
        ),
        _rule(
            "filming-continues",
            M.FILMING_STARTED,
            # "has continued its filming" (a news update, not a set-photo caption)
            rf"\b(?:has|have) continued (?:its|their) {_SHOOT_WORK}\b",
        ),
        _rule(
            "filming-planned-place",
            M.FILMING_STARTED,
            # "Filming to take place in Calgary from Sept 3", "The revival will film in Canada",
            # "Series will film season 4"
            rf"\b{_SHOOT} (?:is )?to take place\b|\bwill (?:film|shoot) (?:in\b|{SEASON_REF})",
            future=True,
            title_only=True,
        ),
        _rule(
            "filming-back-to-back",
            M.FILMING_STARTED,
            # "seasons 4 and 5 will film back-to-back": a shoot still to come (in a summary,
            # often told beside the renewal it follows: "renewed, and will film back-to-back")
            r"\b(?:will|to) (?:both |also )?(?:film|shoot|be (?:filmed|shot)) back[- ]to[- ]back\b",
            future=True,
            title_only=True,
        ),
        _rule(
            "filming-closes",
            M.FILMING_WRAPPED,
            # "Derek Series 2 filming comes to a close", "Filming for the drama finishes"
            rf"\b{_SHOOT_WORK} (?:comes?|came|is coming) to (?:a close|an end)\b"
            r"|\b(?:filming|shooting) (?:for|on|of) [^.?!]{0,60}\bfinish(?:es|ed)\b"
            # "Filming on XO, Kitty season 3 is coming to a close" (not "production of series
            # six is yet to be finished": post-production)
            r"|\b(?:filming|shooting|production) (?:for|on|of) [^.?!]{0,60}\b(?:comes?|came"
            r"|is coming) to (?:a close|an end)\b",
        ),
        _rule(
            "final-scene-shot",
            M.FILMING_WRAPPED,
            # "the final scene of the 21st season was shot on set today", "the last scenes of the
            # final episode are being filmed today"
            r"\b(?:final|last) scenes? (?:of [^.?!]{0,40})?(?:was|were|has been|have been"
            r"|is being|are being) "
            r"(?:shot|filmed)\b",
        ),
        _rule(
            "when-where-filming",
            M.FILMING_STARTED,
            # "Ewan McGregor reveals when and where the series will film"
            r"\bwhen and where\b[^.?!]{0,30}\bwill (?:film|shoot)\b",
            future=True,
        ),
        _rule(
            "shoot-scheduled",
            M.FILMING_STARTED,
            # a shoot's time ahead told: "the cast and crew are returning to the sets later in
            # 2025", "filming is scheduled from July through November", a listing's "Filming
            # dates: March 9th to 30th", "she is aiming to shoot it in November"
            r"\b(?:return(?:s|ing)?|head(?:s|ing)? back|go(?:es|ing)? back|reunit(?:e|es|ing)) "
            r"(?:to|on) (?:the )?(?:sets?|filming|shooting)\b[^.?!]{0,30}\b(?:later (?:this|in)"
            r"|next (?:week|month|year)|this (?:spring|summer|fall|autumn|winter|year|month)"
            rf"|in (?:early |late |mid-)?(?:{MONTH}|spring|summer|fall|autumn|winter|20\d\d))\b"
            r"|\b(?:filming|shooting) (?:is )?scheduled (?:from|between|to run from)\b"
            r"|\b(?:filming|shooting) dates?: "
            r"|\b(?:aim(?:s|ing)?|plan(?:s|ning)?|hop(?:es|ing)) to (?:shoot|film) (?:it|the "
            r"(?:new |next )?season|season \w+) (?:in|this|next|by)\b",
            future=True,
        ),
        _rule(
            "extras-sought",
            M.FILMING_STARTED,
            # a call for extras comes just before a shoot: "starts its hunt for extras", "is
            # seeking local extras", "put out a call for extras" (not a disc's extras)
            r"\b(?:hunt(?:s|ing)?|search(?:es|ing)?|look(?:s|ing)|call(?:s|ing)?|seek(?:s|ing)?"
            r"|recruit(?:s|ing)?|casting call) (?:out )?for (?:local |background |paid )?extras\b"
            r"|\bseek(?:s|ing)? (?:local |background |paid )?extras\b"
            r"|(?<!\bblu-ray )(?<!\bdvd )(?<!\bbonus )(?<!\bdisc )"
            r"\bextras (?:wanted|needed|sought)\b",
            future=True,
        ),
        _rule(
            "told-when-filming",
            M.FILMING_STARTED,
            # the start's timeline told: "Liam Hemsworth reveals when season 5 will begin
            # production", "the inside scoop on when production is set to begin" (its own
            # match, so "when" is no passing clause; not "hasn't revealed when", nor "doesn't
            # know when": nobody tells it)
            r"\b(?:reveal(?:s|ed|ing)|announc(?:es|ed|ing)|confirm(?:s|ed|ing)|shar(?:es|ed|ing)"
            r"|(?:update|updates|timeline|scoop|details) (?:on|about|as to)) when "
            rf"(?:(?:the )?{_SHOOT}\b[^.?!,;]{{0,50}}\b(?:will|would|(?:is|are) (?:set|slated"
            r"|scheduled|going) to) (?:actually |officially |finally )?(?:begin|start|kick off"
            r"|commence|resume|get underway)\b"
            r"|[^.?!,;]{0,50}\b(?:will|would|(?:is|are) (?:set|slated|scheduled|going) to) "
            rf"(?:begin|start|commence|resume|kick off|go into) {_SHOOT_WORK}\b)",
            future=True,
        ),
        _rule(
            "gone-to-shoot",
            M.FILMING_STARTED,
            # the cast already there to shoot: "have gone back to Broken Hill to commence
            # shooting on season two", "have finally headed back to New York City to begin
            # filming" (their going done, the start is now, no plan)
            r"\b(?:have|has) (?:now |finally |officially )?(?:gone|headed|returned|arrived"
            r"|travell?ed|flown|come) (?:back )?(?:to|in) [^.?!]{1,40}\bto (?:begin|commence|start"
            r"|resume|kick off) (?:filming|shooting|production)\b",
        ),
        _rule(
            "production-got-underway",
            M.FILMING_STARTED,
            # "as production got underway on the fourth season"
            r"(?<!\bafter )\bproduction (?:got|gets|has got|has gotten) under ?way\b",
        ),
        _rule(
            "calls-cut",
            M.FILMING_WRAPPED,
            # "calls cut on season 4"
            r"\bcalls? cut on\b",
        ),
    ),
)

POST_FAMILY = Family(
    rules=(
        _rule(
            "post-production",
            M.POST_PRODUCTION,
            r"\b(?:in|into|entered|entering|enters|working on|now in|deep in|deep into|started|"
            r"begun|moved? (?:in)?to|heads? into|is in|are in|continues?|going through|goes through"
            r"|undergoing|undergoes|finishing|finishes|completing|completes|completed|finished)\b"
            r"[^.?!]{0,15}"
            r"\bpost[- ]?production\b(?! (?:process|phase explained|explained))"
            r"|\bpost[- ]?production (?:is |has )?(?:now |already |currently |well )?(?:underway"
            r"|under way|begun|began"
            r"|begins|starts|started|continues|continuing|progressing|ongoing|is progressing"
            r"|(?:been )?(?:complete|completed|finished|done|wrapped))\b"
            r"|\bediting (?:is )?(?:ahead of schedule|underway|under way|has begun|begins|began"
            r"|started|starts)\b|\bpost[- ]?production update\b"
            r"|\b(?:still )?in the edit\b|\b(?:sound|colou?r)[- ]?mix(?:ing|ed)\b"
            r"|\bvisual effects sequences\b|\bstill being finished\b|\bfinal mix(?:ing)?\b"
            r"|\brough cut\b|\bfirst cut\b|\bpost[- ]?production work\b"
            # "is reportedly under post-production", "entered its final stages of post-production"
            r"|\bunder post[- ]?production\b"
            r"|\b(?:final|last) stages? of (?:the )?post[- ]?production\b"
            r"|\brecording (?:of )?(?:the )?[^.?!]{0,40}\bscore\b(?! (?:of|a|an)\b)"
            r"|\bscoring (?:sessions?|stage)\b|\bpicture[- ]lock(?:ed|ing)?\b"
            r"|\b(?:we're|we are|are now|is now) editing\b|\b(?:finished|finishes|wraps|wrapped)"
            r" (?:the )?editing\b|\bedit (?:is )?(?:underway|under way)\b"
            # "locks picture", "is being scored"
            r"|\block(?:s|ed)? picture\b|\b(?:is|are) (?:now )?being scored\b"
            r"|\bpost-?produ(?:zione|kcja|kcji|ktion|cción)\b",
        ),
        _rule(
            "dubbing",
            M.POST_PRODUCTION,
            # "Ali Fazal dubs for Mirzapur season 2", "restarted dubbing sessions", ADR
            r"\b(?:dubs|dubbing|dubbed) (?:for|sessions?|work)\b|\bdubbing (?:for|of) \w+"
            r"|\b(?:recording|working on|doing) (?:the )?adr\b|\b(?:last|final) adr\b"
            r"|\badr (?:sessions?|process|recording|booth|stage)\b|\bwrap(?:s|ped)? (?:up )?adr\b"
            r"|\bdubbing (?:booth|stage)\b"
            r"|\bdubbing (?:is |has )?(?:now )?(?:underway|under way|begun|started)\b",
        ),
        _rule(
            "editing",
            M.POST_PRODUCTION,
            # "season 3 is in the editing room", "is in post", "is currently being edited",
            # "the VFX team is hard at work on season 3"
            r"\bdeep into the edit(?:ing)?\b|\bin the editing process\b"
            r"|\b(?:nearly |almost )?done with (?:the )?editing\b"
            r"|\b(?:has |have )?locked (?:the )?(?:[\w-]+ )?episodes?\b|\bseason locked\b"
            r"|\bin the (?:editing room|edit(?:ing)? bay|cutting room)\b"
            r"|\b(?:enters?|entered|entering) "
            r"(?:the )?editing\b"
            r"|\b(?:is|are) (?:now |currently )?in post\b(?!-)"
            # "season 4 has started on post", "has begun post"
            r"|\b(?:has |have )?(?:started|begun|began|starts|begins) (?:on )?post\b(?!-)"
            # "the season 3 edit is done", "episodes are being cut", "is editing season 3"
            r"|\bedit (?:is |was )?(?:done|finished|complete)\b|\b(?:is|are) (?:now )?being cut\b"
            rf"|\b(?:is|are) (?:now |currently )?(?:editing|cutting) {SEASON_REF}"
            r"|\b(?:sound mix|colou?r grad(?:e|ing))\b[^.?!]{0,20}\b(?:done|complete|completed"
            r"|finished|underway)\b|\bbeing colou?r[- ]graded\b"
            rf"|\brecords? (?:the )?{SEASON_REF} score\b|\bscore recording\b"
            rf"|\brecords? adr\b|\b(?:is|are) (?:now )?dubbing {SEASON_REF}"
            r"|(?:\b(?:is|are)|'s|'re) (?:now |currently )?being edited\b"
            # "scoring season 3 has been extremely time consuming"
            rf"|\bscoring (?:[^.?!]{{0,30}} )?{SEASON_REF}"
            r"|\b(?:vfx|visual effects) (?:team|artists|work)\b[^.?!]{0,30}\b(?:hard at work"
            r"|continu\w+|underway|under way|ongoing)\b"
            # the work itself: "it is getting edited", "in the thick of my first edit", "an edit
            # session", "post-production is continuous", "months of post-production", "within
            # the post-production phase", "finessing FX shots", "ADR today", "screened a cut of
            # the finale", "a fine cut", "the final color session", "grading the colour";
            # fr "le mixage sonore", it "missaggio", pt "edição final"
            r"|\bgetting edited\b|\bedit(?:ing)? sessions?\b"
            r"|\bin the (?:thick|midst|middle) of (?:my |the |our )?(?:first |final )?edit\b"
            r"|\bpost[- ]?production (?:is |has been )?(?:continuous|going|ongoing)\b"
            # (not "After months of post-production, season 3 premieres June 5": a time past)
            r"|(?<!\bafter )(?<!\bfollowing )\b(?:months|weeks) of post[- ]?production\b"
            r"|\b(?:in|through|within) (?:the |its |their |[\w']+ )?(?:[\w']+ )?post[- ]?production"
            r" (?:process|phase|part|stage)\b(?! explained\b)"
            # (not "done by a Korean studio", "done well": who made them, or how)
            # ("the visual effect work is also complete")
            r"|\b(?:vfx|fx|visual effects?)(?: shots| work)?:? (?:is |are )?(?:also )?(?:halfway "
            r"|nearly |almost |now )?(?:done|finished|complete)\b(?! (?:by|well|right|so|\w+ly)\b)"
            r"|\b(?:finishing|finessing) (?:the )?"
            r"(?:vfx|fx|visual effects)\b"
            r"|\b(?:do|doing|did) (?:some )?adr\b|\badr (?:today|studio)\b"
            r"|\b(?:putting|put|puts) the finishing touches\b|\bfinishing touches (?:to|on)\b"
            r"|\b(?:turned in|screened) (?:his |her |a |the |their )?(?:[\w']+ )?cut\b"
            # (not "a fine cut above the rest": praise)
            r"|\bfine[- ]cut\b(?! above\b)|\bcolou?r sessions?\b|\bgrading the colou?r\b"
            r"|\bmixage\b|\bmissaggio\b|\bedição final\b",
        ),
        _rule(
            "being-finished",
            M.POST_PRODUCTION,
            # "season 3 is being finished remotely amid lockdown"
            r"\b(?:is|are) (?:now |still )?being (?:finished|completed)\b",
        ),
        _rule(
            "finish-editing",
            M.POST_PRODUCTION,
            # "it will still take a long time to finish editing"
            r"\bfinish(?:ing)? (?:the )?editing\b",
        ),
        _rule(
            "final-cut",
            M.POST_PRODUCTION,
            # "locking the final cut", "picture lock"
            r"\block(?:ing|ed|s)? (?:the )?final cut\b|\bpicture lock\b",
        ),
    ),
)

# de puts the verb last: "hat den Trailer zu … noch nicht veröffentlicht", "der Trailer …
# wurde nicht gezeigt", "einen Trailer … gibt es noch nicht" tell of no trailer.
_DE_NOT_SHOWN = (
    r"(?![^.?!]{0,60}\b(?:(?:nicht|nie|niemals) (?:\w+ )?(?:veröffentlicht|gezeigt|enthüllt"
    r"|vorgestellt|präsentiert|geteilt)|gibt es (?:noch )?(?:nicht|keinen))\b)"
)

TRAILER_FAMILY = Family(
    rules=(
        _rule(
            "trailer-released",
            M.TRAILER,
            r"\b(?:releases?|released|dropp?(?:ed|s)?|unveil(?:s|ed)?|shares?|shared|debut(?:s"
            r"|ed)?|"
            r"reveal(?:s|ed)?|unleash(?:es|ed)|launch(?:es|ed)|posted|put out|presents?|"
            r"presented|gives us|offers?|watch|premiered|premiering|check out|take a look at"
            r"|show(?:s|ed)? off)\b"
            r"[^.?!]{0,40}"
            r"\b(?:trailer|teaser|sneak peek|promo|promotional video|pv|"
            r"footage)s?\b"
            r"(?! (?:panels?|modules?|systems?|plants?|arrays?|installations?|cells?)\b)"
            # a list of titles, each with its trailer: "drops Wednesday season 2, Harbor
            # Lights and XO, Kitty trailers"
            r"|\b(?:releases?|dropp?(?:ed|s)?|unveil(?:s|ed)?|shares?|shared|debut(?:s|ed)?"
            r"|reveal(?:s|ed)?) [^.?!;]{1,60}?(?:\band|&) [^.?!;]{1,40}?\b(?:trailers|teasers)\b"
            # "announced the show's return with an intriguing teaser trailer", "released the
            # first six minutes of Wednesday season 2"
            r"|\b(?:announce[sd]?|confirm(?:s|ed)?|tease[sd]?) [^.?!]{0,40}\bwith (?:a|an|its|the) "
            r"(?:[\w-]+ ){0,2}(?:teaser|trailer)\b"
            r"|\b(?:releases?|released|shares?|shared|drops?|dropped) the (?:first|opening) "
            r"(?:\w+ )?minutes of\b"
            r"|\b(?:trailer|teaser)s?\b(?:(?!\w+n't\b|not\b)[^.?!]){0,25}\b(?:has |have |is |are )?"
            r"(?:finally |now "
            r"|officially )?(?:arrived|arrives?|dropped|drops?|landed|lands?|here|out|released"
            r"|available"
            r"|teases?|reveals?|shows?|offers?|calls back|promises?|hints?|reminds?|brings?"
            r"|features?|gives?|returns|introduces)\b"
            r"|\b(?:gets?|got|gotten|getting|has|have)\b(?: (?:a|an|its|their|the))?(?: \w+)?"
            r"(?: new| first| official| full| final)? (?:trailer|teaser)s?\b"
            r"|\bbande-annonce\b|\b(?:teaser|trailer) ufficiale\b"
            r"|\b(?:first |new |main |second )?pv (?:has been |was |is )?(?:revealed|released"
            r"|unveiled|streamed)\b"
            r"|\b(?:teaser|trailer)\S*\b[^.]{0,30}\b(?:veröffentlicht|pubblicato|publié|lanzado)\b",
        ),
        _rule(
            "trailer-headline",
            M.TRAILER,
            rf"\b(?:{SEASON_REF}|new|first|official|final|full|part \d) (?:official |final |full |"
            r"first )?(?:trailer|teaser|promo)\b"
            # (not "season 2 trailer hasn't dropped yet", "season 4 trailer delayed to 2027")
            r"(?! (?:still )?(?:hasn't|has not|isn't|is not|not yet|yet to|won't|will not"
            r"|(?:has been |is )?(?:delayed|postponed|pushed back))\b)"
            r"|\b(?:trailer|teaser) (?:for|of|zu|zur|zum|de la|della|van|voor|till|til|för|para"
            rf"|pour)\b{_DE_NOT_SHOWN}"
            # "Hijack Trailer: Idris Elba negotiates...", "Task trailer - Mark Ruffalo"
            r"|^[^.?!:|]{1,70}\b(?:trailer|teaser)(?: #?\d)?(?::| \|| - )"
            # "'The Tattooist of Auschwitz' Trailer Will Break Your Heart": a quoted title's
            r"|['\"][^'\"]{1,60}['\"] (?:official |new |first |final |full )?(?:trailer|teaser)s?\b"
            r"(?! (?:still )?(?:hasn't|has not|isn't|is not|not yet|yet to|won't|will not)\b)"
            r"|\b(?:traileren|trailern|tráiler)\b|\bseason-\w+ (?:trailer|teaser)\b"
            # it/es/fr/de/nl/pt "Il Re 2: il trailer dei nuovi episodi", "der erste Teaser",
            # "hat den neuen Trailer für"
            r"|\b(?:il|el|le|der|das|den|einen|het|o) (?:(?:primo|nuovo|primer|nuevo|premier"
            r"|nouveau|erste|ersten|neue|neuen|eerste|nieuwe|primeiro|novo) )?(?:trailer|teaser)\b"
            rf"{_DE_NOT_SHOWN}"
            # "Emma Thompson is a snarky private eye in Down Cemetery Road trailer"
            # (a named trailer: "the biggest moments from the trailer" looks back at one)
            r"|\bin (?!the (?:trailer|teaser)$)(?:[\w'’:-]+ ){1,5}(?:trailer|teaser)$",
            title_only=True,
        ),
        _rule(
            "first-look",
            M.TRAILER,
            r"\bfirst[- ](?:look|peek)\b(?! (?:photos?|images?|pictures?|stills?))|\bsneak peek\b",
            weak=True,
        ),
        _rule(
            "trailer-dropped",
            M.TRAILER,
            # "The trailer for the long-awaited second season of X has been dropped by Prime Video"
            # ("… was recently released by Amazon", not "was released last year")
            r"\b(?:trailer|teaser)s? (?:for|of)\b[^.?!]{0,100}\b(?:(?:has|have) been|was (?:just"
            r"|recently|finally)) (?:dropped"
            r"|released|unveiled|revealed|shared|launched)\b",
        ),
        _rule(
            "first-footage",
            M.TRAILER,
            # "the first footage from Season 3, which Prime Video unveiled Tuesday"
            r"\bfirst footage (?:from|of)\b",
        ),
    ),
)

# "Season 2 is coming in 2026", "to premiere this fall": a window, not yet a day.
RELEASE_WINDOW = _rule(
    "premieres-in-window",
    M.RELEASE_DATE_ANNOUNCED,
    # the nouns ("its debut in early 2025", "the return this fall") look back, not ahead
    r"(?<!\bits )(?<!\bthe )(?<!\btheir )(?<!\bupon )(?<!\bseason )"
    r"\b(?:premieres?|premiering|to premiere|will premiere|arrives?|arriving|will arrive|to arrive"
    r"|is coming|coming|comes|debuts?|to debut|will debut|returns?|to return|will return|lands?"
    r"|launch(?:es)?|will launch|to launch|will air|to air|airs|screens|will screen"
    r"|set to (?:premiere|debut|return|arrive|land|drop|air)"
    # "XO, Kitty is back next month" (a plural subject is people: "the Liars are back")
    r"|is (?:finally )?back"
    # the release verb itself: "will be released next year", "is set to release in 2027"
    r"|(?:will|set to|to) (?:be )?release[ds]?)\b"
    r" (?:on [\w+]+ |to [\w+]+ )?"
    r"(?:(?:in |this |next |later this |from )(?:early |late |mid-?|(?:the )?(?:first|second) half "
    rf"of )?(?:20\d\d|spring|summer|fall|autumn|{MONTH}"
    r"|winter|year)\b"
    # "returns next month", "is back later this month"
    r"|(?:this|next|later this) month\b"
    # a headline's "Season 2 Premieres Summer 2025"
    # (where the headline or its clause ends: not "returns 2025 sales figures")
    r"|(?:early |late |mid-?)?(?:(?:spring|summer|fall|autumn|winter) )?20\d\d\b"
    r"(?=$|[,.:;!?)]| on\b| with\b| and\b| as\b| - ))",
    headline_only=True,
)

# "Is all set to premiere on Friday, June 16, 2023": the date-and-time explainer's
# restatement of a day long known, not the network's word (a lookbehind for each word a
# release rule's match may start on)
_NOT_ALL_SET = r"(?<!\ball )(?<!\ball set )(?<!\ball set to )"

# What a network's verb releases that is not the season itself
_NOT_THE_SEASON = r"trailer|teaser|poster|first look|photos?|images|clips?|episode|finale"

RELEASE_FAMILY = Family(
    rules=(
        _rule(
            "date-announced",
            M.RELEASE_DATE_ANNOUNCED,
            r"\b(?:(?:premiere|release|return|launch|debut|air|arrival"
            r"|streaming) (?:dates?|window)(?: window)?|airdates?)\b(?: for [^.?!]{0,40})?"
            r"(?: (?:is|are|has been|have been|was|were))?(?: (?:officially|finally))? (?:set|"
            r"revealed|announced|confirmed|unveiled)\b"
            # "the premiere date for its fifth season is official now"
            r"|\b(?:premiere|release|return) date\b(?: for [^.?!]{0,40})? (?:is|are) (?:now )?"
            r"official\b"
            # "which has just been confirmed for release on 30 June"
            r"|\bconfirmed for (?:a |its )?(?:release|premiere|debut) (?:on|in)\b"
            # "the comeback is on track for a 2025 premiere", "is on schedule to release its
            # fourth season next summer"
            r"|\bon (?:track|schedule) (?:for (?:a |an |its )?(?:[\w-]+ ){0,2}(?:premiere|release"
            r"|return|debut|launch)|to (?:premiere|release|return|debut|launch|arrive))\b"
            # "Netflix skeds 'Harbor Lights' season 2 bow for June 5"
            r"|\bskeds?\b[^.?!]{0,50}\b(?:bow|premiere|return|debut|launch)\b"
            # "Apple is finally committing to a release date for the second season"
            r"|\bcommit(?:s|ting|ted)? to a (?:release|premiere) date\b"
            r"|\b(?:sets?|reveals?|revealed|announces?|announced|announcing|revealing|confirming"
            r"|confirms?|confirmed|unveils?|"
            r"unveiled|gets?|got|has|have|lands?|drops?|dropped|shares?|shared|sharing|gives?|given"
            r"|locks?|locked"
            r"|scores?"
            r"|scored|nabs?|nabbed|receives?|received)\b"
            r"(?:(?!delay|postpon|push|no |not |yet |n.t )[^.?!]){0,60}"
            r"\b(?:premiere|release|return|launch|debut|arrival|"
            r"streaming) (?:dates?|window)\b"
            r"|\bsets [^.?!]{0,40}\bpremiere\b(?! date\b)"
            r"|\bdates? (?:is |are |has been |have been )?(?:officially |finally )?(?:revealed"
            r"|announced"
            r"|confirmed|set)\b"
            r"|\bhere'?s (?:the |its )?(?:official )?(?:release|premiere) date\b"
            rf"|\bwith (?:a |its )?(?:{SEASON_REF} )?(?:premiere|release) date\b"
            rf"|\b{SEASON_REF} (?:gets |is )?dated\b|\bdated (?:at|by|for) {NETWORK}"
            rf"|\bsets? (?:an? |its )?(?:{MONTH}|spring|summer|fall|autumn|winter|20\d\d)"
            r"(?: \d{1,2}(?:st|nd|rd|th)?| 20\d\d)? (?:return|premiere|debut|release|launch)\b"
            r"|\b(?:release|premiere) date (?:announcement|reveal)\b"
            # "season 2 release date: June 5", "premiere date is June 5" (a day, not "when is")
            r"|\b(?:release|premiere) date(?::| is| -) (?:set for )?(?:\w+day,? )?"
            rf"(?P<date>{_DATE})"
            # "Netflix slates 'Harbor Lights' season 2 for June 5", "schedules ... for
            # Thursday, June 5" (the network's verb: not a shoot's, "schedules filming for")
            rf"|\b{NETWORK} (?:has )?(?:slate[sd]|schedule[sd]) "
            # (nor of its trailer or finale: "schedules the season 2 trailer for June 5")
            rf"(?:(?!{_SHOOT_WORK}|(?:{_NOT_THE_SEASON})\b)[^.?!]){{1,50}}?\bfor (?:\w+day,? )?"
            rf"(?:{_DATE}|(?:early |late )?20\d\d)"
            # "PBS books 'Atlantic Crossing' for Spring 2021"
            rf"|\bbooks? [^.?!]{{0,40}}\bfor (?:spring|summer|fall|autumn|winter|{MONTH}) 20\d\d\b"
            # "NBC moves up the premiere", "moves the premiere up a day"
            r"|\bmoves? up\b[^.?!]{0,40}\b(?:premiere|debut|return|release)\b"
            r"|\bmoves? (?:the |its )?[^.?!]{0,30}\b(?:premiere|debut|return) up\b"
            r"|\b(?:premiere|release|debut) (?:date )?(?:moved|moves|bumped) up\b"
            # "is now slated for a March 2024 release date" (a month: a year alone is a window)
            r"|\b(?:slated|scheduled|set|penciled|pencilled|earmarked) for (?:an? )?(?:early |late "
            rf"|mid-?)?(?:{MONTH})(?: \d{{1,2}}(?:st|nd|rd|th)?)?,?(?: 20\d\d)? (?:release"
            r"|premiere|debut|return|launch)\b(?! of\b)"
            # "Netflix Targets Late 2026 Release", "is targeting a November return"
            r"|\btarget(?:s|ing|ed)? (?:a |an )?(?:late |early |mid-?)?(?:spring |summer |fall "
            rf"|autumn |winter )?(?:{MONTH}|20\d\d)(?: 20\d\d)? (?:release|return|premiere|debut)\b"
            # "Netflix has finally confirmed when Heartstopper season 3 is set to hit the platform"
            r"|\b(?:confirm(?:s|ed)?|reveal(?:s|ed)?|announce(?:s|d)?) (?:exactly )?when\b"
            r"[^.?!]{0,50}\b(?:will|is set to|are set to) (?:be )?(?:hit|premiere|return|arrive"
            r"|debut|drop|land|coming|arriving)\b",
        ),
        _rule(
            "premieres-on-date",
            M.RELEASE_DATE_ANNOUNCED,
            # ("started streaming on Netflix Thursday, August 8" has happened)
            r"(?<!\bstarted )(?<!\bbegan )"
            rf"{_NOT_ALL_SET}"
            r"\b(?:premieres?|premiering|will premiere|to premiere|returns?(?! of\b)|returning"
            r"|will return|"
            r"arrives?|arriving|will arrive|debuts?|debuting|will debut|launch(?:es)?|lands?|hits"
            r"|hitting|"
            # Korean press: "will greet viewers on December 10"
            r"(?:will (?:be )?|to )?greet(?:s|ing)? (?:viewers|audiences)|"
            r"(?:will |to )?(?:begins?|begin|starts?|start) airing|will air|to air|airs|screens|"
            # ("the streaming service that …", "topped the streaming charts": a noun's word,
            # unless the service is the one saying it)
            r"drops|streams?|streaming(?! (?:service|network|platform|giant|charts?)\b"
            r"(?! (?:has )?(?:confirmed|announced|revealed|said)\b))|coming|comes back"
            r"|will be released|be released|to release|"
            rf"will release|will be available|(?:is |are )?set for|will be shown|to hit"
            # "heads to Apple TV+ in March", "is headed back to Netflix on June 5" (the
            # network's: not "heads to Spain to film")
            # (not the network's other work: "star heads to Netflix's new rom-com in June")
            rf"|(?:heads|headed|heading) (?:back )?to {NETWORK}(?!'s\b)"
            # "will be on Paramount Plus May 23", "will be on Wednesday, July 6" (not "on set")
            rf"|will be (?:back )?on (?:{NETWORK}|(?=\w+day\b))|"
            r"set to (?:premiere|debut|return|arrive|release|stream|drop|hit|land)|will (?:hit"
            r"|land|"
            r"drop|stream|be back)|is back|back on netflix|in two parts|in two instalments"
            r"|bows|unspools)\b"
            # "premieres tonight, June 21", "airs on our screens tonight (May 17)": it is out
            r"(?! (?:on (?:our |your )?screens )?(?:(?:from|starting|as of) )?(?:tonight|today)\b)"
            # (a film's date in theaters is not a season's, nor a date told of a past event
            # in between: "streaming chart since it dropped on Netflix on October 15", "the
            # streaming service that launched May 27", "premiere on cable since Yellowstone
            # started up in June")
            rf"(?:(?!theat|cinema|{_PAST_BETWEEN})[^.?!]){{0,45}}?\b(?:on |from |starting "
            rf"|beginning )?(?P<date>{_DATE})"
            # "premiere on May 7 postponed": the date a delay moved away from (de, nl, es, it,
            # sv, no: the delay rules' own words), not the new day "after being delayed" (but
            # "since postponed" is "has since been": the day it left)
            r"(?!(?:(?!\b(?:after|following|despite)\b)[^.?!;]){0,20}\b(?:postponed"
            r"|delayed|pushed back|scrapped|verschoben|uitgesteld"
            r"|aplazad[oa]s?|rimandat[aoie]|utsatt|forsinket)\b)",
        ),
        _rule(
            "premieres-on-weekday",
            M.RELEASE_DATE_ANNOUNCED,
            # "debuts on Sunday night", "premieres this Friday", "arrives Friday on Netflix":
            # the next such day or the day itself (``classify``; none with no publication
            # day); not a weekly slot ("drop every Friday", "on Fridays", "on Tuesday
            # nights"), a past one ("premiered Friday"), an episode's, nor a weekday before
            # its date ("premieres Friday, June 5": ``premieres-on-date``)
            # ("episode 5 premieres Friday" is an episode's; "on Black Friday" no network's,
            # and no weekday's: a day of its own; "Friday the 27th" is that day, not this one)
            r"(?:(?<!\bepisode )(?<!\bepisodes )(?<!\bfinale )"
            r"(?<!\bepisode \d )(?<!\bepisode \d\d )"
            r"\b(?:premieres|debuts|arrives|returns"
            r"|drops|lands|(?:will|to|is set to) (?:premiere|debut|arrive|return|drop|land))"
            r"(?: on (?!black |good |holy |cyber )[\w+]+)?"
            # or a network's verb with the season it releases between: "Netflix drops XO,
            # Kitty season 3 on Wednesday" (not its trailer's or an episode's day; one
            # alternative with the verb's, as a pattern holds one group of a name)
            rf"|\b{NETWORK} (?:premieres|debuts|drops|releases|launches|(?:will|to|is set to)"
            r" (?:premiere|debut|drop|release|launch))"
            rf" (?:(?!{_NOT_THE_SEASON})[^.?!;]){{0,45}}?\b{SEASON_REF}"
            rf"(?: of (?:(?!{_NOT_THE_SEASON})[^.?!;]){{1,30}}?)?)"
            r" (?:on |this )?"
            # (a weekday with a season of its own is a show named like one: "Netflix drops
            # Wednesday season 2, Harbor Lights and XO, Kitty trailers")
            rf"(?P<weekday>{WEEKDAY})\b(?!,? \(?(?:\d|the \d|{MONTH})| nights\b| {SEASON_REF})",
        ),
        _rule(
            "all-episodes-on-date",
            M.RELEASE_DATE_ANNOUNCED,
            # "will drop all 10 episodes of its third season on Hulu on Thursday, June 27"
            r"\b(?:will|to) (?:drop|release|premiere|debut|stream) all (?:(?:\d+|[a-z]+) )?"
            r"episodes\b"
            rf"(?:(?!theat|cinema)[^.?!]){{0,60}}?\b(?:on |from )?(?P<date>{_DATE})",
        ),
        _rule(
            "date-then-premiere",
            M.RELEASE_DATE_ANNOUNCED,
            r"\b(?:teases|sets|has set|announces|reveals|confirms|gets|lands|unveils) (?:an? "
            rf"|its )?(?:\w+day,? )?(?P<date>{_DATE})(?:,? 20\d\d)? (?:for (?:the |its )?)?"
            r"(?:[\w'-]+ ){0,3}(?:premiere|return"
            r"|debut|release|launch)\b",
        ),
        RELEASE_WINDOW,
        _rule(
            "says-when",
            M.RELEASE_DATE_ANNOUNCED,
            # "Death in Paradise has confirmed when its 10th season will premiere"
            # ("we finally know when The Penguin is set to arrive")
            r"\b(?:confirm(?:s|ed)?|reveal(?:s|ed)?|announce[sd]?"
            # (a film's premiere is no season's: "… star Anna Cathcart's new movie premieres")
            r"|(?:we|fans) (?:finally |now )?know(?: exactly)?) when\b"
            r"(?:(?!\b(?:movie|film)\b)[^.?!]){0,50}"
            r"\b(?:(?:will|set to) (?:premiere|return|debut|arrive|air|be released|land|hit)"
            # ("we finally know when season 4 is coming": a date told, as train's labels read
            # "we know when … will premiere", not a renewal)
            r"|premieres|returns|debuts|arrives|(?:is|are) (?:coming|returning|arriving))\b"
            # "will start on BBC One on Tuesday 8th January"
            # "Cardinal Season 4 begins April 6th on CTV"
            rf"|\b(?:(?:will|to|set to) (?:start|begin)|{SEASON_REF} (?:begins|starts|kicks off)) "
            r"(?:on [\w+]+(?: [\w+]+)? )?(?:on )?(?:\w+day )?"
            rf"(?P<date>{_DATE})"
            # "is set to premiere this month"
            r"|\b(?:set to|will|to) (?:premiere|debut|return|arrive|air) (?:later )?this (?:month"
            r"|week)\b",
        ),
        _rule(
            "sets-release",
            M.RELEASE_DATE_ANNOUNCED,
            # "Netflix sets Stranger Things 5 release for November"
            rf"{_NOT_ALL_SET}\bsets? [^.?!]{{0,40}}\b(?:release|premiere|return|debut|launch)"
            r" (?:for|on) "
            rf"(?P<date>{_DATE}|(?:early |late )?20\d\d|(?:this |next )?(?:spring|summer|fall"
            r"|autumn|winter))\b",
        ),
        _rule(
            "premiere-announced",
            M.RELEASE_DATE_ANNOUNCED,
            # "'Dahaad' Premiere Announced"
            r"\bpremiere (?:is |has been )?(?:officially )?(?:announced|revealed|confirmed)\b",
        ),
        _rule(
            "trailer-gives-date",
            M.RELEASE_DATE_ANNOUNCED,
            # "Season 2 trailer reveals long-awaited premiere date"
            r"\b(?:trailer|teaser)s?\b[^.?!]{0,20}\b(?:reveals?|announces?|confirms?|sets?"
            r"|unveils?|gives)\b[^.?!]{0,25}\b(?:premiere|release|launch) date\b",
        ),
        _rule(
            "starts-season-on",
            M.RELEASE_DATE_ANNOUNCED,
            # "Hunters starts season two on Prime Video January 13" (not "begins season 2
            # production on March 5")
            r"\b(?:starts|begins|kicks off|launches) (?:its |their )?(?:[\w-]+ )?(?:season|series)"
            rf"\b(?![^.?!]{{0,25}}\b{_SHOOT_WORK})[^.?!]{{0,40}}?"
            rf"(?P<date>{_DATE})",
        ),
        _rule(
            "puts-a-date",
            M.RELEASE_DATE_ANNOUNCED,
            # "HBO has finally put a date on the return of True Detective"
            r"\bput(?:s|ting)? a (?:release |premiere )?date on\b",
        ),
    ),
)

# Words after a release that put it still ahead: "debuts on Apple TV+ in March", "starts
# streaming next week"
# (a weekday alone too: "arrives on Netflix this Friday" told on Wednesday is two days off;
# ``premieres-on-weekday`` reads the day)
_STILL_AHEAD = (
    rf"{MONTH}|next|later|this (?:fall|summer|spring|winter)|on \w+day|(?:this )?{WEEKDAY}"
)
RELEASED_FAMILY = Family(
    rules=(
        _rule(
            "now-streaming",
            M.RELEASED,
            r"\b(?:is |are )?now (?:available|streaming|out|live|on netflix|playing)\b"
            r"(?! for (?:\w+ )?(?:days|weeks|months)\b)"
            rf"|\b(?:releases|drops|lands|arrives) on {NETWORK}\b(?! (?:on|in|this|next|later)\b)"
            r"|\b(?:has|have) (?:finally )?been released\b"
            rf"|\b(?:season|{SEASON_REF}) (?:of [^.?!]{{1,40}} )?has (?:finally |officially )?"
            r"(?:begun|started)\b"
            # (not the work on it: "has started post-production", "has begun on post")
            rf"(?! (?:on |work on )?(?:{_SHOOT_WORK}|post\b|post-production|editing"
            # (nor its promotion: "has started posting teasers", "has started teasing")
            r"|pre-production|teasing\b|(?:posting|sharing|dropping|releasing|rolling out)"
            r" (?:\w+ )?(?:teasers?|promos?|trailers?|clips?|first looks?|stills|posters?)\b))"
            r"|\bmade it to (?:the )?(?:screens?|tv|netflix|streaming)\b"
            r"|\bjust (?:quietly )?(?:dropped|premiered|debuted|landed|arrived|launched) (?:on|to"
            r"|at|in)\b"
            # de, es, pt, fr, it, nl, sv
            r"|\bjetzt (?:auf \w+ )?(?:verfügbar|abrufbar)\b|\bya (?:está|están) disponibles?\b"
            r"|\bjá (?:está|estão) disponíve(?:l|is)\b|\best (?:désormais|maintenant) disponible\b"
            r"|\b(?:è|sono) (?:ora |finalmente |già )?disponibil[ei]\b|\bnu (?:beschikbaar"
            r"|te zien)\b|\bnu tillgänglig\b"
            rf"|\b{NETWORK} (?:has |have )?(?:finally |just |now )?add(?:s|ed)\b(?! \w+ to )"
            r"(?:(?!cast\b|actors?\b|stars?\b|regulars?\b)[^.?!,;]){0,40}?"
            rf"\b{SEASON_REF}\b(?! (?:cast|to)\b)"
            # "All episodes of Mirzapur 2 are available on Amazon Prime"
            r"|\ball (?:the )?(?:\w+ )?episodes\b[^.?!]{0,40}\b(?:are|is) (?:now )?available\b"
            # "Foundation season 3 debuts on Apple TV+", with no date still ahead
            rf"|\b{SEASON_REF}[^.?!]{{0,30}}\b(?:(?:debuts|premieres|arrives|lands|drops|bows"
            r"|launches) (?:on|to)"
            r"|hits) "
            r"(?:netflix|apple tv\+?|hulu|max|hbo|prime video|disney\+?|peacock|paramount\+?"
            r"|crunchyroll|hidive)"
            rf"(?![^.?!]{{0,30}}\b(?:{_STILL_AHEAD}|in 20\d\d)\b)"
            r"|\b(?:out|available|streaming|airing) now\b|\bnow live\b"
            r"|\b(?:season|episodes?|series|installment|instalment|chapter|volume"
            # (not "season 2 trailer hasn't dropped yet", nor "season 2 recently dropped on
            # Netflix": a release the reader is reminded of, before the piece's own news)
            r"|part)\b(?:(?!before\b|to be\b|will\b|could\b|might\b|would\b|set to\b|expected\b"
            r"|\w+n't\b|not\b|recently\b|trailer|teaser)[^.?!,;]){0,40}"
            r"\b(?:(?:has|have) )?(?:now |finally |officially )?(?:arrived|landed|premiered"
            r"|debuted|dropped|launched)\b(?! on (?:tv|cable|\w+ network))"
            # "has debuted with a 98% critics' score", "first debuted in 2022": looking back
            r"(?! (?:with|to) (?:a |an )?(?:\d+%|rave|strong|positive|mixed|glowing|record"
            r"|huge|big|impressive|solid|poor|low|high)| in (?:19|20)\d\d| last\b| back\b)"
            r"|\b(?:marks|marked|celebrates|celebrated) the (?:launch|premiere|debut|release) of\b"
            r"|^(?:season|series) premiere: "
            # "season 5 has begun on Hulu", "went up on Amazon Prime last night"
            rf"|\b(?:has )?begun on {NETWORK}\b"
            rf"|\b(?:went|goes|go) (?:up|live) on {NETWORK}\b|\b(?:has|have) gone live\b"
            # "'Orange Is The New Black' Begins Season Two On Netflix"
            rf"|\b(?:begins|starts|kicks off) (?:its )?{SEASON_REF} on {NETWORK}\b"
            rf"|\b{SEASON_REF} (?:is|are) (?:finally |now )?out\b(?! of\b)"
            r"|\bout (?:today|tonight)\b|\bcan now (?:stream|watch|binge)\b"
            # "Netflix has released Harbor Lights season 3" (not its trailer or pictures)
            rf"|\b{NETWORK} (?:has |have )?(?:finally |just |now )?(?:released|dropped) "
            r"(?:(?!trailer|teaser|first|images|photos|poster|date|clip|peek|look|footage|video"
            r"|promo|preview|featurette|pv\b)[^.?!,;]){0,40}?"
            rf"\b{SEASON_REF}(?! (?:trailer|teaser|images|photos|posters?|date|first|clips?"
            r"|footage)\b)"
            # "made its Netflix debut on Thursday" (not "made its debut in 2019")
            r"|\bmade (?:its|their) (?:[\w+]+ )?debut\b(?! (?:in|back|last|at|as)\b)"
            rf"|\bnow (?:the )?{SEASON_REF} is here\b"
            # "Narcos season 2 is on Netflix now!"
            rf"|\b(?:is|are) on {NETWORK} now\b"
            # "The Mandalorian is back with brand new episodes", "available to watch right now"
            r"|\bis back with (?:brand )?new episodes\b"
            r"|\bavailable to (?:watch|stream) (?:right )?now\b"
            r"|\b(?:began|started) (?:airing|streaming)\b"
            r"(?![^.?!]{0,40}\b(?:days|weeks|months) ago\b)"
            # ("Starts Streaming Its Second Season in April" gives a date ahead)
            r"|\b(?:begins?|starts?) (?:airing|streaming)\b"
            rf"(?![^.?!]{{0,40}}\b(?:{_STILL_AHEAD}|soon|this autumn)\b)"
            r"|\b(?:dropped|drops|released|releases|releasing|premiered|launched|unlocked|debuted)"
            r" (?:the |its "
            r"|their )?"
            # "premiered the third and final season"
            r"(?:first |all |every |new |final |entire |\w+ and final )?(?:\w+ )?"
            r"(?:episodes?|season|part|volume|installment|instalment)\b"
            # "Netflix Releases New Season 2 Images, BTS Video": pictures of the season
            r"(?!(?: \d{1,2}| [ivx]+)? (?:images|photos|pics|pictures|stills|posters?|trailers?"
            r"|teasers?|clips?|footage|first[- ]look|featurettes?|bts|behind-the-scenes)\b)"
            # (nor the first of a list of titles whose pictures it drops: "drops Wednesday
            # season 2, Harbor Lights and XO, Kitty trailers")
            r"(?!(?: \d{1,2}| [ivx]+)?, [^.?!;]{1,60}?(?:\band|&) [^.?!;]{1,40}?\b(?:images|photos"
            r"|pics|pictures|stills|posters|trailers|teasers|clips|first[- ]looks|featurettes)\b)"
            r"|\bgelanceerd\b|\bab heute\b[^.]{0,80}\berhältlich\w*|\bya (?:está )?disponible\b"
            r"|\b(?:launches|launched) (?:the )?(?:(?!trailer|teaser|campaign|podcast|promo|poster"
            rf"|website|game|search)[\w'-]+ ){{0,3}}{SEASON_REF}",
            # in a description under a headline about something else, "now streaming" restates
            # a release: on fresh sets such hits were right 9 times in 24
            title_only=True,
        ),
        _rule(
            "released-today",
            M.RELEASED,
            # what says the release is today, wherever it stands: "premieres tonight", "released
            # today", "from today available", "Netflix crashed"
            r"\b(?:starting|from) today\b[^.?!]{0,40}\b(?:available|streaming)\b"
            # "available to stream starting from today, 3 August"
            r"|\b(?:available|streaming|to stream|to watch)\b[^.?!]{0,25}\b(?:starting (?:from )?"
            r"|from |as of )today\b"
            r"|\b(?:released|premiered|dropped|launched|debuted|arrived|unlocked) (?:on (?:netflix"
            r"|the platform|the streamer|tv|[\w+]+ (?:one|two|three|four)"
            r"|[\w+]+(?: [\w+]+){0,2}) )?"
            r"(?:today|yesterday|this morning|overnight|globally|worldwide)\b"
            # "The Mandalorian's third season begins streaming today"
            r"|\b(?:begins|starts|began|started) (?:streaming|airing) (?:on [\w+]+(?: [\w+]+)? "
            r"|\w+ )?today\b"
            # "returned on ITV 1 tonight for a third series": what returned is the season (not
            # "the star returned on Instagram today", "auditions began today"; not "aired": a
            # finale or an episode)
            r"|\breturned (?:on (?:the )?[\w+]+(?: [\w+]+)? )?(?:tonight|today) for (?:a |an |its "
            r"|the )(?:[\w-]+ ){0,4}(?:season|series)\b"
            r"|\b(?:premieres|premiers|drops|debuts|hits \w+|returns to \w+|returns|is back|arrives"
            r"|lands|(?:is|are) (?:dropping|premiering|arriving|landing|debuting"
            r"|coming to [\w+]+(?: [\w+]+)?)) (?:today"
            r"|tonight)\b"
            # "starts tonight", "kicks off on the BBC tonight"
            r"|\b(?:starts|begins|airs|resumes|kicks off|(?:kicks off|starts|begins|premieres"
            r"|debuts|returns) on (?:the )?[\w+]+(?: [\w+]+)?) tonight\b"
            # "don't miss the final season premiere of Bones tonight", "is back for season 3 today"
            rf"|\b(?:season|series|{SEASON_REF}) premiere\b[^.?!]{{0,40}}\b(?:tonight|today)\b"
            r"|\bpremiere tonight\b|\breleased early\b"
            r"|\b(?:starts|begins|kicks off) (?:its |their )?(?:[\w-]+ ){0,3}(?:season|series)\b"
            r"(?:[^.?!]|\b[ap]\.m\.){0,30}\btonight\b"
            r"|\bwill (?:air|premiere|debut|return|start|begin) (?:on (?:our |your )?screens "
            r"|on [\w+]+ |its (?:[\w-]+ )?season )?tonight\b"
            # "Tonight is the Season 3 premiere of Riverdale"
            r"|\btonight is the\b[^.?!]{0,40}\bpremiere\b"
            r"|\b(?:is|are) back (?:for|with) [^.?!]{0,40}\b(?:today|tonight)\b"
            r"|\bback on (?:our |your )?screens (?:tonight|today)\b"
            rf"|\b{SEASON_REF} (?:begins|starts|premieres) today\b"
            r"|\bmakes its (?:[\w-]+ )?debut (?:on [\w+]+ )?tonight\b"
            r"|\bnetflix (?:to )?crash(?:ed|es)?\b|\bcaused netflix to crash\b"
            # "The Bear season 4 drops all episodes on Hulu today"
            r"|\b(?:drops|premieres|debuts|arrives|lands|streams|launches)\b(?! (?:a|the|its|new"
            r"|first|official) (?:trailer|teaser))[^.?!,;]{0,40}\b(?:today|tonight)\b"
            # "Apple TV+ today launched its new limited series"
            r"|\btoday (?:launched|released|premiered|debuted|dropped|unveiled) (?:its|the|their"
            r"|a) (?:[\w-]+ ){0,4}(?:series|season|show|drama|comedy|episodes)\b"
            # "Season 2 Really Did Premiere Yesterday"
            r"|\bdid (?:premiere|debut|drop|arrive) (?:today|yesterday|last night)\b"
            # hours away is today: "will premiere on Netflix in just a few hours", "is just a
            # few hours away from hitting Netflix" ("will" in the match: no plan; an arrival
            # verb needs its platform: not "returns to Instagram in a few hours")
            r"|\b(?:will (?:be )?)?(?:premieres?|premiering|debuts?|debuting)\b"
            rf"(?! (?:date|day|time)s?\b)(?: (?:on|to) {NETWORK})? in {_HOURS}"
            r"|\b(?:will (?:be )?)?(?:arrives?|arriving|drops?|dropping|lands?|landing|hits"
            rf"|hitting|returns?|returning|airs?|airing) (?:on|to) {NETWORK} in {_HOURS}"
            r"|\b(?:a few |a couple of |two |three |\d )?hours away from (?:hitting|arriving"
            r"|landing|premiering|debuting|dropping|its (?:premiere|debut|release))\b"
            r"|\b(?:premiere|debut|release|return) (?:is|are) (?:just |only )?(?:a few |a couple"
            r" of |two |three |\d )?hours away\b",
        ),
        _rule(
            "returns-for-season-now",
            M.RELEASED,
            # "Trying returns for season 4", "Vigil returns for a second series": the new
            # season is airing (a review or a premiere piece as often as the news of it)
            r"\breturns (?:to (?!set\b)[\w+]+ )?for (?:its |a |the )?(?:[\w-]+ ){0,3}?"
            rf"{SEASON_REF}(?![^.?!]{{0,40}}\b(?:{MONTH}|20\d\d|next|later|soon|in (?:\w+ )?"
            r"(?:weeks?|months?)|\w+day|tonight|tomorrow)\b)"
            # (a person's return, in a part: "Harrison Ford returns for season 3 as a guest")
            r"(?! as (?:a|an|the|his|her|their)\b)",
            headline_only=True,
            weak=True,
        ),
        _rule(
            "has-returned",
            M.RELEASED,
            r"\b(?:has|have) (?:finally |officially )?(?:returned|resurfaced) (?:to [\w+]+ )?"
            r"(?:for|with) (?:its "
            r"|a )?"
            rf"(?:[\w-]+ ){{0,2}}{SEASON_REF}",
        ),
        _rule(
            "returns-with-season",
            M.RELEASED,
            # "Harbor Lights returns with season 2 on Netflix", with no date still ahead
            # (not the noun: "is gearing up for a riveting return with its second season")
            r"(?<!\ba )(?<!\bthe )(?<!\bits )(?<!ing )"
            rf"\breturns? (?:to [\w+]+ )?with (?:a |its )?(?:new )?{SEASON_REF}(?![^.?!]{{0,40}}\b"
            rf"(?:{MONTH}|20\d\d|spring|summer|fall|autumn|winter|next|later|soon|date|trailer"
            r"|teaser)\b)",
            title_only=True,
        ),
        _rule(
            "is-back",
            M.RELEASED,
            r"^(?![^.?!]{0,60}\b(?:trailer|teaser|poster|date|first look|photos)\b)"
            # ("Peacemaker is back, and he's making up for lost time", "is back with a
            # vengeance", "Kim Go-eun is back as Yumi": a review's or a profile's opening line)
            # ("The Liars are back in the Hudson Valley", "the creators are back with"): a
            # plural subject is people, not the season
            r"[^.?!]{0,60}\bis (?:finally )?(?:back(?!,? (?:and|but)\b| with a vengeance\b"
            r"| as\b)|here)\b(?! (?:for|in production"
            r"|in front of|on set|to|writing|filming|shooting|at work|in town"
            # (work taken up again: "is back on track", "back up and running", "back in action")
            r"|on track|up and running|in action))"
            # "is back next month", "is back on Netflix in 2027": a return still ahead
            rf"(?![^.?!]{{0,30}}\b(?:{_STILL_AHEAD}|in 20\d\d)\b)",
            title_only=True,
            weak=True,
        ),
        _rule(
            "returned-with",
            M.RELEASED,
            # "Karen Pirie returned with its second season on Sunday night"
            r"\breturned (?:to [\w+]+(?: [\w+]+)? )?with (?:its |a )?(?:[\w-]+ ){0,2}"
            rf"{SEASON_REF}(?! in (?:19|20)\d\d)",
        ),
        _rule(
            "available-on",
            M.RELEASED,
            # fr "est disponible sur Netflix", it "è disponibile su", es "está disponible en",
            # pt "está disponível na", de "ist jetzt bei Netflix verfügbar"
            r"\b(?:est|sont|è|sono|está|están|ist|sind) (?:désormais |maintenant |ora |ya |já "
            r"|jetzt )?(?:disponibles?|disponibil[ei]|disponíve(?:l|is)) (?:sur|su|en|na|no)\b"
            r"|\b(?:ist|sind) (?:jetzt |ab sofort )?(?:bei|auf) [\w+]+ (?:verfügbar|abrufbar)\b"
            r"|\bdisponibles? dès (?:maintenant|aujourd'hui)\b|\bsaison \d+ [^.?!]{0,40}\best "
            r"(?:enfin )?sortie\b"
            rf"|\b{SEASON_REF}(?: of [^.?!]{{1,40}})? (?:is )?(?:now )?available (?:to stream )?on "
            rf"{NETWORK}\b",
        ),
        _rule(
            "streaming-today",
            M.RELEASED,
            # "Season 2 Is Streaming On Netflix Today"
            r"\b(?:is|are) (?:now )?streaming (?:on [\w+]+(?: [\w+]+)? )?(?:today|now)\b",
        ),
        _rule(
            "has-hit",
            M.RELEASED,
            # "season two of Alex Rider has hit Prime Video", "The Boys begins its second season on
            # Prime Video with the first three episodes"
            r"\b(?:has|have) (?:just |finally )?hit (?:netflix|prime video|hulu|max|hbo max"
            r"|disney\+?|apple tv\+?|peacock|paramount\+|the streamer|the platform)\b"
            r"|\b(?:begins|starts|kicks off) its (?:\w+ )?season on [\w+]+(?: [\w+]+)? with\b"
            # "Netflix has dropped a brand new thriller"
            r"|\b(?:has|have) (?:just )?dropped a (?:brand )?new (?:thriller|drama|comedy|series"
            r"|show|season)\b",
        ),
        _rule(
            "dropped-on-day",
            M.RELEASED,
            # "season 4 dropped Friday", "dropped on Apple TV+ at midnight", "hit the streamer
            # Thursday", "Season 3 of 'Harbor Lights' is finally here"
            r"\bseason (?:\d{1,2} )?dropped (?:on \w+ )?(?:\w+day|today|tonight|overnight"
            r"|at midnight)\b|\bdropped on [\w+]+(?: [\w+]+)? at midnight\b"
            r"|\bhit the streamer (?:on )?(?:\w+day|today|tonight)\b"
            r"|\bseason \d{1,2} of [^.?!]{1,60} is (?:finally )?here\b",
        ),
        _rule(
            "premieres-headline",
            M.RELEASED,
            # a headline's present tense with no day after it: "'Get Millie Black' Premieres,
            # Showcasing …", "Season 3 of 'Gangs of London' Debuts with Chaos" (not a trailer's,
            # a finale's or a film's; not "premieres in March", "premieres next week")
            # (nor a clause's: "as season two arrives", "here's when the episode arrives"; nor the
            # plural noun: "a night of premieres", "the season's premieres")
            r"^(?:(?!\b(?:trailer|teaser|poster|date|first look|photos|images|clip|finale|episode"
            r"|movie|film|special|what|how|guide|preview|ratings|when|as|while|once|until"
            # (nor a star's new show, a spinoff's: "XO, Kitty star's new show premieres")
            r"|star|stars|star's|spinoff|spin-off)\b)"
            r"[^.?!]){1,80}?(?<!\bof )(?<!'s )(?<!\bthe )(?<!\btelevision )(?<!\btv )"
            r"\b(?:premieres|debuts|arrives|lands|bows)"
            rf"(?: (?:on|to) {NETWORK})?(?=$|[,:;!]| with\b| amid\b)"
            # (nor a guide's label: "Season 4 Premieres: Everything We Know")
            rf"(?![^.?!]{{0,40}}\b(?:{_STILL_AHEAD}|20\d\d|soon|tonight|today|tomorrow|everything"
            r"|what (?:we|you|to) know)\b)",
            headline_only=True,
            weak=True,
        ),
    ),
)

# A part of a year before a month or a year, if any: "early", "mid-", "the summer of".
PART_OF_YEAR = r"(?:(?:early|late|mid-?|(?:the )?(?:spring|summer|fall|autumn|winter)(?: of)?) ?)?"
# A release window as a delay moves one: a year, or a part of one ("early 2027", "summer of
# 2027"); never a month, which outlets give as a first announced window ("now slated for a
# March 2024 release date").
_WINDOW = rf"{PART_OF_YEAR}(?:20\d\d|next year)\b(?![ ,.]?\d)"
# The words that make a window the new one: "now expected in", "now set for a … release",
# "now targeting" (not the shoot's: "filming is now set to begin in 2027"; not a move up:
# "now expected sooner", "earlier in 2026").
_NOW_EXPECTED = (
    r"(?<!\bfilming )(?<!\bshooting )(?<!\bproduction )(?<!\bfilming is )(?<!\bproduction is )"
    r"\bnow (?:being |officially |reportedly )?(?:expected|slated|set|scheduled|due|targeting"
    r"|targeted|eyeing|eyed|aiming|planned|tipped|tracking|pegged|pencil?led)\b"
    rf"(?: (?!(?:{MONTH}|sooner|earlier|before|ahead|not|no|film\w*|shoot\w*|production"
    r"|begin|start|wrap)\b)[\w'-]+){0,4}? (?:an? |the )?(?:sometime |some time )?"
)
# Not a move: one up ("now expected sooner"), or the window as it stood ("now expected in
# 2027, as planned"), nor a star's other work ("now set for a 2027 movie") or another thing
# of the show's ("stars now set for 2027 reunion").
_NOT_MOVED = (
    r"(?!,? (?:earlier|sooner|ahead of|same as|as (?:planned|expected|before|scheduled"
    r"|originally)|on (?:track|schedule))\b)"
    r"(?! (?:movie|film|feature|k-drama|drama|tour|album|book|single|play|musical|wedding"
    r"|project|reunion|special|concert|event|soundtrack|documentary|podcast|spin-?off)s?\b)"
)
# A window told with the renewal that gives it is the renewal ("… now expected in 2027 as
# Netflix renews").
_NO_RENEWAL = r"(?![^.?!]{0,40}\b(?:renew\w*|green-?lit|picked up|order(?:s|ed)?)\b)"
# The earlier window a later one is set against: "rather than late 2026", "instead of
# 2026", ", not late 2026".
_CONTRAST = r",? (?:rather than|instead of|and not|not) (?:in |for )?(?:the )?"

DELAY_FAMILY = Family(
    rules=(
        _rule(
            "delayed",
            M.DELAYED,
            # "BBC explains decision to postpone drama", "Doctor Who moved to 19 May"
            r"\b(?:decided|decides|decision|opted|opts) to (?:postpone|delay|push back)\b"
            # "Amazon Prime has reportedly delayed ...", "USA pushes 'Shooter'"
            rf"|\b{NETWORK} (?:has )?(?:reportedly |officially )?(?:(?:delayed|postponed"
            r"|pushed back)\b|(?:pushes|pushed|delays|postpones) '[^']{1,40}')"
            # "will now premiere later", "will now premiere on November 17th, instead of
            # November 4th"
            r"|\bwill now (?:premiere|air|debut|return|launch|arrive|bow|be released)"
            r"(?: (?:later|next year|in 20\d\d)\b|\b[^.?!]{0,50}\binstead of\b)"
            # "moved to 19 May", "season 3 moved to 2026", "slips to spring"
            r"|\b(?:moved|moves|bumped|bumps|rescheduled|slips|slipped|shifted|shifts) to "
            rf"(?:(?:\w+day,? )?{_DATE}|(?:20\d\d|next year|later|(?:early |late |mid-?)?"
            rf"(?:spring|summer|fall|autumn|winter|{MONTH}|20\d\d))\b)"
            # "is no longer coming in 2025"
            r"|\bno longer (?:coming|arriving|premiering|expected) (?:in|this) (?:20\d\d|year)\b"
            # "Detectorists won't be coming back this year"
            r"|\b(?:won't|will not) (?:be )?(?:coming back|back|returning|return) (?:this year"
            r"|until (?:next year|20\d\d|later))\b"
            # ("after being postponed due to COVID-19, Top Boy has finally started filming")
            r"|\b(?:has been|have been|had been|is|are|was|were|been|gets?|got"
            r"|(?<!\bafter )(?<!\bdespite )being) (?:officially |"
            r"further |indefinitely |now |temporarily |temporary "
            # "has been substantially delayed" (a hedge is not a manner: "is likely delayed")
            r"|(?!(?:likely|possibly|probably|potentially|unlikely|only|reportedly)\b)\w+ly )?"
            r"(?:delayed|postponed|pushed back"
            r"|pushed|put on (?:hold|pause)|"
            r"on hold|on pause|halted|paused|suspended|shut down)\b"
            r"|\bdelay (?:in|to|of|for) (?:the )?(?:release|premiere|production|filming|season|its)"
            # (not an adjective's past delay: "long-delayed fourth season finally premieres")
            r"|(?<!-)(?<!\blong )(?<!\bmuch )(?<!\boft )"
            r"\b(?:delays|delayed|postpones|postponed|pushes back|pushed back|halts|halted|pauses|"
            r"paused|suspends|suspended|shuts down|shut down|delaying|postponing|pausing|halting"
            r"|suspending|postpone|delay) (?:the |its |their "
            r"|her |his )?(?:fall |spring |summer |winter )?(?:start of )?(?:production|filming"
            r"|shooting|season"
            r"|release|premiere|work|return|debut|schedule|lineup|slate|premiere week|"
            r"final|fifth|fourth|third|second|\w+ season|\w+'s|new episodes)"
            # "Netflix hit suffering a major delay", "dramas held back to 2020", "fires stall
            # production"
            r"|\bsuffer(?:s|ing|ed)? (?:a |another )?(?:major |massive |significant |big |long )?"
            r"(?:delay|setback)\b|\bstall(?:s|ed)? (?:the )?production\b"
            # ("to start production in August after getting delayed due to Covid"; a renewal
            # "decision delayed over episode count" is no delay of the show)
            r"|(?<!\bafter )(?<!\bgetting )(?<!\bbeing )(?<!\bdecision )(?<!\brenewal )"
            r"\bdelayed (?:until|to|into|till|indefinitely|due to|because of|amid|over)\b"
            r"|\b(?:pushed|held|nudged) (?:back )?(?:to|until|into) "
            rf"(?:20\d\d|next|late|early|mid|{MONTH})\b|\bpostponed (?:until|to|indefinitely)\b"
            r"|\b(?:put|placed) on hold\b|\ba delayed (?:start|premiere|return|debut)\b"
            # "originally set to return on Monday, June 1, the series will now return on June 21"
            r"|\b(?:originally|initially) (?:set|scheduled|slated|planned|due) to (?:return"
            r"|premiere|debut|air|launch|arrive)\b"
            # "USA postpones 'Shooter' debut", "CBS bumps the finale", "pushes preems"
            r"|\b(?:postpones|postponed|postponing|postpone|delays|delay|push back|pushes back"
            r"|pushed back|pushes|bumps"
            r"|bumped) (?:the |its |their )?(?:[\w'.:-]+ ){0,4}?(?:debut|premiere|return|launch"
            r"|finale)\b(?! (?:up|forward)\b)"
            r"|\b(?:premiere|release|debut) (?:date )?(?:pushed|delayed|postponed)\b"
            r"|\bbumped (?:from|off) (?:the |its |their )?(?:[\w+]+ )?(?:lineup|schedule)\b"
            r"|\bpush(?:es|ed|ing)? (?:back )?(?:its |their )?(?:\w+ )?preems\b"
            r"|\bconfirms? (?:a |the )?(?:lengthy |long |another |further )?delay\b"
            r"|(?<!\bwon't )(?<!\bnot )\b(?:have|has|had) to wait (?:a (?:little|bit) |even |much "
            r"|a lot )?longer\b"
            r"|\b(?:release|premiere) date (?:has )?(?:changed|shifted|moved)\b"
            r"|\bpush(?:es|ed)?\b[^.?!]{0,40}\b(?:premiere|release|debut|return|season|production"
            rf"|filming)\b[^.?!]{{0,20}}\bto (?:20\d\d|next|late|early|mid|{MONTH})\b"
            r"|\b(?:halts?|halted|shuts? down|pauses?|paused|stops?|suspends?) "
            rf"(?:its |their |all )?{_SHOOT_WORK}\b"
            r"|(?<!\bmay )(?<!\bmight )(?<!\bcould )"
            r"\b(?:won't|will not|wouldn't|not|no) (?:reportedly )?"
            r"(?:return|arrive|premiere|debut|come back|come out|be back|"
            r"be released|be out|film|shoot|go into production|resume|be ready"
            # "will not be premiering until 2025"
            r"|be (?:premiering|arriving|debuting|airing|returning|streaming))\b[^.?!]{0,40}"
            r"\b(?:until|"
            r"before|without|till)\b"
            # "Arcane Season 2 Won't Release In 2023"
            # ("will not be arriving on the streaming platform this year")
            r"|\b(?:won't|will not) (?:(?:release|premiere|arrive|debut|air|come out) in 20\d\d"
            r"|be (?:premiering|arriving|debuting|released|returning)\b[^.?!]{0,40}\b(?:this year"
            r"|in 20\d\d))\b"
            r"|\bnot (?:returning|arriving|coming) (?:until|before)\b|\bwon't arrive (?:anytime"
            r"|until)"
            r"|\bsetback\b|\butsatt\b|\bforsinket\b|\brimand\w*|\bverschoben\b|\buitgesteld\b"
            # it "costretto a sospendere le riprese", "riprese sospese"
            r"|\bsospe(?:ndere|so|se|sa|si) le riprese\b|\briprese (?:sono )?sospese\b"
            r"|\b(?:pushes|pushed|moves|moved|bumps|bumped)\b[^.?!]{0,40}\bto mid-?season\b"
            # (the words between name the season: "on season 3 of the comedy 'Hacks' has paused",
            # not "on the season will start in January after being delayed")
            rf"|\b{_SHOOT_WORK} (?:on|of|for) "
            r"(?:(?!\b(?:after|before|since|start|starts|begin|begins)\b)[^.?!]){1,60}? "
            r"(?:is |has been |was |has |had to be )?"
            r"(?:halted|suspended|paused|shut down|stopped|delayed|postponed|interrupted)\b"
            # "have put a halt to their production"
            r"|\bput (?:a |an )?(?:halt|stop|pause) (?:to|on) (?:its |their |the )?(?:[\w-]+ )?"
            rf"{_SHOOT_WORK}\b"
            r"|\b(?:series|show|shoot) (?:is |was |has been )?halted\b"
            # "Netflix is pausing the series indefinitely"
            r"|\b(?:paus|halt)(?:es|ing) [^.?!]{1,40}\bindefinitely\b"
            r"|\bshoot had to be (?:stopped|halted|suspended)\b"
            rf"|\b(?:{_SHOOT_WORK}|premiere|release|season \d+|season|return) (?:is "
            r"|has been "
            r"|was |gets? )?(?:reportedly |officially |now )?['\"]?(?:delayed|postponed|pushed back"
            r"|halted|suspended|suspends?|paused)\b"
            # "premiere on May 7 postponed", "premieres May 7, now delayed": a premiere's day
            # followed by its delay (the day it moved from, never the delay's date)
            r"|\b(?:premiere|release|debut|launch|return)s? (?:date )?(?:(?:on|of|for|set for"
            rf"|slated for|scheduled for) )?(?:\w+day,? )?{_DATE}(?:,? 20\d\d)?,? (?:is |has been "
            r"|was |gets? |got )?(?:reportedly |officially |now |since )?(?:delayed|postponed"
            r"|pushed back)\b"
            # "Season 2 Hasn't Been Cancelled, Just Postponed"
            r"|\b(?:just|only|merely|simply) (?:been )?(?:postponed|delayed|pushed back)\b"
            rf"|\b{_SHOOT_WORK} suspend\b"
            # "Filming Start Date Reportedly Postponed"
            rf"|\b{_SHOOT_WORK} (?:start date|start|date|schedule) (?:is "
            r"|has been |was )?(?:reportedly |officially |now )?(?:delayed|pushed back|postponed"
            r"|pushed)\b"
            rf"|\b{_SHOOT_WORK} (?:has been |was |is )?(?:shut down|shuts down"
            r"|stopped|stops|put on hold|shutting down)\b"
            # "CBS has stopped production on three dramas", "will likely miss its May premiere"
            rf"|\b(?:has |have )?(?:stopped|stopping) {_SHOOT_WORK} on\b"
            r"|(?<!\bdon't )(?<!\bdo not )(?<!\bnever )"
            r"\b(?:miss|misses|missed|missing) (?:its|their"
            r"|the) (?:[\w-]+ ){0,3}(?:premiere"
            r"|release|launch|debut)(?: date| window| target)?\b"
            r"|\bdelay(?:s|ing)? the start of\b"
            rf"|\b{SEASON_REF} delay\b(?! explained\b)"
            r"|\blater than (?:expected|planned|originally planned|anticipated|hoped)\b"
            r"|\b(?:takes?|taking|took) a (?:brief |short |\w+ )?(?:hiatus|break|pause) from "
            rf"{_SHOOT_WORK}\b"
            r"|\b(?:put|puts|placed|places)\b[^.?!]{0,25}\bon (?:an )?(?:indefinite )?(?:hold"
            r"|hiatus|ice)\b"
            r"|\bindefinite (?:hold|hiatus)\b"
            r"|\b(?:suffers?|suffered|hit by|hit with|hits|faces?|facing|sees?) (?:a |an |another "
            r"|yet another )?(?:major |big |huge |lengthy |long |new |further |production "
            r"|broadcast |potential |possible |likely |significant |indefinite |months-long )?"
            r"(?:delay|setback)s?\b"
            # "shifts the return of its shows to November", "release date moved to April 9, 2027"
            r"|\b(?:shifts?|shifted|moves?|moved|pushes|pushed|bumps?|bumped)\b (?:the |its )?"
            r"(?:return|premiere|debut|release|launch)s?\b(?: dates?)?(?: of [^.?!]{1,30})? "
            r"(?:back )?"
            rf"to (?P<date>{_DATE}|20\d\d|next|late|early|mid|the fall|the spring|the summer"
            r"|winter)"
            r"|\b(?:release|premiere|debut|launch) dates? (?:has been |have been |was |is )?"
            r"(?:moved|shifted|changed|bumped|rescheduled|pushed)(?: back)? to\b"
            r"|\b(?:release|premiere|debut|launch) (?:has been |was |is )?(?:moved|shifted|pushed)"
            rf"(?: back)? to (?:{MONTH}|20\d\d|next|late|early|mid|spring|summer|fall|autumn"
            r"|winter|the (?:fall|spring|summer|winter))\b"
            rf"|\b(?:delays|postpones|pushes back)\b[^.?!]{{0,40}}\b{SEASON_REF}\b"
            r"|\b(?:moves?|moved|shifts?|shifted) from (?:[^.?!]{0,30}) to (?:20\d\d|late|early"
            rf"|next|{MONTH})\b"
            # "Harbor Lights season 3 moves to 2026"
            rf"|\b{SEASON_REF} (?:moves|shifts|slips|slides|is pushed|gets pushed) (?:back )?(?:to"
            r"|into) (?:20\d\d|next year|late|early)\b"
            r"|\baplazad\w*|\bdurduruldu\w*|\bnon torneranno\b|\bnon dovrebbe tornare\b"
            r"|\bdürften erst\b|\bkehren wohl 20\d\d\b"
            r"|\b(?:release|premiere) (?:date )?gets? (?:some )?(?:bad|disappointing|sad) news\b"
            # "Season 3 Gets Disappointing Release Update", "Receives Frustrating Release Update"
            r"|\b(?:bad|disappointing|sad|frustrating|unfortunate|upsetting|worrying) (?:release"
            r"|premiere|production|filming)(?: date)? (?:update|news)\b",
        ),
        _rule(
            "window-now",
            M.DELAYED,
            # a release window told as the new one: "now expected in early 2027", "now
            # targeting 2027" (a title's: read in summaries too it announced one more "other"
            # held-out row); not what stays ("now expected in 2027, as planned"), nor a window
            # told with the renewal that gives it ("… now expected in 2027 as Netflix renews")
            rf"{_NOW_EXPECTED}{_WINDOW}{_NOT_MOVED}{_NO_RENEWAL}",
            title_only=True,
        ),
        _rule(
            "window-moved",
            M.DELAYED,
            # "expected in 2027 rather than late 2026" (not "still expected in 2027, not late
            # 2026": a correction), "not until 2027", "no longer a 2026 release", "no longer
            # expected to arrive in 2026", "no longer … 2026, now … 2027" (a window set
            # against a later one is a move up: ``classify`` drops it); not told with the
            # renewal ("season 4 not until 2027 as Netflix renews show")
            r"(?:(?<!\bstill )\b(?:expected|slated|set|scheduled|due|coming|arriving|out|targeting"
            rf"|eyeing)(?: [\w'-]+){{0,3}}? {_WINDOW}{_CONTRAST}{_WINDOW}"
            rf"|(?<!\bif )\bnot (?:until|till) (?:at least )?{_WINDOW}"
            r"|\bno longer (?:an? (?:early |late |mid-?)?20\d\d (?:release|premiere|debut|launch)"
            r"|(?:expected|slated|set|scheduled|due|coming|arriving|premiering|releasing|planned"
            r"|targeting)(?: to [\w-]+)?(?: (?:in|for|this))? (?:early |late |mid-?)?(?:20\d\d"
            r"|year)|(?:[\w'-]+ ){0,4}?(?:in |for )?(?:early |late |mid-?)?20\d\d\b[^.?!]{0,60}?"
            rf"\b(?:now|until|to|in) {_WINDOW})\b){_NO_RENEWAL}",
        ),
        _rule(
            "delaying",
            M.DELAYED,
            # "NBC is delaying its return to Southland by four weeks"
            r"\b(?:delaying|postponing|pushing back) (?:the |its |their )?(?:return|premiere|debut"
            r"|release|launch|production|filming|season)\b",
        ),
        _rule(
            "will-be-delayed",
            M.DELAYED,
            # "Second Season will be postponed due to COVID-19"
            r"\b(?:will|would|is to|are to) be (?:postponed|delayed|pushed back)\b"
            # "the premiere has been moved back a week"
            r"|\b(?:has been|have been|was|is|been) moved back\b",
        ),
        _rule(
            "not-airing-soon",
            M.DELAYED,
            # "will not be aired anytime soon"
            r"\b(?:will not|won't|not) (?:be )?air(?:ed|ing)? (?:anytime|any time) soon\b",
        ),
        _rule(
            "delay-return",
            M.DELAYED,
            # "CBS shows will delay their return to the set", "pushed two shows to 2025"
            r"\bdelay (?:their|its|the) return\b|\bpushed\b[^.?!]{0,40}\bshows? (?:back )?to "
            r"(?:20\d\d|next year)\b"
            # "won't be returning in September as they usually do", "in 2025 at the earliest"
            rf"|\bwon't be (?:returning|back) (?:in|this) (?:{MONTH}|fall|spring|summer|winter"
            r"|autumn|year)\b|\b(?:in|until) (?:20\d\d|next year|late 20\d\d) at the earliest\b",
        ),
        _rule(
            "off-the-schedule",
            M.DELAYED,
            # "bumped Season 3 off its October schedule", "pushing series 3 back to spring",
            # "Season 5 Start Date Slips"
            r"\bbump(?:s|ed|ing)? (?:[^.?!]{0,40} )?off (?:its|the) (?:\w+ )?schedule\b"
            r"|\bpush(?:es|ed|ing)? (?:season|series) \d{1,2} back to\b"
            r"|\b(?:start|release|premiere|air) date slips\b",
        ),
    ),
)


# Order matters only for ties at the same position.
EVENT_FAMILIES: tuple[Family, ...] = (
    CANCEL_FAMILY,
    DELAY_FAMILY,
    RENEW_FAMILY,
    WRITING_FAMILY,
    FILMING_FAMILY,
    POST_FAMILY,
    CASTING_FAMILY,
    RELEASE_FAMILY,
    TRAILER_FAMILY,
    RELEASED_FAMILY,
)
EVENT_RULES: tuple[EventRule, ...] = tuple(r for f in EVENT_FAMILIES for r in f.rules)


@dataclass(frozen=True, slots=True)
class BlockRule(_Source):
    """Language that marks a piece as not news (explainer, review, recap...).

    ``strong`` blocks beat an event that comes later in the same title;
    weak ones (SEO prefixes like "release date, cast, news:") never do.
    """

    name: str
    parts: tuple[str, ...]
    strong: bool = True


def _block(name: str, pattern: str, *, strong: bool = True) -> BlockRule:
    return BlockRule(name, tuple(split_sources(pattern)), strong)


# "renewed or cancelled?": an explainer's question, in a title's lead or after its news
_RENEWED_OR_CANCELLED = r"\brenewed or cancell?ed\b|\bcancell?ed or renewed\b"

# Not right after the show's maker, nor its "has", "finally" or "officially": a lookbehind
# each (each of one width)
_MAKER_NOT_BEFORE = "".join(
    rf"(?<!\b{maker} {word})"
    for maker in ("netflix", "network", "streamer")
    for word in ("", "has ", "have ", "finally ", "officially ")
)

# Title blocks.
# A title that opens with an inverted auxiliary asks, with or without its mark. ("will"
# opens names: Will Poulter)
ASKS = (
    r"^(?:[^:?!.]{1,60}: ?)?(?:has|have|did|does|is|are|was|were|could|can|should)"
    r" (?!(?:been|being|not|no|now|out|back|here|set|to)\b)[^.?!]*$"
)

# A title's question that only stirs the reader ("Who's ready for more Virgin River?",
# "Are you prepared for some exciting news?!", "isn't it nice to have official news
# today?", "Do you want the good news or the bad news?"): it asks nothing the article
# answers, so the question block does not hold and the summary tells the news.
HYPE_QUESTION = (
    r"\b(?:who'?s|who is|are you|are y'all|is everyone|everyone|anyone) (?:\w+ ){0,2}?"
    r"(?:ready|prepared|excited|pumped|hyped)\b"
    r"|\b(?:isn't|aren't) (?:it|there|this|that) (?:\w+ ){0,2}?(?:nice|great|good|exciting"
    r"|wonderful|fun|reasons?|a lot|plenty)\b"
    r"|\bdo you want (?:the |some )?(?:good|bad|great) news\b|\bhave you missed\b"
)
BLOCK_RULES: tuple[BlockRule, ...] = (
    _block(
        "explainer",
        r"\beverything (?:else )?(?:we|you) (?:know|need to know)|\beverything to know\b"
        r"|\bwhat we know\b|"
        # pt, es, fr, de, it, nl, sv/no/da
        r"\bo que (?:já |até agora )?(?:se sabe|sabemos)\b"
        r"|\blo que (?:ya )?(?:se sabe|sabemos)\b|\bce que (?:l'on sait|nous savons|on sait)\b"
        r"|\bwas wir (?:bisher |bislang |schon )?wissen\b"
        r"|\b(?:quello|ciò) che (?:già )?sappiamo\b"
        r"|\bwat we weten\b|\ballt vi vet\b|\bhvad vi ved\b|\bvad vi vet\b|"
        # pl "co wiemy o 3. sezonie", id "semua yang perlu diketahui", "sinopsis", a guide to
        # where to watch ("link nonton … sub indo")
        r"\bco (?:już )?wiemy\b"
        r"|\byang (?:perlu )?(?:kamu |anda |kita )?(?:ketahui|diketahui|tahu)\b"
        r"|\bsinopsis\b|\blink nonton\b|\bsub indo\b"
        # id a list: "Sederet drama Korea tayang di bulan September"
        r"|\b(?:sederet|deretan|daftar|rekomendasi) (?:\w+ )?(?:drama|drakor|film|serial|series"
        r"|judul)\b|"
        # ko "결말" (the ending), "해석" (its reading), "총정리" (a round-up), "알아야 할" (to
        # know), "관전 포인트" (what to watch for)
        r"\b결말|\b해석|\b총정리|\b알아야 할|\b관전 포인트|"
        r"\ball (?:you need|we know|we have|you should know)\b|\bhere'?s what\b|\bhere is what\b"
        r"|\bwhat (?:you need )?to know\b|\bwhat to expect\b|\bthings to know\b|\bfaq\b"
        r"|\brelease date (?:estimate|predictions?|speculation|hopes|talk|chatter|window chatter)"
        r"|\b(?:expected|possible|potential|likely|predicted) (?:release|premiere) date\b"
        r"|\bis there (?:a|going to be|any)\b|\bwill there be\b|\bwhen (?:will|is|does|can|could|"
        r"do)\b|\bstatus update\b|\brenewal status\b|\brenew or cancell?ed\b"
        rf"|{_RENEWED_OR_CANCELLED}|\bis it (?:renewed|cancell?ed|coming|happening|returning)\b"
        r"|\bhow to (?:watch|stream)\b|\bwhere to (?:watch|stream)\b|\bwhat time\b|\brelease time\b"
        # it, pt, es, fr guides: "dove vedere", "onde assistir", "dónde ver", "où regarder",
        # "tudo sobre", "tout savoir sur"
        r"|\b(?:dove (?:vedere|guardare)|onde (?:assistir|ver)|d[oó]nde ver|où (?:regarder|voir)"
        r"|come vedere|como assistir|cómo ver|tudo sobre|todo sobre|tout savoir sur"
        # and what to expect: es "qué esperar", pt "o que esperar", it "cosa aspettarsi"
        r"|qué esperar|^que esperar|o que esperar|cosa aspettarsi|à quoi s'attendre)\b"
        # "Here's when the last-ever episode arrives on Netflix": a time to come, no release
        r"|\b(?:here'?s|here is|this is|find out) (?:exactly )?when\b"
        r"|\bout yet\b|\bwhy (?:netflix|hbo|it|they|the show)?\s?(?:cancell?ed|axed|dropped)\b"
        r"|\bwhy [^.?!]{0,60}(?:was|got|get|gets|is|are|were) (?:cancell?ed|axed|missing|renewed"
        # (the wait over, or fans over the moon, is news: "Why the wait is over: … premieres")
        r"|ending|(?<!\bwait is )(?<!\bwait was )over(?! the moon))\b"
        r"|\bwhy there (?:won't|will not|isn't|is no|wasn't) (?:be )?(?:a|another)\b"
        # nl "Waarom Netflix uw favoriete series van de buis heeft gehaald", pl "dlaczego
        # Netflix anulował", id "alasan Netflix batalkan", ko "조기 종영 이유"
        r"|\b(?:waarom|dlaczego|alasan|kenapa|mengapa)\b[^.?!]{0,60}\b(?:van de buis|schrapt"
        r"|geschrapt|annuleert|geannuleerd|anulował\w*|skasował\w*|batalkan|dibatalkan"
        r"|membatalkan)\b|\b(?:취소|종영|캔슬)\w* 이유"
        r"|\bexplained\b|\bwhat (?:a|an|you|every) [^.?!]{0,30}should know\b"
        r"|\bexplainer\b|\bguide to\b|\bbeginner'?s guide\b|\bhow (?:does|did) [^.?!]{0,60}end\b"
        r"|\bwhat happens at the end\b|\bis netflix planning\b|\bwhat the actors say\b"
        r"|\bhow the [^.?!]{0,30}affects\b|\bplanning it\b|\bthe real reasons?\b"
        r"|\bthe reasons? (?:why|behind)\b"
        # looking back: "How Netflix axed...", "the insulting way Netflix cancelled..."
        r"|\bhow (?:netflix|hbo|the network|the streamer|they|it|fox|abc|nbc|cbs) (?:axed"
        r"|cancell?ed"
        r"|killed|dropped|ended)\b|\bway (?:netflix|hbo|the network|the streamer|they|it) (?:axed"
        r"|cancell?ed|killed|dropped|ended)\b"
        r"|\bwhat (?:we|you|fans|viewers) (?:can |could |should )?expect\b",
    ),
    _block(
        "seo-prefix",
        r"\b(?:release|premiere|air) date,? (?:and |& )?(?:cast|plot|trailer|news|spoilers|story)"
        r"|\b(?:cast|plot|news|spoilers|trailer),? (?:and |& )?(?:release|premiere|air) date\b"
        r"|\b(?:news|spoilers|cast news|updates?),? (?:and |& )?(?:spoilers|more|news|updates?)\b"
        r"|\brenewal (?:news|hopes|update|prospects|chances|odds)\b|\bpremiere date hopes\b"
        r"|\bpremiere date,? (?:news|update)\b|\bupdates? (?:and|&) (?:release|premiere) date\b"
        # es/pt/fr/it: "fecha de estreno en Netflix, tráiler", "trama, cast e streaming", "date,
        # intrigues, casting"
        r"|\b(?:fecha de estreno|data de estreia|date de sortie|data di uscita|date|trama"
        r"|intrigues?|reparto|elenco|cast|casting|tráiler|trailer|sinopsis|sinopse)"
        r"(?: (?:en|na|no|sur|su) [\w+]+)?, (?:y |e |et )?(?:tráiler|trailer|reparto|elenco|cast"
        r"|casting|trama|intrigues?|sinopsis|sinopse|actores|atores|acteurs|attori|streaming)\b",
        strong=False,
    ),
    # A title that introduces the show ("X is a coming-of-age comedy based on...") opens an
    # evergreen piece; whatever its summary mentions is background.
    _block(
        "evergreen-lead",
        r"^based on\b|\bis an? (?:[\w'-]+ ){0,4}(?:comedy|drama|dramedy|sitcom|thriller|anthology"
        r"|(?:tv |television |streaming |netflix )?(?:series|show))\b(?: (?:based|about|that|which"
        r"|following|from|created|starring)\b|[.,]|$)",
        strong=False,
    ),
    _block(
        "recap",
        r"\brecap\b|\bepisode \d+ (?:review|recap)|ep(?<=\bep) ?\d+\b|\bpt \d+ ep ?\d+",
    ),
    # The disclaimer that opens a recap or an interview on episodes already out: "This story
    # contains spoilers from season 3, now streaming on Hulu", "Warning: spoilers ahead for
    # season 2" (the release it names is the reader's context, not the news; a bare "Spoiler
    # alert:" is as often a joke's lead-in to real news)
    _block(
        "spoiler-warning",
        r"^(?:warning: )?spoilers ahead for\b"
        r"|\b(?:this|the following) (?:story|article|post|piece|interview|review|recap)"
        r" contains (?:[\w-]+ )?(?:spoilers|details) (?:from|for|of|about)\b",
    ),
    # Episode codes ("s03e05", "3x05") mean a recap or review.  Patterns that no word can
    # gate open on a literal or a character class, which the engine skips ahead on.
    _block("episode-code", r"s\d{1,2} ?e\d{1,2}\b|\d\d?x\d\d\b"),
    _block(
        "review",
        r"(?<!\bstrong )(?<!\brave )(?<!\bgreat )(?<!\bgood )(?<!\bmixed )(?<!\bglowing )"
        r"(?<!\bpositive )"
        # (not a streamer's verb, "Netflix reviews XO, Kitty season 4 plans", nor another
        # title's word, "Peer Review season 2 and XO, Kitty season 4 premiere")
        r"\breview(?:s\b(?:(?<!\bnetflix reviews)(?<!\bstreamer reviews)(?<!\bnetwork reviews)"
        r"|(?! \w))|ed\b|\b(?! season \d{1,2} (?:and|&) (?!\d)))"
        r"|\bfirst impressions?\b|\bverdict\b|\b\d+(?:\.\d)?/10\b"
        r"|\bups (?:&|and) \d+ downs\b|\bkritik\b(?! gefeiert(?:e|en|er|es)?\b)"
        r"|\brecensione\b|\bcritique\b"
        # es/pt "Crítica: …", a label that opens the headline
        r"|^cr[ií]tica ?[:|-]"
        r"|\bcrítica de\b|\brecensie\b|\brecenzja\b|\bulasan\b|\bresensi\b|\brekap\b"
        # ko "리뷰" (review), "후기" (impressions), "리캡" (recap)
        r"|\b리뷰|\b후기|\b리캡|\b(?:is )?even better than\b"
        # da/no, sv, fi, cs, sk, sr/hr, tr; ja "レビュー", "感想" (impressions); fi "arvio"
        # only as a label ("arvio" is an estimate too)
        r"|\b(?:anmeldelse|anmeldelsen|recension|recensionen|arvostelu|recenze|recenzia"
        r"|recenzija|inceleme|incelemesi)\b|^arvio\b|レビュー|感想"
        r"|\bfirst reactions\b|\breactions are in\b|\bat (?:his|her|their|its) (?:absolute )?best\b"
        r"|\bis an? (?:riveting|gripping|thrilling|stunning|brilliant|must-watch|must-see"
        r"|masterpiece|triumph|delight|slog|mess|letdown|disappointment)\b"
        r"|\bis the best (?:\w+ )?(?:show|series|drama|comedy|thing)\b"
        # a first-person lead is an opinion piece: "I feel like sci-fi comedies are rare"
        r"|^i(?:'m|'ve)? (?:feel|think|find|was|am|just|can't|don't|finally|have|love|loved"
        r"|really)\b|^i'm\b|^i've\b",
    ),
    _block(
        "where-filmed",
        r"\bwhere (?:was|is|were|are|do|does)\b[^.?!]{0,60}\b(?:filmed|shot|shoot|take place)\b"
        r"|\bfilming locations?\b|\blocations (?:for|of)\b|\bwhere [^.?!]{0,40}(?:filmed|shot)\b"
        r"|\b(?:filmed|shot) in the locations\b|\bscenic filming\b|\bplaces where\b",
    ),
    _block(
        "cast-guide",
        r"\bcast (?:and|&) (?:character )?guide\b|\bcharacter guide\b|\bmeet the (?:new )?cast\b"
        # (not an aside of a sentence: "Rhys Ifans, who plays Otto Hightower, provided an
        # update", "said their goodbyes to their cast and characters")
        r"|(?<!, )(?<!\()(?<!\bactor )(?<!\bactress )(?<!\bstar )\bwho plays\b"
        r"|(?<!\btheir )(?<!\bhis )(?<!\bher )\bcast and characters\b| - cast$"
        r"|\bwho'?s in the cast\b"
        r"|\bhow to get cast\b|\bcasting (?:calls?|information)\b|\bsubmit to be an extra\b",
    ),
    _block(
        "prospects",
        r"\b(?:things|stories|what) (?:we|i) (?:want|hope|can't wait|cannot wait|need|would love)"
        r"\b|\bwish ?list\b|\bwishes\b|\btheor(?:y|ies)\b|\bpredictions?\b|\bprospects\b"
        # "3 new Disney+ TV shows I can't wait to stream in April"
        r"|\b(?:i|we) can'?t wait to (?:stream|watch|binge|see)\b"
        r"|\bhopes? for\b|\bwhat could\b|\bcould happen\b|\bdeserv(?:e|es|ed) (?:more|better"
        r"|your)\b"
        r"|\bcautiously optimistic\b|\bteases? possibilit"
        # "'The Glory' Season 2 Speculated To Land Netflix In March"
        r"|\b(?:is |are )?speculated to\b",
    ),
    _block(
        "listicle",
        r"(?<!\bseason )(?<!\bseries )(?<!\bpart )(?<!\bvolume )(?<!\bepisode )(?<!\bchannel )"
        r"\d(?<!\d\d)\d? (?:[\w-]+ ){0,2}(?:shows|series|things|times|"
        r"places|hits|movies|films|sequels|dramas|comedies|originals|moments|scenes|details"
        r"|questions|characters|songs|theories|facts|secrets|surprises|takeaways|clues"
        r"|easter eggs)\b(?! regulars?\b)"
        r"|(?:^|\d )(?:the )?best [^.?!]{0,30}?\b(?:shows|series)\b"
        r"(?! (?:on [\w+ ]{1,20} )?(?:just |has |is |was |gets |got ))"
        # "Six most awaited web sequels", "the most binge-worthy shows returning this fall"
        # (not a channel's number: "the hit BBC Three comedy series")
        r"|(?<!\bseason )(?<!\bseries )(?<!\bafter )(?<!\bfor )(?<!\bover )(?<!\bbbc )"
        r"(?<!\brte )(?<!\brté )(?<!\bchannel )"
        r"\b(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|fifteen|twenty) (?:[\w-]+ )"
        r"{0,3}(?:shows|series|sequels|dramas|movies|films|things|reasons)\b(?! regulars?\b)"
        r"|(?<!\bone of )\b(?:the|these) most (?:[\w-]+ ){1,2}(?:shows|sequels|dramas)\b"
        r"|^most (?:[\w-]+ ){1,2}(?:shows|sequels|dramas)\b"
        r"|\b(?:these|the) (?:[\w-]+ ){0,3}(?:tv )?shows\b[^.?!]{0,30}\b(?:cancell?ed|renewed"
        r"|gone|ending|returning)\b"
        r"|\bthese (?:[\w-]+ ){0,3}(?:dramas|series|comedies)\b[^.?!]{0,30}\b(?:cancell?ed"
        r"|renewed|renewals|ending|returning)\b"
        r"|^(?:tv |netflix |hbo )?shows cancell?ed\b"
        r"|\band other (?:[\w-]+ ){0,2}(?:shows|series) (?:that were |that got )?(?:cancell?ed"
        r"|axed|renewed)\b"
        r"|\b(?:tv |television )?(?:shows|series) (?:that|which) (?:won't|will not|aren't|didn't"
        r"|are not) (?:be )?(?:coming back|returning|return)\b"
        r"|\bcancell?ed (?:a handful of|several|multiple|many|a number of|a slew of|dozens of|"
        r"a bunch of|too soon|twice|shows)\b|\bshows (?:that|netflix|which|to|we)\b[^.?!]{0,40}"
        r"\b(?:cancel|renew|axed)|\b(?:list|roundup|round-up) of\b|\ball (?:the )?"
        r"[^.?!]{0,40}?\bshows (?:cancell?ed|renewed|that)\b|\bshows heading into\b"
        r"|\bevery [^.?!]{0,30}?\b(?:show|series) (?:renewed|cancell?ed|ending|returning)\b"
        r"|\bevery (?:cancell?ed|renewed|returning) [^.?!]{0,30}?\b(?:shows?|series)\b"
        r"|\bseries that were\b|\bone-season wonders|\band other (?:tv )?(?:shows|series)\b"
        r"|\bwhat'?s (?:new|coming|arriving|leaving) "
        r"(?:on|to|in)\b|(?<![\w-])curse\b(?! with\b)|\bdefinitive guide"
        r"|\beverything (?:coming|new|arriving|leaving|headed) (?:to|on|in)\b",
    ),
    _block(
        "viewership",
        r"\bmost[- ]watched\b|\btop 10\b|\btop ten\b|\bhours viewed\b|\bviewership\b"
        r"|\bbubble watch\b|\brenew/cancel index\b",
    ),
    _block(
        "feature",
        r"\bbehind the scenes\b|\bset visit\b|\bopens up\b|\bin conversation\b|\btalks? (?:about|"
        r"producing|season)\b|\bday in the life\b|\bwriter'?s room\b(?! (?:open|for))"
        r"|\bsurviving your first\b|\bwhat happens in a\b|\binside (?:the )?writers\b"
        r"|\bprocess\b|\bshowrunner on\b|\bstaff writer\b|\bpicket\b"
        r"|\baddress(?:es|ed)\b[^.?!]{0,30}\b(?:gripes?|complaints?|criticism|backlash"
        r"|concerns?|questions)\b"
        # interviews: "star teases 'darker' season 2", "boss breaks down the finale"
        r"|\b(?:stars?|creators?|co-creators?|showrunners?|boss|bosses|cast|actors?|actress"
        r"|directors?|producers?|writers?|author|eps?) (?:[\w'.-]+ ){0,3}(?:teases?|reflects?"
        r"|discusses|dishes|recalls|remembers|breaks down|details|weighs in|gets candid"
        # ("star says filming on the new season wrapped": the shoot's "on", not an interview's)
        r"|explains|reveals (?:why|how|what|the)|talks?"
        r"|(?<!\bfilming )(?<!\bshooting )(?<!\bproduction )(?<!\bwork )on (?:the|that|why|how"
        r"|what|her|his"
        r"|their))\b"
        r"|^[\w'.-]+ [\w'.-]+ (?:dishes|reflects|recalls|gets candid|weighs in) on\b"
        r"|\b(?:explains|clarifies) (?:why|how|what|the|some)\b|\bthe ending of\b"
        r"|\blooks? back (?:on|at)\b|\bvfx breakdown\b|\bbreakdown video\b",
    ),
    # Old news told again: the writer tells the reader they may know it already ("As many
    # of you may have heard at this point, filming ...", "probably old news by now, but ...")
    _block(
        "retold",
        # (not what they hoped for or asked: "As many of you hoped, XO, Kitty is renewed")
        r"^as (?:many|some|most) of (?:you|our readers)\b(?!(?: [\w'’]+){0,3}? (?:hoped|wished"
        r"|wanted|asked|requested|demanded|begged|predicted|guessed|expected|feared|suspected)\b)"
        r"|^if you (?:are not|aren't|weren't)"
        r" (?:already )?aware\b|\bold news\b",
    ),
    # Someone's reaction to a decision told before: "director on the show's cancellation:",
    # "star reacts to the end of ...", "feels betrayed by the cancellation"
    _block(
        "reaction-to",
        # (the maker reacting is its own news: "Netflix reacts to the fans: renewed", "Netflix
        # has reacted to the outcry and renewed"; and an update or a decision on the renewal)
        rf"{_MAKER_NOT_BEFORE}\breact(?:s|ed|ing)? to\b"
        r"|(?<!\bupdate )(?<!\bdecision )(?<!\bnews )"
        r"\bon (?:the |its |(?:the )?show'?s )(?:cancell?ation|axing|renewal)\b"
        r"|\bfeels? (?:betrayed|robbed|cheated)\b",
    ),
    # A headline that only asks ("Is this the final season?") introduces background.
    # (or asks without its mark: "The Society: Has Netflix Canceled The Series For Season 2")
    _block("question", rf"\?[!\"')\s]*$|{ASKS}", strong=False),
)

# Blocks that hold wherever they stand in a title, even after an event: a list of
# contents ("season 3 trailer, release date and more") is an explainer's headline.
LATE_BLOCK_RULES: tuple[BlockRule, ...] = (
    # "Season 2 is finally here - but is it as good as season 1?" is a review
    _block("review-question", r"\bbut is it (?:as |any )?good\b|\bis it worth (?:watching|it)\b"),
    # A label that ends the headline names the piece: "… premieres January 16: review", it
    # "… - la recensione", fr "…, notre critique", de "… (Kritik)", "… [Review]" (not "… to
    # rave reviews")
    _block(
        "review-label",
        r"(?:[:|,-] ?[(\[]?|[(\[]|^)(?:(?:the|our|full|spoiler-free|la|nostra|notre|unsere"
        r"|nuestra|nossa) )?(?:review|recensione|critique|kritik|rezension|cr[ií]tica|rese[nñ]a"
        r"|resenha|an[aá]lise|recensie|recenzja|ulasan|resensi)[)\]]?$",
    ),
    _block(
        "listicle",
        # (de/fr/es/it/pl "14 beliebte Serien, die...", "10 séries annulées")
        r"(?:^|: )(?:the )?\d{1,2} (?:\w+ ){0,2}(?:shows|series|serien|séries|serie|seriale"
        r"|seriali|seriais|seasons|dramas|k-dramas|sitcoms|comedies)\b|\brenew/cancel\b"
        # a season's tally: "renewals and cancellations for summer 2020", "Renewed and
        # cancelled shows 2024", fr/es/it/pt/de "… de séries" alike (not "renewals and
        # cancellations: NBC renews …"); and a month's arrivals, "November 2023 Disney+ and
        # Hulu new releases"
        r"|\b(?:renewals|cancell?ations) (?:and|&) (?:renewals|cancell?ations) (?:for|of|in|so far)"
        r"\b|\b(?:renewed|cancell?ed) (?:and|&) (?:renewed|cancell?ed) (?:tv )?(?:shows|series)\b"
        r"|\b(?:renouvellements et annulations|renovaciones y cancelaciones"
        r"|rinnovi e cancellazioni|renovações e cancelamentos|verlängerungen und absetzungen)"
        r" (?:de|di|von) (?:séries|series|serie|serien)\b"
        r"|\bnew releases(?:$| (?:this|next) (?:week|month)\b)"
        # "Canceled: One Season Wonders", "cancelled single-season TV shows, part 2"
        # (a list's plural: "another one-season wonder" is the show's own cancellation)
        r"|\bone[- ]season wonders\b|\bsingle[- ]season (?:tv )?(?:shows|series)\b"
        r"|\b(?:these|those) (?:[\w-]+ ){0,3}(?:tv )?shows\b"
        # es/pt/it/fr/de "estas 5 series", "queste 10 serie"
        r"|\b(?:estas|estos|essas|esses|queste|questi|ces|diese) \d{1,2} (?:series|séries|serie"
        r"|serien|shows)\b",
    ),
    # "season 2 premiere date: a May 2025 update" tracks a wait, it announces nothing
    _block(
        "trailer-breakdown",
        r"\b(?:trailer|teaser) (?:breakdown|reaction|analysis|explained|recap|easter eggs|details"
        r"|theories)\b|\bdetails you (?:missed|might have missed)\b",
    ),
    # "Release Date Status, Plotline, And Trailer!": a list of contents
    _block(
        "seo-contents",
        r"\b(?:release date|premiere date|cast|trailer|plot|plotline|news|spoilers|story|status"
        r"|details)\b(?: \w+)?, (?:[\w ]{2,20}, )*(?:and |& )(?:release date|premiere date|cast"
        r"|trailer|plot|plotline|news|spoilers|story|status|details)\b",
    ),
    _block("date-update", r"\b(?:release|premiere) date:? (?:an? )?(?:[\w-]+ ){0,2}update\b"),
    _block(
        "seo-list",
        r"\b(?:release date|premiere date|cast|trailer|plot|news|spoilers|story|episodes?|details)"
        r"(?:, [\w' ]{2,25}){0,3},? (?:and|&) more\b"
        r"|\bupdates? (?:and|&) (?:release|premiere) date\b"
        # "release date, cast, plot and trailer": three or more of the guide's usual headings
        # ("…, storyline, trailer release, and everything you need to know")
        r"|\b(?:release date|premiere date|cast|plot|trailers?(?: release)?|news|spoilers|episodes?"
        r"|story|storyline)"
        r"(?: (?:of|for) [\w' -]{2,30})?(?:,? (?:release date|premiere date|cast|plot|trailers?"
        r"(?: release)?|news|spoilers|episodes?|story|storyline|filming)){1,4},? (?:and|&)"
        r" (?:release date|premiere date"
        r"|cast|plot|trailers?|news"
        r"|spoilers|episodes?|story|everything (?:else )?(?:we|you))\b",
    ),
    # "The Order season 3: renewed or cancelled?" asks, it does not tell
    _block("renewed-or-cancelled", _RENEWED_OR_CANCELLED),
    # "Lucifer Fans Rejoice After Star Joins New Netflix Series": the star's next project,
    # whatever the summary says of its cast
    _block(
        "other-project",
        r"\b(?:joins?|joined|joining|boards?|boarded) (?:the cast of )?(?:a |an )?new"
        r" (?:[\w+]+ ){0,2}(?:series|show|film|movie|project|drama|comedy|thriller)\b"
        # (not the show's own cast, its name after: "joins new Netflix series XO, Kitty",
        # the name blanked as "_")
        r"(?! _| (?:called|titled|named)\b)",
    ),
    # "Fans react to the season 2 trailer": the reaction is the story
    _block(
        "reaction",
        r"^(?:[\w' ]{0,30} )?(?:fans|viewers|the internet|twitter|social media) (?:react|reacts"
        r"|reacted|are reacting|lose it|go wild|melt down|freak out)\b",
    ),
    # "'Wednesday' Debuts With Nielsen's 2nd Biggest Streaming Week Ever": the audience is
    # the story, not the release; last, as it holds over a release only (``classify``: "after a
    # record streaming week, Netflix renews X" is a renewal)
    _block(
        "viewing-record",
        r"\b(?:biggest|largest|best|record|top) (?:\w+ )?streaming (?:weeks?|weekends?|debuts?"
        r"|premieres?)\b|\b(?:biggest|largest) week (?:ever|of all time)\b",
    ),
)
# A headline for a release that also reviews it is a review.
REVIEW_BLOCK = next(rule for rule in BLOCK_RULES if rule.name == "review")

# Summary blocks: only the unambiguous framing cues.
SUMMARY_BLOCK_RULES: tuple[BlockRule, ...] = (
    _block(
        "explainer",
        r"\beverything (?:else )?(?:we|you) (?:know|need to know)|\bwhat we know\b"
        r"|\beverything known\b|\bo que (?:se sabe|sabemos)\b|\blo que (?:se sabe|sabemos)\b"
        r"|\bce que (?:l'on sait|nous savons|on sait)\b|\bwas wir wissen\b"
        # de "was zu Start, Besetzung und Handlung bekannt ist"
        r"|\bwas (?:bisher |schon )?(?:zu|über)\b[^.?!]{0,60}\bbekannt ist\b"
        r"|\b(?:quello|ciò) che sappiamo\b|\bwat we weten\b"
        r"|\ball (?:you need|we know) to know\b|\ball you need to know\b|\bhere'?s what we\b"
        r"|\bwhat to know\b|\brelease date (?:estimate|predictions?|hopes|guess\w*|and more)"
        r"|\ball the (?:information|info|details|news) (?:we have|so far|about)\b"
        r"|\beverything (?:revealed|confirmed|announced) so far\b"
        r"|\brelease date, (?:cast|plot)\b|\bhow to watch\b|\bwhere to watch\b"
        # the viewer's guide in other words: "How to stream the premiere", "here's how to
        # catch up", "here's how you can do so online or on TV"
        r"|\bhow to (?:stream|catch up)\b|\bhere'?s how (?:you can )?(?:watch|stream|tune in"
        r"|do so)\b",
    ),
    # Questions and caveats: an explainer only when the title says nothing itself.
    _block(
        "explainer-question",
        r"\bno (?:official )?(?:release|premiere) date (?:has (?:yet )?been|yet|for)\b"
        r"|\bwill there be\b|\b(?:already|yet) out\b|\bcontains spoilers\b|\bspoilers? ahead\b"
        r"|\bwhen (?:will|is|does)\b|\bis there a\b|\bthe blog (?:wonders|speculates|weighs"
        r"|reads)\b"
        r"|(?<!\bmonths of )(?<!\bweeks of )\bspeculat(?:es|ion)\b|\bwhy the show was\b"
        r"|\bwhy [^.]{0,60}(?:get|gets"
        r"|are) (?:cancell?ed|axed)\b"
        r"|\bwhat'?s (?:new|coming|arriving|leaving)\b|\bshould know\b|\bthe reasons behind\b"
        r"|\bwhy [^.]{0,30}"
        r"(?:hasn't|has not) announced\b",
        strong=False,
    ),
    _block("ending-explained", r"\bending explained\b|\bbreakdown of (?:the|how)\b"),
    _block(
        "recap",
        r"\brecap (?:of|and)\b|\bplot summary\b|\bwalks through an episode\b",
    ),
    _block(
        "review",
        # ("described in our review as …" quotes an earlier review: the piece is not one)
        r"(?<!\bin )(?<!\bfrom )\bour (?:full |spoiler-free )?review\b|\breview of\b"
        r"|\bthe reviewer\b"
        r"|\bcritic gives\b"
        r"|\bgives (?:the )?(?:second|first|third|new) season \d+/10\b|\ba review\b|\breview:"
        r"|\bthe critic\b|\b\d(?:\.\d)?/(?:5|10)\b",
    ),
    _block(
        "where-filmed",
        r"\bwhere (?:was|is|were|are)\b[^.?!]{0,60}\b(?:filmed|shot)\b",
    ),
    _block(
        "feature",
        r"\binterviewing the cast\b|\bset visit\b|\bin (?:a|an) (?:new )?interview\b[^.]{0,40}"
        r"\b(?:talks|discusses|reflects)\b|\bcast guide\b|\bnew faces (?:you'?ll|viewers)\b",
    ),
)

# Certainty cues, searched in the event's sentence (rumour) or the whole text (confirmation).
# Each is kept as its source, as ``CONFIRMED`` is: the classifier runs its pieces.
RUMOUR = (
    r"\brumou?r(?:s|ed)?\b|\breportedly\b|\breported to\b|\bis said to\b|\bsaid to be\b"
    r"|\ballegedly\b|\bleak(?:s|ed|er)?\b|\binsiders?\b|\bsources? (?:say|said|tell|told|claim)"
    r"|\b(?:could|might)\b|\bmay (?:now |already |soon )?(?:be|have)\b(?! (?:excited|happy|thrilled"
    r"|surprised|glad|pleased))|\btentative(?:ly)?\b|\bpotential\b"
    # the verb, not the month, before a release word: "may arrive in 2027" (not "a May
    # return", "eyes May return", "early May premiere", "May premiere date")
    # (nor "gets May premiere", "set for May return", "May premiere confirmed")
    r"|(?<!\ba )(?<!\bthe )(?<!\beyes )(?<!\bin )(?<!\bearly )(?<!\blate )(?<!\bmid-)"
    r"(?<!\bgets )(?<!\bget )(?<!\bfor )(?<!\bits )(?<!\bsets )(?<!\bconfirms )"
    r"(?<!\bannounces )(?<!\breveals )"
    r"\bmay (?:now |still |soon |finally )?(?:arrive|premiere|debut|return|land|drop|launch"
    r"|come out|hit)\b(?! (?:date|dates|window|target|slot|day|night|confirmed|announced"
    r"|revealed|set|locked)\b)"
    r"|\bpossibl[ey]\b|\blisting\b|\bsuggest(?:s|ing|ed)?\b|\bteased\b"
    r"|\bpermits?\b|\bcasting call\b|\bextras\b|\bhoping\b|\bhopes? to\b"
    # (a window moved, as the trade press tells it, is no hedge: "now expected to arrive in
    # early 2027"; "now expected to renew" and "is expected to arrive in 2027" are)
    r"|(?<!\bnow )\bexpected to\b|\bnow expected to\b(?! (?:arrive|premiere|debut|release"
    rf"|return|launch|land|drop|come out|be released|be out)(?: [\w'-]+){{0,3}}? (?:in|for) "
    rf"{_WINDOW})"
    r"|\bin talks\b|\bspeculat\w*|\bunconfirmed\b|\bnot (?:yet )?(?:been )?(?:officially )?"
    r"(?:confirmed|announced)\b|\b(?:yet to|has yet to|have yet to|hasn't|has not) "
    r"(?:officially )?(?:confirm|announc)\w*"
    # the other languages' hedges and their conditionals of hearsay: de "Gerüchten zufolge",
    # "soll bereits", es "estaría grabando", fr "aurait commencé", it "sarebbero iniziate",
    # pt "terão arrancado", nl "zouden", sv "enligt uppgift", no "kan ha", pl "podobno"
    r"|\bsoll(?:en)?\b[^.?!]{0,40}\b(?:bereits|schon)\b"
    # (de "laut Netflix-Insidern": the dative plural of en "insiders")
    r"|\b(?:gerücht\w*|angeblich|geleakte?\w*|möglicherweise|insidern|insiderinnen"
    r"|rumores?|se rumorea|podría|podrían|estaría|estarían|supuestamente|al parecer"
    r"|filtrad[ao]s?|rumeurs?|pourrai(?:t|ent)|aurai(?:t|ent)|serai(?:t|ent)|fuites?"
    r"|indiscrezion[ei]|potrebbe(?:ro)?|sarebbe(?:ro)?|rubate|trapelat[ei]|poderá|poderia"
    r"|poderiam|estaria|estariam|terão|vazad[ao]s|geruchte?n?|zouden|mogelijk|gelekte?"
    r"|naar verluidt|rykte[rt]?|ryktas|enligt uppgift|efter sigende|lekkede?|läckta|kan ha"
    r"|podobno|plotk\w+|nieoficjaln\w+|mogły|wyciekły|rzekomo|zou"
    # id "dikabarkan", "kabarnya", "isu", "bocoran", "diduga", "kemungkinan"
    r"|dikabarkan|kabarnya|isu|bocoran|diduga|kemungkinan)\b"
    # ko "루머" (rumour), "소문", "전망" (expected), "관측", "가능성" (a chance), "유력" (likely),
    # and "설" glued to what is rumoured ("확정설", talk of a renewal; "취소설")
    r"|\b(?:루머|소문|전망|관측|가능성|유력|(?:확정|취소|제작|종영|캔슬|무산|연기|공개)설)"
)
# The other languages' "apparently", "probably" after a network's verb: a hedge on its word
# ("Netflix verlängert XO, Kitty wohl"), as en "Netflix apparently renews" is no confirmation.
_HEDGE_LANG = (
    r"(?:wohl|offenbar|anscheinend|vermutlich|offensichtlich|apparemment|visiblement"
    r"|probablement|sembra|sembrano|a quanto pare|probabilmente|aparentemente|probablemente"
    r"|provavelmente)"
)
# The confirmation cue, kept as its source: the classifier runs its pieces
# (``classify_tables``), so the whole compiled at import would stay resident for nothing
# (52 KB with the other languages' words).
CONFIRMED = (
    # (the other languages' words join the English pieces they mean, as alternatives inside
    # them: a text pays for one search where it would otherwise pay for two, "confirms" and
    # "confirma" waking the same piece)
    rf"\b{NETWORK} (?:(?:has|have|hat|ha|han|hanno|a|ont|tem) )?(?:officially |just |finally "
    r"|offiziell |oficialmente |ufficialmente |officiellement )?(?:(?:announced|announces|"
    r"confirmed|confirms|revealed|reveals|shared|shares|released|releases|dropped|drops|posted|"
    r"unveiled|unveils|ordered|orders|renewed|renews|cancels|cancell?ed|sets|set|green-?lit|"
    r"green-?lights|picked up|tweeted|made the announcement|took to|dropped|debuts|debuted|"
    # the network saying so is its confirmation, as "Netflix confirms" is ("Netflix says
    # season 4 has begun filming", "..., Netflix said"), but not "Netflix has said nothing"
    r"said|says)\b(?! nothing\b)"
    # the same verbs in the other languages, present, past or perfect (de "Netflix
    # verlängert", es "renueva", "confirmó", it "rinnova", "ha confermato", fr "renouvelle",
    # "a annoncé", pt "renova", "confirmou"), not its hearsay ("soll … verlängern", "podría
    # renovar", "avrebbe rinnovato" never stand right after it) nor a hedge after it
    # ("verlängert XO, Kitty wohl", as en "Netflix apparently renews" is none)
    r"|(?:verlängert|verlängerte|bestätigt|bestätigte|enthüllt|verkündet|verkündete|bestellt"
    r"|bestellte|nennt|nannte|abgesetzt|angekündigt|bekanntgegeben|renueva|renovó|renovado"
    r"|confirma|confirmó|confirmado|cancela|canceló|cancelado|anuncia|anunció|anunciado|revela"
    r"|reveló|revelado|desvela|desveló|desvelado|oficializa|oficializó|oficializado|fija|fijó"
    r"|fijado|rinnova|rinnovato|conferma|confermato|cancella|cancellato|annuncia|annunciato"
    r"|svela|svelato|rivela|rivelato|ufficializza|ufficializzato|fissa|fissato|renouvelle"
    r"|renouvelé|confirme|confirmé|annule|annulé|annonce|annoncé|dévoile|dévoilé|révèle|révélé"
    r"|officialise|officialisé|commande|commandé|fixe|fixé|renova|renovou|confirmou|cancelou"
    r"|anunciou|revelou|divulga|divulgou|oficializou)\b"
    # (nor de "verlängert XO, Kitty nicht", which en "does not renew" is not either)
    rf"(?![^.?!]{{0,40}}\b{_HEDGE_LANG}\b)(?![^.?!:;,]{{0,40}}\bnicht\b)"
    # de, the verb's other half or its participle after the object: "Netflix setzt XO, Kitty
    # ab", "kündigt Staffel 3 an", "gibt … bekannt", "hat XO, Kitty verlängert"
    # (nor a hedge inside: "hat XO, Kitty wohl verlängert")
    r"|(?:setzt|setzte|kündigt|kündigte|gibt|gab|hat) "
    rf"(?:(?!\b(?:nicht|kein\w*|{_HEDGE_LANG})\b)[^.?!:]){{1,50}}?"
    r" (?:ab|an|bekannt|verlängert|bestätigt|abgesetzt|angekündigt|bekanntgegeben"
    r"|bekannt gegeben|bestellt|enthüllt)(?=\s*(?:[.,;:!?–-]|$))"
    rf"(?![^.?!]{{0,40}}\b{_HEDGE_LANG}\b))"
    # and said after the news, inverted ("..., said the streamer"; after a comma or a quote
    # only: in "the star confirmed Netflix renewed it" the word is the star's)
    rf"|(?<=[,\"”’'] )(?:said|says|announced|confirmed) {NETWORK}\b"
    # and in the passive, the network as the agent ("season 4 confirmed by Netflix")
    r"|\b(?:confirmed|announced|renewed|ordered|revealed|unveiled|cancell?ed|picked up"
    rf"|green-?lit) by {NETWORK}\b"
    # (not its people's word: "confirmed by Netflix sources")
    r"(?!(?:'s)? (?:sources?|insiders?)\b)"
    # the other languages' passive: es "confirmada por Netflix", it "confermata da Netflix",
    # fr "confirmée par Netflix", pt "renovada pela Netflix", de "von Netflix bestätigt" (not
    # "von Netflix-Insidern")
    r"|\b(?:(?:confirmad|renovad|cancelad|anunciad|revelad|oficializad)[ao]s? (?:oficialmente )?"
    r"(?:por|pela|pelo)|(?:confermat|rinnovat|cancellat|annunciat|svelat|ufficializzat)[aoie]"
    r" (?:ufficialmente )?(?:da|dalla)|(?:confirmé|renouvelé|annulé|annoncé|dévoilé"
    rf"|officialisé)e?s? (?:officiellement )?par) {NETWORK}\b(?!-)"
    rf"|\bvon {NETWORK} (?:offiziell )?(?:bestätigt|verlängert|abgesetzt|angekündigt|bestellt"
    r"|bekanntgegeben)\b"
    # "officially", and es/pt "oficialmente", it "ufficialmente"; "es oficial", "è
    # ufficiale", "c'est officiel", a headline's "Oficial:", "Ufficiale:"
    r"|\bofficially\b|(?:\b(?:oficialmente|ufficialmente)\b|\b(?:es|é|è|ya es|já é|ora è|est) "
    r"(?:ahora |agora )?(?:oficial|ufficiale|officiel)\b|\bc'est officiel\b"
    # (fr "Officiel :" would wake the piece for every English "official")
    r"|^(?:oficial|ufficiale) ?[:!])"
    # the official account or word ("anuncio oficial", "trailer ufficiale", "annonce
    # officielle", "offizielle Bestätigung")
    r"|\b(?:official (?:instagram|twitter|x|account|announcement|statement|trailer|"
    r"teaser|synopsis|page|youtube|blog)|(?:anuncio|anúncio|comunicado|confirmación"
    r"|confirmação|tráiler|trailer|teaser|sinopsis|sinopse|cuenta|conta|perfil|annuncio"
    r"|conferma|sinossi|profilo|annonce|communiqué|confirmation|bande-annonce|compte) "
    r"(?:oficial|ufficiale|officiel|officielle)|offizielle[nrs]? (?:bestätigung|ankündigung"
    r"|trailer|teaser|statement|mitteilung|pressemitteilung|account|instagram))\b"
    # the makers' word (de "Showrunnerin … bestätigt", es "la creadora confirma", it "il
    # creatore conferma", fr "la créatrice confirme", pt "a criadora revela")
    r"|\b(?:(?:creators?|co-creators?|showrunners?|"
    r"co-showrunners?|executive producers?|creator and showrunner|author|director|writers?) "
    r"(?:\w+ ){0,3}(?:announced|confirmed|revealed|posted|shared|wrote|tweeted|said|says|"
    r"broke the news)|(?:showrunner(?:in|s)?|schöpfer(?:in)?|creador[ae]s?|creat(?:ore|rice"
    r"|ori)|créat(?:eur|rice)s?|criador[ae]s?) (?:\w+ ){0,3}(?:bestätigt|verkündet|verrät"
    r"|confirma|confirmó|confirmou|anuncia|anunció|anunciou|revela|reveló|revelou|conferma"
    r"|annuncia|rivela|svela|confirme|annonce|révèle|dévoile))\b"
    r"|\bpress release\b|\btudum\b|\bin a (?:joint )?statement\b"
    # and their statement: es "en un comunicado", pt "em comunicado", fr "dans un
    # communiqué", de "in einer Pressemitteilung"
    r"|\b(?:en un comunicado|em (?:um )?comunicado|dans un communiqué|in einer (?:presse)?"
    r"mitteilung|comunicado de prensa|communiqué de presse)\b"
    r"|\bannounced (?:on|via|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:has|had|have|was|been) (?:officially )?(?:announced|confirmed) that\b"
    r"|\b(?:on|via) (?:instagram|twitter|x)\b|\bcomunicato\b|\bofficiellement\b|\boffiziell\b"
)
# A wrap of one place or one part of the shoot, the rest still to come: "wraps location
# shoots, one more month of filming remaining", "wraps filming in Vancouver as production
# moves down to New Orleans", "more shooting is planned in South Africa".
PARTIAL_WRAP = (
    r"\b(?:wrap(?:s|ped)?|finish(?:es|ed)?|complet(?:es|ed)) (?:its |the )?location (?:shoots?"
    r"|filming|shooting)\b|\blocation (?:shoots?|filming|shooting)\b[^.?!]{0,40}\b(?:wrapped"
    r"|wraps|is done|are done|complete[sd]?|finished)\b"
    # (not its next stage: "production moves on to the editing phase")
    r"|\bproduction (?:then )?moves? (?:down |on |over )?to (?!(?:the )?(?:post\b|post-|edit))"
    r"|\bmov(?:es|ing) production to (?!(?:the )?(?:post\b|post-|edit))"
    r"|\b(?:more|further) (?:filming|shooting) (?:is |are )?(?:planned|scheduled|to come)\b"
    r"|\b(?:days?|weeks?|months?) of (?:filming|shooting) (?:remaining|left|to go)\b"
    r"|\brest of the (?:season|series) (?:shoots|films|will be (?:shot|filmed))\b"
)
# A shoot well under way, its start old news: "has been underway for a few weeks now", "as
# production enters its third week", "inching towards its halfway production point".
SHOOT_PROGRESS = (
    # (not its length ahead: "the cast will be filming for five months in Seoul")
    r"(?<!\bbe )\b(?:underway|under way|in production|filming|shooting|in full swing) (?:now )?for "
    r"(?:a few|several|some|many|two|three|four|five|six|\d+) (?:weeks|months)\b"
    r"|\b(?:production|filming|shooting|the shoot)\b[^.?!]{0,40}\b(?:enters|entered|entering"
    r"|into) (?:its|their|the) (?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:week"
    r"|month)\b"
    r"|\bhalfway (?:production (?:point|mark)|(?:point|mark) (?:of|in) (?:filming|shooting"
    r"|production)|through (?:filming|shooting|production))\b"
)
NEGATED_OFFICIAL = (
    r"\b(?:not|\w+n't|yet to|has yet to|have yet to|no)\b[^.?!]{0,25}\b(?:officially|official|"
    r"confirm\w*|announc\w*)\b|\b" + NETWORK + r" (?:has not|hasn't|have not|haven't|won't|did not"
    r"|didn't) (?:yet )?(?:officially )?(?:confirmed|announced|renewed|commented)"
    # de "Offiziell bestätigt hat Netflix den Drehstart bislang nicht", "noch nicht bestätigt";
    # it "non ha confermato", es "no lo ha confirmado", fr "n'a pas confirmé", nl "bevestigt
    # dat nog niet", pl "tego nie potwierdził"
    r"|\bbestätigt\b[^.?!]{0,40}\bnicht\b|\bnicht (?:offiziell )?bestätigt\b"
    rf"|\b(?:{NOT_LANG}|no)\b[^.?!]{{0,20}}\b(?:confermat\w*|confirmad[ao]"
    r"|confirmé\w*|confirmou|confirma|bevestig\w*|bekräft\w*|bekreft\w*|potwierdz\w*"
    r"|ufficial\w*|oficial\w*|officiel\w*)\b|\bbevestigt dat (?:nog )?niet\b"
)
TRADE = (
    r"\b(?:deadline|variety|the hollywood reporter|thr|tvline|the wrap|thewrap|indiewire|"
    r"entertainment weekly|collider|screen rant|what's on netflix)\b|\bexclusive\b"
    r"|\baccording to\b|\breports?\b|\bhas learned\b"
)

# every wording of a planned start ("set to begin filming", "is to go into production");
# not "will film back-to-back", which tells how seasons are shot, not when the shoot starts
# ("Season 4 has begun filming; seasons 4 and 5 will film back-to-back" is no plan)
FILMING_FUTURE = tuple(
    r for r in FILMING_FAMILY.rules if r.future and r.name != "filming-back-to-back"
)
FILMING_NOW = next(r for r in FILMING_FAMILY.rules if r.name == "filming-started")

# A time well before the article ("a few weeks ago"; "two days ago" is still news).
LONG_AGO = r"(?:weeks|months|years|some time|a while) ago"
# "Last year" and its kin in the other languages.
LAST_YEAR_LANG = (
    r"(?:l'an (?:dernier|passé)|l'année dernière|lo scorso anno|l'anno scorso|el año pasado"
    r"|no ano passado|vorig jaar|letztes jahr|im vergangenen \w+|vergangenes jahr"
    r"|w zeszłym roku|w ubiegłym roku|i fjol|sidste år|i fjor)"
)
# Where one clause of a sentence ends and the next begins.
CLAUSE_BREAK = r", (?:and|but|while|whereas) |; "
# Cues that a summary event is a passing mention of something that happened earlier.
PASSING = re.compile(
    # ("already" after "is/are" is the present: "the writers are already deep in season 5")
    # ("Narcos already renewed for a second season" is a headline's early renewal)
    # ("have already started working on the script" is early work, news)
    r"(?<!\bis )(?<!\bare )(?<!'re )(?<!'s )\b(?:already(?! (?:renewed|greenlit|green-lit"
    r"|picked up|decided to|(?:started|begun) (?:working|writing|work|filming|shooting))\b)(?! $)"
    # ("back in the studio doing some post-production work" is a place, not a time, and
    # "back-to-back in March" a way of filming)
    r"|previously|originally|(?<!-)back in (?!the (?:studio|room|chair|saddle|writers)\b)"
    r"|last year"
    r"|having"
    r"|earlier this year"
    r"|had been|had "
    r"already|after being|despite being|despite|since being|was renewed in|were renewed in|"
    # ("have a long wait ahead of them" is a wait still to come: the delay is the news)
    r"had renewed|ever since|in the past|past (?:delays|strike)|long wait(?! ahead\b)|although"
    r"|even though|"
    r"last (?:summer|spring|fall|autumn|winter|month)|now that|long-announced|previously "
    r"announced|already announced|as previously reported|(?:if|in case) you missed"
    # (it "è già al lavoro", fr "est déjà en tournage": the present, as "is already" is)
    # (but "è già stata rinnovata" is the perfect, "has already been renewed")
    r"|(?<!\bè )(?<!\bsono )(?<!\bessere )già|già(?= stat[aoie]\b)"
    r"|(?<!\best )(?<!\bsont )(?<!\bêtre )déjà"
    # ("a few weeks ago, Netflix cancelled", but not "season 3 premiered months ago, but
    # season 4 has begun": the next clause is new)
    rf"|{LONG_AGO}(?![^.?!;]*(?:{CLAUSE_BREAK}))"
    # (de "hat bereits begonnen" is the present perfect: "has already begun")
    r"|(?<!\bhat )(?<!\bhaben )(?<!\bist )(?<!\bsind )bereits)\b"
)


@dataclass(frozen=True, slots=True)
class ContextRule:
    """Words before an event, in its sentence, that cancel it; ``classify`` decides for
    which milestones each kind counts.  Most end with ``$``: they are searched in a window
    that ends where the event starts."""

    kind: str
    pattern: re.Pattern[str]


CONTEXT_RULES: tuple[ContextRule, ...] = (
    # "had already been renewed", "despite being cancelled", "although filming has wrapped",
    # "green-lit before season 1 premiered", "when NBC cancelled it in June, ..."
    ContextRule(
        "passing",
        # a relative clause is background: "Harbor Lights, which was renewed in 2024, now
        # has a premiere date"; so is "since the strikes delayed production"
        re.compile(
            # ("they have since revealed" is "since then": what follows is the news)
            rf"{PASSING.pattern}|\b(?:before|when|(?<!\bhave )(?<!\bhas )since)\b[^.?!,;]{{0,40}}$"
            r"|(?:^|, )given\b[^.?!,;]{0,25}$"
            # (a clause that carries news, "which starts filming in August", does not count)
            r"|, (?:which|who) (?:[\w']+ ){0,3}(?:was|were|been|had|has|have|already|previously"
            r"|originally|first)\b[^.?!,;]{0,25}$"
            rf"|, which {NETWORK} $|, who $|\bwhose\b[^.?!,;]{{0,40}}$"
            # "With Lost in Space season 3 now streaming, I spoke with...", "(which premieres
            # on Friday, August 23)": an opening "with" clause and an aside set the scene
            r"|(?:(?<=^)|(?<=[.!?] ))with\b[^.?!,;]{0,60}$|\((?:which|that|who)\b[^()]{0,30}$"
            # an aside told of the subject: "(it was just renewed for a second season)"
            r"|\((?:it|the (?:show|series)) (?:was|has been|is) (?:just |recently |already )?$"
            # the same in the other languages: a relative clause ("deren Serie im März
            # verlängert wurde", "cuyo rodaje terminó"), a time long past ("vorig jaar", "l'an
            # dernier"), and "after" right before the event ("dopo il rinnovo")
            r"|\b(?:deren|dessen|wier|waarvan|cuy[oa]s?|cuj[oa]s?|il cui|la cui|i cui|le cui"
            r"|dont|któr(?:y|a|ego|ej|ych))\b"
            # (one that tells what will be is news: "dont la saison 2 sera diffusée en mars")
            r"(?:(?!\b(?:será|sarà|sera|wird|zal|będzie)\b)[^.?!,;]){0,40}$"
            rf"|\b{LAST_YEAR_LANG}\b[^.?!,;]{{0,30}}$"
            r"|\b(?:(?:después de|tras|dopo|depois d[ao]|após|après)(?: (?:su|la|el|il|lo|sua"
            r"|seu|a|o|le|son|sa))?|dal|dalla|nach (?:der|dem)|na (?:de|het)|po) $"
        ),
    ),
    # "Fox debates renewing", "fans hope it could be renewed"
    ContextRule(
        "undecided",
        re.compile(
            r"\b(?:debat\w*|consider\w*|mull\w*|weigh\w*|deciding|decide|could|might|may"
            r"|would|likely|possible|potential(?:ly)?|chances?|hop\w*|wants?|wanting|should"
            r"|expect\w*"
            r"|await\w*|wait\w*|deserv\w*|campaign\w*|petition\w*|verge|brink)\b[^.?!,;]{0,15}$"
            # an aim or a plea, not a decision: "fans are scrambling to get the series
            # renewed", "7 reasons to renew it", "urges Netflix to cancel it"
            # (not the news got: "thrilled to get word that it was renewed")
            r"|\bto get (?!(?:the |this |that |some )?(?:news|word|confirmation|update|answer)\b)"
            r"[^.?!,;\s][^.?!,;]{0,40}$"
            r"|\b(?:reasons?|together|urg\w*|beg\w*|plead\w*|implor\w*|asks?|asking|calls? on"
            r"|calling on|fight\w*|push\w*|trying|tries|try|campaign\w*|petition\w*|efforts?)\b"
            r"[^.?!,;]{0,30}\bto (?:see [^.?!,;]{1,40})?$"
            r"|\b(?:if|whether|unless)\b[^.?!,;]{0,40}$"
            # the writer's own guess or a chance: "we're sure the comedy will be renewed", "I
            # think it gets cancelled", "there is a good chance the series will be renewed"
            r"|\b(?:we're|i'm|we are|i am) (?:pretty |quite |fairly )?(?:sure|confident|certain)\b"
            r"[^.?!,;]{0,40}$"
            r"|\b(?:i|we) (?:think|believe|bet|expect|predict|guess)\b[^.?!,;]{0,40}$"
            r"|\b(?:good|high|strong|slim|decent|real|fair) chances?\b[^.?!,;]{0,40}$"
            # de a plea or a plan, its infinitive clause after a comma: "Fans fordern Netflix
            # auf, X um eine dritte Staffel zu verlängern", "Netflix plant nicht, X ..."
            r"|\b(?:fordern|fordert|bitten|bittet|appellieren|plant nicht|planen nicht)\b"
            r"[^.?!;]{0,60}$"
            # a wait or a wish in the other languages: de "Die Fans warten auf grünes Licht für
            # eine vierte Staffel", "hoffen auf", es "esperan", pt "esperam", fr "attendent",
            # "espèrent", it "aspettano", "sperano"
            # (the verbs, not the nouns: "Das Warten hat ein Ende", "a espera acabou")
            r"|\b(?:(?:warten|wartet|hoffen|hofft) auf|esperan|esperam|aguardan|aguardam|attendent"
            r"|attend|espèrent|espère|aspettano|aspetta|attendono|sperano|spera)\b[^.?!,;]{0,15}$"
        ),
    ),
    # "as the cast prepare to wrap up filming" has not happened yet
    ContextRule(
        "planned",
        re.compile(
            r"\b(?:prepare|prepares|preparing|about|expected|going|will|would|hope|hopes"
            r"|hoping|plan|plans|ready|soon|wants?|almost|nearly|close to)(?: to)?"
            # "will reportedly wrap shooting in October"
            r"(?: (?:reportedly|likely|probably|apparently))?\s*$"
        ),
    ),
    # "is set to film in May" is ahead, but "is set to return for a second series" is the
    # renewal itself: ``classify`` lets this kind pass renewals
    # (and "is scheduled to finish filming by October 6th", "on track to wrap up shooting")
    ContextRule("scheduled", re.compile(r"\b(?:set|due|scheduled|slated|on track)(?: to)?\s*$")),
    # "no release date yet", "hasn't been renewed"
    ContextRule(
        "negation",
        re.compile(
            r"\b(?:no|not|never|yet to|without|nor|hasn't|haven't|isn't|aren't|wasn't"
            r"|doesn't|don't|didn't|won't"
            # other languages: pt/es/it/fr/de/nl/pl, "without" among them
            r"|não|nem|nunca|jamais|non|ne|pas|nicht|kein\w*|niet|geen|nie|sem|sin|senza|sans"
            r"|ohne|zonder|bez)\b[^.?!,;]{0,12}$"
            # the other languages put more before the verb: it "non è ancora stata", pt "ainda
            # não foi", no "er ennå ikke", de "ist noch nicht"
            rf"|\b(?:{NOT_LANG}|{NONE_LANG})\b(?: [\w']+){{0,3}} $|{NOT_TAK}$"
            r"|\b(?:hasn't|has not|haven't|have not|isn't|is not) (?:yet )?been (?:officially "
            r"|formally )?$"
        ),
    ),
    # a rumour denied is no news: "Netflix denies Harbor Lights has been cancelled", es
    # "desmiente que la serie vaya a ser cancelada", nl "ontkent geruchten"
    ContextRule(
        "denied",
        re.compile(
            r"\b(?:den(?:y|ies|ied|ying)|debunk\w*|(?:shuts?|shoots?) down (?:the )?(?:rumou?rs?"
            r"|reports?)"
            r"|desmiente\w*|desmient[ae]n|desmente\w*|smentisc\w*|dément\w*|dementier\w*"
            r"|ontken\w*|dementuj\w*|dementi\w*)\b[^.?!;]{0,60}$"
        ),
    ),
    # "no evidence yet that cameras are rolling", "shows are typically released at midnight"
    ContextRule(
        "unconfirmed",
        re.compile(
            r"\b(?:no|without|little) (?:set |firm |official |start )?(?:evidence|sign|signs"
            r"|word|confirmation|date|timeline|schedule)\b|\b(?:typically|usually|generally"
            r"|normally|often|always)\b"
            # not knowing when: "we don't know when season 4 is coming", "Netflix hasn't
            # said when …" (no renewal, no date)
            r"|\b(?:don't|do not|doesn't|does not|hasn't|has not|haven't|have not|yet to)"
            r" (?:yet )?(?:know|said|say|announced|revealed|confirmed) when\b"
            # (not past a clause of its own: "… when, but season 4 is happening")
            r"(?![^.]*?(?:\bbut\b|;| - ))"
        ),
    ),
)


# A denial of a milestone's rumour or report, read when it is the news ("Netflix denies
# XO, Kitty season 3 filming reports", "star shuts down cancellation rumours", "season 3
# filming rumours are false"). A denial told as a clause, "denies reports that season 3 has
# wrapped", is an event rule's hit in the "denied" context above.
_DENY = (
    r"(?:den(?:y|ies|ied|ying)|debunk(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?"
    r"|(?:shuts?|shutting|shoots?|shot) down|(?:squash|quash)(?:es|ed|ing)?)"
)
_HEARSAY = r"(?:rumou?rs?|reports?|claims?|speculation|stories|gossip)"
_DENIED_AS = (
    r"(?:(?:are|were|is|was|have been|has been|gets?|got) )?(?:(?:officially|quickly|firmly) )?"
    r"(?:false|untrue|not true|fake|baseless|debunked|denied|shut down|dismissed)"
)


# Where a denied noun told without hearsay ends its phrase: "denies XO, Kitty cancellation",
# "… cancellation after ratings dip", not "denies the cancellation petition was a stunt".
_DENIED_NOUN_ENDS = (
    r"(?=$|[,.:;!?)]| -| (?:after|amid|as|and|but|despite|following|in|on|over|while|with)\b)"
)


def _denial(name: str, milestone: Milestone, what: str, *, bare: str = "") -> EventRule:
    """A denial of ``what`` (the milestone's noun) told as hearsay: "denies … ``what``
    rumours" or "``what`` reports are false"; or of a ``bare`` noun alone after what it is
    of ("Netflix denies XO, Kitty cancellation": to deny a cancellation can only mean it
    did not happen, where "denies season 4 renewal" may mean refusing one)."""
    pattern = (
        rf"\b{_DENY} (?:(?:the|those|these|all|any|latest|new) )?(?:[\w',&:-]+ ){{0,6}}?"
        rf"{what} {_HEARSAY}\b|\b{what} {_HEARSAY} {_DENIED_AS}\b"
    )
    if bare:
        pattern += (
            rf"|\b{_DENY} (?:(?:the|any|a|its) )?(?:[\w',&:-]+ ){{0,6}}?{bare}\b"
            rf"{_DENIED_NOUN_ENDS}"
        )
    return _rule(name, milestone, pattern)


DENIAL_RULES: tuple[EventRule, ...] = (
    _denial(
        "denied-filming",
        M.FILMING_STARTED,
        r"(?:filming|shooting|(?<!pre-)(?<!post-)production)(?: (?:start|starting|begins?|began))?",
    ),
    _denial("denied-wrap", M.FILMING_WRAPPED, r"(?:(?:filming|shooting|production) )?wrap(?:ped)?"),
    _denial(
        "denied-cancellation",
        M.CANCELLED,
        r"(?:cancell?ation|cancell?ed|axing|axed)",
        bare=r"(?:cancell?ation|axing)",
    ),
    _denial("denied-renewal", M.RENEWED, r"(?:renewal|renewed)"),
    _denial(
        "denied-delay",
        M.DELAYED,
        r"(?:delay|delayed|postponement|postponed|shutdown)",
        bare=r"(?:delay|postponement)",
    ),
    _denial("denied-date", M.RELEASE_DATE_ANNOUNCED, r"(?:release|premiere|launch) date"),
    _denial("denied-casting", M.CASTING, r"casting"),
    _denial("denied-trailer", M.TRAILER, r"trailer"),
)
# Cheap gate before the denial rules: a word each of them needs.
MAY_DENY = re.compile(
    r"den(?:y|ie)|debunk|refut|dismiss|(?:t|ts|ting) down|quash|false|untrue|not true|fake"
    r"|baseless"
)
# Who denies, in the denial's sentence outside what it denies: the network or the makers
# (confirmed); anyone else's denial is reported.
DENIER = re.compile(
    rf"\b(?:{NETWORK}|creators?|co-creators?|showrunners?|(?:executive )?producers?|author"
    r"|director|writers?|stars?|cast|actor|actress|in a statement|officially)\b"
)


QUESTION_START = re.compile(
    r"^(?:will|could|would|is|are|has|have|does|do|did|can|when|what|why|how|where|who|should)\b"
)
# Sentence and clause breaks: "...", "…", [.!?;:] before a space or the end, and " | ",
# " • ", " - " (before a word), " -- ".  Written to start on the punctuation (the engine
# then skips from one candidate character to the next); the space before "|", "•" and "-"
# belongs to the break: ``classify_parse.sentence_breaks`` moves those starts back by one.
SENTENCE_BREAK = re.compile(
    r"[.…!?;:|•-](?:(?<=\.)\.\.|(?<=[.!?;:])(?=\s|$)|(?<=…)|(?<=\s[|•])\s"
    r"|(?<=\s-)(?:\s(?=[a-z])|-\s))"
)
