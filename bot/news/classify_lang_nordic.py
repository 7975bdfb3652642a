"""Event wording in Danish, Norwegian, Swedish and Finnish, for Nordic outlets.

Apart from ``classify_lang`` so that the languages' words sit together; its rules join
``classify_lang.LANG_RULES``, next to the few Scandinavian verbs the older tables already
knew ("fornyet", "kansellert", "har premiär").  The three Scandinavian languages share most
of their press's words and are written together ("sæson", "sesong", "säsong"); Finnish
declines its nouns ("kausi", "kauden", "kaudelle") and says "not" with its own verb ("ei
saa jatkoa", gets no more), so its patterns name the forms a headline uses.  Same
conventions as the other tables: normalised text, a ``\\b`` before each word.
"""

from __future__ import annotations

from bot.news.models import Milestone as M
from bot.news.rules import _DATE, _MONTH_IN_FULL, DAY_DATE, MONTH_IN, MONTHS_IN, Family, _rule

# da/no/sv: the season, its ordinal before it or its number after ("tredje sæson", "säsong 3",
# "sesongen"; ``normalise`` drops an ordinal's dot: "2. sesong" is "2 sesong").
_SEASON = r"(?:sæson|säsong|sesong)(?:en)?"
_NTH = (
    r"(?:\d{1,2}|anden|andra|andre|tredje|fjerde|fjärde|femte|sjette|sjätte|ny|nye|nya"
    r"|endnu en|ytterligare en|enda)"
)
_A_SEASON = rf"(?:(?:{_NTH} ){_SEASON}|{_SEASON} \d{{1,2}})"
# fi: "kausi" and its cases, an ordinal before it in the same case ("kolmannen kauden")
_FI_NTH = (
    r"(?:\d{1,2}|toi(?:nen|sen|selle|seen)|kolma(?:s|nnen|nnelle|nteen)|neljä(?:s|nnen|nnelle"
    r"|nteen)|viide(?:s|nnen|nnelle|nteen)|uu(?:si|den|delle|teen)|jatko)"
)
_FI_SEASON = rf"(?:{_FI_NTH} ?kau(?:si|den|delle|teen)|kau(?:si|den|delle|teen) \d{{1,2}})"
# What a premiere's sentence holds that a renewal's does not: its day, its month, its word.
_PREMIERE_AFTER = (
    rf"(?![^.?!]{{0,40}}(?:\d|\b(?:{_MONTH_IN_FULL}|{MONTH_IN}"
    # (a day by its word too: "fortsætter med sæson 2 i aften", tonight)
    r"|premiere\w*|premiär\w*|trailer\w*|dato|datum|ensi-ilta\w*|julkaisu\w*"
    r"|i aften|i kväll|i kveld|i dag|i morgen|i morgon)\b))"
)
# fi months in the inessive ("kesäkuussa", in June) as well as a day's partitive
# or a day and month in figures, as Finnish papers write them ("5.6.", "5.6.2026")
_FI_WHEN = (
    rf"(?:{_DATE}|{DAY_DATE}|(?:{'|'.join(m for m in MONTHS_IN if m.endswith('kuussa'))})\b"
    r"|\b(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.)"
)
# The shoot: da/no/sv, fi.
_SHOOT = r"(?:optagelserne|innspillingen|inspelningen|inspelningarna|kuvaukset)"

NORDIC_LANG = Family(
    rules=(
        _rule(
            "renewed-nordic",
            M.RENEWED,
            # gets a season: "XO, Kitty får en tredje sæson", "fick säsong 3" (not its
            # premiere: "får säsong 3 premiär i maj")
            rf"\b(?:får|fick|fikk|fået|har fått) (?:en |et )?{_A_SEASON}\b{_PREMIERE_AFTER}"
            # a season confirmed: "sæson 3 er bekræftet", "säsong 3 bekräftad", "tredje sesong
            # er bestilt"
            rf"|\b{_A_SEASON}\b(?:(?!\b(?:ikke|inte|endnu|ännu|ennå)\b)[^.?!]){{0,30}}?"
            r" (?:er |är |blir |bliver )?(?:nu |officielt |officiellt "
            r"|offisielt |endelig |äntligen )?(?:bekræftet|bekräftad|bekräftat|bekreftet"
            rf"|bestilt|beställd|bestillt)\b{_PREMIERE_AFTER}"
            # there will be one: "det blir en sesong 3" (not asked: "blir det en sæson 3?", nor
            # wondered: "om det blir en sesong 3", whether there will be)
            r"|(?<!\bom )(?<!\bhvis )(?<!\bhvorvidt )"
            rf"\bdet (?:blir|bliver) (?:en |et )?{_A_SEASON}\b(?![^.!]*\?)"
            # it comes back with one: "kommer tilbage med en tredje sæson" (not with its day)
            r"|\b(?:kommer tilbage|kommer tillbaka|kommer tilbake|vender tilbage|vender tilbake)"
            rf" (?:med|for|för) (?:en |et )?{_A_SEASON}\b{_PREMIERE_AFTER}"
            # one on its way: "sæson 3 er på vej", "säsong 3 är på väg" (not with its day or
            # month: "på vej til Netflix i juni" is the premiere's)
            rf"|\b{_A_SEASON} (?:er|är) (?:nu |officielt |officiellt |offisielt )?"
            r"på (?:vej|väg|vei)\b"
            rf"{_PREMIERE_AFTER}(?![^.!]*\?)"
            # it goes on with one: da "fortsætter med sæson 3", sv "fortsätter med en andra
            # säsong" (not with its day)
            r"|\b(?:fortsætter|fortsetter|fortsätter) (?:med|for|för) (?:en |et )?"
            rf"{_A_SEASON}\b{_PREMIERE_AFTER}"
            # extended: sv "förlänger X med en säsong", "förnyades"
            rf"|\b(?:förlänger|förlängd|förlängt)\b[^.?!]{{0,40}}\b{_SEASON}\b"
            r"|\b(?:förnyats|förnyades|förnyat|fornys|fornyede|forlængede)\b"
            # (not a contract: "forlængede sin kontrakt")
            r"(?![^.?!]{0,30}\b(?:kontrakt|aftale|avtale|avtal)\w*)",
        ),
        _rule(
            "renewed-fi",
            M.RENEWED,
            # "X saa jatkoa" (gets more), "sai kolmannen kauden" (not "ei saa jatkoa")
            r"(?<!\bei )(?<!\bei vielä )\b(?:saa|sai|saavat|saivat) (?:vielä |lopulta "
            rf"|virallisesti |myös )?(?:jatkoa|{_FI_SEASON})\b{_PREMIERE_AFTER}"
            # a season confirmed or ordered: "jatkokausi varmistui", "kausi 3 on vahvistettu",
            # "Netflix tilasi kolmannen kauden" (not its day: "vahvisti kauden 3 ensi-illan")
            rf"|\b{_FI_SEASON}\b[^.?!]{{0,30}}\b(?:varmistui|varmistunut|varmistettu|vahvistui"
            r"|vahvistettu|tilattu|julkistettu)\b"
            r"|\b(?:tilasi|tilaa|vahvisti|varmisti|julkisti|ilmoitti) (?:[\w',-]+ ){0,3}?"
            rf"{_FI_SEASON}\b(?! (?:ensi-ill|julkaisu|traileri|kuvau)\w*)"
            # one on its way: "kolmas kausi on tulossa" (not with its day)
            rf"|\b{_FI_SEASON} (?:on )?(?:virallisesti )?tulossa\b{_PREMIERE_AFTER}(?![^.!]*\?)"
            # it goes on into a season: "sarja jatkuu kolmannella kaudella"; more is coming:
            # "sarjalle tulee jatkoa", "jatkoa on luvassa"
            r"|\bjatkuu (?:vielä |myös )?(?:\w+ )?kaudella\b"
            r"|(?<!\bei )\b(?:tulee|on tulossa) (?:vielä )?jatkoa\b"
            r"|\bjatkoa on (?:luvassa|tulossa)\b",
        ),
        _rule(
            "cancelled-nordic",
            M.CANCELLED,
            # da "annulleret", "aflyser"; "får ingen sæson 3", "Ingen sesong 3 for X" (not
            # "dropper": as often a season or trailer put out, "Netflix dropper sæson 3")
            r"\b(?:annulleret|annullerer|aflyser)\b"
            rf"|\b(?:får|fick|fikk|fået) (?:ingen|inte någon|ikke nogen|ikke noen) (?:ny |\w+ )?"
            rf"{_SEASON}\b"
            rf"|(?:^|: )ingen (?:ny |\w+ )?{_SEASON}\b"
            # not renewed: "blir ikke fornyet", "förnyas inte"
            r"|\b(?:blir|bliver) (?:ikke|inte) (?:\w+ )?(?:fornyet|förnyad|forlænget|forlenget)\b"
            r"|\b(?:fornyes|förnyas|forlænges|forlenges|förlängs) (?:ikke|inte)\b",
        ),
        _rule(
            "ends-after-seasons-nordic",
            M.CANCELLED,
            # "slutar efter tre säsonger", "slutter etter sesong 4"
            r"\b(?:slutter|slutar|avsluttes|afsluttes|avslutas|ender|endar) (?:efter|etter)"
            r" (?:\w+ )?(?:sæson|säsong|sesong)\w*",
            # (a lead retells it in an interview about the show's end: train's V34B-033)
            title_only=True,
        ),
        _rule(
            "cancelled-fi",
            M.CANCELLED,
            # "Netflix lopettaa sarjan", "sarja lakkautetaan", "ei saa jatkoa", "kolmatta
            # kautta ei tule", "päättyy kolmanteen kauteen"
            r"\b(?:lopettaa|lopetti|lakkauttaa|lakkautti|perui|peruu)\b[^.?!]{0,30}?\bsarjan\b"
            r"(?! kuvauk\w*)"
            r"|\bsarja\w* (?:\w+ ){0,2}?(?:lopetetaan|lopetettiin|lakkautetaan|lakkautettiin"
            r"|perutaan|peruttiin)\b"
            r"|\bei (?:vielä )?(?:saa|sa) jatkoa\b|\bei jatku\b"
            r"|\b(?:jatkokautta|\w+ kautta) ei (?:tule|nähdä|tehdä)\b"
            r"|\bpäättyy (?:\w+ )?kauteen\b",
        ),
        _rule(
            "premieres-on-date-nordic",
            M.RELEASE_DATE_ANNOUNCED,
            # da/no/sv the premiere's noun or verb and its day or month: "premiere 22. maj",
            # "premiär den 5 juni", "slippes 5. juni", "släpps i juni", "kan ses fra 5. juni",
            # "kommer tilbage i juni" (not a past premiere: "hadde premiere i juni")
            r"(?<!\bhadde )(?<!\bhade )(?<!\bhavde )(?<!\bfik )(?<!\bfikk )(?<!\bfick )"
            # (not the English noun "premiere": only the definite "premieren" is Danish's alone)
            r"\b(?:premieren|premiär|premiären|slippes|släpps|lanseres|lanseras"
            r"|lanceres|sendes|sänds|kan ses|kan streames|kan strømmes|kan strömmas|ankommer"
            r"|kommer tilbage|kommer tillbaka|kommer tilbake|vender tilbage|vender tilbake)\b"
            r"(?! ?dato)(?:(?!\b(?:var|blev|ble|hadde|havde|hade)\b)[^.?!]){0,30}?"
            rf"\b(?:den |på |i |fra |från |fra og med )?(?P<date>{_DATE})",
        ),
        _rule(
            "premieres-on-date-fi",
            M.RELEASE_DATE_ANNOUNCED,
            # "ensi-ilta on 5. kesäkuuta", "saa ensi-iltansa kesäkuussa", "saapuu Netflixiin
            # 5. kesäkuuta", "julkaistaan 5. kesäkuuta" (not a past one: "ensi-ilta oli")
            r"\b(?:ensi-ilta\w*|julkaistaan|julkaisupäivä\w*|ilmestyy|saapuu|saapuvat|palaa"
            r"|nähdään|starttaa)\b(?![^.?!]{0,40}\boli\b)[^.?!]{0,30}?"
            rf"(?P<date>{_FI_WHEN})"
            # the day known, not given: "ensi-ilta on selvillä", "julkaisupäivä vahvistettu"
            r"|\b(?:ensi-ilta|ensi-iltapäivä|julkaisupäivä)\w* (?:on )?(?:vihdoin |nyt )?"
            r"(?:selvillä|selvisi|julkistettu|varmistui|vahvistettu|paljastettu|paljastui)\b",
        ),
        _rule(
            "out-now-nordic",
            M.RELEASED,
            # "er ude nu", "er ute nå", "kan ses nu", "finns nu på Netflix", fi "on nyt
            # katsottavissa", "nyt Netflixissä" (not the trailer's: "traileren er ude nu")
            r"(?:^|(?<=[.!?:] ))(?:(?!trailer|teaser)[^.?!:]){0,60}?"
            r"\b(?:er ude nu|er ute nå|är ute nu|kan ses nu|kan nu ses|kan strømmes nå"
            r"|kan streames nu|finns nu på|er landet på|har landet på|har landat på"
            r"|on nyt katsottavissa|on nyt nähtävissä|nyt netflixissä|nyt katsottavissa)\b",
        ),
        _rule(
            "trailer-nordic",
            M.TRAILER,
            # the trailer out: "traileren er her", "trailern har släppts", fi "traileri
            # julkaistiin"; verb first: "se den første trailer", "katso traileri"
            r"\b(?:trailer|trailern|traileren|teaser|teasern|teaseren|traileri|teaseri)\b"
            r"[^.?!]{0,30}\b(?:er her|är här|er ude|er ute|er landet|har landat|afsløret|avslørt"
            r"|avslöjad|offentliggjort|sluppet|släppt|udgivet|publiceret|julkaistiin"
            r"|on julkaistu|julkaistu|on täällä|ilmestyi)\b"
            r"|\b(?:se|kolla|sjekk|tjek|katso) (?:den |det )?(?:første |första |nye |nya |uusi "
            r"|ensimmäinen )?(?:trailer|trailern|traileren|teaser|teasern|teaseren|traileri"
            r"|teaseri)\b"
            r"|^traileri\b"
            r"|\b(?:første|första|nye|nya|officielle|officiella|offisielle|ensimmäinen|uusi"
            r"|virallinen) (?:trailer|trailern|traileren|teaser|teasern|teaseren|traileri"
            r"|teaseri)\b",
        ),
        _rule(
            "filming-started-nordic",
            M.FILMING_STARTED,
            # da/no/sv "i gang med optagelserne", fi "kuvaukset alkoivat", "aloitti kuvaukset"
            r"\b(?:i gang med|igång med|gått i gang med|gået i gang med) (?:\w+ )?"
            r"(?:optagelserne|innspillingen|inspelningen|inspelningarna)\b"
            r"|\bkuvaukset\b[^.?!]{0,40}\b(?:alkoivat|ovat alkaneet|ovat käynnistyneet"
            r"|käynnistyivät|ovat käynnissä|on aloitettu|aloitettiin|pyörähtivät käyntiin)\b"
            r"|\b(?:aloitti|aloittivat) (?:\w+ )?kuvaukset\b"
            # being shot now: "toista kautta kuvataan parhaillaan"
            r"|\bkuvataan (?:parhaillaan|nyt|jo)\b",
        ),
        _rule(
            "filming-planned-fi",
            M.FILMING_STARTED,
            # fi "kuvaukset alkavat syksyllä" (a plan)
            r"\bkuvaukset\b[^.?!]{0,40}\b(?:alkavat|käynnistyvät|on määrä alkaa)\b",
            future=True,
        ),
        _rule(
            "filming-wrapped-nordic",
            M.FILMING_WRAPPED,
            # "ferdiginnspilt", "færdigoptaget", "har afsluttet optagelserne", fi "kuvaukset
            # päättyivät", "on purkissa" (in the can)
            r"\b(?:ferdiginnspilt|ferdigfilmet|færdigoptaget|færdigfilmet|färdigfilmad"
            r"|färdiginspelad|purkissa)\b"
            r"|\b(?:afsluttet|avsluttet|avslutat|afslutter|avslutter|avslutar) (?:\w+ )?"
            r"(?:optagelserne|innspillingen|inspelningen|inspelningarna)\b"
            r"|\bkuvaukset\b[^.?!]{0,40}\b(?:päättyivät|ovat päättyneet|on saatu päätökseen"
            r"|saatiin päätökseen|ovat ohi)\b",
        ),
        _rule(
            "casting-nordic",
            M.CASTING,
            # "skal spille hovedrollen", "får rollen som", fi "liittyy näyttelijäkaartiin",
            # "sai roolin", "on valittu rooliin"
            r"\b(?:skal spille|ska spela|kommer att spela|vil spille) (?:hovedrollen|huvudrollen"
            r"|rollen som|en rolle|en roll)\b|\bfår rollen som\b"
            r"|\bnäyttelijäkaartiin\b|\b(?:sai|saa|on saanut) (?:\w+ )?roolin\b"
            r"|\b(?:valittiin|on valittu) (?:\w+ )?rooliin\b",
        ),
        _rule(
            "delayed-nordic",
            M.DELAYED,
            # no "utsatt", da "udsat", "udskydes", "forsinket", sv "har pausats", fi
            # "lykkääntyy", "viivästyy"
            # (not exposed to: "udsat for", "utsatt for")
            r"\b(?:utsatt|udsat)\b(?! for\b)|\b(?:utsettes|utsetter|udskydes|udskyder|forsinket"
            r"|försenats|skjuter upp|pausats|pausades|pausas|har pauset)\b"
            r"|\b(?:lykkääntyy|lykkääntyi|lykätään|lykättiin|lykkäsi|viivästyy|viivästyi"
            r"|keskeytettiin)\b"
            r"|\b(?:ensi-ilta|julkaisu|kuvaukset)\w*\b[^.?!]{0,30}\bsiirty\w*"
            r"|\bsiirtyy (?:vuodelle|vuoteen|ensi vuoteen|myöhemmäksi)\b",
        ),
    )
)
