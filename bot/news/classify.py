"""Rule-based headline classifier: title + summary -> Signal.

Pure and deterministic.  The decision, in order:

1. Find milestone *events* in the title (``rules.EVENT_FAMILIES``), dropping
   those inside a question ("Will X return for season 3?"), negated ones
   ("no release date yet"), passing mentions ("was renewed back in 2023") and
   release dates already in the past.
2. Find *not-news* language in the title (explainers, reviews, recaps, cast
   guides, listicles...).  A strong block that comes before the event wins;
   so does an explainer framing in the summary ("everything we know").
3. With nothing decisive in the title, the summary decides the same way.
4. Certainty: a planned filming start or hedged wording -> rumored; the network
   or the makers saying it -> confirmed; otherwise reported.
5. With a ``KnownStatus``, a milestone reached long before the article was
   published is a passing mention, not news.

``Signal.rule`` names what decided, e.g.
``filming_started:filming-started+confirmed:netflix announced`` or
``not-news:explainer``.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from operator import attrgetter
from typing import Protocol, TypeVar

from bot.catalog.dates import PartialDate
from bot.news.classify_gate import needed_words, text_prefixes, word_starts
from bot.news.classify_parse import (
    find_seasons,
    nearest_season,
    normalise,
    reported_future,
    resolve_dates,
    seasons_named,
    sentence_bounds,
    sentence_breaks,
)
from bot.news.classify_shows import Alias, ShowIndex, at_word_start
from bot.news.classify_tables import (
    Piece,
    Table,
    Units,
    find_first,
    first_match,
    kinds_before,
    tables,
)
from bot.news.models import Certainty, Milestone, Signal
from bot.news.rules import (
    ASKS,
    CLAUSE_BREAK,
    DENIAL_RULES,
    DENIER,
    FILMING_FUTURE,
    FILMING_NOW,
    HYPE_QUESTION,
    LAST_YEAR_LANG,
    LONG_AGO,
    MAY_DENY,
    MONTH,
    MONTHS,
    MONTHS_IN,
    NETWORK,
    NONE_LANG,
    NOT_LANG,
    NOT_TAK,
    ORDINALS,
    PART_OF_YEAR,
    PARTIAL_WRAP,
    SHOOT_PROGRESS,
    WEEKDAY,
    BlockRule,
    EventRule,
)

R = TypeVar("R")

__all__ = [
    "KnownStatus",
    "ShowIndex",
    "classify",
    "classify_lines",
    "known_status_from",
]

# A milestone reached this long before publication is old news in the article.
STALE_AFTER = timedelta(days=30)
# A date mentioned next to an event this long before publication marks a passing mention.
PAST_MENTION = timedelta(days=45)
# A release dated this long before publication is a review's or recap's background: the
# news of a premiere is its day (a feed lags by hours; an outlet abroad may write the next day).
PAST_RELEASE_MENTION = timedelta(days=2)
# Before this hour (UTC) an article's UTC day may be the day after its writer's: the Americas'
# evening.
_AMERICAS_EVENING_ENDS = 8
# Characters of the summary read (the lead); longer summaries are cut at a sentence.
SUMMARY_LEAD = 500
# Characters of the summary searched for who said it (network, makers, trade press).
CUE_LEAD = 300
# A premiere date without a year is the next one, unless it fell this recently: "launches
# on 13 March" read on 14 March is yesterday's release, not next year's.
RECENT_RELEASE = timedelta(days=30)
# A premiere this close to publication was announced earlier: the article previews it (in
# train, 1 in 26 such titles and summaries was the announcement).  A summary's date is
# given as background further ahead than a title's.
IMMINENT_IN_TITLE = timedelta(days=7)
IMMINENT_IN_SUMMARY = timedelta(days=30)
# Release dates more than this far before publication are not announcements (feeds lag by
# hours, not days).
PAST_RELEASE = timedelta(days=0)

_START = attrgetter("start")
# A question that opens after the event: "Cast has wrapped filming, will it have a happy
# ending?", es "terminó de filmarse, ¿cuándo se estrena?"
_LATER_QUESTION = re.compile(
    r"¿|[,:;] (?:will|would|is|are|does|do|did|can|could|should|what|when|why|how"
    r"|who|where)\b"
)
# A line that opens by asking and ends with its mark after a label asks all of it: "Will it
# be renewed: what we know?" (the label's colon ends the sentence the event is read in).
# ("Will" may be a name: "Will Poulter joins …: who is he?" asks nothing, so "will" asks
# only with a verb's base form or "be" and no word of another verb's between)
_ASKED_OPENER = re.compile(
    r"(?:is|are|was|were|has|have|does|do|did|can|could) "
    r"|(?:will|would) (?:(?!\w+(?:s|ed|ing)\b)[^.?!:\s]+ |\w+s, |\d+ )*?(?:(?:be|get) )?$"
)
_BASE_FORM = re.compile(r"(?!\w*(?:s|ed|ing)\b)|(?<=\bbe )|(?<=\bget )")
_ASKED_AFTER_LABEL = re.compile(r" ?:[^.?!]*\?")
# A text that opens by asking without its mark (see ``ASKS``) reports no event.
_ASKS = re.compile(ASKS)
_HYPE_QUESTION = re.compile(HYPE_QUESTION)
# A headline's planned shoot with its mark and no asking word ("Season 4 to start production
# mid-July in Calgary?", "Late July start for season two filming?") is the plan as a rumour,
# which a planned shoot already is; an asking word asks it ("Will … start filming soon?",
# "want to know when … will kick off production?").
_ASKS_ITSELF = re.compile(
    r"(?:[^:?!.]{1,60}: ?)?(?:will|would|is|are|was|were|could|can|does|do|did|has|have"
    r"|should|may|might)\b|[^?!.]*\b(?:when|what|how|why|who|where|which|whether|if)\b"
)
# The words that make a shoot's wrap or start no news, wherever the article tells them: a
# wrap of one place with the rest to come, a start weeks back.
_SHOOT_NOT_NEWS = {
    Milestone.FILMING_WRAPPED: ("partial-wrap", re.compile(PARTIAL_WRAP)),
    Milestone.FILMING_STARTED: ("shoot-in-progress", re.compile(SHOOT_PROGRESS)),
}
_SENTENCE_MARK = re.compile(r"[.?!]")
# A negation right before an ending ("is not cancelled") still cancels it.
# ("n't" ends a word: "isn't" has no word break before it)
_NEGATED_RIGHT_BEFORE = re.compile(
    r"\b(?:not|never|\w+n't)(?: been| be| being| yet)? $"
    # fr "n'a pas été annulée", it "non è stata cancellata", nl "wordt niet stopgezet"
    rf"|\b{NOT_LANG}(?: (?:été|è|é|stata|stato|sido|foi|wird"
    r"|wordt|worden|ist|blir|er|är|ancora|ainda|noch|encore|zostanie|została|został))* $"
    rf"|{NOT_TAK}$"
)
# A negation that tells how things stand, not how they will ("is not cancelled", "hasn't
# been delayed", "was never cancelled"; not "won't be cancelled" or "isn't cancelled… yet").
# A bare "not" before a gerund tells no state: "apologised for not cancelling it sooner".
_NOT_SO = re.compile(
    r"\b(?:(?P<aux>(?:is|are|was|were|has|have|do|does|did)(?:n't| not| never))|not|never)"
    r"(?: been| being)? $"
)
_GERUND = re.compile(r"\w+ing\b")
_YET = re.compile(r"\byet\b")
# A negation among an event's own words: the rules for other languages span the subject
# and the verb ("le riprese ... non sono iniziate"), where one can stand.
_NEGATION_WITHIN = re.compile(
    rf"\b(?:not|{NOT_LANG}|{NONE_LANG})\b|n't\b|{NOT_TAK}(?:di|ter|ber|me|tayang|rilis|ada)"
)
# A negation right after an event's verb, where German and French put it: de "Dreharbeiten
# beginnen (doch) nicht im Januar", fr "le tournage ne commence pas en janvier" (not "nicht
# nur", "pas seulement": not only).
_NOT_AFTER = re.compile(
    r" (?:(?:doch|noch|toujours|encore) )?(?:nicht|pas)\b(?! (?:nur|seulement|que|uniquement)\b)"
)
# Spanish "no" before a verb among the words of another language's rule: es "el rodaje …
# no comienza en enero" (the verbs those rules read; pt "no dia 15" is "on the 15th").
_NO_BEFORE_VERB = re.compile(
    r"\bno (?:se |lo |la |les? )?(?:comienz|comenz|empiez|empez|arranc|inici|estren|lleg|vuelv"
    r"|volv|regres|renuev|renov|confirm|rued|rod|grab|film|sal|ser|tendr|habr|est[aá]|ha\b|han\b)"
)
# A title quoted inside an event ("watch 'I Am Not Okay With This' trailer").
_QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|«[^»]*»")
# Characters before an event searched for its context (``rules.CONTEXT_RULES``).
_CONTEXT_WINDOW = 70
# A start still some way off, said without a date.
_AHEAD = re.compile(
    # (after a short object: "we start filming season 3 next month")
    r"(?: [\w'-]+){0,4}? (?:(?:in|within) (?:a |one |two |three |four |five |six |a few "
    r"|a couple of |\d+ )(?:weeks?|months?)|(?:next|later this) (?:week|month|year)"
    # "we start shooting a week from Monday", "in a matter of weeks"
    r"|(?:a|one|two|\d+) weeks? from (?:\w+day|now|today)|in a matter of (?:days|weeks|months)"
    # "Season 2 Starts Filming in Berlin and London in the Summer"
    r"|(?:in the|this|next) (?:spring|summer|fall|autumn|winter)|soon)\b"
)
# The same in the other languages: de "Dreharbeiten beginnen nächsten Monat / im Sommer",
# es "el próximo mes", "en verano", pt "no próximo mês", fr "le mois prochain", "cet été",
# it "il prossimo mese", "in estate" (a present tense with a time ahead is a plan)
_AHEAD_LANG = re.compile(
    r"(?: [\w'-]+){0,4}? (?:nächsten? (?:woche|monat|jahr)|im (?:frühjahr|frühling|sommer"
    r"|herbst|winter)|(?:el|la) próxim[oa] (?:semana|mes|año)|en (?:primavera|verano|otoño"
    r"|invierno)|(?:no|na) próxim[oa] (?:semana|mês|ano)|(?:na|no) (?:primavera|verão|outono"
    r"|inverno)|(?:la semaine|le mois|l'année) prochaine?|au printemps|(?:en|cet) (?:été"
    r"|automne|hiver)|ce printemps|(?:la|il) prossim[oa] (?:settimana|mese|anno)"
    r"|in (?:primavera|estate|autunno|inverno))\b"
)
# The other languages' "in June" (de "im Juni", es/fr "en junio", pt "em junho", it "a giugno"),
# read as "in" so that a month ahead after a present-tense shoot makes it a plan (not a short
# form, es "en mar" is "at sea"; "a" only before an Italian month: "with a January premiere")
_IN_MONTH_LANG = re.compile(
    r"\b(?:im|en|em) (?!(?:may|march|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)"
    rf"(?={MONTH}\b)|\bad? (?=(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto"
    r"|settembre|ottobre|novembre|dicembre)\b)"
)
# A plan told in the past tense, which events have overtaken.
_PAST_PLAN = re.compile(
    r"\bhad been (?:originally |initially )?(?:scheduled|set|slated|expected|planned|due)\b"
    r"|\b(?:was|were) (?:originally|initially) (?:scheduled|set|slated|expected|planned|due)\b"
    r"|\b(?:was|were) supposed to\b"
)
# With no date to compare against, a present-tense start named for a month is a schedule:
# "Season 4 Starts Shooting in the UK in September" (a start that happened says "began").
_AHEAD_UNDATED = re.compile(
    rf"(?: [\w'-]+){{0,4}}? (?:in|from|on) (?:early |late |mid-?)?{MONTH}\b"
)
# A start told as done, whatever date follows it (the other languages' perfects too: fr "le
# tournage a repris en décembre", es "comenzó", pt "começou", it "iniziate", de "begonnen").
_STARTED = re.compile(
    r"\b(?:started|began|begun|kicked off|commenced|is now|are now|repris|commencé|débuté"
    r"|démarré|comenzó|comenzado|empezó|empezado|arrancó|arrancado|iniciado|inició|começou"
    r"|começaram|iniciou|iniciaram|iniziat[aeio]|partit[aeio]|begonnen|begann|gestartet)\b"
)
# A premiere after a filming start: the dates that follow are the premiere's.
_DEBUT = re.compile(
    r"\b(?:ahead of|before|for) (?:its|the|a|their) (?:[\w'-]+ ){0,3}?"
    r"(?:debut|premiere|release|launch)"
)
# "Almost a year", "two weeks", "shortly", as an opening clause's "… after" may start; a
# lead's count may go unsaid ("Just weeks after", "Mere days after", "Barely a month after").
_SOME_TIME = (
    r"(?:(?:almost|nearly|just|only|about|barely|mere|exactly|(?:a little |well )?over"
    r"|(?:a little|little|more|less) than) )?(?:(?:(?:a|an|one|two|three|four|five|six|a few"
    r"|a couple of|several|\d+) )?(?:hours?|days?|weeks?|months?|years?) )?"
    r"(?:(?:shortly|soon|right|(?:almost )?immediately|not long) )?"
)
# es "Tras su renovación, …", it "Dopo il rinnovo, …", fr "Après …", pt "Após …"
_AFTER_LANG = r"tras|después de|dopo|après|após|depois d[aoe]"
# A subordinate clause that opens a sentence, up to its comma: the status the main clause's
# news follows, not the news ("With filming wrapped, season 3 gets a release date").
_FRONTED = re.compile(
    r"(?:despite|although|even though|though|while|when|now that|given|once|with|following"
    r"|ahead of|fresh off|on the heels of|in the wake of"
    # "Within days of its premiere, …"
    r"|within (?:(?:a few|\d+|two|three) )?(?:hours|days|weeks|months|a day|a week|a month) of"
    # "Almost a year after being renewed for season 2, the show is wrapping up filming"
    rf"|{_SOME_TIME}(?:after|since|before)|{_AFTER_LANG})"
    # two words at least: the comma in "Now that XO, Kitty is happening" closes nothing
    r"(?: [^,.;\s]+){2}[^,.;]{0,80}, "
)
# A star's other work, or another title, as what is shot: "begins filming new Netflix movie",
# "wraps filming on her next movie", "has started shooting a new K-drama", "the sequel to her
# hit rom-com", "Anna Cathcart's new movie begins filming".  The show's own shoot names a
# season or episodes; a series word counts only as someone's ("her new series", "another
# show"): "BBC starts filming new series of …" is a British season.
_NEW_WORK = r"(?:new|next|upcoming|latest|untitled|forthcoming)"
# (a word or two of the title or the genre, never the show's own: "new Netflix movie")
_WORK_WORDS = (
    r"(?:(?!(?:season|series|episodes?|part|chapter|with|in|on|at|for|and|as|the|an?|of|to"
    r"|from|by)\b)[\w'-]+ ){0,2}?"
)
_FILM = (
    r"(?:movie|film|biopic)s?\b(?! (?:of|crew|set|festival|shoot|studios?|school|industry"
    r"|locations?)\b)"
)
# (a genre or a series word may be the show itself, "the psychological thriller Asur 2",
# "their hit series": someone's new one, ending the phrase)
_GENRE = r"(?:k-?drama|thriller|rom-?com)"
_SERIES = r"(?:series|show|drama|comedy|project|pilot)"
_ENDS = (
    r"(?=$|[.,;:!?)]| -| (?:with|in|for|as|after|before|ahead|while|alongside|opposite|at|from"
    r"|by|and|about|starring|co-starring|amid|following|during|this|next|today|set|directed"
    r"|produced|written|based)\b)"
)
_OWN = r"(?:her|his|their|another)"
_OTHER_WORK = (
    rf"(?:(?:an?|{_OWN}) )?{_NEW_WORK} {_WORK_WORDS}(?:{_FILM}|{_GENRE}{_ENDS})"
    rf"|(?:an?|{_OWN}) {_WORK_WORDS}(?:{_FILM}|{_GENRE}{_ENDS})"
    rf"|the {_NEW_WORK} {_WORK_WORDS}{_FILM}|(?:her|his) {_NEW_WORK} {_WORK_WORDS}{_SERIES}{_ENDS}"
    # (not the show named in an aside: "the sequel to To All the Boys, XO, Kitty, …")
    r"|the sequel to (?:(?:her|his|their)\b|(?![^,.;:!?]{1,60}, ))"
    # es "su nueva película", fr "son prochain film", it "il suo nuovo film", pt "seu novo
    # filme", de "ihrem neuen Film"
    r"|(?:(?:su|son|sa|il suo|un|una|um|seu) )?(?:(?:nueva|próxima) película"
    r"|(?:nouveau|prochain|nuovo|prossimo) film\b|novo filme)"
    r"|(?:neue[mn]?|nächste[mn]?) film\b"
)
# (a shoot of "another show" is someone else's; a renewal of one is the article's show:
# "Peacock has renewed another show")
_OTHER_SHOOT = rf"{_OTHER_WORK}|another {_SERIES}{_ENDS}"
# right after the event, perhaps someone's ("begins filming new movie", "wraps on her next
# film", "trailer for Anna Cathcart's new movie"; no comma in the owner: "premieres June 5 on
# Netflix, Anna Cathcart's new movie follows")
# (a network's new genre title named in an aside is the show: "the trailer for Netflix's new
# rom-com, XO, Kitty season 4"; not "Netflix's new thriller with XO, Kitty star …")
_WORK_OF = (
    r" (?:(?:on|for|in|of|to|at|de|du|del|della|do|da|zu) )?"
    rf"(?!(?:the )?{NETWORK}'s (?:{_NEW_WORK} )?(?:[\w'-]+ )?{_GENRE}, (?!(?:with|starring"
    r"|co-starring|out|which|that|directed|produced|written|based|set|from)\b))"
    r"(?:(?:(?!(?:season|series|as|and|while|with|after|before|but)\b)[\w'-]+ ){0,4}?"
    r"[\w-]+'s )?"
)
_OTHER_WORK_AFTER = re.compile(rf"{_WORK_OF}(?:{_OTHER_WORK})")
_OTHER_SHOOT_AFTER = re.compile(rf"{_WORK_OF}(?:{_OTHER_SHOOT})")
# inside a shoot ("filming on Anna Cathcart's new movie has wrapped")
_OTHER_SHOOT_WITHIN = re.compile(
    rf"(?<!\bseason )(?<!\bseries )\b(?:on|of|for|de|du|del|della|do|da|zu) {_WORK_WORDS}"
    rf"(?:{_OTHER_SHOOT})"
)
# as the subject, right before the event ("Anna Cathcart's new movie begins filming"; not
# "The Last Kingdom's film … is under post-production": the show's own film)
# (a cast member's film needs no "new": "XO, Kitty star's movie now expected in 2027",
# "… star Anna Cathcart's movie premieres Friday")
_OTHER_WORK_BEFORE = re.compile(
    rf"(?:'s {_NEW_WORK} {_WORK_WORDS}{_FILM}|\b(?:co-?)?stars?(?: [\w.-]+){{0,3}}'s "
    rf"{_WORK_WORDS}{_FILM}"
    rf"|\b{_OWN} {_NEW_WORK} {_WORK_WORDS}"
    rf"(?:{_FILM}|{_GENRE}|{_SERIES}))(?: [\"'][^\"']{{1,40}}[\"'])?"
    r" (?:(?:has|have|is|are|was|were|officially|finally|now|reportedly) )*$"
)
# A subject that is another product of the show, right before the event: "XO, Kitty season 3
# soundtrack now expected in 2027", "… soundtrack slated for a March release",
# "the fan event will premiere in a few hours", "the red carpet premiere is hours away" (a
# film, a spin-off, a game or a special may be the show itself: "Squid Game", "the spinoff
# has begun production", "2022 specials picture locked"; a trailer is news of its own; a
# press event sets premiere dates).
_THING = (
    r"(?:soundtracks?|albums?|vinyl|singles?|companion book|tie-in book|tours?|podcasts?"
    r"|reunions?|concerts?|fan events?|premiere events?|panels?|live ?streams?|watch part(?:y|ies)"
    r"|after-?shows?|music videos?|featurettes?|documentar(?:y|ies)"
    r"|(?:behind-the-scenes|reunion|making-of) specials?"
    r"|red carpet(?: premiere)?|fan screenings?|merch(?:andise)?|video games?)"
)
_OTHER_THING_BEFORE = re.compile(
    rf"\b{_THING}(?: (?:release|premiere|launch|debut))?"
    r" (?:(?:has|have|is|are|was|were|will|officially|finally|now|reportedly|just) )*$"
)
# A product of the show whose window moves is no delay of the season: "season 4 trailer
# delayed to 2027", "… spinoff now expected in 2027" (a show named as a spinoff's parent is
# not the spinoff; an untitled spinoff gets no catalogue entry of its own).
# (not a product joined to the season: "season 4 and its trailer delayed to 2027")
_DELAYED_PRODUCT_BEFORE = re.compile(
    r"(?<!\band )(?<!\band its )(?<!\band the )\b(?:trailers?|teasers?|first look|spin-?offs?)"
    r" (?:(?:has|have|is|are|was|were|will|be|been|officially|finally|now|reportedly|just) )*$"
)
# (a trailer that tells the season's delay is the season's: "teaser confirms lengthy delay")
_TELLS = re.compile(r"(?:confirm|reveal|tease|announce|hint|show)")
# A person's return is no season's: "XO, Kitty star Anna Cathcart won't return until 2027"
# (a cast word before it), "Minyoung won't return to XO, Kitty until 2027" (the show named
# as where they return); "XO, Kitty won't return until 2027" stays a delay. A maker is a
# person too: "XO, Kitty creator returns April 5 with a new series".
_PERSON_BEFORE = re.compile(
    r"\b(?:(?:co-?)?stars?|actors?|actress(?:es)?|cast members?|characters?"
    r"|(?:co-?)?creators?|showrunners?)"
    r"(?: [\w'.-]+){0,3} $"
)
# (a return not made: "NBC is delaying its return to Harbor Lights" is the show's)
_RETURN = re.compile(
    r"\b(?:won't|will not|wouldn't|not)(?: [\w']+)? (?:return|returning|be back|come back"
    r"|coming back)\b"
)
_RETURNS_TO = (" to ", " in ", " on ")
# A person back, not the season: "XO, Kitty star is back next month on a new show", "… star
# Anna Cathcart returns in April", "the cast of XO, Kitty is back next month" (a cast word
# before the return, as ``_PERSON_BEFORE`` reads a delay's; "the cast are back" is read by no
# release rule, a plural being people)
_PERSON_RETURNS = re.compile(
    r"(?:is|are) (?:finally )?back\b|(?:will |to )?return(?:s|ing)?\b|(?:is|are) returning\b"
)
_IS_BACK = re.compile(r"\bis (?:finally )?back\b")
_CAST_BEFORE = re.compile(r"\bcast (?:of [\w' -]{1,40} )?$")
# (the show's own, one to three words after its name's possessive: "XO, Kitty's Anna Cathcart
# is back next month" is a person's return, "XO, Kitty's final season returns" the season's)
_POSSESSED = re.compile(r"'s ((?:[\w.-]+ ){1,3})$")
# (or one to three words "of" the show, or before it in brackets, and the show's name then
# ends its phrase: "Anna Cathcart, of XO, Kitty, returns in April", "Anna Cathcart (XO,
# Kitty) is back", "Anna Cathcart of XO, Kitty fame returns")
_OF_SHOW = re.compile(r"(?:^ ?|[:;|-] )((?:[\w.'-]+ ){0,2}[\w.'-]+)(?:,? of | ?\()$")
_AFTER_OF_SHOW = re.compile(r"(?: fame)?[,)]? ")
_THE_WORK = frozenset(
    (
        "season", "seasons", "series", "show", "part", "volume", "vol", "chapter", "episode",
        "episodes", "finale", "premiere", "drama", "k-drama", "romance", "comedy", "rom-com",
        "sequel", "spinoff", "spin-off", "final", "new", "next", "latest", "last", "story",
        # a season told by what it is: "XO, Kitty's Sophomore Outing Returns June 5"
        "sophomore", "junior", "outing", "installment", "instalment", "run", "batch", "round",
        "edition",
    )
)  # fmt: skip
_RELEASES = frozenset((Milestone.RELEASE_DATE_ANNOUNCED, Milestone.RELEASED))
# Milestones of a shoot, which a star's other work has too.
_SHOOTS = frozenset((Milestone.FILMING_STARTED, Milestone.FILMING_WRAPPED))
# A sentence that opens "subject, an aside, " before its event, perhaps with the main verb's
# first words in between ("Motorheads, which premiered on May 2, has reportedly been
# cancelled").
_APPOSITIVE = re.compile(r"([^,]{1,60})(, [^,]{3,150}, )((?:[\w']+ ){0,4})")
# Where the event's clause ends, for its dates and hedges (", with the director hinting...").
_CLAUSE_BREAK = re.compile(rf"{CLAUSE_BREAK}|, with ")
# The object of a renewal or cancellation is a batch of shows: a roundup, not one show's news.
_BATCH = re.compile(
    r" (?:a handful|several|multiple|many|a number|a slew|dozens|a bunch|a host|some|all)\b"
    r"| \d+ (?:\w+ )?(?:shows|series|dramas|comedies|originals|titles)\b"
    # a habit told of a network's shows at large: "cancels 95% of its originals", "cancelling
    # the vast majority of them" (not "its shows": a show's own news names it after)
    r"| \d+ ?% of\b| (?:the |a )?(?:vast |great )?majority\b| most of\b| (?:so|too) many\b"
)
# Shows in general as a verdict's subject: "shows getting canceled always hurts", "beloved
# shows have been canceled before fans were ready" (not a number's batch, "two Peacock shows
# have been canceled", nor someone's, "the streamer's favorite shows have been cancelled").
_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|both|dozens|\d+)"
_GENERIC_BEFORE = re.compile(
    r"(?<![\d'’-])(?<!'s )(?<!’s )(?<!\bof )(?<!\bone )(?<!\btwo )(?<!\bthree )(?<!\bfour )"
    rf"(?<!\bfive )(?<!\bboth )\b(?:(?!(?:{_NUMBER}|of)\b)[a-z]+ ){{0,2}}(?:tv )?(?:shows"
    r"|programmes|séries|serien|originals) (?:getting|get|gets|that (?:were|got|get|have been)"
    r"|have been|were|are|being)(?: (?:just|abruptly|quickly|often|always))? $"
)
# (the search may start after the owner's words: "Netflix's best shows are renewed" is
# matched from "shows"; the words before the match are looked at again. An owner's "'s"
# only: with "of" or a number there too it announced a held-out "other" row more)
_OWNED_BEFORE = re.compile(r"['’]s(?: [a-z]+)? $")


def _shows_in_general(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with shows in general as a verdict's subject."""
    match = _GENERIC_BEFORE.search(text, start, end)
    return match is not None and not _OWNED_BEFORE.search(text, start, match.start())


# Cheap gate before the costlier NEGATED_OFFICIAL search.  ``NOT_LANG``'s words spelt as
# plain text: with word breaks (``\b``) the gate costs twice as much (5.4 µs a text, not 2.5).
_MAY_NEGATE = re.compile(
    r"n't|not |no |yet to|nicht|non |não|pas |niet|ikke|inte|nie |tidak|belum|tak "
)
# A title that ends as a sentence ends, as the lead sentence a feed without headlines gives
# for its title does ("... returns for a second season on Apple TV+."; not "...").
_SENTENCE_END = re.compile(r"(?<!\.)\.[\"'”’)\]]*\s*$")
# ("on the previously confirmed second season": the word dates the order, not the event)
_PREVIOUSLY = (
    r"previously(?! (?:announced|confirmed|ordered|renewed|greenlit|revealed) (?:[\w-]+ ){0,2}"
    r"(?:season|series|installment|instalment|run|episodes?)\b)"
)
_PASSING_AFTER = re.compile(
    # ("set its release window following its delay from last year": the cue dates the delay)
    r"(?:(?!\b(?:following|after)\b)[^.?!;]){0,30}\b(?:last (?:year|summer"
    rf"|spring|fall|autumn|winter|month)|earlier this year|{_PREVIOUSLY}|{LONG_AGO}"
    rf"|{LAST_YEAR_LANG}"
    # a time, not a place ("back in March", not "back in Seoul")
    rf"|(?<!-)back in (?:the day|(?:early |late |mid-?)?(?:{MONTH}|(?:19|20)\d\d|(?:the )?"
    r"(?:spring|summer|fall|autumn|winter))))\b"
)


class KnownStatus(Protocol):
    """What the tracker already knows: milestones reached by (show, season), with dates."""

    def __call__(self, show: str, season: int | None, /) -> Mapping[Milestone, date]: ...


def known_status_from(
    reached: Mapping[tuple[str, int | None], Mapping[Milestone, date]],
) -> KnownStatus:
    """A ``KnownStatus`` backed by a plain mapping (tests, the CLI)."""

    def lookup(show: str, season: int | None, /) -> Mapping[Milestone, date]:
        return reached.get((show, season), {})

    return lookup


class _Doc:
    """One normalised text with its word prefixes and sentence breaks, computed once."""

    __slots__ = (
        "_aliases",
        "_breaks",
        "_framing",
        "_said_denials",
        "_seasons",
        "_units",
        "ahead",
        "ascii",
        "catalog",
        "denials",
        "names",
        "prefixes",
        "raw",
        "text",
    )

    def __init__(self, raw: str, *, normalised: bool = False) -> None:
        self.catalog = tables()
        self.text = raw if normalised else normalise(raw)
        self.prefixes = text_prefixes(self.text) if self.text else set()
        self.ascii = self.text.isascii()  # pieces then run compiled with re.ASCII
        self._units: list[Units | None] = [None] * self.catalog.count  # by table, when needed
        self._breaks: list[tuple[int, int]] | None = None
        self._seasons: list[tuple[int, int]] | None = None
        self.names: Sequence[tuple[int, int]] = ()  # where it names the show (``classify``)
        self.raw = ""  # the text as written, its capitals (set with ``names``)
        self._aliases: list[Alias] | None = None
        self._framing: str | None = None
        self.denials: list[_Hit] = []  # events dropped as denied ("denies it was renewed")
        self._said_denials: list[_Hit] | None = None
        self.ahead = False  # its article's UTC day may be a day past its writer's (``classify``)

    def units(self, table: Table[R]) -> list[tuple[R, Piece]]:
        """The pieces of ``table`` that may match this text, with their rules."""
        units = self._units[table.index]
        if units is None:
            if not self.text:
                return []
            gate = self.catalog.gates[table.gate]
            dealt = gate.deal(self.prefixes)
            self._units[gate.first : gate.first + gate.count] = dealt
            units = dealt[table.index - gate.first]
        return units

    def aliases(self, index: ShowIndex) -> list[Alias]:
        """The aliases of ``index`` this text may name (the one index it is read with)."""
        if self._aliases is None:
            self._aliases = index.candidates(self.prefixes)
        return self._aliases

    def looked_up(self) -> list[Alias]:
        """The aliases ``aliases`` found, if it ran (``classify`` runs it first)."""
        return self._aliases or []

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        if self._breaks is None:
            self._breaks = sentence_breaks(self.text)
        return sentence_bounds(self._breaks, len(self.text), start, end)

    def framing(self) -> str:
        """The text as the block rules read it: the show's own name blanked out, so that
        "A Good Girl's Guide to Murder" is not a guide (same length, same offsets)."""
        if not self.names:
            return self.text
        if self._framing is None:
            self._framing = _respelt(self.text, self.names, lambda name: "_" * len(name))
        return self._framing

    def said_denials(self) -> list[_Hit]:
        """Every denial told in the text's own words ("denies the cancellation rumours")."""
        if self._said_denials is None:
            text = self.text
            self._said_denials = (
                [
                    _Hit(m.start(), m.end(), rule, m)
                    for rule in DENIAL_RULES
                    for m in rule.pattern.finditer(text)
                ]
                if text and MAY_DENY.search(text)
                else []
            )
        return self._said_denials

    def seasons(self) -> list[tuple[int, int]]:
        if self._seasons is None:
            self._seasons = find_seasons(self.text, self.prefixes)
        return self._seasons

    def drop_seasons(self, drop: Callable[[int], bool]) -> None:
        """Forget the season references at the positions ``drop`` names (another title's)."""
        self._seasons = [(at, value) for at, value in self.seasons() if not drop(at)]

    def add_season(self, at: int, value: int) -> None:
        """Read season ``value`` at ``at``, a reference ``find_seasons`` has no word for."""
        self._seasons = sorted([*self.seasons(), (at, value)])


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    rule: EventRule
    match: re.Match[str]


@dataclass(frozen=True, slots=True)
class _Block:
    start: int
    rule: BlockRule


def _find_hits(
    doc: _Doc, units: Sequence[tuple[EventRule, Piece]], *, title: bool, headline: bool = False
) -> list[_Hit]:
    """Every match of the event rules of ``units`` (the text's admitted pieces), as each
    rule's whole pattern would find them: where two of a rule's pieces overlap, the one
    that starts first (or comes first) wins.  ``headline``: the title is no sentence.

    (``classify_tables.find_all``, inlined: this loop is the classifier's hottest.)"""
    hits: list[_Hit] = []
    text = doc.text
    prefixes = doc.prefixes
    for rule, piece in units:
        if rule.title_only and not (headline if rule.headline_only else title):
            continue
        pattern = piece.ascii if doc.ascii else piece.pattern
        if piece.lead is None:
            for m in pattern.finditer(text):
                hits.append(_Hit(m.start(), m.end(), rule, m))
            continue
        present = prefixes.intersection(piece.lead)
        if not present:
            continue
        end = 0
        for at in word_starts(text, present):
            if at >= end:
                found = pattern.match(text, at)
                if found is not None:
                    hits.append(_Hit(found.start(), found.end(), rule, found))
                    end = max(found.end(), at + 1)
    if len(hits) < 2:
        return hits
    kept: list[_Hit] = []
    for hit in sorted(hits, key=_START):  # stable: table order at one start
        if not any(k.rule is hit.rule and hit.start < k.end for k in kept):
            kept.append(hit)
    return kept


# A lead sentence's opening clause that sets the scene ("With Season 2 still in Netflix's
# Top 10, ...", "Fresh off its most-watched season yet, ..."): what it mentions frames the
# news that follows, it does not make the piece a ratings story.  (Not ``_FRONTED``: its
# "when" and "while" open questions, "When will XO, Kitty season 3 be on Netflix?")
_SCENE_SET = re.compile(r"(?:with|fresh off|on the heels of|following|after)\b[^,.;:?!]{10,120}, ")


def _scene_set(text: str) -> int:
    m = _SCENE_SET.match(text)
    return m.end() if m else 0


def _first_block(
    doc: _Doc,
    table: Table[BlockRule],
    *,
    strong_only: bool = False,
    before: int | None = None,
    start: int = 0,
) -> _Block | None:
    """A block in ``doc`` (one starting before ``before``, if given).

    Rules are tried in table order and the first that matches decides: any
    block settles "not news", so there is no need to find the earliest.
    """
    text = doc.framing()
    prefixes = doc.prefixes
    end = len(text) if before is None else min(len(text), before + 30)
    for rule, piece in doc.units(table):
        if strong_only and not rule.strong:
            continue
        pattern = piece.ascii if doc.ascii else piece.pattern
        if piece.lead is None:
            m = pattern.search(text, start, end)
        else:
            present = prefixes.intersection(piece.lead)
            if not present:
                continue
            m = None
            for at in word_starts(text, present, start, end):
                m = pattern.match(text, at, end)
                if m is not None:
                    break
        if m and (before is None or m.start() < before):
            return _Block(m.start(), rule)
    return None


@cache
def _passing_words() -> frozenset[str] | None:
    """The words ``_PASSING_AFTER`` needs: without one, it is not tried."""
    return needed_words(_PASSING_AFTER)


def _clause(text: str, hit: _Hit, left: int, right: int) -> tuple[int, int]:
    """``[left, right)`` narrowed to the clause around ``hit``: a date or a hedge in the next
    clause is not the event's ("has begun filming, with the director hinting at a possible
    cameo" is no rumour of filming)."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, left, hit.start)), default=left)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, hit.end, right)), right)
    return left, right


def _is_passing(
    doc: _Doc, hit: _Hit, left: int, right: int, published: date | None, aside: range
) -> bool:
    """A mention of something that happened well before the article (the words before the
    event, in its sentence ``[left, right)``, were checked with the rest of its context).
    A date in ``aside``, words between commas that describe the subject ("Motorheads, which
    premiered on May 2, has been cancelled"), dates the subject, not the event."""
    text = doc.text
    needed = _passing_words()
    if (needed is None or not doc.prefixes.isdisjoint(needed)) and _PASSING_AFTER.match(
        text, hit.end, right
    ):
        return True
    if published is None:
        return False
    # dates read from the whole sentence (a cut could split "March 2025" into "March 2"),
    # kept when near the event and in its own clause ("filming concluded in late October,
    # and the series is now in post-production": October dates the wrap, not the post)
    lo, hi = _clause(text, hit, max(left, hit.start - 50), min(right, hit.end + 50))
    near = range(lo - left, hi - left)
    # an announced premiere lies ahead: its yearless date is the next one
    upcoming = RECENT_RELEASE if hit.rule.milestone is Milestone.RELEASE_DATE_ANNOUNCED else None
    # (a delay's old window dates no event: "no longer expected in 2026" read in November)
    gone = (
        _old_windows(text, left, right, published)
        if hit.rule.milestone is Milestone.DELAYED
        else ()
    )
    # a release is news on its day: one dated days before is a review's background (only a
    # date given to the day: "premiered in September" read on the 20th may be that week's)
    released = hit.rule.milestone is Milestone.RELEASED
    # (``published`` is the UTC day: an American outlet's evening two days after the premiere
    # is three days after it in UTC)
    past = PAST_RELEASE_MENTION + timedelta(days=doc.ahead) if released else PAST_MENTION
    return any(
        published - when > past
        for at, when in resolve_dates(
            text[left:right], published, doc.prefixes, upcoming=upcoming, days_only=released
        )
        if at in near and at + left not in aside and not any(at + left in span for span in gone)
    )


def _old_windows(text: str, left: int, right: int, published: date) -> list[range]:
    """Where ``text[left:right]`` names a window a delay gave up ("no longer … 2026"); a
    year before ``published``'s is none: "no longer expected in 2025" read in 2026 is old."""
    return [
        range(*m.span())
        for m in _OLD_PERIOD.finditer(text, left, right)
        if not (m["only"] and int(m["only"]) < published.year)
    ]


def _without_names(
    text: str, names: Sequence[tuple[int, int]], start: int, end: int
) -> tuple[str, int, int]:
    """``text[start:end]`` with each name of the show in it cut to "_": in "Nobody Wants
    This renewed", "wants" is the show's word, not a hedge; in "Netflix wants Nobody Wants
    This renewed" the hedge stays as near the event as a one-word name would leave it."""
    parts: list[str] = []
    at = start
    for name_start, name_end in names:
        if name_end <= at or name_start >= end:
            continue
        parts.append(text[at:name_start] if name_start > at else "")
        parts.append("_")
        at = min(name_end, end)
    if not parts:
        return text, start, end
    parts.append(text[at:end])
    window = "".join(parts)
    return window, 0, len(window)


@cache
def _as_planned(rule: EventRule) -> EventRule:
    """A filming start told as a plan ("with the show set to enter production in 2025"):
    the same words, read as a start still ahead."""
    return replace(rule, name=f"{rule.name}-planned", future=True)


@cache
def _as_negated(rule: EventRule) -> EventRule:
    """An ending said not to have happened, as its denial names it."""
    return replace(rule, name=f"{rule.name}-negated")


def _said_not_so(doc: _Doc, hit: _Hit, left: int, right: int) -> bool:
    """Whether the network or the makers, in the sentence ``[left, right)``, say that the
    ending ``hit`` (negated) did not happen: "XO, Kitty is not cancelled, Netflix says"
    denies the cancellation as "Netflix denies the cancellation reports" does.  (Other
    milestones negated are still ahead: "hasn't been renewed" denies nothing.)"""
    text = doc.text
    negated = _NOT_SO.search(text, max(left, hit.start - 20), hit.start)
    if negated is None or (negated["aux"] is None and _GERUND.match(text, hit.start)):
        return False
    # ("yet" may stand past the sentence's end: "isn't canceled…yet")
    if _YET.search(text, hit.end, max(right, hit.end + 10)) is not None:
        return False
    # (a network that owns the show says nothing: "NBC's Constantine isn't canceled")
    return any(
        not text.startswith("'s", who.end())
        for lo, hi in ((left, hit.start), (hit.end, right))
        for who in DENIER.finditer(text, lo, hi)
    )


def _kept(doc: _Doc, hits: list[_Hit], published: date | None) -> list[_Hit]:
    kept = [kept for hit in hits if (kept := _keep(doc, hit, published)) is not None]
    if kept and (denials := doc.said_denials()):
        # a denial's own words are no event ("shuts down the cancellation reports" is no
        # shutdown), and they hide none that follows them ("…, confirms season 4 is filming")
        kept = [h for h in kept if not any(_overlap(h, d) for d in denials)]
    return kept


def _labels(text: str, end: int) -> bool:
    """The event ends a headline's label, so a question after it is the line's own: "Season 4
    Trailer: They did what?" (not "Season 4: renewed or cancelled?", whose event is asked)."""
    return text.startswith(":", end - 1) or text.startswith(":", end)


def _overlap(a: _Hit, b: _Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _keep(doc: _Doc, hit: _Hit, published: date | None) -> _Hit | None:
    """``hit`` if it is news (a filming start in a plan's words as its planned twin),
    else None."""
    if doc.names and any(start <= hit.start and hit.end <= end for start, end in doc.names):
        return None  # "Beck Is Back! season 2 cast interview": the show's own words
    text = doc.text
    milestone = hit.rule.milestone
    left, right = doc.bounds(hit.start, hit.end)
    after = text[hit.end : right]
    asked = doc.framing()  # a name's own mark is no question ("… of Who Killed Sara?")
    if (
        (right < len(asked) and asked[right] == "?")
        or asked[hit.end : right].rstrip(_CLOSERS).endswith("?")
    ) and not (
        _LATER_QUESTION.search(after)
        or _labels(text, hit.end)
        or (hit.rule.future and not _ASKS_ITSELF.match(text, left, hit.start))
    ):
        return None  # a question: "will it be renewed?", "(is it cancelled?)"
    if (
        _ASKED_OPENER.match(text, left, hit.start)
        and _BASE_FORM.match(text, hit.start)
        and _ASKED_AFTER_LABEL.match(asked, right)
    ):
        return None  # "Will XO, Kitty season 4 be renewed: what we know?"
    if _ASKS.match(text, 0, hit.start):
        return None  # "Has Netflix cancelled it for season 2"
    if _other_work(text, hit, left, shoot=milestone in _SHOOTS):
        return None  # "XO, Kitty star begins filming new Netflix movie": not the show's news
    if milestone is Milestone.CASTING and (
        _CREW_AFTER.match(text, hit.end) or _CREW_AS.search(text, hit.start, right)
    ):
        return None  # "Jane Doe joins XO, Kitty as co-showrunner": the crew, not the cast
    if hit.match.groupdict().get("weekday") and (published is None or _weekday_titled(text, hit)):
        return None  # "debuts Monday night" told on no known day names no day
    if milestone is Milestone.DELAYED and _persons_return(doc, hit, left, right):
        return None  # "XO, Kitty star won't be back until 2027": casting, not the season
    if (
        milestone in _RELEASES
        and (back := _person_return_at(text, hit)) is not None
        and (
            _CAST_BEFORE.search(text, max(left, back - 50), back)
            or _PERSON_BEFORE.search(text, max(left, back - 60), back)
            or _shows_person(doc, left, back)
        )
    ):
        return None  # "XO, Kitty star is back next month": a person's return
    ending = milestone in (Milestone.CANCELLED, Milestone.DELAYED)
    if (
        not ending
        and _NEGATION_WITHIN.search(text, hit.start, hit.end)
        and _NEGATION_WITHIN.search(_QUOTED.sub("", hit.match.group(0)))
    ):
        return None  # de "eine dritte Staffel ist noch nicht bestätigt"
    if not ending and _NOT_AFTER.match(text, hit.end):
        return None  # de "Staffel 3 kommt nicht im Juni", fr "ne commence pas en janvier"
    if (
        not ending
        and hit.rule.name.endswith("-lang")
        and _NO_BEFORE_VERB.search(_QUOTED.sub("", hit.match.group(0)))
    ):
        return None  # es "el rodaje de la temporada 3 no comienza en enero"
    verdict = milestone in (Milestone.RENEWED, Milestone.CANCELLED)
    end = hit.start
    # "Harbor Lights, the drama that was a hit last year, has been cancelled": the words
    # between the commas describe the subject, they do not qualify the event
    # (a date among them dates the subject, wherever the event starts)
    # (read with the show's name blanked: "XO, Kitty season 4, announced last month, will …"
    # is a subject and an aside, the name's own comma no clause's edge)
    aside = _APPOSITIVE.fullmatch(doc.framing(), left, end)
    described = range(0)
    if aside is not None:
        described = range(*aside.span(2))
        if not aside.group(3):
            end = aside.end(1)
    start = max(left, end - _CONTEXT_WINDOW)
    # "Despite funding issues, the series will film season 4": a clause put first frames
    # the main one, it does not qualify its event
    fronted = _fronted(text, left, right)
    if fronted is not None and fronted.end() <= end:
        start = max(start, fronted.end())
    elif fronted is not None and hit.end < fronted.end() - 1:
        return None  # "Two years after its cancellation, …": the background, not the news
    if verdict and _in_subjects_aside(doc.framing(), hit, left, right):
        return None  # "Magnum P.I., canceled in May by CBS, has been picked up by NBC"
    context = text
    if doc.names:
        context, start, end = _without_names(text, doc.names, start, end)
    kinds = kinds_before(doc.units(doc.catalog.context), context, doc.prefixes, start, end)
    if "denied" in kinds and _denied_before(context, start, end):
        kinds.discard("denied")  # "denies the cancellation rumours as filming begins"
    if milestone is Milestone.RELEASE_DATE_ANNOUNCED and _ASKED_IF.search(context, start, end):
        return None  # "won't say if … will premiere in 2027": no date is given
    if kinds:
        if "denied" in kinds and "passing" not in kinds:
            doc.denials.append(hit)  # no event, but perhaps the denial is the news
        if "passing" in kinds or "denied" in kinds or (verdict and "undecided" in kinds):
            return None
        if not ending:
            if "negation" in kinds or "unconfirmed" in kinds:
                return None
            renewal = milestone is Milestone.RENEWED
            # ("Netflix has confirmed that the show will get a third season" is no plan)
            planned = ("planned" in kinds or ("scheduled" in kinds and not renewal)) and not (
                renewal and _said_officially(doc, start, end)
            )
            # "will launch on Sunday, August 25": a premiere's day is always ahead
            ahead = hit.rule.future or (
                milestone is Milestone.RELEASE_DATE_ANNOUNCED
                and bool(hit.match.groupdict().get("date"))
            )
            if planned and not ahead:
                if milestone is not Milestone.FILMING_STARTED:
                    return None
                hit = _Hit(hit.start, hit.end, _as_planned(hit.rule), hit.match)
        elif "negation" in kinds and _NEGATED_RIGHT_BEFORE.search(
            text, max(0, hit.start - 20), hit.start
        ):
            if _said_not_so(doc, hit, left, right):
                # no event, but the network's word against the rumour of one
                doc.denials.append(_Hit(hit.start, hit.end, _as_negated(hit.rule), hit.match))
            return None  # "the show is not cancelled"
    if verdict and (
        _BATCH.match(text, hit.end) or _shows_in_general(text, max(left, hit.start - 50), hit.start)
    ):
        return None
    if milestone is Milestone.RELEASE_DATE_ANNOUNCED and published is not None:
        day = _captured_day(hit.match, published)
        if day is not None and published - day > PAST_RELEASE:
            return None
    return None if _is_passing(doc, hit, left, right, published, described) else hit


# A verdict's participle in an aside on the sentence's subject, its main verb after the
# aside: "Magnum P.I., canceled in May by CBS after four seasons, has been picked up for
# two seasons by NBC" tells a rescue, the cancellation is what the show is known by.
_ASIDE_OPENS = re.compile(r"[^,;:]{1,60}, ")
_ASIDE_PARTICIPLE = re.compile(r"(?:cancell?ed|axed|canned|scrapped|dropped|renewed)\b")
_MAIN_VERBS = (
    "picked up|rescued|revived|saved|renewed|cancell?ed|axed|ordered|acquired|given|handed"
    "|gets|got|lands|landed|returns|is returning|will return|finds|found|moves|moved|heads"
)
_ASIDE_CLOSES = re.compile(
    rf"[^,;:]{{0,100}}, (?:(?:has|have|had) been |is |was |will be )?(?:\w+ )?(?:{_MAIN_VERBS})\b"
)


def _in_subjects_aside(text: str, hit: _Hit, left: int, right: int) -> bool:
    """Whether ``hit`` is a participle told in an aside between the subject and its verb."""
    return (
        _ASIDE_OPENS.fullmatch(text, left, hit.start) is not None
        and _ASIDE_PARTICIPLE.match(text, hit.start) is not None
        and _ASIDE_CLOSES.match(text, hit.end, right) is not None
    )


# Who joins is the crew, not the cast: "joins the series as co-showrunner, EP", "enlists 3
# new directors for season 2"
_CREW_AS = re.compile(
    r"\bas (?:a |an |the |its |new )?(?:lead )?(?:co-?showrunners?|showrunners?|directors?"
    r"|writers?|head writer|executive producers?|eps?)\b"
)
_CREW_AFTER = re.compile(
    r" (?:\w+ )?(?:new )?(?:directors|co-?showrunners|showrunners|writers|executive producers)\b"
)

# A date told in an open question, "won't say if … will premiere in 2027"
_ASKED_IF = re.compile(r"\b(?:if|whether)\b[^.?!,;]{0,40}$")

# A weekday a network's verb is done to, heading a list of titles: a show named like one,
# "Netflix drops Wednesday, Harbor Lights and XO, Kitty trailers" (not "XO, Kitty premieres
# Wednesday, Harbor Lights and … follow", a title's day; nor "Wednesday, Thursday and Friday")
_NETWORK_VERB = re.compile(rf"\b{NETWORK} $")
_LIST_AFTER = re.compile(
    rf", (?!(?:and|{WEEKDAY}|{NETWORK})\b)[\w'&.-]+(?: [\w'&.-]+){{0,3}}(?:,| and | & )"
)


def _weekday_titled(text: str, hit: _Hit) -> bool:
    """Whether ``hit``'s weekday is a title listed after a network's verb, not its day."""
    return bool(
        _NETWORK_VERB.search(text, 0, hit.start)
        and _LIST_AFTER.match(text, hit.match.end("weekday"))
    )


def _other_work(text: str, hit: _Hit, left: int, *, shoot: bool) -> bool:
    """Whether ``hit`` (in a sentence from ``left``; a ``shoot``, a filming start or wrap) is
    the news of a star's other work or another title ("wraps filming on her next movie",
    "Anna Cathcart's new movie premieres June 5"), not the show's."""
    if shoot and (
        _OTHER_SHOOT_AFTER.match(text, hit.end)
        or _OTHER_SHOOT_WITHIN.search(text, hit.start, hit.end)
    ):
        return True
    before = max(left, hit.start - 60)
    # (after an ending, a work is its cause: "season 4 delayed by Anna Cathcart's new movie")
    ending = hit.rule.milestone in (Milestone.CANCELLED, Milestone.DELAYED)
    if (
        hit.rule.milestone is Milestone.DELAYED
        and _DELAYED_PRODUCT_BEFORE.search(text, before, hit.start)
        and not _TELLS.match(text, hit.start)
    ):
        return True
    return bool(
        (not shoot and not ending and _OTHER_WORK_AFTER.match(text, hit.end))
        or _OTHER_WORK_BEFORE.search(text, before, hit.start)
        or (
            hit.rule.milestone is not Milestone.TRAILER
            and _OTHER_THING_BEFORE.search(text, before, hit.start)
        )
    )


# Another title's event, in a clause the show is named only after: "Harbor Lights premieres
# Friday; XO, Kitty season 4 waits until 2027" (a semicolon, a dash, or "while" / "as" /
# "but" joining two shows). Its subject stands right before the event, and is no network,
# season or word that opens the show's own news ("Season 4 premieres Friday - XO, Kitty
# fans react", "Netflix renews it; …", "Officially renewed - …").
_JOINS_ANOTHER = re.compile(r"; | - | (?:while|as|but|whereas) ")
_NOT_AN_OBJECT = re.compile(
    rf"\d|^(?:in|on|at|for|to|with|after|before|by|from|this|next|last|until|{MONTH})\b"
)
# (after an event's object: the clause it ends, before the show's own)
_JOINS_OBJECT = re.compile(r"; | - |, (?:but |while )?| (?:while|but|whereas) ")
# (a join that sets the show's clause against the event's: it is no list of the event's titles,
# so the show's clause need tell no event of its own: "Netflix cancels Harbor Lights while XO,
# Kitty waits"; "cancels Harbor Lights, XO, Kitty" cancels both)
_JOINS_CONTRAST = re.compile(r",? (?:while|but|whereas|(?<!\bwell )as(?! well\b)) ")
# (the clause's opening words, with no verb or article: "Netflix has released a new trailer
# - …" tells of the show named after it)
_SUBJECT = re.compile(
    r"(?:^|(?<=; )|(?<= - ))"
    r"((?:(?!(?:has|have|had|is|are|was|were|will|a|an|that|which|its)\b)[\w'&.-]+ ){1,4})$"
)
_NO_TITLE = re.compile(
    rf"(?:(?:{NETWORK}|it|its|this|that|the|an?|new|next|season|series|show|part|final|last"
    r"|first|second|third|fourth|fifth|\d+|officially|finally|now|also|just|reportedly"
    r"|confirmed|breaking|exclusive|update|report|it's|here's|who|what|when"
    # (a part counted in words: "Season four premieres …", "Part two premieres …"; the
    # work's own stage: "Production delays push premiere to 2027 - …")
    r"|one|two|three|four|five|six|seven|eight|nine|ten|part|volume|vol\.|chapter"
    r"|production|filming)(?:'s)? )+"
)
# A subject that describes the show named after it, not another title: "Netflix's teen drama
# premieres December 4 - XO, Kitty season 4 is here", "Fan favourite renewed; …", "Teen
# romcom delayed to 2027 - …", "XO, Kitty: the K-Drama season 3 trailer" (a title ending in
# such a word, "The Morning Show", is read as before this check: the show's).
_DESCRIBES_SHOW = re.compile(
    r"(?:[\w'&.-]+ )*(?:\w+-)?(?:drama|comedy|rom-?com|romance|series|show|hit|favou?rite|binge"
    r"|sequel|chapter|instal?l?ment|delay|thriller|sitcom|dramedy|docuseries|s[eé]rien?)s? "
    # (the adjective after the noun: "La serie juvenil se estrena …"; not "Hit series Harbor
    # Lights premieres …", a title after the word)
    r"|(?:la|el|il|le|a|o|die|der|das) (?:(?:\w+-)?s[eé]rien?|drama|com[eé]di[ae]|commedia)"
    r" [\w-]+ "
)
# (a title's own events: a person's shoot or casting, told before the show, stays the show's)
_TITLE_EVENTS = frozenset(
    (
        Milestone.RELEASE_DATE_ANNOUNCED,
        Milestone.RELEASED,
        Milestone.RENEWED,
        Milestone.CANCELLED,
        Milestone.DELAYED,
        Milestone.TRAILER,
    )
)


# Another title written as one, in a headline in sentence case: a run of capitalised words
# (small words inside it: "Emily in Paris", "Ginny & Georgia") right before a lower-case
# word, the event ("Love Is Blind renewed - …", "Harbor Lights renewed, …"). A verb or an
# article inside such a run is the title's own, not the clause's.
_TITLED_RUN = re.compile(
    r"(?:^|(?<=[;,] )|(?<= [-\u2013\u2014] ))"
    r"([A-Z][\w'\u2019.]*(?: (?:(?:&|and|of|the|in|on|at|to|for|a|an) )*[A-Z0-9][\w'\u2019.]*)*)"
    r" (?=[a-z])"
)
# (a comma joins two titles' news only after such a run: "Harbor Lights renewed, XO, Kitty
# season 4 cancelled")
_JOINS_TITLED = re.compile(r"; | - |, | (?:while|as|but|whereas) ")
_JOINED = re.compile(r" (?:and|&) ")
_CLAUSE_START = re.compile(r"(?:^|; | - |, )(?=[^;,]*$)")


def _titled_subject(raw: str, text: str, end: int) -> str | None:
    """The clause's subject before ``end`` in ``text`` (the normalised ``raw``), when the raw
    headline writes it as a title: a capitalised run before a lower-case event word."""
    opening = _CLAUSE_START.search(text, 0, end)
    if opening is None:
        return None
    subject = text[opening.end() : end]
    if not 1 <= subject.count(" ") <= 6:
        return None
    words = subject.strip()
    for run in _TITLED_RUN.finditer(raw):
        if normalise(run.group(1)) == words:
            return subject
    return None


def _own_events(
    t: _Doc, index: ShowIndex, show: str, hits: list[_Hit], raw: str = ""
) -> list[_Hit]:
    """``hits`` without those of another title, told in a clause before the one that first
    names ``show`` (``raw``: the headline as written, whose capitals may mark a title)."""
    text = t.text
    aliases = [alias for alias in t.aliases(index) if alias.slug == show]
    if any(alias.strict for alias in aliases):
        return hits  # (a one-word name is found in the raw text, where no offset is ours)
    named = [m.start() for a in aliases if (m := at_word_start(a.pattern, text)) is not None]
    if not named:
        return hits
    first = min(named)
    # (a word of the show's name in the subject tells of the show: "Kitty's last chapter
    # premieres December 4 - …", "Kitty Song Covey returns December 4 - …")
    names = {w for a in aliases for w in re.findall(r"\w+", a.name.lower()) if len(w) > 2}

    def subject_of(h: _Hit) -> str | None:
        if _JOINS_ANOTHER.search(text, h.end, first) and (
            plain := _SUBJECT.search(text, 0, h.start)
        ):
            return plain.group(1)
        # (a title written as one only when the show's clause tells its own event: "Stacja
        # CBS zamawia nowe sezony seriali, w tym Harbor Lights" lists the show among its
        # orders)
        if own_event and _JOINS_TITLED.search(text, h.end, first):
            return _titled_subject(raw, text, h.start)
        return None

    own_event = any(h.start >= first for h in hits)

    def object_of(h: _Hit) -> str | None:
        # (the title an event is done to, before a join to the show's own clause, which
        # tells its own event: "Netflix cancels Harbor Lights, XO, Kitty renewed for …",
        # "… but renews XO, Kitty for …")
        join = _JOINS_CONTRAST.search(text, h.end, first) or _JOINS_OBJECT.search(
            text, h.end, first
        )
        if join is None or not (
            _JOINS_CONTRAST.fullmatch(join.group()) or any(o.start >= join.end() for o in hits)
        ):
            return None
        words = text[h.end : join.start()].strip()
        # (a time or a place is no title: "premieres December 4 - …", "premieres in June, …")
        if not words or _NOT_AN_OBJECT.search(words) or words.count(" ") >= 5:
            return None
        return f"{words} "  # (spaced as a subject is, for the checks that read word by word)

    def titled(words: str | None) -> bool:
        return (
            words is not None
            # (networks joined are no title: "CBS and ABC decided to postpone …")
            and not _NO_TITLE.fullmatch(_JOINED.sub(" ", words))
            and not _DESCRIBES_SHOW.fullmatch(words)
            and not names.intersection(words.replace("'s ", " ").split())
        )

    return [
        h
        for h in hits
        if not (
            h.end <= first
            and h.rule.milestone in _TITLE_EVENTS
            and (titled(subject_of(h)) or titled(object_of(h)))
        )
    ]


# A relative clause set off by commas, "XO, Kitty, which returns Wednesday for season 4, will
# end with it": it tells the subject's background, the main clause after it the news.
_RELATIVE_ASIDE = re.compile(r", (?:which|who) [^,;]{3,120}, (?=\w)")


# A relative clause that opens right before a release: "…, which premieres tonight", "the
# season that will debut June 15"
# (a "that" whose verb follows it: "confirmed that the show will return" has a subject)
_RELATIVE_BEFORE = re.compile(r"\bwhich (?:[\w-]+ ){0,2}$|\bthat (?:will |is |was )?$")


def _described_release(text: str, event: _Hit, summary: list[_Hit]) -> bool:
    """Whether the title's release only describes the season in a relative clause, while the
    summary tells another milestone of it: "Cobra Kai, which will be released in December,
    is in post-production" is the post-production's news."""
    return (
        event.rule.milestone in _RELEASES
        and _RELATIVE_BEFORE.search(text, max(0, event.start - 30), event.start) is not None
        and any(not h.rule.weak and h.rule.milestone not in _RELEASES for h in summary)
    )


# An aside that describes ("…, the teen romance that …, ", "…, one of …, ", "…, which …, "),
# not a label between commas ("…, everything we know, …").
_DESCRIBES = re.compile(r", (?:the|a|an|one of|which|who|whose|its|his|her|their)\b")


def _in_aside(doc: _Doc, block: _Block, event: _Hit) -> bool:
    """Whether ``block`` stands in an aside on the subject of ``event``'s sentence: a lead
    describes its show between commas ("XO, Kitty, one of Netflix's most-watched series,
    has been renewed"), the description is no frame of the news."""
    left, _ = doc.bounds(event.start, event.end)
    aside = _APPOSITIVE.fullmatch(doc.framing(), left, event.start)
    return (
        aside is not None
        and _DESCRIBES.match(aside.group(2)) is not None
        and aside.start(2) <= block.start < aside.end(2)
    )


def _main_clause_events(text: str, hits: list[_Hit]) -> list[_Hit]:
    """``hits`` without those in a relative clause between commas, when an event is told
    after it (with none after it, the clause's event is still read: "…, which returns in
    March for season 4, looks great")."""
    for aside in _RELATIVE_ASIDE.finditer(text):
        inside = [h for h in hits if aside.start() < h.start and h.end <= aside.end()]
        if inside and any(h.start >= aside.end() for h in hits):
            hits = [h for h in hits if h not in inside]
    return hits


# Two people named as a return's subject, "Anna Cathcart & Minyeong Choi returning for season
# 2", "… and …": the cast's return, not the season's order (a title joined by "&" has one
# word a side, "Ginny & Georgia", or is the show's name, found before this is asked).
_PERSONS_PAIR = re.compile(
    r"^((?:[A-Z][\w'\u2019-]+ ){1,2}[A-Z][\w'\u2019-]+ (?:&|and) (?:[A-Z][\w'\u2019-]+ ){1,2}"
    r"[A-Z][\w'\u2019-]+) (?:are |will be |to be )?(?:returning|return|back|coming back)\b"
)


def _without_pairs_return(
    raw: str, text: str, aliases: Sequence[Alias], hits: list[_Hit]
) -> list[_Hit]:
    """``hits`` without a return whose subject is two people's names (``raw``: the headline
    as written, ``text`` normalised; ``aliases``: the index's names it may hold)."""
    pair = _PERSONS_PAIR.match(raw)
    if pair is None:
        return hits
    subject = normalise(pair.group(1))
    if not text.startswith(subject) or any(
        at_word_start(a.pattern, subject) is not None for a in aliases
    ):
        return hits  # (an indexed name in the subject: "Ginny & Georgia returning …")
    return [h for h in hits if not (h.rule.name in _RETURNS and h.start <= len(subject) + 12)]


def _person_return_at(text: str, hit: _Hit) -> int | None:
    """Where the release ``hit`` tells a return a person may make: at its start ("returns in
    April"), or, for ``is-back``, whose match opens with its subject, at "is back" ("Min Ho
    of XO, Kitty is back in season 4")."""
    if _PERSON_RETURNS.match(text, hit.start):
        return hit.start
    if hit.rule.name == "is-back" and (back := _IS_BACK.search(text, hit.start, hit.end)):
        return back.start()
    return None


def _shows_person(doc: _Doc, left: int, start: int) -> bool:
    """Whether the words before ``start`` (in a sentence from ``left``) are a person's name
    after the show's name's possessive or before "of" it: "XO, Kitty's Anna Cathcart",
    "Anna Cathcart, of XO, Kitty,", not "XO, Kitty's season 3", "season 3 of XO, Kitty",
    "XO, Kitty's S4" nor, in a headline in sentence case, "XO, Kitty's sophomore outing"."""
    text = doc.text
    for begin, end in doc.names:
        if not left <= end < start:
            continue
        if owned := _POSSESSED.fullmatch(text, end, start):
            return _a_name(doc, owned.group(1).split())
        if _AFTER_OF_SHOW.fullmatch(text, end, start) and (of := _OF_SHOW.search(text[left:begin])):
            return _a_name(doc, of.group(1).split())
    return False


def _a_name(doc: _Doc, words: list[str]) -> bool:
    """Whether ``words`` of ``doc`` may be a person's name: none a work's word, an ordinal
    or a number, not after an article ("The World of XO, Kitty"), and capitalised (in a
    title-cased headline every word is)."""
    if words[0] in ("the", "a", "an") or any(
        w in _THE_WORK or _ORDINAL_WORD.fullmatch(w) or any(c.isdigit() for c in w) for w in words
    ):
        return False
    if not doc.raw:
        return True
    capitals, titled = _capitalised_words(doc.raw)
    if not doc.raw.isupper() and any(_written_in_capitals(doc.raw, w) for w in words):
        return False  # an acronym, not a name: "XO, Kitty's KISS returns June 5"
    return titled or all(w in capitals for w in words)


def _written_in_capitals(raw: str, word: str) -> bool:
    """Whether ``raw`` writes ``word`` (two letters or more) wholly in capitals."""
    return len(word) > 1 and re.search(rf"\b{re.escape(word.upper())}\b", raw) is not None


def _persons_return(doc: _Doc, hit: _Hit, left: int, right: int) -> bool:
    """Whether the delay ``hit`` (in a sentence ``[left, right)``) tells a person's return:
    a cast word right before it, or the show named as where the subject returns."""
    text = doc.text
    if _RETURN.search(text, hit.start, hit.end) is None:
        return False
    if _PERSON_BEFORE.search(text, max(left, hit.start - 60), hit.start):
        return True
    for alias in doc.looked_up():
        named = at_word_start(alias.pattern, text, hit.start)
        if (
            named is not None
            and named.start() < right
            and text.endswith(_RETURNS_TO, 0, named.start())
        ):
            return True
    return False


def _fronted(text: str, left: int, right: int) -> re.Match[str] | None:
    """The subordinate clause that opens the sentence ``[left, right)``, if any (a sentence
    after the first starts with the space after its stop)."""
    while left < right and text[left] == " ":
        left += 1
    return _FRONTED.match(text, left, right)


def _asking(doc: _Doc, block: _Block | None) -> _Block | None:
    """``block``, unless it is the title's only question and that question just stirs the
    reader (``HYPE_QUESTION``): then the summary may tell the news."""
    if block is None or block.rule.name != "question":
        return block
    text = doc.framing()
    opens = max((m.end() for m in _SENTENCE_MARK.finditer(text, 0, block.start)), default=0)
    if "?" in text[:opens] or not _HYPE_QUESTION.search(text, opens):
        return block
    return None


def _said_officially(doc: _Doc, start: int, end: int) -> bool:
    """Whether the network or the makers say so before the event: a renewal they announce
    in the future tense is the renewal itself, not a plan."""
    units = doc.units(doc.catalog.confirmed)
    return first_match(units, doc.text, doc.prefixes, start, end) is not None


def _filtered(
    doc: _Doc, *, title: bool, published: date | None, headline: bool = False
) -> list[_Hit]:
    units = doc.units(doc.catalog.events)
    hits = _kept(doc, _find_hits(doc, units, title=title, headline=headline), published)
    cancels = [h for h in hits if h.rule.milestone is Milestone.CANCELLED]
    if cancels:
        # "will not be renewed" is a cancellation, not a renewal.
        hits = [
            h
            for h in hits
            if h.rule.milestone is not Milestone.RENEWED
            or not any(c.start <= h.end and h.start <= c.end for c in cancels)
        ]
    return hits


# Milestones a delay in the same sentence overrides: "the start of production has been
# postponed", "the premiere moves from March 10 to June 2".
_DELAYABLE = frozenset(
    (Milestone.RELEASE_DATE_ANNOUNCED, Milestone.FILMING_STARTED, Milestone.RELEASED)
)


# A day of the month in a captured date ("june 5", "5 june"; not "april", nor "2027").
_DAY_NUMBER = re.compile(r"\b\d{1,2}\b")
# What may close a question after its mark: "(Is it cancelled?)".
_CLOSERS = " )]\"'»”’"


# Renewal wordings that a premiere date in the same sentence turns into a release date.
_RETURNS = frozenset(
    (
        "returns-for-season",
        "announces-season",
        "season-is-happening",
        "return-with-season",
        "commissioned",  # "to return to the ABC for season 2 on April 19"
    )
)


def _earliest(doc: _Doc, hits: list[_Hit]) -> _Hit | None:
    strong = [h for h in hits if not h.rule.weak]
    pool = strong or hits
    if not pool:
        return None
    first = min(pool, key=lambda h: h.start)
    if first.rule.milestone in _DELAYABLE:
        wanted: Callable[[EventRule], bool] = _is_delay
    elif first.rule.name in _RETURNS:
        # "returns for season 3 on September 21": a return with a date is a premiere
        wanted = _is_release_date
    elif first.rule.milestone is Milestone.TRAILER:
        # "Season 2 trailer reveals premiere date", "teaser confirms a lengthy delay": the
        # date or the delay is the news the trailer brings
        wanted = _trailer_news
    else:
        return first
    bounds = doc.bounds(first.start, first.end)
    # (a trailer as a label, "… trailer: premiere delayed to 2027", "… trailer: premieres
    # June 5": the news after its colon, a sentence of its own, is what the trailer brings)
    labelled = first.rule.milestone is Milestone.TRAILER and doc.text.startswith(":", first.end - 1)
    return next(
        (
            h
            for h in pool
            if (wanted(h.rule) and doc.bounds(h.start, h.end) == bounds)
            or (labelled and doc.bounds(h.start, h.end)[0] == first.end and _label_news(h))
        ),
        first,
    )


def _is_delay(rule: EventRule) -> bool:
    return rule.milestone is Milestone.DELAYED


def _is_release_date(rule: EventRule) -> bool:
    return rule.milestone is Milestone.RELEASE_DATE_ANNOUNCED


def _trailer_news(rule: EventRule) -> bool:
    return rule.name == "trailer-gives-date" or rule.milestone is Milestone.DELAYED


def _label_news(hit: _Hit) -> bool:
    """Whether ``hit``, right after a trailer's label ("… trailer: premieres June 5"), is the
    news the trailer brings: a delay, or a release with its day given ("… trailer: premiere
    date revealed" names none and "… Trailer: … Returns in April" a month, as trailers tell:
    they stay trailers)."""
    if _trailer_news(hit.rule):
        return True
    day = hit.match.groupdict().get("date")
    return hit.rule.milestone is Milestone.RELEASE_DATE_ANNOUNCED and bool(
        day and _DAY_NUMBER.search(day)
    )


def _is_future_filming(doc: _Doc, hit: _Hit, published: date | None) -> bool:
    """A filming start that is still ahead: a planned date, or a date after publication."""
    if hit.rule.future:
        return True
    _, right = doc.bounds(hit.start, hit.end)
    if _AHEAD.match(doc.text, hit.end, right) or _AHEAD_LANG.match(doc.text, hit.end, right):
        return True  # "filming starts in two weeks"
    if _STARTED.search(doc.text, hit.start, hit.end):
        return False  # "production started on Monday, July 17" has happened
    if published is None:
        return _AHEAD_UNDATED.match(doc.text, hit.end, right) is not None
    tail = _IN_MONTH_LANG.sub("in ", doc.text[hit.end : right])
    if (debut := _DEBUT.search(tail)) is not None:
        tail = tail[: debut.start()]  # "now filming ahead of its debut in 2023"
    later = resolve_dates(tail, published, doc.prefixes)
    return any(when - published > timedelta(days=1) for _, when in later)


def _certainty(
    doc: _Doc, hit: _Hit, title: _Doc, summary: _Doc, *, future: bool
) -> tuple[Certainty, str]:
    """How sure: a hedge in the event's sentence, else who says it in the title or the
    summary's lead, its first ``CUE_LEAD`` characters (the network or the makers:
    confirmed; the trade press: reported)."""
    if future:
        return Certainty.RUMORED, "planned"
    found = doc.catalog
    left, right = _clause(doc.text, hit, *doc.bounds(hit.start, hit.end))
    if (fronted := _fronted(doc.text, left, right)) is not None and fronted.end() <= hit.start:
        left = fronted.end()  # "After months of speculation, season 3 premieres June 5"
    rumour = first_match(doc.units(found.rumour), doc.text, doc.prefixes, left, right)
    while rumour and (denial := _said_around(doc, rumour.start())) is not None:
        # the rumours a denial names are no hedge on the event beside it ("denies the
        # cancellation rumours as season 4 begins filming")
        rumour = first_match(doc.units(found.rumour), doc.text, doc.prefixes, denial.end, right)
    if rumour:
        return Certainty.RUMORED, rumour.group(0)
    confirmed = _cue(found.confirmed, title, summary)
    if confirmed and not (
        (_MAY_NEGATE.search(title.text) or _MAY_NEGATE.search(summary.text, 0, CUE_LEAD))
        and _cue(found.negated_official, title, summary)
    ):
        return Certainty.CONFIRMED, confirmed.group(0)
    trade = _cue(found.trade, title, summary)
    return Certainty.REPORTED, trade.group(0) if trade else "headline"


def _said_around(doc: _Doc, at: int) -> _Hit | None:
    """The denial told in ``doc``'s own words that holds ``at``, if any."""
    return next((d for d in doc.said_denials() if d.start <= at < d.end), None)


def _cue(table: Table[R], title: _Doc, summary: _Doc) -> re.Match[str] | None:
    return first_match(title.units(table), title.text, title.prefixes) or first_match(
        summary.units(table), summary.text, summary.prefixes, 0, CUE_LEAD
    )


def _published_date(published: datetime | None) -> date | None:
    if published is None:
        return None
    if published.tzinfo is not None:
        published = published.astimezone(UTC)
    return published.date()


class _Summary:
    """The summary, analysed only as far as the decision needs it.

    Only its lead counts: feeds pad summaries with boilerplate, and what an
    article is about is said in its first sentences.
    """

    __slots__ = ("_hits", "doc", "published")

    def __init__(self, raw: str, published: date | None) -> None:
        if len(raw) > SUMMARY_LEAD:
            cut = raw.rfind(". ", 0, SUMMARY_LEAD)
            raw = raw[: cut + 1 if cut > SUMMARY_LEAD // 2 else SUMMARY_LEAD]
        self.doc = _Doc(raw)
        self.published = published
        self._hits: list[_Hit] | None = None

    def hits(self) -> list[_Hit]:
        if self._hits is None:
            self._hits = _filtered(self.doc, title=False, published=self.published)
        return self._hits

    def found(self, rule: EventRule) -> list[_Hit]:
        """The hits of ``rule`` (its planned twin's too) among ``hits``: found with that
        rule's pieces alone, unless every rule has run already (a rule's hits and whether
        they are kept do not depend on the other rules')."""
        if self._hits is not None:
            planned = _as_planned(rule)
            return [h for h in self._hits if h.rule is rule or h.rule is planned]
        doc = self.doc
        hits = _find_hits(doc, _units_of(doc, rule), title=False)
        return _kept(doc, hits, self.published)


def classify(
    title: str,
    summary: str,
    published: datetime | None,
    index: ShowIndex,
    *,
    known: KnownStatus | None = None,
) -> Signal:
    """Read one article: which show and season, which milestone, how sure."""
    when = _published_date(published)
    t = _Doc(reported_future(normalise(title)), normalised=True)
    s = _Summary(summary, when)
    show = index.first_named(t.aliases(index), t.text, title) or (
        index.first_named(s.doc.aliases(index), s.doc.text, summary) if summary else None
    )
    if show is not None:
        t = _with_seasons_spelt(_without_name_commas(t, index, show), index, show)
        s.doc = _with_seasons_spelt(_without_name_commas(s.doc, index, show), index, show)
        _drop_others_seasons(t, title, index, show)
        _drop_others_seasons(s.doc, summary, index, show)
    if show is not None and show in index.blanked:
        t.names = index.name_spans(show, t.aliases(index), t.text)
        t.raw = title
        if s.doc.text:
            s.doc.names = index.name_spans(show, s.doc.aliases(index), s.doc.text)
            s.doc.raw = summary

    if published is not None and published.tzinfo is not None:
        # (midnight is a day without its hour: a feed's or a set's date alone)
        at = published.astimezone(UTC).time()
        t.ahead = s.doc.ahead = at != time() and at.hour < _AMERICAS_EVENING_ENDS
    t_hits = _filtered(t, title=True, published=when, headline=_SENTENCE_END.search(title) is None)
    if show is not None and t_hits:
        t_hits = _own_events(t, index, show, t_hits, title)
    if "which " in t.text or "who " in t.text:
        t_hits = _main_clause_events(t.text, t_hits)
    if t_hits and (" & " in title or " and " in title):
        t_hits = _without_pairs_return(title, t.text, t.aliases(index), t_hits)
    t_event = _earliest(t, t_hits)
    if t_event is not None and t_event.rule.weak and any(not h.rule.weak for h in s.hits()):
        t_event = None  # a "first look" in the title yields to a real event in the summary
    elif t_event is not None and _described_release(t.text, t_event, s.hits()):
        t_event = None  # "…, which premieres in May, …": the summary's stage is the news

    blocked: _Block | None = None
    source, event = t, t_event
    scene = _scene_set(t.text)
    if t_event is not None:
        # a strong block before the event wins ("everything we know as the trailer teases...")
        if t_event.start > 2:
            blocked = _first_block(
                t, t.catalog.blocks, strong_only=True, before=t_event.start, start=scene
            )
            if blocked is not None and _in_aside(t, blocked, t_event):
                blocked = None  # "XO, Kitty, one of Netflix's most-watched shows, is renewed"
        if blocked is None:  # "everything we know" in the summary frames the title as an explainer
            blocked = _first_block(s.doc, t.catalog.summary_blocks, strong_only=True)
        if blocked is None:
            blocked = _first_block(t, t.catalog.late_blocks)
            if (
                blocked is not None
                and blocked.rule.name == "viewing-record"
                and t_event.rule.milestone is not Milestone.RELEASED
            ):
                blocked = None  # the audience frames a release, not a renewal beside it
        if blocked is None and t_event.rule.milestone is Milestone.RELEASED:
            blocked = _first_block(t, t.catalog.review)
    elif (
        t_block := _asking(t, _first_block(t, t.catalog.blocks, start=scene))
        or _first_block(t, t.catalog.late_blocks)
    ) is not None:
        blocked = t_block  # (a block that holds after an event holds without one)
    else:
        blocked = _first_block(s.doc, t.catalog.summary_blocks)
        if blocked is None:
            source, event = s.doc, _earliest(s.doc, s.hits())
            if event is not None and event.rule.weak:
                event = None  # a "first look" in the summary alone is a photo piece

    # a premiere this close to publication is a preview
    imminent = IMMINENT_IN_TITLE if source is t else IMMINENT_IN_SUMMARY
    if event is not None:
        event = _the_news(event, t_hits if source is t else s.hits(), when, imminent)
        if source is t and event.rule.milestone is Milestone.WRITING:
            event = _shoot_after_writing(t, s, event, t_hits, when)
        if event.rule.name in _RETURNS:
            source, event = _stage_reached(t, t_hits, s, when) or (source, event)
    if blocked is None and (denial := _denial_of(t, t_event, s, source, event)) is not None:
        return _denial_signal(index, title, summary, t, s, denial, known, show, when)
    season = _season(index, show, t, s.doc, source, event)
    if blocked is not None:
        return Signal(show, season, None, None, None, f"not-news:{blocked.rule.name}")
    if event is None:
        return Signal(show, season, None, None, None, "not-news:no-milestone")

    milestone = event.rule.milestone
    if (not_news := _SHOOT_NOT_NEWS.get(milestone)) is not None and (
        not_news[1].search(t.text) or not_news[1].search(s.doc.text)
    ):
        return Signal(show, season, None, None, None, f"not-news:{not_news[0]}")
    future = milestone is Milestone.FILMING_STARTED and _filming_ahead(t, s, source, event, when)
    certainty, cue = _certainty(source, event, t, s.doc, future=future)
    if milestone is Milestone.RELEASE_DATE_ANNOUNCED and certainty is Certainty.RUMORED:
        # a date nobody has announced yet ("could premiere in June") is no announcement
        return Signal(show, season, None, None, None, f"not-news:date-rumoured:{cue}")
    if (stale := _stale(known, show, season, milestone, when)) is not None:
        return stale
    set_day = None
    if milestone is Milestone.DELAYED:
        # the day it moved to, however close: a delay is news, not a preview of the day
        event_date, moved_from, period = _delay_days(source, event, when)
        if period is not None and when is not None and _moved_up(source, event, period, when):
            return Signal(show, season, None, None, None, "not-news:moved-up")
    else:
        when = _outlets_day(event, published, when)
        event_date, moved_from, period = _event_date(event, when), None, None
        if event_date is None and milestone is Milestone.RELEASE_DATE_ANNOUNCED:
            # (a day read beside the rule's words, not by them, only dates the announcement:
            # the checks below for a day near or on publication were measured on rules' days)
            set_day = _set_day(source, event, when)
        if event_date is set_day is None and milestone is Milestone.RELEASE_DATE_ANNOUNCED:
            periods = _set_periods(source, event, when)
            period = next((p for p in periods if when is None or p.last_day >= when), None)
            if period is None and periods:
                # only a month or year gone by ("premieres April 2026" read in November): a
                # passing mention, a review's background or an old story, as a past day is
                return Signal(show, season, None, None, None, "not-news:period-gone")
    dated_today = event_date is not None and event_date == when
    if dated_today and milestone is Milestone.RELEASE_DATE_ANNOUNCED:
        milestone = Milestone.RELEASED  # a premiere dated the day it is reported has happened
    elif milestone is not Milestone.DELAYED and _imminent(event_date, when, imminent):
        return Signal(show, season, None, None, None, "not-news:premiere-imminent")
    return Signal(
        show,
        season,
        milestone,
        certainty,
        event_date or set_day,
        f"{milestone.value}:{event.rule.name}+{certainty.label}:{cue}",
        also=_also(source, event, season, milestone),
        final=_names_last(source, event, season),
        moved_from=moved_from,
        period=period,
    )


# The season named is the show's last: "… final", "(cancelled|ends) after season 3",
# "(will end|coming to an end|concludes) with its upcoming third season".
_LAST_WORD = re.compile(r"\b(?:last|final)\b")
_LAST_BEFORE = re.compile(
    r"\b(?:after|(?:end(?:s|ed|ing)?|conclud(?:e|es|ed|ing)) with) (?:its |the )?"
    r"(?:(?:upcoming|forthcoming|current|next|final) )?(?:[\w-]+ )?$"
)


def _names_last(source: _Doc, event: _Hit, season: int | None) -> bool:
    """Whether a cancellation names the show's last season rather than one that will not
    come: the words of the event say so, or the season's own reference follows "after" or
    "end with"."""
    if event.rule.milestone is not Milestone.CANCELLED or season is None:
        return False
    if _LAST_WORD.search(event.match.group(0)):
        return True
    if not (refs := source.seasons()):
        return False
    at, value = min(refs, key=lambda ref: abs(ref[0] - event.start))  # as ``nearest_season``
    return value == season and _LAST_BEFORE.search(source.text, max(0, at - 60), at) is not None


# Milestones one wording can give several seasons at once ("renewed for seasons 4 and 5",
# "seasons 4 and 5 will film back-to-back"): none with a date, which is each season's own.
_SEVERAL_SEASONS = frozenset(
    (
        Milestone.RENEWED,
        Milestone.CANCELLED,
        Milestone.WRITING,
        Milestone.CASTING,
        Milestone.FILMING_STARTED,
        Milestone.FILMING_WRAPPED,
        Milestone.POST_PRODUCTION,
    )
)


def _also(source: _Doc, event: _Hit, season: int | None, milestone: Milestone) -> tuple[int, ...]:
    """The seasons after ``season`` that the event's own season reference names, the one
    ``_season`` read ("seasons 4 and 5": (5,)); none for a milestone with a date."""
    if season is None or milestone not in _SEVERAL_SEASONS or not (refs := source.seasons()):
        return ()
    at, value = min(refs, key=lambda ref: abs(ref[0] - event.start))  # as ``nearest_season``
    named = seasons_named(source.text, at)
    return named[1:] if value == season and named[:1] == (season,) else ()


def _denied_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, before an event, holds a whole denial with its own
    object ("denies the cancellation rumours as …"): the event after it is not what it
    denies."""
    return MAY_DENY.search(text, start, end) is not None and any(
        rule.pattern.search(text, start, end) for rule in DENIAL_RULES
    )


def _denial_of(
    t: _Doc, t_event: _Hit | None, s: _Summary, source: _Doc, event: _Hit | None
) -> tuple[_Doc, _Hit] | None:
    """The denial that is the article's news, with its text: the title's, unless the title
    reports an event of its own; else the summary's, when the summary decides."""
    if (found := _denied(t, t_event)) is not None:
        return t, found
    if t_event is None and source is s.doc and (found := _denied(s.doc, event)) is not None:
        return s.doc, found
    return None


def _denied(doc: _Doc, event: _Hit | None) -> _Hit | None:
    """A denial in ``doc`` when nothing else happened in it (a denial's own words are no
    event: ``_kept`` drops them)."""
    if event is not None:
        return None
    return min((*doc.denials, *doc.said_denials()), key=_START, default=None)


def _denial_signal(
    index: ShowIndex,
    title: str,
    summary: str,
    t: _Doc,
    s: _Summary,
    denial: tuple[_Doc, _Hit],
    known: KnownStatus | None,
    show: str | None,
    when: date | None,
) -> Signal:
    """A denial of ``hit``'s milestone: confirmed when the network or the makers deny it
    (named in its sentence, outside what it denies), else reported. No milestone: nothing
    happened, and the tracker decides whether it withdraws a rumour."""
    doc, hit = denial
    season = _season(index, show, t, s.doc, doc, hit)
    milestone = hit.rule.milestone
    if (stale := _stale(known, show, season, milestone, when)) is not None:
        return stale
    left, right = doc.bounds(hit.start, hit.end)
    who = DENIER.search(doc.text, left, hit.start) or DENIER.search(doc.text, hit.end, right)
    certainty = Certainty.CONFIRMED if who else Certainty.REPORTED
    cue = who.group(0) if who else "headline"
    rule = f"denied:{milestone.value}:{hit.rule.name}+{certainty.label}:{cue}"
    also, final = _also(doc, hit, season, milestone), _names_last(doc, hit, season)
    return Signal(
        show, season, None, certainty, None, rule, denies=milestone, also=also, final=final
    )


_NAME_COMMA = re.compile(r" ?, ?")


def _without_name_commas(doc: _Doc, index: ShowIndex, show: str) -> _Doc:
    """``doc``, or a copy whose show's name has no comma ("xo, kitty" -> "xo kitty"): a
    rule's span stops at a comma, so "Netflix confirms XO, Kitty season 4" would read as
    two clauses, the verb's and the season's."""
    if "," not in doc.text or show not in index.blanked:
        return doc
    spans = index.name_spans(show, doc.aliases(index), doc.text)
    if not any("," in doc.text[start:end] for start, end in spans):
        return doc
    # (a space for the comma when none follows it: "xo,kitty 4" stays two words)
    return _Doc(_respelt(doc.text, spans, lambda name: _NAME_COMMA.sub(" ", name)), normalised=True)


def _respelt(text: str, spans: Sequence[tuple[int, int]], spell: Callable[[str], str]) -> str:
    """``text`` with each of its ``spans`` (in order, apart) written as ``spell`` writes it."""
    parts: list[str] = []
    at = 0
    for start, end in spans:
        parts += (text[at:start], spell(text[start:end]))
        at = end
    parts.append(text[at:])
    return "".join(parts)


def _with_seasons_spelt(doc: _Doc, index: ShowIndex, show: str) -> _Doc:
    """``doc``, or a copy that writes "season" before a number after the show's name: the
    rules read "Squid Game 2 is happening" as they read "season 2 is happening"."""
    if not doc.text:
        return doc
    spelt = index.spell_seasons(show, doc.prefixes, doc.text)
    return doc if spelt is None else _Doc(spelt, normalised=True)


# A season bound to another title: "Netflix drops Harbor Lights season 2 and XO, Kitty
# trailers", "season 2 of Harbor Lights" is that title's, and tells nothing of the show's
# (the raw text's capitals mark a title; a title-cased headline capitalises every word, so
# there only another show of the index counts, and so for a possessive, "Anna Cathcart's").
_SMALL_WORDS = frozenset(("&", "and", "of", "the", "in", "on", "at", "to", "for", "a", "an"))
_ORDINAL_WORD = re.compile(rf"\d+(?:st|nd|rd|th)|{'|'.join(ORDINALS)}")
_SEASON_OF = re.compile(r"(?:seasons?|series)(?: [\w-]+)? of ")
# (a word, or a mark that ends a run: a quote, a comma, a stop)
_TOKEN = re.compile(r"\w[\w'&-]*|[^\w\s]")
_TITLE_RUN_MAX = 6
# (one capitalised word that is no title: "Netflix denies reports No season 4 for …")
_NOT_A_TITLE = frozenset(
    ("no", "not", "any", "every", "more", "all", "another", "our", "your", "my", "his", "her")
)
# (the words between a title and the season it is renewed or told "for", longest first: en
# "for a", it "per la", de "für", fr "pour une", es "por una")
_FOR = ("for", "per", "für", "pour", "por", "para")
_FOR_SEASON = (
    *([f, a] for f in _FOR for a in ("a", "the", "its", "la", "una", "eine", "die", "une")),
    *([f] for f in _FOR),
)
# (the show's own season told "for" with its noun left out, the clause ending there)
_ELIDED_SEASON = re.compile(
    rf" (?:{'|'.join(_FOR)}) (?:a|its|la|una|une|eine) (?P<ordinal>{'|'.join(ORDINALS)})"
    r"(?=$|[.,;:!?]| (?:and|e|y|et|und)\b)"
)
# (what may follow a whole title: a join, or its verb's auxiliary)
_ENDS_TITLE = frozenset(("and", "&", "is", "are", "was", "were", "has", "have", "will", "gets"))


def _tokens(text: str) -> list[str]:
    """``text``'s words (a quote closing one dropped, "'s" kept) and marks."""
    found: list[str] = _TOKEN.findall(text)
    if "'" not in text:
        return found  # (most texts: nothing to mend)
    return [token if token.endswith("'s") else token.rstrip("'") or token for token in found]


def _capitalised_words(raw: str) -> tuple[frozenset[str], bool]:
    """The words ``raw`` writes capitalised, and never in lower case (normalised), and
    whether it is title-cased (over twice as many words of four letters or more capitalised)."""
    upper: set[str] = set()
    lower: set[str] = set()
    for token in set(_tokens(raw)):
        if token[0].isalpha():
            (upper if token[0].isupper() else lower).add(_word_form(token))
    # (most words, not all: "'Terriers' put down: FX Cancels Show After First Season")
    longer = [len({w for w in words if len(w) > 3}) for words in (upper, lower)]
    return frozenset(upper - lower), longer[0] > 2 * longer[1]


def _word_form(token: str) -> str:
    """``normalise(token)`` for one word: for a plain ASCII one (no "&" to unescape, no "-"
    before a filler word) that is its lower case, without ``normalise``'s scans."""
    if token.isascii() and "&" not in token and "-" not in token:
        return token.lower()
    return normalise(token)


def _written_lower(raw: str, lowered: str, word: str) -> bool:
    """Whether ``raw`` writes ``word`` in lower case as a token of its own (``lowered``, its
    lower case, is as long): then it is none of ``_capitalised_words``' capitals, found
    without reading every word's case. (A token's word form is its lower case: it holds
    nothing else ``normalise`` would change.)"""
    at = lowered.find(word)
    while at != -1:
        end = at + len(word)
        if (
            raw[at].isalpha()
            and not raw[at].isupper()
            and (at == 0 or not _in_token(raw[at - 1]))
            and (end == len(raw) or not _in_token(raw[end]))
            and raw[at:end].lower() == word  # (a Greek final sigma lowers by its context)
        ):
            return True
        at = lowered.find(word, at + 1)
    return False


def _in_token(char: str) -> bool:
    """Whether ``char`` continues a word's token (``_TOKEN``'s \\w and "'&-")."""
    return char.isalnum() or char in "_'&-"


def _title_run(words: list[str], capitals: frozenset[str]) -> list[str]:
    """The capitalised run that ``words`` (nearest first) open with, small words inside it."""
    run: list[str] = []
    for word in words[:_TITLE_RUN_MAX]:
        if word in capitals or (run and word in _SMALL_WORDS):
            run.append(word)
        else:
            break
    while run and run[-1] in _SMALL_WORDS:
        run.pop()
    # (two titles joined: the one nearest the season is the one it is bound to, "XO, Kitty
    # and Harbor Lights season 2" is Harbor Lights', "season 2 of Harbor Lights and …" too)
    for at, word in enumerate(run):
        if word in ("and", "&"):
            return run[:at]
    return run


def _drop_others_seasons(doc: _Doc, raw: str, index: ShowIndex, show: str) -> None:
    """Forget ``doc``'s season references bound to another title than ``show``: right after
    it ("Harbor Lights season 2", "Harbor Lights 2nd season") or after "of" ("season 2 of
    Harbor Lights"). With none of its own left, the show's season is unknown."""
    seasons = doc.seasons()
    if not seasons or not raw:
        return
    text = doc.text
    aliases = doc.aliases(index)
    # (its names the text does not hold too: "Percy Jackson" of "… and the Olympians")
    mine = {*index.aliases_of(show), *(a for a in aliases if a.slug == show)}
    names = [[w for w in _tokens(normalise(a.name)) if w[0].isalnum()] for a in mine]
    people = index.people_of(show)
    fors = [[f] for f in _FOR]
    # (the raw text's casing, read only where no name of the show's stands before a season:
    # before most it does, and reading every word's case was a fifth of classify's time)
    cased: list[tuple[frozenset[str], bool]] = []

    def casing() -> tuple[frozenset[str], bool]:
        if not cased:
            cased.append(_capitalised_words(raw))
        return cased[0]

    lowered = raw.lower()
    aligned = len(lowered) == len(raw)  # (not where a letter's lower case is two letters)

    def capitals(words: list[str]) -> frozenset[str]:
        # (none where no run can start: at no word, a mark or a number, as a letter's lower
        # case starts with a letter; or at a word the text writes in lower case too)
        if (
            not words
            or not words[0][0].isalpha()
            or (aligned and _written_lower(raw, lowered, words[0]))
        ):
            return frozenset()
        return casing()[0]

    # (the names' words, read only for a run of words before or after a season: most have none)
    named: list[tuple[set[str], set[str]]] = []

    def name_words() -> tuple[set[str], set[str]]:
        if not named:
            own = {w for a in mine for w in re.findall(r"\w+", a.name.lower()) if len(w) > 2}
            named.append((own, {normalise(a.name) for a in aliases if a.slug != show}))
        return named[0]

    def another(run: list[str], *, sure: bool, ending: bool = True, cased: bool = False) -> bool:
        # (a show of the index nearest the season, in any case: "… With Harbor Lights Season
        # 2"; not a word of a longer name of the show's, "The Wheel of Time")
        if not run:
            return False
        own, others = name_words()
        for n in range(1, len(run) + 1):
            near, rest = (run[-n:], run[:-n]) if ending else (run[:n], run[n:])
            # (not a part of the show's longer name: "Vikings" of "Vikings: Valhalla")
            if " ".join(near) in others and not (
                own.issuperset(near)
                or (rest and ((rest[-1] if ending else rest[0]) in own | _SMALL_WORDS))
            ):
                return True
        if own.intersection(w.removesuffix("'s") for w in run):
            return False
        # (one of the show's people, not a title: "XO, Kitty: Minyeong Choi season 3 trailer")
        ends = (run[i:] if ending else run[: i + 1] for i in range(len(run)))
        if people and any(" ".join(words) in people for words in ends):
            return False
        return (
            sure
            and (cased or not casing()[1])
            and not (len(run) == 1 and run[0] in _NOT_A_TITLE)
            and not any(w.endswith("'s") for w in run)  # (a person's: "Anna Cathcart's")
            and not _NO_TITLE.fullmatch(" ".join(run) + " ")
            and not _DESCRIBES_SHOW.fullmatch(" ".join(run) + " ")
        )

    def own_for() -> bool:
        # (the show's own name told "for" a season too: "… and XO, Kitty for season 2", it
        # "… e XO, Kitty per la quarta stagione")
        words = _tokens(text)
        return any(
            name and words[at : at + len(name)] == name and words[at + len(name) :][:1] in fors
            for name in names
            for at in range(len(words))
        )

    def before_show(at: int) -> bool:
        # (a season joined to the show's name after it is the title's before it, in any
        # case: "Netflix Drops Stranger Things Season 5 And XO, Kitty Trailers")
        after = _tokens(text[at : at + 120])
        after = after[2:] if after[:1] in (["season"], ["series"]) else after[1:]
        return after[:1] in (["and"], ["&"], [","]) and any(
            name and after[1 : len(name) + 1] == name for name in names
        )

    def bound_elsewhere(at: int) -> bool:
        before = _tokens(text[max(0, at - 120) : at])
        if before and _ORDINAL_WORD.fullmatch(before[-1]):
            before.pop()  # "Harbor Lights second season"
        # (a title renewed "for" its season beside the show's own: "renews Wednesday for
        # season 3 and XO, Kitty for season 2"; not a place, "filming in Hackney for season 2")
        join = next((j for j in _FOR_SEASON if before[-len(j) :] == j), [])
        told_for = bool(join) and own_for()
        if told_for:
            del before[-len(join) :]
        if any(name and before[-len(name) :] == name for name in names):
            return False  # (the show's name, whatever its capitals: "This is Us Season 5")
        nearest = before[::-1]
        run = _title_run(nearest, capitals(nearest))[::-1]
        ahead = before[-len(run) - 1] if 0 < len(run) < len(before) else ""
        # (one capitalised word heading its clause may be any word, "Watch season 3 …"; a
        # run after an owner's name describes its season, "… Story's Katrina-themed season";
        # after "&" it ends a title, "Ginny & Georgia season 3")
        heads = len(run) == 1 and not ahead[:1].isalnum() and ahead != "&"
        # (``before_show`` and the join only for a run: with none there is no title)
        if run:
            # (a title joined after the show's name, in any case: "XO, KITTY (SEASON 3) AND
            # STRANGER THINGS SEASON 5 TRAILERS DROP")
            joined = before[: -len(run) - 1] if ahead in ("and", "&", ",") else []
            if joined[-2:-1] in (["season"], ["series"]):
                del joined[-2:]
            after_show = any(name and joined[-len(name) :] == name for name in names)
            # (or told "for" its season, as the show is, in any case: de "Netflix verlängert
            # Wednesday für Staffel 3 und XO, Kitty für Staffel 4", where every noun is
            # capitalised)
            cased = told_for or after_show or before_show(at)
            if another(run, sure=not heads and not ahead.endswith("'s"), cased=cased):
                return True
        of = _SEASON_OF.match(text, at)
        if of is None:
            return False
        after = _tokens(text[of.end() : of.end() + 120])
        if any(name and after[: len(name)] == name for name in names):
            return False
        run = _title_run(after, capitals(after))
        # (the title is the whole phrase, not words describing one: "of Northern
        # Ireland-based crime drama Bloodlands", "of Priyanka Chopra's spy thriller")
        rest = after[len(run)] if len(after) > len(run) else "."
        whole = not rest[0].isalnum() or rest in _ENDS_TITLE
        return another(run, sure=whole, ending=False)

    # (the show's own then told with no season word, "renews Wednesday for a third season and
    # XO, Kitty for a second", is _elided_season's)
    doc.drop_seasons(bound_elsewhere)


def _the_news(event: _Hit, own: list[_Hit], when: date | None, imminent: timedelta) -> _Hit:
    """The hit among ``own``, the event's own text's, that is the news when the event is
    only its background."""
    milestone = event.rule.milestone
    if milestone is Milestone.FILMING_WRAPPED:
        # "filming wrapped in March and the season is now in post-production": the later
        # stage is where the season stands (in the wrap's own text: a title that says
        # "filming finishes" stays a wrap whatever its summary adds)
        return _first_of(Milestone.POST_PRODUCTION, own) or event
    if milestone is Milestone.RELEASE_DATE_ANNOUNCED and _imminent(
        _event_date(event, when), when, imminent
    ):
        # "ahead of its debut on September 17, Apple released the trailer": the premiere
        # days away is the background, and the trailer is the news
        return _first_of(Milestone.TRAILER, own) or event
    return event


# Work taken up again, as after a strike: "writers return to work", "writers are back".
_BACK = re.compile(r"\b(?:return\w*|back|resum\w*|reopen\w*|reconven\w*)\b")


def _shoot_after_writing(
    t: _Doc, s: _Summary, event: _Hit, own: list[_Hit], when: date | None
) -> _Hit:
    """The shoot a headline tells after its writing: "Writers return to work: … season 4
    production resumes" is the later stage, the writers' return its background. Not a shoot
    still planned, nor another season's ("… season 5 writers' room opens as season 4 begins
    filming"); in a summary, "scripts written, and it might start filming" stays writing."""
    if _BACK.search(event.match.group(0)) is None:
        return event
    shoot = _first_of(Milestone.FILMING_STARTED, own)
    if shoot is None or _filming_ahead(t, s, t, shoot, when):
        return event
    seasons = t.seasons()
    same = nearest_season(seasons, shoot.start) == nearest_season(seasons, event.start)
    return shoot if same else event


# Stages of work an article can report as begun, after the season's order.
_UNDER_WAY = frozenset((Milestone.WRITING, Milestone.FILMING_STARTED, Milestone.POST_PRODUCTION))


def _stage_reached(
    t: _Doc, t_hits: list[_Hit], s: _Summary, when: date | None
) -> tuple[_Doc, _Hit] | None:
    """The first stage of work that the article says has begun, in its title or summary.

    A title that only says a show "returns for season 3" or "is set to return" is the
    background when its article says the writing or the shoot is under way: the season
    stands at that stage. (A title that announces the renewal itself stays a renewal.)
    """
    for doc, hits in ((t, t_hits), (s.doc, s.hits())):
        for hit in hits:
            milestone = hit.rule.milestone
            if milestone not in _UNDER_WAY or hit.rule.weak:
                continue
            if milestone is Milestone.FILMING_STARTED and _filming_ahead(t, s, doc, hit, when):
                continue  # a planned shoot is no stage reached
            return doc, hit
    return None


def _first_of(milestone: Milestone, hits: list[_Hit]) -> _Hit | None:
    """The first hit of ``milestone`` among ``hits``, "first look"s aside."""
    return next((h for h in hits if h.rule.milestone is milestone and not h.rule.weak), None)


def _filming_ahead(t: _Doc, s: _Summary, source: _Doc, event: _Hit, when: date | None) -> bool:
    """Whether a filming start is still to come.

    The title's "rounds up the cast to begin production" reads as a plan, but a
    summary saying "as filming begins" settles it; a title saying "filming
    begins" with a summary that only gives a planned start is a plan.
    """
    if source is not t:
        return _is_future_filming(source, event, when)
    if event.rule.future:
        # "set to start filming" stays a plan unless the summary says filming has begun
        started = _any_started(s.doc, s.found(FILMING_NOW), when)
        return not started or _mentions(s.doc, *FILMING_FUTURE)
    return _is_future_filming(t, event, when) or _summary_plans_filming(s, when)


def _summary_plans_filming(s: _Summary, when: date | None) -> bool:
    """The summary only speaks of a planned start ("scheduled to commence in March",
    "filming starts on Monday, 1 September" read in August)."""
    now = s.found(FILMING_NOW)
    if _any_started(s.doc, now, when) or _PAST_PLAN.search(s.doc.text):
        return False  # (a plan "had been scheduled to begin in April": events overtook it)
    return bool(now) or _mentions(s.doc, *FILMING_FUTURE)


def _any_started(doc: _Doc, hits: list[_Hit], when: date | None) -> bool:
    """Whether one of ``hits`` says filming has begun (not "begins this February", read in
    January)."""
    return any(not _is_future_filming(doc, h, when) for h in hits)


def _mentions(doc: _Doc, *rules: EventRule) -> bool:
    """Whether one of ``rules`` matches anywhere in ``doc``, searched with its admitted pieces
    only."""
    if not doc.text:
        return False  # no rule matches an empty text (and its whole pattern stays uncompiled)
    return any(
        find_first(piece, doc.text, doc.prefixes) is not None for _, piece in _units_of(doc, *rules)
    )


def _units_of(doc: _Doc, *rules: EventRule) -> list[tuple[EventRule, Piece]]:
    """The pieces of ``rules`` that the gate admits for ``doc``, in table order."""
    return [unit for unit in doc.units(doc.catalog.events) if any(unit[0] is r for r in rules)]


def _season(
    index: ShowIndex,
    show: str | None,
    t: _Doc,
    s: _Doc,
    source: _Doc,
    event: _Hit | None,
) -> int | None:
    if event is not None:
        found = _next_season(source, event)
        if found is None:
            found = nearest_season(source.seasons(), event.start)
        if found is not None:
            return found
    for doc in (t, s):
        seasons = doc.seasons()
        if seasons:
            return seasons[0][1]
    return (
        index.numbered_season(t.aliases(index), t.text)
        or index.numbered_season(s.aliases(index), s.text)
        or _elided_season(index, show, t)
    )


def _elided_season(index: ShowIndex, show: str | None, doc: _Doc) -> int | None:
    """The show's own season told "for" with its noun left out, the clause ending there, in
    a text with no season word: "Netflix renews XO, Kitty for a fourth" (not "for a fourth
    time"). Read only where a "for" stands at all."""
    text = doc.text
    if show is None or not any(f" {f} " in text for f in _FOR):
        return None
    for alias in doc.aliases(index):
        if alias.slug != show:
            continue
        m = at_word_start(alias.pattern, text)
        while m is not None:
            if elided := _ELIDED_SEASON.match(text, m.end()):
                return ORDINALS[elided["ordinal"]]
            m = at_word_start(alias.pattern, text, m.end())
    return None


# An opening clause's season that aired, which a renewal or a shoot in the main clause follows:
# "Following the season 2 premiere, Netflix renews XO, Kitty" renews season 3.
_AIRED = re.compile(
    r"\b(?:premiere[ds]?|debut(?:ed|s)?|release[ds]?|finale|launch(?:ed)?|dropped"
    # es "tras el estreno de", it "dopo il debutto", fr "après la sortie", pt "após a estreia"
    r"|estreno|lanzamiento|debutto|uscita|sortie|lancement|estreia|lançamento)\b"
)
# The openers of a clause the main one follows ("Two weeks after", "Following", "With"); not
# one it precedes or stands against: "Ahead of the release of season four, … has wrapped
# filming" is season 4's wrap, "While … season 3's release …" names the subject.
_AFTER_OPENER = re.compile(
    rf"{_SOME_TIME}(?:after|since|following|once|with|fresh off|on the heels of|in the wake of"
    rf"|{_AFTER_LANG})\b"
)
_FOLLOWS_AIRING = frozenset(
    (
        Milestone.RENEWED,
        Milestone.WRITING,
        Milestone.FILMING_STARTED,
        Milestone.FILMING_WRAPPED,
    )
)


def _next_season(source: _Doc, event: _Hit) -> int | None:
    """The season of a renewal, writing or a shoot told after an opening clause the news
    follows: the main clause's own, nearest the event, else the one after the season the
    clause says aired; else None ("With season 3 renewed, the writers' room opens": the
    clause's season is the subject, and stays)."""
    if event.rule.milestone not in _FOLLOWS_AIRING:
        return None
    seasons = source.seasons()
    if not seasons:
        return None
    text = source.text
    left, right = source.bounds(event.start, event.end)
    fronted = _fronted(text, left, right)
    if (
        fronted is None
        or fronted.end() > event.start
        or not _AFTER_OPENER.match(text, fronted.start())
    ):
        return None
    # "Following the season 3 finale, Netflix renews it for a fourth season": the main
    # clause's own season, though the clause's is nearer the event
    own = [(at, value) for at, value in seasons if fronted.end() <= at < right]
    if own:
        return nearest_season(own, event.start)
    clause = [value for at, value in seasons if fronted.start() <= at < fronted.end()]
    if len(set(clause)) != 1:
        return None
    if _AIRED.search(text, fronted.start(), fronted.end()) is None:
        return None
    return clause[0] + 1


def _stale(
    known: KnownStatus | None,
    show: str | None,
    season: int | None,
    milestone: Milestone,
    when: date | None,
) -> Signal | None:
    """No news, when the season reached ``milestone`` long before the article (a passing
    mention of it, or a denial of what was settled long ago)."""
    if known is None or show is None or when is None or milestone is Milestone.DELAYED:
        return None
    reached = known(show, season).get(milestone)
    if reached is not None and when - reached > STALE_AFTER:
        return Signal(show, season, None, None, None, f"not-news:known-since-{reached.isoformat()}")
    return None


def next_weekday(name: str, when: date) -> date:
    """The day a weekday names, told on ``when``: that day itself or the next one ("premieres
    Friday" read on a Friday is today)."""
    wanted = list(calendar.day_name).index(name.title())
    return when + timedelta(days=(wanted - when.weekday()) % 7)


# The hours of a UTC day that are still the evening before in the Americas: up to 06:00 UTC
# it is 01:00 in New York and 22:00 in Los Angeles (an hour later in summer), where most
# English-language outlets write, while a European outlet is rarely out at that hour.
_EVENING_BEFORE_HOURS = 6


def _outlets_day(event: _Hit, published: datetime | None, when: date | None) -> date | None:
    """The day ``event``'s weekday is read from: the UTC day ``when``, unless the event names
    the weekday before it and was published in that day's first hours. "Premieres Sunday"
    at 00:30 UTC on Monday was written on Sunday evening in US time zones: that Sunday (the
    release), not six days ahead. A date stamped with the outlet's own offset tells its day:
    "Sunday" at 23:30 -08:00 is that Sunday, at 09:30 +09:00 on Monday the next one."""
    weekday = event.match.groupdict().get("weekday")
    if weekday is None or when is None or published is None or published.tzinfo is None:
        return when
    if published.utcoffset():
        return published.date()
    utc = published.astimezone(UTC)
    if utc.time() == time():
        return when  # midnight on the dot is a day given without its hour ("2023-10-21")
    before = when - timedelta(days=1)
    if utc.hour < _EVENING_BEFORE_HOURS and weekday.title() == calendar.day_name[before.weekday()]:
        return before
    return when


def _event_date(event: _Hit, when: date | None) -> date | None:
    """The announced premiere date, when the rule captured one."""
    return None if when is None else _captured_day(event.match, when)


# What may follow a rule's captured date to give its year: ", 2027", es " de 2027".
_YEAR_AFTER = len(" de 2027")


def _captured_day(match: re.Match[str], when: date) -> date | None:
    """The day a rule's ``date`` group (``date2`` in a rule that needs two) gives, with the
    year written after it: the group ends at the day, and "April 2, 2027" read in 2026 is
    not this year's April 2. A day without its year is the next one (``RECENT_RELEASE``)."""
    groups = match.groupdict()
    if weekday := groups.get("weekday"):
        return next_weekday(weekday, when)
    name = "date" if groups.get("date") else "date2" if groups.get("date2") else None
    if name is None:
        return None
    start, end = match.span(name)
    dates = resolve_dates(match.string[start : end + _YEAR_AFTER], when, upcoming=RECENT_RELEASE)
    return dates[0][1] if dates else None


# Words right before a day that make it the one a delay moved the premiere to: "delayed to
# June 5", "will now premiere on June 5", de "auf den 5. Juni", es "al 5 de junio", fr "au
# 5 juin", pt "para 5 de junho", nl "tot 5 juni". (Not pl "na": "ustalona na 1 czerwca" is
# the day it was set for.)
_NEW_DAY = re.compile(
    r"(?:\b(?:to|until|till|into|for|auf(?: den)?|bis(?: zum)?|erst (?:am|ab(?: dem)?)|al"
    r"|hasta(?: el)?|para(?: o)?(?: dia)?|au|tot)|\bnow\b[^.?!;,]{0,30}"
    r"|\bnew (?:\w+ )?date\b:?(?: is)?)"
    r" (?:\w+day,? )?$"
)
# ... and the words that make it the day it moved from: "from May 7", "instead of May 7",
# "was due May 7", "set for May 7", "its planned May 7 debut", de "vom 7. Mai".
_OLD_DAY = re.compile(
    r"\b(?:from|instead of|rather than|originally|initially|previously|formerly|due|set"
    r"|scheduled|slated|planned|expected|supposed|vom|von|del|dal|du|van)\b(?: [\w',]+){0,3} $"
)
_CUE_REACH = 40
# The point of a German day before its month ("5. Juni"), which the sentence breaks read as
# a full stop; not a season's number ending a sentence ("season 4. April 5 was the plan").
_DAY_POINT = re.compile(
    r"(?<=\d)(?<!season \d)(?<!season \d\d)(?<!staffel \d)(?<!staffel \d\d)"
    r"\. (?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b"
)
# A delay of the shoot, not of the premiere: its day is when filming starts ("that start
# date has been pushed back to June 16"), unless the sentence names the premiere as well.
_SHOOT_DELAY = re.compile(
    r"\b(?:film\w*|shoot\w*|production|cameras|dreh\w*|rodaje|riprese|tournage|grava\w+"
    r"|opnames)\b"
)
_PREMIERE_WORDS = re.compile(
    r"\b(?:premi\w*|releas\w*|debut\w*|return\w*|arriv\w*|launch\w*|air\w*|stream\w*"
    r"|estre\w*|uscita|sortie|ausstrahlung|start auf)\b"
)


def _delay_days(
    doc: _Doc, event: _Hit, when: date | None
) -> tuple[date | None, date | None, PartialDate | None]:
    """The day a delay moved the premiere to and the day it moved it from, each told in the
    delay's sentence, and, when it names no new day, the month or year it moved it to
    (``_delay_period``). The new day follows the words that make it the new one, never the
    day it moved from ("was due May 7 but is delayed": none), nor one before publication.
    The old day follows the words that make it the old one ("from May 7", "set for May 7"),
    or stands before the delay's words unmarked as new ("premiere on May 7 postponed").
    A month or a year is no day."""
    if when is None:
        return None, None, None
    text = doc.text
    left, right = doc.bounds(event.start, event.end)
    while left > 1 and text[left - 1] == "." and text[left - 2].isdigit():
        left = doc.bounds(left - 2, left - 2)[0]  # de "auf den 5. Juni": no sentence's end
    while _DAY_POINT.match(text, right):  # ... nor after the delay ("verschoben auf den 5. Juni")
        right = doc.bounds(right + 1, right + 1)[1]
    if _SHOOT_DELAY.search(text, left, right) and not _PREMIERE_WORDS.search(text, left, right):
        return None, None, None
    new = old = None
    earlier = left  # where the day before it starts: its words are not this one's
    for at, day in resolve_dates(
        text[left:right], when, doc.prefixes, upcoming=RECENT_RELEASE, days_only=True
    ):
        at += left
        reach = max(left, at - _CUE_REACH)
        cued_new = _NEW_DAY.search(text, reach, at) is not None
        cued_old = _OLD_DAY.search(text, max(reach, earlier + 1), at) is not None
        if new is None and day >= when and cued_new and not cued_old:
            new = day
        elif old is None and (cued_old or (at < event.end and not cued_new)):
            old = day
        earlier = at
    period = None
    if new is None:
        period = _delay_period(text, left, right, when) or _year_after(text, left, right, when)
    return new, old, period


# A month or a year a delay moved the premiere to, after the words that make it the new
# time: "delayed to June", "pushed to 2027", "until at least late 2027", "now set for
# summer 2027". A day after the month ("to June 5") is ``_delay_days``'s, not a month.
_MONTH_NAMES = "|".join(calendar.month_name[1:]).lower()
_PERIOD = (
    rf"{PART_OF_YEAR}(?:(?P<month>{_MONTH_NAMES})(?:,? (?P<year>(?:19|20)\d\d))?"
    r"|(?P<only>(?:19|20)\d\d)|(?P<next>next year))\b(?![ ,.]?\d)"
)
_NEW_PERIOD = re.compile(
    # (not a cause: "delayed due to March strikes", "owing to 2026's strike")
    r"\b(?:(?<!\bdue )(?<!\bowing )(?<!\bthanks )(?:to|until|till|into)(?: at least)?"
    r"|now (?:[\w,]+ ){0,4}?(?:in|for|targeting|eyeing|expected|due)(?: an?| the)?(?: some ?time)?"
    # a window set against the one it replaced: "expected in 2027 rather than late 2026"
    r"|(?:in|for)(?: an?)?(?=[^.?!]{0,30}?,? (?:rather than|instead of|and not|not) ))"
    rf" {_PERIOD}"
)
# The window a delay moved the premiere from, when the text sets the new one against it
# ("rather than late 2026", "no longer a 2026 release"): a later one makes it a move up.
_OLD_PERIOD = re.compile(
    r"(?:\b(?:rather than|instead of|and not)|, not|\bno longer(?: [\w'-]+){0,4}?)"
    rf"(?: in| for)?(?: the| an?)? {_PERIOD}"
)


def _delay_period(text: str, left: int, right: int, when: date) -> PartialDate | None:
    """The month or year the delay in ``text[left:right]`` moved the premiere to, if it
    names one still ahead at publication (``when``): a month without its year is the next
    one ("delayed to June" read in November is next June)."""
    for regex in (_NEW_PERIOD, _NEW_PERIOD_LANG):
        for match in regex.finditer(text, left, right):
            period = _period(match, when)
            if period.last_day >= when:
                return period
    return None


def _year_after(text: str, left: int, right: int, when: date) -> PartialDate | None:
    """The year after a year given up with no new window named ("no longer expected in
    2026": 2027), if still ahead at publication (``when``). A month given up says no year."""
    for match in _OLD_PERIOD.finditer(text, left, right):
        if (
            match["only"]
            and match.group().startswith("no longer")
            and int(match["only"]) >= when.year
        ):
            period = PartialDate(int(match["only"]) + 1)
            if period.last_day >= when:
                return period
    return None


def _period(match: re.Match[str], when: date) -> PartialDate:
    """The month or year a ``_PERIOD`` match names, a month without its year the next one."""
    if match["next"]:
        return PartialDate(when.year + 1)
    if ahead := match.groupdict().get("ahead"):  # "is back next month": the month after
        first = when.replace(day=1) + timedelta(days=32 if ahead == "next" else 0)
        return PartialDate(first.year, first.month)
    if match["only"]:
        return PartialDate(int(match["only"]))
    month = MONTHS.get(match["month"]) or MONTHS_IN[match["month"]]
    year = int(match["year"]) if match["year"] else when.year + (month < when.month)
    return PartialDate(year, month)


# A month or a year a premiere is set for, when no day is given: "coming in April 2027",
# "premieres this April", "arrives April 2027", "returns in 2027", "is back next month", es
# "llega en abril", pt "estreia em abril de 2027", de "startet im April 2027". A word of the
# premiere's own comes first ("premiered", past, is none), then at most a few words of no
# other event's, so a time another event's ("renewed in April 2026", "as filming wraps in
# March") is not the premiere's.
_PREMIERE_VERB = (
    r"back|premier(?:e|es|ing)|releas(?:e|es|ing)|debut(?:s|ing)?|return(?:s|ing)?|arriv(?:e|es|ing)"
    r"|com(?:e|es|ing)|land(?:s|ing)?|launch(?:es|ing)?|drop(?:s|ping)?|hit(?:s|ting)?"
    r"|bows?|(?:be )?(?:released|premiered|launched)|sets?|slated|scheduled|dated|due"
    # es, pt, fr, it, de
    r"|estren\w*|estrei\w*|lleg(?:a|ará|an)|cheg(?:a|ará)|arriv(?:a|erà)|sort(?:e|ira)|esce"
    r"|uscita|sortie|startet"
    # (fr "arrivera en juin", it "uscirà a giugno", de "kommt im Juni", "läuft ab Juni")
    r"|arrivera|débarquera|uscirà|debutt(?:a|erà)|kommt|erscheint|läuft"
    # nl "verschijnt in juni", pl "premiera w czerwcu", id "tayang pada bulan Juni"
    r"|verschijnt|komt|zadebiutuje|trafi|premiera|tayang|rilis|hadir|dijadwalkan"
    # da/no/sv "släpps i juni", fi "ensi-ilta kesäkuussa", cs "premiéra v červnu"
    r"|premiär\w*|premieren|släpps|slippes|udkommer|landar|ensi-ilt\w*|julkaistaan|ilmestyy"
    r"|saapuu|premiér\w*|dorazí|odstartuje"
    # vi "ra mắt vào tháng 6" (once normalised, "ra mắt vào june")
    r"|ra mắt|lên sóng|phát sóng|công chiếu"
)
# Month names in full, in every language the rules read ("jun", "mar" alone are more often
# a name or a word than a month).
_FULL_MONTHS = sorted(
    (
        *(m for m in MONTHS if m == "may" or m not in {n[:3] for n in _MONTH_NAMES.split("|")}),
        *MONTHS_IN,
    ),
    key=len,
    reverse=True,
)
# ... or after a late time's words in other languages, with their months: de "kommt erst
# 2027", "erst im Juni", "nicht vor 2027", es "hasta junio", "recién en 2027", fr "qu'en
# juin", "pas avant 2027", it "prima del 2027"
_NEW_PERIOD_LANG = re.compile(
    r"\b(?:erst|nicht vor|hasta|recién|qu'en|qu'à|pas avant|prima (?:del|di|della|dell'))"
    rf"(?: (?:im|in|en|el|de|a|à))? {PART_OF_YEAR}(?:(?P<month>{'|'.join(_FULL_MONTHS)})(?!-)"
    r"(?:,?(?: de| del)? (?P<year>(?:19|20)\d\d))?|(?P<only>(?:19|20)\d\d)|(?P<next>next year))"
    r"\b(?![ ,.]?\d|')"
)
_NOT_PREMIERE = r"(?!(?:film|shoot|wrap|renew|produc|cast|writ|trailer|after|since|and|but)\w*\b)"
_SET_PERIOD = re.compile(
    rf"\b(?:{_PREMIERE_VERB})\b(?: {_NOT_PREMIERE}[\w',:-]+){{0,4}}?"
    r"(?: (?P<cue>in|for|on|this|en|em|ad|a|al|im|ab|para|per|pour|w|we|pada bulan|pada|bulan"
    r"|i|v|ve|vào))?"
    r"(?P<article> the| an?)? "
    # (a month joined to a word is none: "a May-December romance")
    rf"{PART_OF_YEAR}(?:(?P<month>{'|'.join(_FULL_MONTHS)})(?!-)"
    r"(?:,?(?: de| del)? (?P<year>(?:19|20)\d\d))?|(?P<only>(?:19|20)\d\d)|(?P<next>next year)"
    r"|(?P<ahead>this|next) month)"
    r"\b(?![ ,.]?\d|')"  # (not "Mai's": a name)
)
# ... or "from" it with no verb, as a headline gives it: de "Staffel 2 ab Juni", it "la
# seconda stagione dal giugno" (the day's "ab 5. Juni" is a date, not a month).
_FROM_PERIOD = re.compile(
    rf"\b(?P<cue>ab(?: dem)?|dal|à partir de|dès)(?P<article>) {PART_OF_YEAR}"
    rf"(?:(?P<month>{'|'.join(_FULL_MONTHS)})(?!-)(?: (?P<year>(?:19|20)\d\d))?"
    r"|(?P<only>(?:19|20)\d\d)|(?P<next>next year))\b(?![ ,.]?\d|')"
)
# English month names that are words too ("a march down the aisle", "a may"): after "a" or
# "an" (Italian's cue "a maggio" names its own months) such a one needs its year.
_ENGLISH_MONTHS = frozenset(m.lower() for m in calendar.month_name if m)
# ... or before the premiere's word: "sets it for a June 2027 premiere".
_PERIOD_PREMIERE = re.compile(
    rf"\b(?:an?|the|its) {_PERIOD} (?:premiere|release|debut|launch|return|bow)\b"
)
# ... or, in Korean and Japanese, before its verb: "6월 공개", "6月に配信" (out in June; "june
# 공개", "june に配信" once normalised).
_PERIOD_KO = re.compile(
    rf"\b{_PERIOD} (?:에 |부터 |に|から|より)?(?:[\w']+ )?"
    r"(?:공개|방송|방영|첫방|출격|컴백|配信|放送|公開)"
)
_SET_PERIODS = (_SET_PERIOD, _PERIOD_PREMIERE, _FROM_PERIOD)
_SET_PERIODS_LANG = (*_SET_PERIODS, _PERIOD_KO)  # (a text all ASCII holds no Korean)


# A day a release date's sentence sets the premiere for, when its rule captured none: after
# the premiere's words ("Netflix sets XO, Kitty season 4 premiere June 5", "premiere date:
# June 5") or right before its noun ("sets June 5 premiere for …").
_DAY_AFTER_PREMIERE = re.compile(
    rf"\b(?:{_PREMIERE_VERB}|premiere date)\b(?: {_NOT_PREMIERE}[\w'-]+){{0,2}}?"
    r"(?: (?:for|on|to))?(?: \w+day,?)? $"
)
_DAY_BEFORE_PREMIERE = re.compile(
    r"(?:[a-zé]+\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? [a-zé]+)(?:,? \d{4})?"
    r" (?:premiere|release|debut|launch|return)\b"
)


def _set_day(doc: _Doc, event: _Hit, when: date | None) -> date | None:
    """The day the release date announced by ``event`` sets the premiere for, told in its
    sentence right after the premiere's words or right before its noun, if still ahead at
    publication (``when``): a day without its year is the next one."""
    if when is None:
        return None
    text = doc.text
    left, right = doc.bounds(event.start, event.end)
    for at, day in resolve_dates(
        text[left:right], when, doc.prefixes, upcoming=RECENT_RELEASE, days_only=True
    ):
        at += left
        if day >= when and (
            _DAY_AFTER_PREMIERE.search(text, max(left, at - _CUE_REACH), at)
            or _DAY_BEFORE_PREMIERE.match(text, at, right)
        ):
            return day
    return None


def _set_periods(doc: _Doc, event: _Hit, when: date | None) -> list[PartialDate]:
    """The months or years the release date announced by ``event`` sets the premiere for,
    told in its sentence, in order; the caller keeps the first still ahead at publication
    (``when``). A month without its year is the next one. A month straight after the
    premiere's word needs its year ("premiere may slip" is no May); a part of a year
    ("spring 2027", "early 2027") gives the year."""
    if when is None:
        return []
    text = doc.text
    left, right = doc.bounds(event.start, event.end)
    periods = [
        _period(match, when)
        for regex in (_SET_PERIODS if doc.ascii else _SET_PERIODS_LANG)
        for match in regex.finditer(text, left, right)
        if not (match["month"] and not match["year"] and _no_month(match.groupdict()))
    ]
    # (a time long gone is a title's number, "the release date of 'Scam 2003'", not a premiere's)
    return [p for p in periods if p.last_day >= when - _LONG_GONE]


_LONG_GONE = timedelta(days=366)


def _no_month(groups: dict[str, str | None]) -> bool:
    """Is a month name read by ``_SET_PERIOD`` without its year more likely a word: straight
    after the premiere's words ("premiere may slip"), or an English one after an article
    ("premieres with a march down the aisle")?"""
    if "cue" not in groups:
        return False  # _PERIOD_PREMIERE: "a June premiere" names its month
    article = groups["cue"] == "a" or groups["article"] in (" a", " an")
    # (a month in the locative is its own cue: fi "kesäkuussa", cs "červnu", in June)
    bare = groups["cue"] is None and groups["month"] not in MONTHS_IN
    return bare or (article and groups["month"] in _ENGLISH_MONTHS)


def _moved_up(doc: _Doc, event: _Hit, period: PartialDate, when: date) -> bool:
    """Does the delay's sentence set ``period`` against a later window it replaced ("now
    expected in late 2026 rather than 2027")? Then the premiere came sooner: no delay."""
    left, right = doc.bounds(event.start, event.end)
    return any(
        _period(m, when).first_day > period.last_day
        for m in _OLD_PERIOD.finditer(doc.text, left, right)
    )


def _imminent(event_date: date | None, when: date | None, within: timedelta) -> bool:
    """Whether an announced premiere falls so soon after publication that it is old news."""
    return event_date is not None and when is not None and event_date - when <= within


def parse_published(value: object) -> datetime | None:
    """A published date as feeds, spreadsheets and programs write it: ISO 8601, RFC 822, only a
    month ("2023-06") or a year, read as its middle so neither end looks old or fresh, or
    seconds since the epoch."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)  # seconds since the epoch
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"published timestamp {value!r} is out of range") from None
    if not isinstance(value, str):
        raise ValueError("published must be a string, a number or null")
    text = value.strip()
    partial = _PARTIAL_DATE.fullmatch(text)
    if partial:
        year, month = int(partial["year"]), partial["month"]
        try:
            return (
                datetime(year, int(month), 15, tzinfo=UTC)
                if month
                else datetime(year, 7, 1, tzinfo=UTC)
            )
        except ValueError:
            raise ValueError(f"unreadable published date {text[:40]!r}") from None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            raise ValueError(f"unreadable published date {text[:40]!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2}))?")


def _error_line(why: str) -> str:
    return json.dumps(
        {
            "show": None,
            "season": None,
            "milestone": None,
            "certainty": None,
            "rule": f"error: {why}",
        }
    )


def _classify_line(line: str, index: ShowIndex, known: KnownStatus | None) -> str:
    # A byte-order mark, as Windows tools start a file (or each of several joined), is no JSON.
    line = line.lstrip("\ufeff")
    if not line.strip():
        return _error_line("empty line")
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error_line(f"invalid JSON ({exc.msg})")
    if not isinstance(item, dict):
        return _error_line("expected a JSON object")
    title = item.get("title")
    summary = item.get("summary")
    if not isinstance(title, str):
        return _error_line("title must be a string")
    if summary is not None and not isinstance(summary, str):
        return _error_line("summary must be a string or null")
    try:
        published = parse_published(item.get("published"))
    except ValueError as exc:
        # A bad date costs the verdict nothing but what the date would have told.
        published, unread = None, f" ({exc}: read as undated)"
    else:
        unread = ""
    signal = classify(title, summary or "", published, index, known=known)
    return json.dumps(
        {
            "show": signal.show,
            "season": signal.season,
            "milestone": signal.milestone.value if signal.milestone else None,
            # (a denial's certainty is the denial's: no milestone's, so not shown)
            "certainty": signal.certainty.label if signal.milestone and signal.certainty else None,
            "rule": signal.rule + unread,
        },
        ensure_ascii=False,
    )


def classify_lines(
    lines: Iterable[str], index: ShowIndex, *, known: KnownStatus | None = None
) -> Iterator[str]:
    """The ``python -m bot classify`` contract: one JSON line out per line in, in order."""
    for line in lines:
        yield _classify_line(line, index, known)
