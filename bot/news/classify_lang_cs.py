"""Event wording in Czech and Slovak, for their outlets.

Apart from ``classify_lang`` so that the languages' words sit together; its rules join
``classify_lang.LANG_RULES``.  The two languages are close ("natáčení" and "nakrúcanie",
"řada" and "séria"), and both say "not" by a prefix glued to the verb ("nedočká se", will
not get; "nebude pokračovat"), which a ``\\b`` before the plain verb keeps out.  A season is
"řada", "série" or "sezóna", its ordinal before it ("druhá řada", "3. série").
"""

from __future__ import annotations

from bot.news.models import Milestone as M
from bot.news.rules import DAY_OR_MONTH_IN, Family, _rule

_NTH = (
    r"(?:\d{1,2}|druh(?:á|é|ou|ej|ú)|třetí|treti(?:a|u)|tretej|čtvrt(?:á|é|ou)|štvrt(?:á|ej|ú)"
    r"|pát(?:á|é|ou)|piat(?:a|ej|u)|nov(?:á|é|ou|ú))"
)
_SEASON = r"(?:řad[auyě]|séri[eiau]|sezón[auyě]|sezon[auy])"
_A_SEASON = rf"(?:{_NTH} {_SEASON}|{_SEASON} \d{{1,2}})"
# What stands between a verb and a season without making it the premiere's or the trailer's.
_NOT_THE_DAY = r"(?:(?!premiér|datum|trailer|upoutáv|natáč)\w+ ){0,3}?"

CS_LANG = Family(
    rules=(
        _rule(
            "renewed-cs",
            M.RENEWED,
            # "Netflix prodloužil seriál o druhou řadu", "se dočká pokračování", "dostane
            # třetí řadu", "potvrdil druhou sérii", sk "predĺžil", "dočká sa pokračovania"
            r"\b(?:prodloužil[aoi]?|prodlužuje|prodloužen[aoý]?|predĺžil[aoi]?|predĺžen[áýé]?)\b"
            # (not a contract or the shoot extended)
            r"(?![^.?!]{0,30}\b(?:smlouv|zmluv|kontrakt|natáčení|nakrúcan)\w*)"
            r"|\b(?:(?:se|sa) )?dočká(?: se| sa)? (?:\w+ )?(?:pokračování|pokračovania|"
            rf"{_NTH} (?:řady|série|sezóny|série))\b"
            r"|\b(?:dostane|dostal[ao]?|získal[ao]?|získá) (?:\w+ )?(?:řadu|sérii|sériu|sezónu"
            # ("série" is a run of things too: "získal sérii cen", won a string of awards)
            r"|pokračování|pokračovanie)\b(?! (?:cen|cien|nominací|nominácií|ocenění|rekordů))"
            r"|\b(?:potvrdil[ao]?|objednal[ao]?|oznámil[ao]?|potvrzuje|potvrdzuje|objednává)"
            rf" {_NOT_THE_DAY}(?:{_A_SEASON}|pokračování|pokračovanie)\b(?! premiér)"
            r"|\bpokračování\b[^.?!]{0,20}\b(?:potvrzeno|potvrzené|je potvrzen\w*)\b"
            r"|(?<!\bnatáčení )\bbude pokračovat\b(?![^.!]*\?)"
            # "bude mít druhou řadu" (will have), sk "bude mať"
            r"|\bbude (?:mít|mať) (?:\w+ )?(?:řadu|sérii|sériu|sezónu|pokračování|pokračovanie)\b",
        ),
        _rule(
            "cancelled-cs",
            M.CANCELLED,
            # "Netflix zrušil seriál", "nedočká se pokračování", "končí po třech řadách"
            r"\b(?:zrušil[aoi]?|zrušen[aoý]?|zrušený|zrušená|ruší)\b"
            r"|\bnedočká (?:se|sa)\b|\bnebude pokračovat\b|\b(?:končí|skončí) po\b",
        ),
        _rule(
            "premieres-on-date-cs",
            M.RELEASE_DATE_ANNOUNCED,
            # "premiéra 5. června", "dorazí na Netflix 18. prosince", "odstartuje v červnu"
            # (not a past one: "měla premiéru v květnu"); the day known: "datum premiéry
            # oznámeno"
            # (nor the shoot's start: "natáčení odstartuje v červnu")
            r"(?:^|(?<=[.!?:] ))(?:(?!natáčení|nakrúcanie)[^.?!:]){0,80}?"
            r"(?<!\bměla )(?<!\bmala )(?<!\bměl )\b(?:premiér\w*|dorazí|odstartuje"
            r"|vyjde|bude k vidění|se vrátí|vrátí se|uvedie)\b"
            r"(?![^.?!]{0,40}\bbyla\b)[^.?!]{0,40}?"
            rf"\b(?:v |ve |dne )?(?P<date>{DAY_OR_MONTH_IN})"
            r"|\bdatum premiéry\b[^.?!]{0,20}\b(?:oznámen\w*|znám\w*|odhalen\w*|potvrzen\w*)\b",
        ),
        _rule(
            "trailer-cs",
            M.TRAILER,
            # "trailer zveřejněn", "Netflix zveřejnil upoutávku", "první trailer"
            r"\b(?:trailer|upoutávk\w*|teaser)\b[^.?!]{0,30}\b(?:zveřejnil\w*|zveřejněn\w*"
            r"|vydal\w*|odhalil\w*|představil\w*|je venku|je tu|zverejnil\w*)\b"
            r"|\b(?:zveřejnil\w*|vydal\w*|představil\w*|pustil\w*|zverejnil\w*) (?:\w+ ){0,2}?"
            r"(?:trailer|upoutávk\w*|teaser)\b"
            r"|\b(?:první|nový|oficiální|prvý|nová) (?:trailer|upoutávka|teaser)\b"
            # "podívejte se na trailer", sk "pozrite si trailer"
            r"|\b(?:podívejte se na|pozrite si|mrkněte na) (?:\w+ )?(?:trailer|upoutávku|teaser)\b",
        ),
        _rule(
            "filming-started-cs",
            M.FILMING_STARTED,
            # "natáčení druhé řady začalo", "začalo se natáčet", sk "nakrúcanie sa začalo"
            r"\b(?:natáčení|nakrúcanie)\b[^.?!]{0,40}\b(?:začalo|odstartovalo|bylo zahájeno"
            r"|odštartovalo|je v plném proudu)\b"
            r"|\b(?:začalo|začali|začal) (?:se |sa )?(?:natáčet|natáčení|nakrúcať)\b",
        ),
        _rule(
            "filming-wrapped-cs",
            M.FILMING_WRAPPED,
            # "natáčení skončilo", "dotočili", sk "nakrúcanie sa skončilo"
            r"\b(?:natáčení|nakrúcanie)\b[^.?!]{0,40}\b(?:skončilo|bylo dokončeno|je u konce"
            r"|dokončeno|sa skončilo)\b|\b(?:dotočil[aoi]?|dotočen\w*|dokrútil\w*)\b",
        ),
        _rule(
            "casting-cs",
            M.CASTING,
            # "obsazení se rozšiřuje", "si zahraje", "se přidává k obsazení"
            r"\b(?:obsazení|obsadenie)\b[^.?!]{0,30}\b(?:rozšíř\w*|posíl\w*|doplní|doplnil\w*"
            r"|rozšír\w*)\b|\bsi zahraj[eí]\b|\bsi zahrá\b"
            r"|\b(?:přidává|přidal[ao]?) se k obsazení\b",
        ),
        _rule(
            "delayed-cs",
            M.DELAYED,
            # "premiéra se odkládá", "odklad", "zpoždění"
            r"\b(?:odklad\w*|odkládá|odkladá|zpožd\w*)\b|\bposouvá premiér\w*",
        ),
    )
)
