"""Event wording in the other languages the feeds carry: Portuguese, Spanish,
Italian, French, German, Dutch, Polish, and a few Hindi basics (Indonesian and Korean in
their own modules, ``classify_lang_id`` and ``classify_lang_ko``).

Kept apart from ``rules`` (the English tables) so that each language's verbs
sit together; ``classify_tables`` appends these rules to the English ones.
Same conventions: text is normalised (lower case), and a ``\\b`` before each
word a pattern needs keeps its gate cheap.  Hindi words hold combining vowel
signs, which ``\\w`` does not match, so those patterns do without ``\\b``.
"""

from __future__ import annotations

from bot.news.classify_lang_cs import CS_LANG
from bot.news.classify_lang_id import ID_LANG
from bot.news.classify_lang_ja import JA_LANG
from bot.news.classify_lang_ko import KO_LANG
from bot.news.classify_lang_nordic import NORDIC_LANG
from bot.news.classify_lang_sh import SH_LANG
from bot.news.classify_lang_tr import TR_LANG
from bot.news.classify_lang_vi import VI_LANG
from bot.news.models import Milestone as M
from bot.news.rules import _DATE, _MONTH_IN_FULL, MONTH_IN, NETWORK, EventRule, Family, _rule

# Ordinals of seasons, for "segunda temporada", "derde seizoen", "zweite Staffel".
_ORDINAL = (
    r"(?:segunda|tercera|terceira|cuarta|quarta|quinta|sexta|seconda|terza|deuxième|seconde"
    # (de declined after a preposition or article: "einer zweiten Staffel", "zur dritten")
    r"|troisième|quatrième|cinquième|zweiten?|dritten?|vierten?|fünften?|tweede|derde|vierde"
    r"|vijfde"
    # ca "segona temporada", "cinquena temporada" ("tercera", "quarta", "nova" as es's, pt's)
    r"|segona|cinquena|sisena|setena|vuitena"
    r"|drugi|trzeci|czwarty|piąty|nueva|nova|nuova|nouvelle|neue|nieuw|nieuwe|\d{1,2}ª|\d{1,2}a"
    r"|andra|andre|anden|tredje|fjärde|fjerde|femte|ny|nya|nye"
    # sixth and later: es/pt/it/fr/de ("séptima", "sétima", "settima", "septième", "siebte")
    r"|séptima|octava|novena|décima|sétima|oitava|nona|sesta|settima|ottava|decima|sixième"
    r"|septième|huitième|neuvième|dixième|sechsten?|siebten?|achten?|neunten?|zehnten?"
    # abbreviated: fr "2e", "3ème", "2nde", es "2da", "3ra", "4ta", "7ma", "8va", "9na"
    r"|\d{1,2}(?:e|ème|eme|nde|da|ra|ta|ma|va|na)"
    # (``normalise`` drops the dot before "staffel" and "sezon": "4. Staffel" is "4 staffel")
    r"|\d{1,2}\.|\d{1,2}(?= (?:staffel|sezon)))"
)
_SEASON = r"(?:temporada|stagione|saison|staffel|seizoen|reeks|sezon|säsong|sesong|sæson)"
# pt/es "cancels": the show (a cancellation) or its shoot (a halt, ``DELAY_LANG``)
_CANCELS = r"(?:cancela|cancelou|canceló|cancelan|cancelam)"
# it, es/pt, fr, de, nl "green light"
_GREEN_LIGHT = (
    r"(?:semaforo verde|via libera|luz verde|sinal verde|feu vert|grünes licht|groen licht"
    r"|grönt ljus|grønt lys|zielone światło)"
)
# The shoot, in each language.
_SHOOT = (
    r"(?:filmagens?|gravações|gravacoes|grabaciones|grabación|rodaje|filmación|riprese"
    r"|tournage|dreharbeiten|opnames?|opnamen|zdjęcia|inspelningen|inspelningarna"
    r"|innspillingen|innspilling|optagelserne|optagelser|rodatge|rodagem|rodagens)"
)
# The shoot, or the production it stands for in pt/es/it ("a produção começou").
_SHOOTING = rf"(?:{_SHOOT}|produção|producción|produzione)"

# The cast, or its newcomers, in each language.
_CAST_NOUN = r"(?:elenco|reparto|cast|casting|fichajes|aggiunte|besetzung|distribution)\b"

# A first take, an idiom for the first day of a shoot.
_FIRST_CLAP = (
    r"(?:primera claqueta|premier clap|premier coup de manivelle|eerste clap|første klap"
    r"|første klapp|första klappen|pierwszy klaps|erste klappe|primeira claquete)"
)

RENEW_LANG = Family(
    rules=(
        _rule(
            "renewed-lang",
            M.RENEWED,
            # pt/ca "renova", es "renueva", fr "renouvelle", it "rinnova", nl "verlengt"
            r"\b(?:renova|renovam|renovou|renueva|renuevan|renovó|renovação|renovación|rinnova"
            r"|rinnovata|rinnovato|rinnovo|rinnovare|renouvelle|renouvelée|reconduite?"
            r"|przedłuża|przedłużyli|zamawia\w*"
            # sv/no/da "förnyar", "fornyer", "forlænget"
            r"|vernieuwd|förnyar|förnyad|förnyas|fornyer|fornyet|fornyes|fornyelse|forlænger"
            r"|forlænget"
            r"|forlenger|forlenget|descancela|descancelou|descancelada)\b"
            # nl "Netflix verlengt XO, Kitty" (not "verlengt XO, Kitty niet": Dutch puts its
            # "not" after the object, and that is a cancellation)
            r"|\bverlengt\b(?![^.?!;:]{0,40}\bniet\b(?! alleen\b))"
            # it "Nobody Wants This 3 si farà", "la seconda stagione si farà"
            # (not "si farà attendere", it will keep us waiting)
            rf"|\b(?:\d{{1,2}}|{_SEASON}) si farà\b(?! (?:attendere|aspettare|desiderare)\b)"
            # tr "yeni sezon onaylandı", nl "komt met een derde seizoen", de "den Auftrag für
            # eine dritte Staffel gegeben"
            r"|\b(?:yeni|ikinci|üçüncü|dördüncü) sezon\w* onaylandı"
            r"|\bkomt met (?:een )?(?:nieuw|tweede|derde|vierde|vijfde) seizoen\b"
            rf"|\bauftrag für (?:eine )?(?:{_ORDINAL}|neue|weitere) {_SEASON}\b"
            # fr "aura bien une saison 3", es "tendrá una temporada 2"
            r"|\b(?:aura|tendrá|terá|avrà|bekommt|krijgt) (?:bien |sí |mesmo |doch )?(?:una|uma"
            rf"|une|eine|een) {_SEASON} \d{{1,2}}\b"
            # de "hat eine Verlängerung für die zweite Staffel erhalten", nl "er komt een tweede
            # seizoen", "tweede seizoen in de maak"
            rf"|\bverlängerung (?:für|um) (?:eine |die )?(?:{_ORDINAL} )?{_SEASON}\b"
            r"|\ber komt (?:nog )?een (?:nieuw|tweede|derde|vierde|vijfde|zesde) seizoen\b"
            r"|\b(?:nieuw|tweede|derde|vierde|vijfde|zesde) seizoen\b[^.?!]{0,20}\bin de maak\b",
        ),
        _rule(
            "next-season-lang",
            M.RENEWED,
            # "ganha segunda temporada", "krijgt een derde seizoen", "aura une deuxième saison"
            # (pt "vai ter 3ª temporada"; not "não vai ter", a cancellation; it "ci sarà" told a
            # summary's hearsay as often as news)
            r"\b(?:(?:vai )?ganhar?|(?<!\bnão )vai ter|gana|tendrá|tindrà|terá"
            r"|tem|recibe|recebe|garante|confirm\w*"
            r"|krijgt|bekommt"
            r"|erhält|aura|habrá|får|fick|fikk|blir|bliver|kommer"
            r"|obtient|décroche|avrà|ottiene|dostanie|otrzyma"
            # nl "Netflix bevestigt derde seizoen", pl "Netflix zamówił 3. sezon"
            r"|bevestigt|bevestigde|zamówił\w*|potwierdza|potwierdził\w*)\b"
            r"(?: (?:una|uma|un|une|a|la|le|su"
            rf"|sua|een|eine|die|nog|en|ett|et))? {_ORDINAL}(?: y (?:última|final))? {_SEASON}\b"
            # (nl "bevestigt vierde seizoen van XO, Kitty niet": its "not" after the object)
            r"(?![^.?!;:]{0,40}\bniet\b)"
            # "segunda temporada confirmada", "derde seizoen besteld", "zweite Staffel bestätigt"
            # (not another noun's: "segunda temporada: el drama de una muerte anunciada"; nor
            # the season's broadcast: "hat die Ausstrahlung der zweiten Staffel angekündigt"; nor
            # a list's "Todas las series con 3ra temporada confirmada")
            r"|(?<!\bausstrahlung der )(?<!\bdiffusion de la )(?<!\bestreno de la )"
            r"(?<!\bestreia da )(?<!\buscita della )(?<!\bcon )(?<!\bcom )(?<!\bmit )"
            r"(?<!\bavec une )(?<!\bcon una )(?<!\bcom uma )"
            rf"\b{_ORDINAL} {_SEASON}\b"
            r"(?:(?!\b(?:una|uma|un|une|uno|ein|eine|een) \w+ (?:anunciada|annoncée|annunciata"
            r"|angekündigt|aangekondigd)\b)[^.?!]){0,30}\b(?:garantida|confirmada|confirmado"
            r"|asegurada|assegurada|anunciada|confirmée|commandée|annoncée|confermata|ordinata"
            r"|annunciata|bestätigt|bestellt|geordert|angekündigt|bevestigd|besteld|aangekondigd"
            r"|potwierdzony|zamówiony)\b"
            # "kondigt tweede seizoen aan", "anuncia segunda temporada", "annonce une saison 2"
            rf"|\b(?:kondigt|anuncia|anunció|anunciou|anunciado|annonce|annuncia|kündigt|bekräftar"
            rf"|bekrefter"
            rf"|bekræfter|meddelar|annonserer|tillkännager)\b"
            # (not across the filming or the date: "annuncia che le riprese della stagione 2";
            # nor when it comes: "annonce quand sortira la saison 4")
            # (nor across the cast: "anunciou o elenco da segunda temporada")
            rf"(?:(?!{_SHOOTING}|data|date|fecha|datum|quand|cuándo|cuando|quando|wann|sortie"
            rf"|estreno|estreia|uscita|{_CAST_NOUN})[^.?!]){{0,30}}"
            rf"\b(?:{_ORDINAL} {_SEASON}|{_SEASON} \d{{1,2}})\b"
            # (nor the season's release told after it: "anunció que la segunda temporada de X
            # se estrenará en diciembre", "annonce que la saison 2 arrivera le 5 juin")
            r"(?![^.?!]{0,40}\b(?:se estrenará|se estrena|estrenará|llega|llegará|estreia|estreará"
            r"|chega|chegará|arrive|arrivera|sortira|arriva|arriverà|uscirà|esce|debutterà"
            r"|startet|kommt|erscheint"
            # (da/no/sv: "bekræfter: sæson 3 får premiere 5. juni")
            r"|premiere|premiär|premieren|udkommer|slippes|släpps|landar)\b)"
            # "geht in die zweite Runde", "findet ein neues Zuhause" (rescued)
            # ("geht in die nächste Runde" is how filming news opens, not an order)
            r"|\bgeht in (?:die )?(?:zweite|dritte|vierte|fünfte) (?:runde|staffel)\b"
            # "Harbor Lights geht weiter", "… wird fortgesetzt": the show goes on, the
            # headline's last words (not "das Warten geht weiter", "wird im Mai fortgesetzt")
            r"|^(?![^.?!:]*\b(?:warten|drama|streit|chaos|ärger|zittern|bangen|rätselraten"
            r"|spekulationen|suche|kampf)\b)[^.?!:]{1,60} (?:geht weiter|wird fortgesetzt)"
            r"(?=$|[.!]| - )"
            # de "bestätigt zweite Staffel", fr "aura droit à une saison 2"
            rf"|\b(?:bestätigt|bestellt) (?:eine |die )?{_ORDINAL} {_SEASON}\b"
            r"|\baura (?:droit à )?une (?:nouvelle |\w+ )?saison\b"
            r"|\bneues zuhause\b|\bnouvelle maison\b|\bnuova casa\b|\bnova casa\b|\bnueva casa\b"
            # it "è stata confermata la terza stagione", es "confirmada la segunda temporada"
            rf"|\b(?:confermata|confirmada|confirmée|bestätigt|annunciata|anunciada) (?:la |a |une "
            rf"|die )?{_ORDINAL} {_SEASON}\b"
            # pt "voltará para a sua segunda temporada", es "volverá con una tercera temporada"
            r"|\b(?:voltará|volverá|regresará|retornará|tornerà|reviendra) (?:para |con |com |per "
            rf"|pour )?(?:a |la |una |uma |une |sua |su )?(?:sua |su )?{_ORDINAL} {_SEASON}\b"
            # fr "la série va bien revenir pour une saison 5", "reviendra pour une saison 3"
            r"|\b(?:(?:va|vont) (?:bien |finalement )?revenir|reviendra(?: bien)?)"
            r" (?:pour|avec) une (?:\w+ )?saison\b"
            # "sera bien de retour pour une saison 3" (not "de retour avec une saison 2 prévue",
            # a return as often dated; nor "avec sa saison 3", a premiere's)
            r"|\bsera (?:bien )?de retour pour une (?:\w+ )?saison\b"
            # es "¡Confirmado! Sí habrá Luis Miguel, la serie 3", "sí habrá tercera temporada"
            rf"|\bsí habrá\b[^.?!]{{0,40}}\b(?:{_SEASON}|\d{{1,2}})\b"
            # "Netflix commande une saison 3", "ordina una nuova stagione"
            r"|\b(?:commande|commandé|ordina|ordena|ordenó|encomenda|encomendou|bestellt)\b"
            rf"[^.?!]{{0,20}}\b{_SEASON}\b",
        ),
        _rule(
            "green-light-lang",
            M.RENEWED,
            # it "semaforo verde", es/pt "luz verde", fr "feu vert", de "grünes Licht", nl "groen
            # licht": an order, when a season is named in the same sentence
            rf"\b{_GREEN_LIGHT}\b[^.?!]{{0,60}}\b(?:{_ORDINAL} {_SEASON}|{_SEASON} \d{{1,2}})\b"
            rf"|\b(?:{_ORDINAL} {_SEASON}|{_SEASON} \d{{1,2}})\b[^.?!]{{0,60}}\b{_GREEN_LIGHT}\b"
            # de "grünes Licht für die Verlängerung"
            rf"|\b{_GREEN_LIGHT} (?:für|para|pour|per) "
            r"(?:die |la |le |il )?(?:verlängerung|fortsetzung|renovación|renovação"
            r"|renouvellement|rinnovo)\b",
        ),
        _rule(
            "orders-season-lang",
            M.RENEWED,
            # it "ha ordinato una quinta e ultima stagione", nl "VTM bestelt een vijfde seizoen",
            # sv "SVT har beställt en fjärde säsong", da "forlænges med en femte sæson"
            r"\b(?:ordinato|ordinata|ordenado|encargado|encarga|encargó|encomendada|bestelt"
            r"|besteld|beställt|beställer|bestilt|bestiller|forlænges|förlängs"
            r"|forlenges)\b"
            rf"[^.?!]{{0,30}}\b{_SEASON}\b"
            # it "ufficiale la quarta stagione", es "tendrá temporada 4", pl "powróci z drugim
            # sezonem"
            rf"|\bufficiale (?:la )?{_ORDINAL} {_SEASON}\b"
            rf"|\b(?:tendrá|habrá|terá) {_SEASON} \d{{1,2}}\b"
            r"|\bpowróci z (?:drugim|trzecim|czwartym|piątym|nowym) sezonem\b",
        ),
        _rule(
            "more-seasons-lang",
            M.RENEWED,
            # es "tendrá al menos tres temporadas más", it "avrà altre due stagioni"
            r"\b(?:tendrá|tendra|contará con) (?:al menos )?(?:dos|tres|cuatro|\d) temporadas más\b"
            r"|\bavrà altre (?:due|tre|quattro|\d) stagioni\b",
        ),
        _rule(
            "season-comes-lang",
            M.RENEWED,
            # de "Staffel 2 kommt!" (a date after it makes it a premiere)
            rf"\b{_SEASON} \d{{1,2}} kommt\b(?! (?:am|im|ab|zu|auf|bei|in|erst|\d+)\b)"
            # (nor a late time after an adverb: "kommt wohl erst 2027", a delay)
            r"(?! \w+ (?:erst|nicht vor)\b)",
        ),
        _rule(
            "renewed-hi",
            M.RENEWED,
            # hi "रिन्यू" (renewed), "सीजन 2 का ऐलान", "दूसरे सीजन का ऐलान" (second season
            # announced), "नए सीजन की घोषणा" (not its date's: "सीजन की रिलीज डेट का ऐलान"; nor
            # the clause "along with announcing it" before the news: "नए सीजन की घोषणा करने के
            # साथ ही प्रीमियर की तारीख भी जारी")
            r"रिन्यू|(?:सीज़?न \d+|(?:दूसरे|तीसरे|चौथे|पांचवें|पाँचवें|नए) सीज़?न) (?:का|की)"
            r" (?:ऐलान|एलान|घोषणा)(?! करने के साथ)",
        ),
        _rule(
            "ordered-lang",
            M.RENEWED,
            # de "eine neue Staffel in Auftrag gegeben", "die Verlängerung bekannt gegeben";
            # fr "reviendra pour une saison 2"
            rf"\b{_SEASON}\b[^.?!]{{0,40}}\bin auftrag gegeben\b|\bverlängerung\b[^.?!]{{0,60}}"
            r"\bbekannt\w*|\breviendra (?:pour|avec) une (?:\w+ )?saison\b"
            # de "Das ZDF hat zusätzliche Episoden der Serie bestellt"
            r"|\b(?:zusätzliche|weitere|neue) (?:episoden|folgen)\b[^.?!]{0,40}\b(?:bestellt"
            r"|geordert|in auftrag gegeben)\b",
        ),
        _rule(
            "continues-it",
            M.RENEWED,
            # it "continueranno con un'altra stagione"
            r"\bcontinuer(?:à|anno) con (?:un'altra|una nuova|una \w+) stagione\b",
        ),
        _rule(
            "season-more-lang",
            M.RENEWED,
            # a season more: es "sumará una tercera temporada", it "proseguirà con una quinta e
            # ultima stagione", fr "reviendrait pour une deuxième saison", "on repart pour une
            # saison 4", pl "będzie piąty, ostatni sezon", "przedłużyło ... o trzeci sezon"
            # (not "regresa con una segunda temporada", a return)
            r"\b(?:sumará|proseguirà con|continuerà con|prosseguirá com|reviendrait pour"
            r"|repart pour|będzie)\b (?:una |uma |une |un )?"
            rf"(?:{_ORDINAL}(?:,? (?:e|y|et|und|en) (?:ultima|última|dernière|letzte|laatste)"
            rf"|, ostatni)? {_SEASON}|{_SEASON} \d{{1,2}})\b"
            r"|\bprzedłuż\w*\b[^.?!]{0,40}\bo (?:drugi|trzeci|czwarty|piąty|kolejny) sezon\b"
            # new episodes ordered: fr "vient de commander de nouveaux épisodes", pl "zamówiła
            # osiem nowych odcinków", nl "bestelt zes nieuwe afleveringen" (apart from the
            # season order in next-season-lang: these verbs there read two more texts as orders)
            r"|\b(?:commander|commande|a commandé|ha ordinato|encomendou|encargó|bestelt|besteld"
            r"|bestellt|zamówiła|zamówił|zamówiło)\b[^.?!]{0,20}\b(?:de nouveaux épisodes"
            r"|nuovi episodi|novos episódios|nuevos episodios|nieuwe afleveringen|neue folgen"
            r"|nowych odcinków)\b"
            # a season decided: de "eine fünfte Staffel ... ist beschlossene Sache", nl "een
            # vijfde en laatste seizoen ... besteld"
            rf"|\b{_ORDINAL} {_SEASON}\b[^.?!]{{0,40}}\bbeschlossene sache\b"
            rf"|\b{_ORDINAL} en laatste {_SEASON}\b[^.?!]{{0,30}}\bbesteld\b",
        ),
        _rule(
            "entitled-to-season-fr",
            M.RENEWED,
            # fr "Harbor Lights aura bien droit à une saison 4"
            r"\b(?:aura|a) (?:bien |finalement )?droit à une (?:\w+ )?saison\b",
        ),
        _rule(
            "more-seasons-said-lang",
            M.RENEWED,
            # pt "vai ter mais duas temporadas", es "tendrá dos temporadas más", de "endlich wurde
            # eine zweite Staffel bestätigt"
            r"\b(?:vai ter|terá|vão ter) mais (?:duas|três|uma) temporadas?\b"
            r"|\b(?:tendrá|tendrán|va a tener) (?:dos|tres|una) temporadas? más\b"
            rf"|\bwurde (?:nun |jetzt |endlich |offiziell )*eine (?:{_ORDINAL} |weitere )?"
            r"staffel\b[^.?!]{0,50}\bbestätigt\b",
        ),
        _rule(
            "there-will-be-lang",
            M.RENEWED,
            # it "ci sarà una terza stagione", es "habrá una tercera temporada", pt "haverá uma
            # terceira temporada", fr "il y aura une troisième saison": a season not yet known
            # ("una", an ordinal), told, not asked nor wondered ("se ci sarà", "si habrá")
            r"(?<!\bse )(?<!\bsi )(?<!\bnon )(?<!\bno )(?<!\bnão )(?<!\bn'y )"
            r"\b(?:ci sarà|habrá|haverá|il y aura|y aura) (?:una|uma|une) "
            rf"(?:{_ORDINAL} {_SEASON}|{_SEASON} \d{{1,2}})\b(?![^.!]*\?)",
            # (in a title: a lead's "ci sarà una seconda stagione" answers a question it asks)
            title_only=True,
        ),
        _rule(
            "renewed-said-lang",
            M.RENEWED,
            # a season counted after its noun, then confirmed: es/pt "temporada 3 confirmada",
            # it "stagione 3 confermata", fr "saison 3 confirmée", de "Staffel 3 bestätigt"
            # (not a list's "series con temporada 3 confirmada", "Serien mit Staffel 3 bestätigt")
            r"(?<!\bcon )(?<!\bcom )(?<!\bmit )(?<!\bavec )(?<!\bcon la )(?<!\bavec une )"
            r"(?<!\bmet )(?<!\bz )"
            rf"\b{_SEASON} \d{{1,2}},? (?:(?:é|está|est|è|ist|wurde|is|wordt|jest|został) )?"
            r"(?:oficialmente |officiellement "
            r"|ufficialmente |offiziell |officieel |oficjalnie )?"
            r"(?:confirmada|confirmado|confermata"
            # nl "seizoen 3 bevestigd", pl "sezon 3 potwierdzony"
            r"|bevestigd|besteld|potwierdzony|zamówiony|confirmée|garantida"
            # (the German participle is also a verb, "Staffel 3 bestätigt den Trend": last only)
            r"|assegurada|(?:bestätigt|bestellt)(?=$|[.!:,;]| - ))\b"
            # (not a list's heading: "Staffel 3 bestätigt: Diese Serien gehen weiter")
            r"(?![^.?!]*\b(?:serien|series|séries)\b)"
            # (nor a season known whose day is the news: "la temporada 2 confirmada llega en mayo")
            r"(?![^.?!]*\b(?:llega|llegará|llegan|se estrena|estrena|chega|estreia|arrive|sort"
            r"|arriva|esce|debutta|kommt|startet|erscheint|verschijnt|komt|zadebiutuje|trafi)\b)"
            # confirmed with its number after: fr "Netflix confirme une saison 2"
            r"|\b(?:confirme|confirment|confirma|confirmó|confirmou|conferma|bestätigt)"
            r" (?:une |una |uma |eine )?(?:nouvelle |nueva |nova |nuova |neue )?"
            rf"{_SEASON} \d{{1,2}}\b"
            # (not denied at the verb's end: "Netflix bestätigt Staffel 3 von X (noch) nicht")
            r"(?![^.?!:]{0,40}\bnicht\b)"
            # the season is official: it "la terza stagione è ufficiale", de "Staffel 3 ist
            # offiziell" (its last words: not "Staffel 2 ist offiziell gestartet")
            rf"|\b(?:{_ORDINAL} {_SEASON}|{_SEASON} \d{{1,2}}) (?:es|é|è|est|ist) "
            r"(?:ya |já |già |déjà "
            r"|jetzt |nun )?(?:oficial|ufficiale|officielle|offiziell)(?=$|[.!:,;]| - )"
            # de "es wird eine dritte Staffel geben", not asked ("wird es eine Staffel 3 geben?");
            # left out: "es gibt eine zweite Staffel" (a season known: "…, aber noch keinen
            # Starttermin"; it "ci sarà una …" is there-will-be-lang's)
            rf"|\bes wird (?:eine |noch eine )?(?:{_ORDINAL} |weitere )?{_SEASON}\b[^.?!]{{0,40}}"
            r"\bgeben\b(?![^.!]*\?)"
            # de verb last: "um eine dritte Staffel zu verlängern", "setzt X mit einer zweiten
            # Staffel fort"; the show goes on: "HBO macht noch einmal mit X weiter"
            rf"|\bum (?:eine )?(?:{_ORDINAL} |weitere )?(?:staffel|season) zu verlängern\b"
            rf"|\bsetzt [^.?!]{{1,40}} mit (?:einer |der )?{_ORDINAL}n? (?:staffel|season) fort\b"
            r"|\bmacht (?:noch einmal |doch |weiter )?mit [^.?!]{1,40} weiter\b"
            # de a continuation announced or ordered: "ZDF kündigt Fortsetzungen von X an"
            # (not its day: "kündigt die Fortsetzung für Mai an")
            r"|\bkündig\w* (?:eine |die )?fortsetzung(?:en)?\b(?:(?!\d|\bfür\b|\bab\b)[^.?!]){0,60}"
            r" an\b"
            r"|\b(?:bestätigt|bestellt) (?:eine |die )?fortsetzung\b(?! (?:am|im|ab|für)\b)"
            # a network carries on with the show, its last words: "Das Erste setzt X fort"; not
            # the shoot ("setzt die Dreharbeiten fort") nor when it goes on ("setzt 2020 die
            # Reihe fort", "setzt X im Mai fort": a schedule, the season is already known)
            rf"|\b(?:{NETWORK}|das erste|zdf|ard|rtl|sky|der sender|der streamer) setzt "
            r"(?![^.?!]*\b(?:dreharbeiten|produktion|arbeit|am|ab|im|(?:19|20)\d\d)\b)"
            # (nor the show unnamed, "setzt die Reihe fort": the summary says what goes on)
            r"(?!(?:die|seine|ihre) (?:reihe|serie)\b)[^.?!]{1,60}"
            r" fort(?=$|[.!:,;]| - )"
            # the production of a season confirmed: "die Produktion einer zweiten Staffel
            # bestätigt"
            rf"|\bproduktion (?:einer|der) {_ORDINAL}n? (?:staffel|season)\b[^.?!]{{0,30}}"
            r"\bbestätigt\b"
            r"|\bbestätigt (?:offiziell )?die produktion (?:einer|der) "
            rf"{_ORDINAL}n? (?:staffel|season)\b",
        ),
        _rule(
            "decides-to-renew-lang",
            M.RENEWED,
            # es "ha decidido renovar la serie", it "ha deciso di rinnovare", it/es/pt "conferma
            # la seconda stagione", "confirma la segunda temporada"
            r"\b(?:ha decidido|decidió|decide|decidiu|ha deciso di|a décidé de) (?:renovar"
            r"|rinnovare|renouveler)\b"
            rf"|\b(?:conferma|confirma|confirmó|confirmou) (?:la |a |una |uma )?{_ORDINAL}"
            r" (?:stagione|temporada)\b",
        ),
    ),
)

# de: what is put online ("eingestellt" is posted as well as stopped), and what stops that
# is not the show (the shoot, an episode)
_PUT_ONLINE = (
    r"trailer|teaser|video|clip|bilder|fotos?|poster|online|netz|internet|youtube|instagram"
    r"|tiktok|dreharbeiten|produktion|folgen?|episoden?"
)
CANCEL_LANG = Family(
    rules=(
        _rule(
            "cancelled-lang",
            M.CANCELLED,
            rf"\b{_CANCELS}\b(?! (?:as |las |el |los |o |a )?{_SHOOTING})"
            r"|\b(?:cancella|cancellato|annule|annulé|abandonnée?s?"
            r"|abgesetzt|gestrichen|stopgezet|geannuleerd|gecanceld|gecancelt|anulowan\w*"
            r"|anulował\w*|anuluje|kasuje"
            r"|skasowan\w*|kansellert|kansellerer|kansellerad|avlyst|aflyst|nedlagt|skrotad"
            r"|skrotet|skrottet"
            # it "Netflix ha annullato la seconda stagione", ca "cancel·la", "cancel·lada"
            r"|annullat[ao]|cancel·l\w*)\b|\b(?:läggs|lades|legges|lagt) (?:ned|ner)\b"
            # de "Netflix setzt Harbor Lights ab", a name with a comma too ("setzt XO, Kitty ab");
            # the negation last, "Netflix verlängert Harbor Lights nicht" ("nicht nur" renews)
            # (not "setzt XO, Kitty nicht ab", which denies it)
            r"|\bsetzt (?!sich\b)(?:(?!\bnicht\b)[^.?!,]){1,40}"
            r"(?:, (?:(?!\bnicht\b)[^.?!,]){1,30})? ab\b"
            r"|\bverlängert (?!sich\b)[^.?!;:]{1,40} nicht\b(?! nur\b)"
            # nl the same, "Netflix verlengt XO, Kitty niet"; "annuleert" unless its "niet"
            # follows ("Netflix annuleert XO, Kitty niet" denies it)
            r"|\bverlengt (?!zich\b)[^.?!;:]{1,40} niet\b(?! alleen\b)"
            r"|\bannuleert\b(?![^.?!;:]{0,40}\bniet\b)"
            # "wordt niet verlengd", "ne sera pas renouvelée", "não será renovada"
            r"|\b(?:wordt|is) niet verlengd\b|\bnicht (?:mehr )?verlängert\b"
            r"|\bne sera pas renouvelée?\b|\b(?:no|não) (?:será|fue|foi) renovad[ao]\b"
            r"|\bnon (?:sarà|verrà|è stata) rinnovat[ao]\b"
            # "n'aura pas de saison 3", "no tendrá tercera temporada", "keine dritte Staffel"
            rf"|\bn'aura pas de (?:{_ORDINAL} )?{_SEASON}\b"
            rf"|\bno tendrá (?:una )?{_ORDINAL} {_SEASON}\b"
            # de "Die beliebte Serie Maxton Hall endet mit der dritten Staffel"
            rf"|\bendet mit (?:der )?{_ORDINAL}n? {_SEASON}\b"
            rf"|\bfindet mit (?:der )?{_ORDINAL}n? {_SEASON} (?:ein|sein|ihr) ende\b"
            # es "ha decidido no renovar"; pt "a 3.ª temporada vai ser a última", pl "ósmy sezon
            # serialu będzie ostatnim"
            r"|\b(?:decidido|decidió|decidiu) (?:no|não) renovar\b"
            rf"|\b{_SEASON}\b[^.?!]{{0,60}}\b(?:(?:será|vai ser|va a ser) (?:la|a) última"
            r"|będzie ostatni(?:m)?)\b"
            rf"|\bnão (?:terá|vai ter) (?:uma )?{_ORDINAL} {_SEASON}\b"
            rf"|\bkeine (?:{_ORDINAL} )?{_SEASON}\b"
            r"|\b(?:va )?mettre un terme\b|\bmet (?:un terme|fin) à\b"
            r"|\b(?:ha|hanno) deciso di cancellare\b|\bha decidido cancelar\b"
            r"|\bdecidiu cancelar\b|\ba décidé d'annuler\b|\b(?:optou|optó|opta) por cancelar\b",
        ),
        _rule(
            "stops-lang",
            M.CANCELLED,
            # de "Netflix setzt X nach zwei Staffeln ab", nl "Netflix stopt met X na twee seizoenen"
            r"\bsetzt\b[^.?!]{0,40}\bnach\b[^.?!]{0,25}\bab\b|\bstopt met\b[^.?!]{0,40}\bna\b"
            r"[^.?!]{0,25}\bseizoen"
            # de "Netflix setzt die Serie ab"
            r"|\bsetzt (?:die |das |den )?(?:serie|show|format|sitcom|dramaserie)\b[^.?!]{0,20}"
            r"\bab\b"
            # de "Schnelles Aus für X", "Das ZDF stellt die Serie nach zehn Folgen wieder ein"
            r"|\b(?:das|schnelles|frühes|endgültiges|überraschendes) aus für\b"
            r"|\bstell(?:t|en) (?:die |das |den )?(?:serie|show|format|sitcom|dramaserie)\b"
            r"[^.?!]{0,40}\b(?:wieder )?ein\b"
            # nl "Netflix trekt stekker uit populaire reeks", "Amazon stopt met Z"
            r"|\btrekt (?:de )?stekker uit\b|^(?:[\w+]+ ){1,2}stopt met\b",
        ),
        _rule(
            "no-season-lang",
            M.CANCELLED,
            # fr "n'aura pas droit à une saison 3", "Pas de saison 3 pour", "a décidé de ne pas
            # commander de saison 3"; it "non avrà una seconda stagione", "non si farà"
            r"\bn'aura pas (?:le )?(?:droit à )?(?:de |une )?(?:\w+ )?saison\b|^pas de saison \d+\b"
            r"|\bdécidé de ne pas (?:commander|renouveler|poursuivre)\b"
            rf"|\bnon avrà (?:una |la )?(?:{_ORDINAL} )?stagione\b|\bnon si farà\b",
        ),
        _rule(
            "ends-lang",
            M.CANCELLED,
            # it "chiude dopo tre stagioni", es "terminará con su tercera temporada",
            # de "wird nicht fortgesetzt"
            r"\b(?:chiude|chiusa|si chiude) dopo\b|\bterminará (?:con|tras)\b"
            r"|\bwird nicht (?:fortgesetzt|verlängert)\b"
            # it "si concluderà con la terza stagione", fr "se terminera avec la saison 3", es
            # "concluirá con su cuarta temporada", pt "terminará com a terceira temporada"
            rf"|\b(?:si concluderà|finirà|terminerà|se terminera|s'achèvera|se conclura|concluirá"
            rf"|terminará|acabará) (?:con|avec|com) (?:la |sa |su |a |sua )?(?:\w+ )?{_SEASON}\b",
        ),
        _rule(
            "cancelled-hi",
            M.CANCELLED,
            # hi "कैंसिल" (cancelled), "बंद हो रहा है" (is ending)
            r"कैंसिल|कैंसल",
        ),
        _rule(
            "last-season-lang",
            M.CANCELLED,
            # a season already made is the last: de "die fünfte Staffel wird die letzte sein",
            # fr "la saison 3 sera la dernière", it "la quarta stagione sarà l'ultima", da "bliver
            # den sidste", pl "trzecia seria była ostatnią", pt "a segunda temporada foi a última"
            rf"\b{_SEASON}\b[^.?!]{{0,40}}\b(?:wird (?:die|ihre) letzte sein|sera (?:sa |la )?"
            r"dernière|restera la dernière|sarà l'ultima|(?:bliver|blir) (?:den )?(?:sidste|siste)"
            r"|blir den sista|foi a última|fue la última|była ostatnią|wordt het laatste)\b",
        ),
        _rule(
            "not-renewing-lang",
            M.CANCELLED,
            # es "HBO Max no renovará la serie", it "la Rai non rinnova", fr "ne commandera pas
            # de saison 5", sv "inte förnya serien", pt "a série não vai continuar"
            r"\b(?:no renovará|no renueva|non rinnova|non rinnoverà|ne commandera pas"
            r"|ne (?:la |le )?renouvell\w* pas|inte förnya|ikke fornye|não vai continuar"
            r"|não continuará|não renova|não renovará|niet (?:meer )?voort(?:gezet|zet)|niet verder"
            r"|nie przedłuż\w*)\b"
            # "débranche", "a mis fin à la série", "chiude i battenti", "geschrapt", "rezygnuje z
            # dalszej produkcji", sv "lägger ner", no "legge ned", da/no "stopper"
            r"|\b(?:débranche|débranché|chiude i battenti|geschrapt|rezygnuje z"
            r"|lägger (?:ner|ned)|legger ned|legge ned|stopper)\b"
            r"|\b(?:a|ont) mis fin à (?:la série|l'aventure)\b"
            # nl "Netflix schrapt XO, Kitty" (not "schrapt XO, Kitty niet", a denial)
            r"|\bschrapt\b(?![^.?!;:]{0,40}\bniet\b)"
            # "there will be no fourth season": nl "er komt geen derde seizoen", "een derde
            # seizoen komt er niet", sv "det blir ingen tredje säsong", pt "não haverá quinta
            # temporada", pl "nie będzie 4. sezonu"
            rf"|\b(?:er komt geen|det blir ingen|det bliver ingen|não haverá|no habrá|nie będzie)"
            rf" (?:{_ORDINAL} |\d{{1,2}}\. )?(?:{_SEASON}|sesongs?|sezonu)\b"
            # de "eine dritte Staffel wird es nicht geben", pl "trzeciego sezonu nie będzie"
            rf"|\b{_ORDINAL} {_SEASON} (?:komt er niet|wird es nicht geben)\b"
            rf"|(?:^|: )geen {_ORDINAL} {_SEASON}\b|\b\w+ sezonu nie będzie\b"
            # nl "stopt na twee seizoenen", "stopt na seizoen drie", "trekt de stekker eruit";
            # it "si fermerà alla terza stagione", pt "termina na 4ª temporada", pl "zakończy
            # się na czwartym sezonie", fr "s'arrêtera au terme de sa troisième saison"
            r"|\bstopt na (?:\w+ )?seizoen|\btrekt (?:de )?stekker eruit\b|\bstacca la spina\b"
            r"|\b(?:si fermerà|si ferma|termina|terminará|zakończy się)\b[^.?!]{0,12}"
            rf"\b(?:alla|na|en|con)\b[^.?!]{{0,12}}\b(?:{_SEASON}|sezonie)\b"
            r"|\bs'arrêtera au terme\b",
        ),
        _rule(
            "cancelled-it-more",
            M.CANCELLED,
            # it "ha annunciato la cancellazione di X", "non tornerà con una terza stagione"
            r"\bannunciato la cancellazione\b|\bnon tornerà (?:sugli schermi )?(?:con|per) una\b",
        ),
        _rule(
            "not-going-on-lang",
            M.CANCELLED,
            # es "no seguir adelante con", "ha decidido poner punto final", fr "de ne pas
            # commander de quatrième saison", "tire le rideau sur", "l'arrêt de la série", it
            # "niente quarta stagione", pl "skasował", "anuluje", "nie będzie kontynuował"
            r"\bno seguir adelante con\b|\bponer (?:punto )?(?:final|fin) a\b"
            # no further than a season: es "no irá más allá de la quinta temporada", ca "no anirà
            # més enllà de"; de "daraus wird nichts" (nothing comes of it)
            r"|\bno (?:irá|anirà) (?:más allá|més enllà) de\b|\bdaraus wird (?:nun |jetzt |doch )?"
            r"nichts\b"
            r"|\bde ne pas (?:commander|renouveler|donner suite)\b|\btire le rideau sur\b"
            rf"|\bl'arrêt de la série\b|\bniente {_ORDINAL} stagione\b|\bskasowa\w*\b|\banuluje\b"
            r"|\bnie będzie kontynuowa\w*\b",
        ),
        _rule(
            "final-season-said-lang",
            M.CANCELLED,
            # the coming season is the last: es "bajará el telón con su tercera temporada", "la
            # próxima entrega será la última", de "die kommende Staffel die letzte sein wird", it
            # "si conclude con la seconda stagione", fr "s'arrêtera au terme de sa deuxième saison"
            r"\b(?:bajará|baja|bajan|bajarán) el telón\b"
            r"|\b(?:entrega|temporada|stagione|saison|staffel|temporada) (?:será|sera|sarà|wird)"
            r" (?:la |l'|die )?(?:última|ultima|dernière|letzte)\b"
            r"|\bdie letzte (?:der serie |staffel )?sein wird\b"
            r"|\b(?:si conclude|si chiude|si concluderà) con (?:la )?(?:\w+ )?stagione\b"
            r"|\bs'arrêtera (?:donc )?(?:au terme de|après|avec) (?:sa |la )?(?:\w+ )?saison\b"
            # not renewed: it "ha deciso di non rinnovare", fr "de ne pas reconduire", es "decidió
            # no renovar", pt "decidiu não renovar"
            r"|\b(?:deciso|decidido|decidió|decidiu|décidé) (?:di |de )?(?:non |no |não |ne pas )"
            r"(?:rinnovare|renovar|reconduire|renouveler)\b"
            # de "Disney+ stellt Harbor Lights nach zwei Staffeln ein"
            r"|\bstell(?:t|en) [^.?!]{1,60}\bnach (?:\w+ )?(?:staffeln?|seasons?) ein\b"
            # "Netflix stellt Harbor Lights ein" (not what is put online: "stellt neuen
            # Trailer zu … ein", nor the shoot: "stellt die Dreharbeiten ein")
            rf"|\b(?:{NETWORK}|sky|rtl|zdf|ard|prosieben|joyn|der sender|der streamer)"
            r" stell(?:t|en) (?![^.?!]*\b(?:trailer|teaser|video|clip|bilder|fotos?|online"
            r"|dreharbeiten|produktion|folge|episode)\b)[^.?!]{1,60} ein(?=$|[.!:,;]| - )"
            # the passive, "XO, Kitty wurde eingestellt" (not what was put online: "Trailer
            # wurde eingestellt", "wurde auf YouTube eingestellt")
            rf"|(?:^|(?<=[.!?:] ))(?:(?!{_PUT_ONLINE})[^.?!:]){{1,60}}\b(?:wurde|wird|ist)\b"
            rf"(?:(?!{_PUT_ONLINE})[^.?!:]){{0,30}} eingestellt(?=$|[.!:,;]| - )",
        ),
        _rule(
            "ends-after-seasons-lang",
            M.CANCELLED,
            # a show ending after a count of seasons, the show between verb and count: de "endet
            # nach drei Staffeln", pt "chega ao fim após três temporadas", it "Netflix chiude X
            # dopo tre stagioni", fr "s'arrête après trois saisons" (seasons in the plural: a
            # season ending after its episodes is a finale)
            r"\b(?:endet|chega ao fim|chegará ao fim|llega a su fin|s'arrête|se termine|chiude"
            r"|si chiude|si conclude|termina|acaba|encerra|finaliza)\b[^.?!]{0,40}"
            r"\b(?:nach|após|depois de|tras|después de|après|dopo) (?:\w+ )?"
            r"(?:staffeln|temporadas|saisons|stagioni)\b"
            # the present's decision not to renew: it "decide di non rinnovare"
            r"|\b(?:decide|decidem|deciden|décide) (?:di |de )?(?:non |no |não |ne pas )"
            r"(?:rinnovare|renovar|renouveler|reconduire)\b",
        ),
        _rule(
            "dropped-after-seasons-de",
            M.CANCELLED,
            # de "wurde nach nur zwei Staffeln von FX eingestellt"
            # (and its infinitive: "hat beschlossen, die Serie nach drei Staffeln einzustellen")
            r"\bnach (?:nur |bereits |lediglich )?(?:\w+ )?staffeln?\b[^.?!]{0,30}"
            r"\b(?:eingestellt|einzustellen)\b",
        ),
        _rule(
            "will-not-renew-lang",
            M.CANCELLED,
            # pt "não vai renovar a série", es "no renovará", it "non rinnoverà", fr "ne
            # renouvellera pas"; "decided to end it": fr "a décidé d'arrêter la série", it "ha
            # deciso di chiudere la serie"; "there will be no season 3" in each language; "will
            # be the last season"
            r"\b(?:não vai renovar|não renovará|no renovará|non rinnoverà|ne renouvellera pas)\b"
            r"|\b(?:décidé d'arrêter|deciso di chiudere|decidido cancelar|decidió cancelar"
            r"|decidiu cancelar|decidido poner fin|deciso di cancellare)\b"
            r"|\bil n'y aura pas de (?:\w+ )?saison\b"
            r"|\bnon ci sarà (?:una |la )?(?:\w+ )?stagione\b"
            r"|\bno habrá (?:una )?(?:\w+ )?temporada\b|\bnão haverá (?:uma )?(?:\w+ )?temporada\b"
            r"|\bes wird keine (?:\w+ )?staffel geben\b"
            r"|\b(?:sarà l'ultima stagione|será la última temporada|será a última temporada"
            r"|sera la dernière saison|wird die letzte staffel)\b"
            # es "tendrá una última temporada", pt "terá uma última temporada", it "avrà
            # un'ultima stagione", fr "aura une dernière saison": the end announced
            r"|\b(?:tendrá|terá|avrà|aura) (?:una |uma |un'|une )?(?:última|ultima|dernière)"
            r" (?:temporada|stagione|saison)\b",
        ),
    ),
)

FILMING_LANG = Family(
    rules=(
        _rule(
            "filming-future-lang",
            M.FILMING_STARTED,
            rf"\b{_SHOOTING}\b[^.?!]{{0,60}}\b(?:começará|começarão|comenzará|comenzarán"
            r"|iniciará|iniciarán|empezará|empezarán|arrancará|arrancarán|inizieranno|partiranno"
            r"|commencera|débutera|zullen beginnen|rozpoczną)\b"
            rf"|\b{_SHOOTING}\b[^.?!]{{0,40}}\b(?:previst[ao]s?|programad[ao]s?|agendad[ao]s?"
            r"|marcad[ao]s?|prevue?s?|geplant|gepland|zaplanowan\w*) (?:para|pour|für|voor|na)\b"
            r"|\btournages?\b[^.?!]{0,30}\b(?:va|vont) (?:bientôt )?(?:reprendre|commencer"
            r"|débuter)\b"
            # de "Die Dreharbeiten zur dritten Staffel sollen demnächst beginnen"
            r"|\bdreharbeiten\b[^.?!]{0,90}\bsollen (?:demnächst|bald|noch in diesem)\b"
            # tr "çekimlerinin başlama tarihi netleşti" (the shoot's start date is set)
            r"|\bçekimlerinin başlama tarihi\b"
            # es "ya tiene fecha de rodaje", it "data di inizio delle riprese" (a start dated)
            r"|\b(?:fecha|data) de (?:inicio de )?(?:rodaje|gravações|grabación)\b"
            r"|\bdat[ae] di inizio (?:delle )?riprese\b"
            # it "le riprese di The Boys 4 stanno per iniziare", "quando si prevede che inizino
            # le riprese", no "den snart starter innspillingen", cs "natáčení … začne", id
            # "syuting … akan dimulai", ru "съемки … могут начаться"
            r"|\briprese\b[^.?!]{0,60}\bstanno per (?:iniziare|partire|cominciare)\b"
            r"|\binizino le riprese\b|\bstarter innspillingen\b|\bnatáčení\b[^.?!]{0,60}\bzačne\b"
            r"|\bsyuting\b[^.?!]{0,60}\bakan dimulai\b|\bсъемки\b[^.?!]{0,60}\b(?:могут начаться"
            r"|начнутся)\b"
            # about to start: fr "sur le point de débuter le tournage", "va bientôt entrer en
            # production", es "a punto de comenzar el rodaje", it "sta per iniziare le riprese"
            r"|\bsur le point de (?:débuter|commencer|lancer|reprendre) (?:le |son |leur )?"
            r"tournage\b"
            r"|\b(?:va|vont) (?:bientôt )?entrer en (?:production|tournage)\b"
            # fr "reviendront sur le plateau le 19 octobre", "le tournage va enfin pouvoir
            # commencer"
            r"|\breviendront sur le plateau\b"
            r"|\btournage\b[^.?!]{0,40}\bva (?:enfin )?pouvoir (?:commencer|reprendre|débuter)\b"
            r"|\ba punto de (?:comenzar|empezar|iniciar|arrancar) (?:el |su )?rodaje\b"
            r"|\b(?:sta|stanno) per (?:iniziare|cominciare) (?:le )?riprese\b"
            # hi "शूटिंग … शुरू होगी" (will start), "शुरू होने जा रही है" (is going to start)
            r"|शूटिंग[^.?!।]{0,40}शुरू (?:होगी|होने)|शुरू होगी[^.?!।]{0,60}शूटिंग",
            future=True,
        ),
        _rule(
            "filming-started-lang",
            M.FILMING_STARTED,
            # "início das filmagens", "inicio del rodaje", "début du tournage", "Drehstart"
            r"\b(?:início|inicio|inici|comienzo|começo|début|lancement|avvio|inizio) (?:das|da"
            r"|de las"
            r"|de los|del|de|du|des|delle) (?:filmagens|gravações|gravacoes|grabaciones|rodaje"
            r"|filmación|tournage|riprese|rodatge)\b|\b(?:drehstart|drehbeginn)\b"
            # "iniciou as filmagens", "dão início às gravações", "comenzó el rodaje"
            r"|\b(?:iniciou|iniciaram|iniciam|inicia|começou|começaram|começa|começam|início"
            r"|inició|iniciaron|comenzó|comenzaron|comienza|comienzan|arranca|arrancó|arrancan"
            r"|empieza|empezó|empezaron|commence|commencent|débute|débutent|démarre|entame"
            r"|beginnen|begint|starten|start|rozpoczęto|ruszyły) (?:a |às |as |las |los |el |o |la "
            r"|le |son |de |met |die |den )?(?:\w+ )?(?:filmagens?|gravações|gravacoes|grabaciones"
            r"|rodaje"
            r"|filmación|grabación|tournage|opnamen?|opnames|zdjęcia|dreharbeiten)\b"
            # "filmagens ... são iniciadas", "opnames zijn begonnen", "rozpoczęły się zdjęcia",
            # "gravações da terceira temporada começam" (not "começam em maio": a plan)
            r"|\b(?:filmagens|gravações|gravacoes|grabaciones|rodaje|opnam(?:en?|es))\b[^.?!]{0,60}"
            r"\b(?:começaram|iniciadas|iniciada|iniciaram|arrancaron|comenzaron|empezaron|começou"
            r"|comenzó|arrancó|begonnen|gestart|van start|in volle gang"
            r"|(?:começam|iniciam|comienzan|empiezan|arrancan)\b"
            r"(?! (?:em|en|no|na|a partir|este|esta|neste|nesta|el|la)\b))\b"
            r"|\brozpoczęły się zdjęcia\b|\bzdjęcia\b[^.?!]{0,30}\bruszyły\b"
            # pl "Zdjęcia do 2. sezonu rozpoczęte" (an ordinal's "2." ends no sentence)
            r"|\bzdjęcia\b(?:[^.?!]|\d\.){0,40}\b(?:rozpoczęte|wystartowały)\b"
            r"|\bkręci (?:\w+ )?(?:drugi|trzeci|czwarty|piąty|nowy) sezon\b"
            r"|\b(?:sono )?(?:ufficialmente )?(?:iniziate|cominciate|partite)\b[^.?!]{0,40}"
            r"\ble riprese\b"
            # fr "Omar Sy a repris le tournage", de "Dreharbeiten beginnen an diesem Montag"
            r"|\b(?:a repris|reprend|reprise du) (?:le )?tournage\b|\bprimo ciac?k\b"
            r"|\bciak si gira\b"
            r"|\bripart\w* le riprese\b|\briprese\b[^.?!]{0,40}\bripartite\b|\bil ciak\b"
            # it "le riprese della seconda stagione sono in corso", fr "le tournage est en cours"
            r"|\briprese\b[^.?!]{0,60}\bsono (?:ora |già )?in corso\b"
            r"|\btournage\b[^.?!]{0,60}\best (?:actuellement )?en cours\b"
            # es "ha iniciado el rodaje de su segunda temporada"; tr "yeni sezon çekimleri başladı"
            r"|\b(?:ha|han) (?:iniciado|comenzado|arrancado|empezado) (?:el |las |su )?(?:rodaje"
            r"|grabaciones|filmación)\b|\bçekimler(?:i|ine)?\b[^.?!]{0,50}\bbaşladı\b"
            r"|\bproduzione\b[^.?!]{0,60}\b(?:ufficialmente )?(?:partita|iniziata|cominciata)\b"
            # (not "sollen im September beginnen", a plan)
            r"|\bdreharbeiten\b(?:(?!\bsoll)[^.?!]){0,60}\b(?:beginnen|beginnt|laufen)\b"
            # de "beginnt mit den Dreharbeiten", "rollen wieder die Kameras", "Produktion läuft"
            r"|\b(?:beginnt|beginnen|startet|starten) mit (?:den )?dreharbeiten\b"
            r"|\brollen\b[^.?!]{0,30}\bkameras\b|\bkameras rollen\b"
            r"|\bdreharbeiten\b[^.?!]{0,60}\b(?:statt|vonstatten)\b"
            r"|\bproduktion\b[^.?!]{0,30}\b(?:hat begonnen|begonnen|gestartet|läuft)\b"
            r"|\b(?:iniziate|iniziano|cominciate|partite|partono|al via) (?:le )?riprese\b"
            # "inizia la produzione della terza stagione", "beginnt die Produktion"
            r"|\b(?:inizia|iniziata|comincia|avviata|al via|inicia|iniciou|comienza|empieza"
            r"|arranca|beginnt|commence|débute) (?:la |a |el |die |le )?(?:produzione|produção"
            r"|producción|produktion|production|lavorazione)\b"
            r"|\btournage\b[^.?!]{0,60}\ba (?:commencé|débuté|démarré)\b"
            # sv/no/da: "har börjat inspelningen", "innspillingen har startet"
            r"|\b(?:börjat|påbörjat|startat|begynt|startet|begyndt) (?:med )?(?:inspelningen"
            r"|inspelningarna|innspillingen|optagelserne)\b"
            r"|\b(?:inspelningen|inspelningarna|innspillingen|optagelserne)\b[^.?!]{0,40}"
            r"\b(?:börjat|påbörjats|startat|begynt|startet|begyndt|i gang|igång)\b"
            r"|शूटिंग शुरू|शूटिंग की शुरुआत"
            # de "die Dreharbeiten seien im Gange", "hat mit den Dreharbeiten begonnen"
            r"|\bdreharbeiten\b[^.?!]{0,60}\b(?:sind|seien|laufen) (?:bereits |schon )?"
            r"(?:in vollem |im )gange\b|\bmit den dreharbeiten\b[^.?!]{0,60}\bbegonnen\b"
            # fr "le tournage de la saison 2 débute ce lundi"
            r"|\btournage\b[^.?!]{0,60}\b(?:débute|commence|démarre|a débuté|a commencé)\b"
            # es "ha comenzado en Irlanda la producción de su segunda temporada"
            r"|\b(?:ha|han) (?:comenzado|empezado|arrancado|iniciado)\b[^.?!]{0,30}"
            r"\b(?:la producción|el rodaje|las grabaciones|la filmación)\b"
            # the shoot begun or under way told with an adverb or a state: fr "la saison 2 est
            # actuellement en tournage", "le tournage … a repris", it "le cui riprese sono da
            # poco iniziate", es "ha comenzado de forma oficial su rodaje", de "laufen derzeit
            # die Dreharbeiten", ru "возобновились съемки", el "ξεκίνησε γυρίσματα"
            r"|\b(?:est|sont|était|étaient) (?:actuellement |déjà |officiellement )?en tournage\b"
            r"|\btournage\b[^.?!]{0,60}\ba (?:officiellement )?repris\b"
            r"|\briprese\b[^.?!]{0,40}\bsono (?:da poco|appena|già|finalmente) (?:iniziate"
            r"|cominciate|partite)\b"
            r"|\b(?:ha|han) (?:comenzado|empezado|arrancado|iniciado) (?:de forma oficial"
            r"|oficialmente|ya) (?:el |las |su )?(?:rodaje|grabaciones|filmación)\b"
            r"|\blaufen (?:derzeit|bereits|gerade|aktuell|schon) (?:die )?dreharbeiten\b"
            r"|\b(?:начались|стартовали|возобновились) съ[её]мки\b"
            r"|\bсъ[её]мки\b[^.?!]{0,60}\b(?:начались|стартовали|возобновились)\b"
            r"|\bξεκίνησ(?:ε|αν) (?:τα )?γυρίσματα\b|\bγυρίσματα\b[^.?!]{0,60}\bξεκίνησαν\b",
        ),
        _rule(
            "filming-wrapped-lang",
            M.FILMING_WRAPPED,
            r"\b(?:fim|final|término|encerramento|fin) (?:das|de las|del|de) (?:filmagens"
            r"|gravações|gravacoes|grabaciones|rodaje)\b"
            r"|\b(?:terminou|terminaram|encerrou|encerraram|encerra|concluiu|concluíram|finalizou"
            r"|finalizaram|terminó|terminaron|finalizó|finaliza|concluyó|acabó|termina) (?:hoje "
            r"|ontem |hoy |ayer )?"
            r"(?:as |las |el |o |la )?"
            r"(?:filmagens|gravações|gravacoes|grabaciones|rodaje)\b"
            r"|\b(?:filmagens|gravações|gravacoes|grabaciones|rodaje)\b[^.?!]{0,40}\b(?:terminaram"
            r"|encerradas|concluídas|finalizadas|terminado|finalizado|concluido|terminaron"
            # pt "as gravações da segunda temporada chegam ao fim"
            r"|chegam ao fim|chegaram ao fim|llegan a su fin|llegaron a su fin)\b"
            r"|\b(?:terminate|concluse|finite|chiuse) le riprese\b|\bfine delle riprese\b"
            r"|\b(?:a |ont )?(?:finalement )?(?:terminé|achevé|bouclé) (?:le|son|leur) tournage\b"
            r"|\bfin du tournage\b|\btournage (?:est |a été )?(?:terminé|achevé|bouclé)\b"
            r"|\bvien(?:t|nent) de (?:terminer|achever|boucler) (?:le|son|leur) tournage\b"
            # es "ya terminó de filmarse la temporada 2"
            r"|\b(?:terminó|terminaron|acabó) de (?:filmarse|grabarse|rodarse)\b"
            r"|\b(?:acaba|acabat|finalitza) el rodatge\b"
            r"|\briprese\b[^.?!]{0,50}\b(?:si )?(?:sono )?(?:finalmente |ufficialmente )?"
            r"(?:terminate|concluse|finite)\b"
            r"|\b(?:produzione|riprese|produção|producción|rodaje|gravações)\b[^.?!]{0,60}"
            r"\b(?:giunt[ao] al termine|llegó a su fin|chegou ao fim|ha concluido|ha terminado)\b"
            r"|\bzakończ\w* zdjęcia\b"
            r"|\bzdjęcia\b(?:[^.?!]|\d\.){0,60}\b(?:zakończon\w*|zakończyły się)"
            r"|\bprace na planie dobiegły końca\b|\b(?:koniec|zakończenie) prac na planie\b"
            r"|\bzakończyły się (?:prace na planie|zdjęcia)\b"
            r"|शूटिंग पूरी|शूट पूरा|शूटिंग खत्म",
        ),
        _rule(
            "wrap-lang-more",
            M.FILMING_WRAPPED,
            # es "termina el rodaje", pt "encerrou as gravações"
            r"\b(?:termina|terminó|finaliza|finalizó|concluye|concluyó|acaba|acabó) (?:el |su )?"
            r"(?:rodaje|grabación|filmación)\b|\b(?:encerra|encerrou|termina|terminou|concluiu)"
            r" (?:as |a )?(?:gravações|filmagens)\b"
            # es "La segunda temporada ha terminado su rodaje"
            r"|\b(?:ha|han) (?:terminado|finalizado|concluido|acabado) (?:su |el )?(?:rodaje"
            r"|grabación|filmación)\b"
            r"|\brodaje\b[^.?!]{0,60}\b(?:terminó|finalizó|concluyó|acabó)\b"
            r"|\bapagado (?:ya )?(?:sus )?cámaras\b"
            # the plural's present: es "terminan las grabaciones", pt "terminam as gravações";
            # it's perfect, "ha concluso le riprese", "hanno terminato le riprese"
            r"|\b(?:terminan|finalizan|concluyen|acaban|terminam|encerram|concluem)"
            r" (?:las |los |as "
            r"|os )?(?:grabaciones|rodajes|gravações|filmagens)\b"
            r"|\b(?:ha|hanno) (?:ufficialmente |finalmente )?(?:concluso|terminato|finito|chiuso"
            r"|completato) le riprese\b",
        ),
        _rule(
            "filming-lang-more",
            M.FILMING_WRAPPED,
            # de "Vier neue Folgen sind gedreht worden"
            r"\b(?:sind|wurden) (?:bereits )?(?:\w+ )?gedreht worden\b",
        ),
        _rule(
            "filming-prep-lang",
            M.FILMING_STARTED,
            # de "Drehvorbereitungen gestartet", "geht in den nächsten Monaten in die Produktion"
            r"\bdrehvorbereitungen\b|\bgeht\b[^.?!]{0,40}\bin die produktion\b"
            # de "Produktionsstart im Februar", pl "za miesiąc rozpoczęcie zdjęć" (a start ahead)
            r"|\bproduktionsstart\b|\brozpoczęcie zdjęć\b"
            # pl "Netflix rozpocznie zdjęcia", "ruszą zdjęcia"
            r"|\brozpocznie zdjęcia\b|\bruszą zdjęcia\b"
            # fr "la production de cette saison 3 était en train de démarrer"
            r"|\b(?:production|tournage)\b[^.?!]{0,40}\ben train de (?:démarrer|commencer)\b",
            future=True,
        ),
        _rule(
            "filming-begins-lang",
            M.FILMING_STARTED,
            # pl "Zdjęcia do drugiej serii rozpoczynają się 15 czerwca" (a date ahead)
            r"\bzdjęcia\b[^.?!]{0,60}\brozpoczynają się\b",
            future=True,
        ),
        _rule(
            "filming-starts-lang",
            M.FILMING_STARTED,
            # pt "gravações da segunda temporada começam em maio", es "el rodaje comenzará en
            # abril", it "le riprese inizieranno a marzo"
            r"\b(?:gravações|filmagens|rodaje|grabaciones|riprese)\b[^.?!]{0,50}\b(?:começam"
            r"|começarão|comienzan|comenzarán|comenzará|empiezan|empezarán|arrancan|arrancarán"
            r"|inizieranno|iniziano|cominciano|partiranno) (?:em|en|a|in|a partir de|entro)\b"
            # the singular before a time, not a place: es "el rodaje comienza en junio"
            r"|\b(?:gravações|filmagens|rodaje|grabaciones|grabación|filmación)\b[^.?!]{0,50}"
            r"\b(?:comienza|empieza|arranca|começa) (?:en|em|a partir de) (?:(?:19|20)\d\d"
            r"|primavera|verano"
            rf"|otoño|invierno|verão|outono|inverno|{_MONTH_IN_FULL})\b"
            # nl "de opnamen voor seizoen 2 beginnen in maart"
            r"|\bopnam(?:en|es)\b[^.?!]{0,50}\b(?:beginnen|starten|gaan van start) (?:in|op|begin"
            r"|eind|half|medio|volgende?|dit|deze)\b",
            future=True,
        ),
        _rule(
            "shooting-now-de",
            M.FILMING_STARTED,
            # de "dreht derzeit die zweite Staffel"
            r"\bdreh(?:t|en) (?:derzeit|gerade|aktuell|momentan)\b"
            # es "la segunda temporada, ya en rodaje", pt "está em rodagem", "já em gravações"
            r"|\b(?:ya|está|están|já|estão|se encuentra) (?:en|em) (?:pleno |plena )?(?:rodaje"
            r"|rodagem|gravações|filmagens|grabaciones)\b",
        ),
    ),
)

FILMING_MORE_LANG = Family(
    rules=(
        _rule(
            "shoot-begins-lang",
            M.FILMING_STARTED,
            # the verb first: es "comienzan hoy las grabaciones", pt "arrancaram as filmagens",
            # "iniciou nesta segunda-feira (3) as gravações", nl "gestart met de opnames"
            r"\b(?:comienzan|comienza|arrancan|arranca|arrancaron|arrancó|empiezan|empieza"
            r"|começam|começa|arrancaram|arrancou|iniciou|iniciaram|retoma|retomam|retomou"
            r"|retomaram|reanuda|reanudan|gestart met|begonnen met|rozpoczął|rozpoczęła"
            r"|rozpoczęło)\b"
            r"(?: (?:hoy|ayer|ya|hoje|ontem|já|nesta|neste|oficialmente)\b[^.?!]{0,20})?"
            rf" (?:as |las |los |el |o |a |de |die )?{_SHOOT}\b"
            # the noun first: pt "a rodagem já começou", da "optagelserne begyndte i går", fr "le
            # tournage aurait commencé", it "le riprese sarebbero già iniziate", pl "trwają
            # zdjęcia", no "innspillingen kan ha startet" (a hedge makes it a rumour)
            rf"|\b{_SHOOT}\b[^.?!]{{0,50}}\b(?:já começou|já começaram|ya comenzó|ya comenzaron"
            r"|begyndte|begynte|började|startede|aurait commencé|auraient commencé"
            r"|ont commencé|ont débuté|sarebbero (?:già )?(?:iniziate|cominciate)"
            r"|sono (?:già )?(?:iniziate|cominciate)|terão arrancado|kan ha startet|już trwają"
            r"|ist gestartet|sind gestartet)\b"
            r"|\btrwają zdjęcia\b|\bzdjęcia\b(?:[^.?!]|\d\.){0,30}\b(?:już )?trwają\b"
            # es "ya estaría grabando su segunda temporada", pt "já estaria sendo gravada"
            r"|\b(?:estaría|estarían|estaria|estariam) (?:grabando|rodando|filmando|gravando"
            r"|sendo gravad[ao])\b"
            # the first take and the first day: "Eerste clap gevallen", "primo giorno di riprese"
            rf"|\b{_FIRST_CLAP}\b|\bstartschuss\b[^.?!]{{0,60}}\bdreharbeiten\b"
            r"|\bprimo giorno (?:di riprese|sul set)\b|\bprimer día de rodaje\b"
            r"|\bpierwsz\w+ dni\w* zdjęciow\w*"
            # back on set, cameras rolling: it "si torna sul set", pl "wraca na plan", nl "de
            # camera's draaien weer", pl "kamery ruszyły", pt "luz, câmara, ação"
            r"|\b(?:si torna|tornano|torna) sul set\b|\bwraca\w* na plan\b"
            r"|\bcamera's draaien\b|\bkamery ruszyły\b|\bluz, câmara, ação\b"
            r"|\bluz, câmera, ação\b"
            # sv "spelas in för fullt" (in full swing; a shoot told only as going on, "ya rueda",
            # "wird gedreht", is not news, as in English)
            r"|\bspelas (?:nu )?in för fullt\b"
            # "la production de la saison 3 est officiellement lancée"; pl "rozpoczął produkcję"
            r"|\bproduction\b[^.?!]{0,40}\best (?:officiellement )?lancée\b"
            r"|\brozpocz\w+ produkcję\b"
            r"|\bdad[oa] comienzo a (?:su |el |la )?(?:rodaje|grabación|filmación)\b"
            r"|\b(?:comenzaba|empezaba|arrancaba) (?:el |su )?rodaje\b"
            r"|\b(?:a|ont) (?:débuté|commencé|démarré|entamé)\b[^.?!]{0,25}\ble tournage\b"
            # es "el rodaje de la temporada 3 ha comenzado" (the noun first; not "aún no ha
            # comenzado"), pt "Segunda Chamada grava mais uma temporada" (filming one now; not
            # "grava nova temporada de três séries", a list)
            rf"|\b{_SHOOT}\b(?:(?!\bno\b)[^.?!]){{0,50}}\b(?:ha|han) (?:comenzado|empezado"
            r"|arrancado|iniciado)\b"
            rf"|\bgrava(?:m)? (?:a |sua )?(?:mais uma|{_ORDINAL}) temporada\b"
            r"(?! de (?:\w+ )?(?:séries|novelas|produções)\b)",
        ),
        _rule(
            "shoot-planned-lang",
            M.FILMING_STARTED,
            # a start still ahead, said with a modal: de "sollen im September beginnen", fr
            # "devrait débuter au printemps", it "potrebbe tornare sul set", es "podría empezar a
            # rodar", pt "poderá começar", "vai começar a ser gravada", pl "mają ruszyć", "może
            # wejść na plan", nl "zouden in mei beginnen", no "skal etter planen starte"
            r"\b(?:sollen|zouden|zullen|kunnen|devrait|devraient|pourrait|pourraient|dovrebbero"
            r"|dovrebbe|potrebbe|potrebbero|podría|podrían|poderá|poderão|deverá|deverão|vai|podem"
            r"|skal|ska|mają|miałyby|może|mogą|könnten|könnte)\b[^.?!]{0,40}\b(?:beginnen"
            r"|starten|débuter|commencer|iniziare|partire|cominciare|empezar|comenzar|arrancar"
            r"|começar|starte|begynde|begynne|börja|gå i gang|dra igång|ruszyć|rozpocząć"
            r"|wejść na plan|tornare sul set|se tourner|spelas in|optages|rodar|grabar|gravar"
            r"|rodarse|grabarse)\b"
            # a conditional start: es "comenzaría su rodaje", fr "commencerait en mai", da
            # "ventes at gå i gang"
            r"|\b(?:comenzaría|empezaría|arrancaría|commencerait|débuterait|inizierebbero"
            r"|começaria|ventes at gå i gang)\b"
            # a filming permit or a call for extras: fr "des autorisations de tournage"
            r"|\bautorisations? de tournage\b|\bdrehgenehmigung\w*"
            # a shoot from a time ahead, without a verb: de "Dreharbeiten ab Juni", it "riprese
            # dal 5 giugno", fr "tournage à partir de juin" / "dès juin"
            r"|\b(?:dreharbeiten|dreh) ab (?:dem |mitte |ende |anfang )?"
            rf"(?:\d|(?:{_MONTH_IN_FULL})\b|frühjahr\b|sommer\b|herbst\b|winter\b)"
            r"|\briprese dal \d|\btournage (?:à partir d[eu]|dès) ",
            future=True,
        ),
        _rule(
            "shoot-resumed-lang",
            M.FILMING_STARTED,
            # es "las cámaras ya ruedan", "ha retomado el rodaje", it "ciak, si gira", "sono
            # tornate a girare", nl "productie hervat", de "wieder aufgenommen", "wieder vor der
            # Kamera", pl "wznowiono produkcję", "start zdjęć", "znów stoi przed kamerą"
            r"\bcámaras (?:ya )?ruedan\b|\bretomad[oa] (?:la filmación|el rodaje|las grabaciones)\b"
            # it "le riprese della stagione 2 sono ricominciate"
            r"|\briprese\b[^.?!]{0,50}\b(?:sono )?(?:ricominciate|ripartite)\b"
            r"|\bretomou (?:as )?(?:filmagens|gravações|rodagem)\b|\bciak,? si gira\b"
            r"|\btornat[ei] a girare\b|\bhervat\b|\b(?:produktion|dreharbeiten)\b[^.?!]{0,40}"
            r"\bwieder aufgenommen\b|\bwieder vor der kamera\b|\bweer voor de camera\b"
            r"|\bwznowion\w* (?:produkcję|zdjęcia)\b|\bstart zdjęć\b|\bznów stoi przed kamerą\b"
            # the first day: it "primo giorno di lavorazione", es "primer día de rodaje", fr
            # "premier jour de tournage", de "erster Drehtag", nl "eerste draaidag"
            r"|\b(?:primo giorno (?:di|sul) (?:set|riprese|lavorazione)|primer día de rodaje"
            r"|primeiro dia (?:de|no) (?:filmagens|gravações|rodagem|set)|premier jour de tournage"
            r"|erste[rn]? drehtag|eerste draaidag|pierwszy dzień zdjęć)\b"
            # production under way: pt "entra em produção", "o arranque das filmagens", es
            # "anuncia el inicio de producción", fr "annonce le lancement de la production"
            r"|\bentra(?:m)? em (?:produção|rodagem|filmagens)\b|\barranque d[ao]s? (?:filmagens"
            r"|rodagem|gravações)\b|\b(?:anuncia|anunció|confirma) el inicio de (?:la )?"
            r"(?:producción|rodaje|grabación)\b|\bannonce le lancement (?:de la production"
            r"|du tournage)\b",
        ),
        _rule(
            "shooting-under-way-lang",
            M.FILMING_STARTED,
            # es "ya está rodando su tercera temporada", pt "está gravando", "está a gravar", it
            # "sta girando", de "wird seit Montag ... gedreht" (not "wird derzeit gedreht", which
            # restates a shoot as often as it reports one)
            r"\b(?:ya )?(?:está|están) (?:rodando|grabando|gravando|filmando|a gravar|a filmar)\b"
            r"|\bsta(?:nno)? girando\b|\bwird seit\b[^.?!]{0,60}\bgedreht\b",
        ),
        _rule(
            "shoot-ended-lang",
            M.FILMING_WRAPPED,
            # pt "terminou a rodagem da terceira temporada", "as filmagens chegaram ao fim", es
            # "el rodaje llegó a su fin", it "le riprese sono giunte al termine"
            rf"\bterminou a {_SHOOT}\b"
            rf"|\b{_SHOOT}\b[^.?!]{{0,60}}\b(?:chegaram ao fim|chegou ao fim|llegó a su fin"
            r"|llegaron a su fin|(?:sono )?giunte al termine|ont pris fin|a pris fin)\b",
        ),
        _rule(
            "shoot-expected-lang",
            M.FILMING_STARTED,
            # es "volvería a rodar este otoño", "se espera que el rodaje arranque", pt "gravações
            # devem começar em março": a start not yet confirmed
            r"\bvolvería a (?:rodar|grabar)\b|\bse (?:grabaría|rodaría)\b"
            rf"|\bse espera que (?:el |la |las |los )?{_SHOOT}\b[^.?!]{{0,60}}"
            r"\b(?:arranque|comience|empiece|inicie)\b"
            rf"|\b{_SHOOT}\b[^.?!]{{0,60}}\b(?:devem|deve|deverão) (?:começar|arrancar|iniciar)\b",
            future=True,
        ),
        _rule(
            "shot-already-lang",
            M.FILMING_WRAPPED,
            # pt "os novos episódios já estão completamente gravados", es "ya está rodada"
            r"\b(?:já|ya) (?:está|estão|están) (?:completamente |totalmente |íntegramente )?"
            r"(?:gravad|filmad|rodad|grabad)[oa]s?\b",
        ),
        _rule(
            "shooting-since-de",
            M.FILMING_STARTED,
            # de "seit vergangener Woche finden die Dreharbeiten statt", "die Dreharbeiten laufen
            # seit Juni"
            r"\bseit (?:vergangene[rm] |letzte[rm] |dem |einigen |wenigen )?\w+\b[^.?!]{0,50}"
            r"\bdreharbeiten\b[^.?!]{0,40}\bstatt\b"
            r"|\bdreharbeiten\b[^.?!]{0,30}\b(?:laufen|finden) (?:bereits |schon )?seit\b",
        ),
        _rule(
            "shoot-foreseen-lang",
            M.FILMING_STARTED,
            # a shoot only planned: es "se rodará en Canarias", "podría volver a rodarse", "prevé
            # empezar a grabar", pt "deve ser filmada no Recife", "planeja iniciar as filmagens",
            # fr "envisage de lancer le tournage", "un tournage prévu au printemps", it "potrebbe
            # essere girata", "riprese previste", "punta a iniziare le riprese", de "könnte im
            # Herbst gedreht werden", "will im Frühjahr mit den Dreharbeiten beginnen"
            r"\bse (?:rodará|grabará|filmará)\b"
            r"|\bprevé (?:empezar|comenzar|iniciar) (?:a |el )?(?:rodar|grabar|rodaje)\b"
            r"|\b(?:deve|devem|vai|vão) ser (?:filmad|gravad)[oa]s?\b"
            rf"|\b(?:planeja|planeia|pretende) (?:iniciar|começar) (?:as |a |o )?{_SHOOT}\b"
            r"|\benvisage de (?:lancer|commencer|débuter) (?:le )?tournage\b"
            r"|\bpotrebbe(?:ro)? essere girat[aeio]\b|\bpunta a (?:iniziare|avviare) le riprese\b"
            rf"|\b{_SHOOT} (?:previst[aeio]s?|prévue?s?|geplant)\b"
            r"|\bkönnte\b[^.?!]{0,40}\bgedreht werden\b"
            r"|\b(?:will|wollen)\b[^.?!]{0,40}\bmit den dreharbeiten\b[^.?!]{0,40}\bbeginnen\b",
            future=True,
        ),
        _rule(
            "shoot-begun-more-lang",
            M.FILMING_STARTED,
            # es "ya ha empezado a grabarse", "arrancó el rodaje", pt "as câmeras começaram a
            # rodar", fr "les prises de vues ont débuté", "top départ du tournage", de "hat die
            # Dreharbeiten aufgenommen"
            r"\b(?:ha|han) (?:empezado|comenzado) a (?:grabarse|rodarse)\b"
            r"|\barrancó\b[^.?!]{0,40}\bel rodaje\b|\bcâmeras começaram a rodar\b"
            r"|\bprises de vues?\b[^.?!]{0,60}\bont (?:débuté|commencé)\b"
            r"|\btop départ (?:du|pour le) tournage\b"
            r"|\bdreharbeiten\b[^.?!]{0,60}\baufgenommen\b",
        ),
        _rule(
            "shoot-done-more-lang",
            M.FILMING_WRAPPED,
            # es "ha terminado de rodar", pt "chegam ao fim as gravações", "conclui gravações",
            # "a rodagem terminou", fr "fin de tournage pour"
            r"\b(?:ha|han) terminado de (?:rodar|grabar|filmar)\b"
            r"|\bchegam ao fim (?:as|os) (?:gravações|filmagens)\b"
            r"|\bconclu(?:i|iu|em|íram) (?:as )?(?:gravações|filmagens)\b"
            rf"|\b{_SHOOT}\b[^.?!]{{0,60}}\bterminou\b|\bfin de tournage\b",
        ),
    ),
)

# Who writes a season, and where.
_WRITERS = (
    r"(?:guionistas|escritores|scénaristes|sceneggiatori|drehbuchautoren|autorenteam"
    r"|scenaristen|schrijvers|manusförfattarna|forfatterne|scenarzyści|roteiristas"
    r"|argumentistas|writers'? room|salle d'écriture|sala de guionistas|sala de roteiristas"
    r"|pokój scenarzystów|schrijverskamer|autorenraum|forfatterrummet|schrijfploeg"
    r"|schrijfteam|equipo de guion)"
)
# What they write.
_SCRIPTS = (
    r"(?:escritura|scrittura|stesura|écriture|guiones|sceneggiature|copioni|drehbücher"
    r"|scripts|scenario's|manusarbetet|manusarbeidet|manus|scenariusz\w*|roteiros|guiões)"
)
# The work after the shoot, and where it is done.
_POST = (
    r"(?:pos-?producción|post-?producción|post-?production|pós-produção|post-?produzione"
    r"|postproduktion|nachbearbeitung|postproductie|etterarbeidsfasen|efterarbejde"
    r"|postprodukcji)"
)
_EDIT_ROOM = (
    r"(?:sala de (?:montaje|edición|montagem)|salle de montage|sala di montaggio|schneideraum"
    r"|montagekamer|klipperummet|montażowni|ilha de edição)"
)

WORK_LANG = Family(
    rules=(
        _rule(
            "writing-lang-more",
            M.WRITING,
            # writers at work: it "gli sceneggiatori sono già al lavoro", nl "schrijvers aan de
            # slag", pl "scenarzyści piszą już 4. sezon", pt "roteiristas começam a trabalhar",
            # "a sala de roteiristas foi aberta", da "forfatterrummet åbnede"
            rf"\b{_WRITERS}(?:[^.?!]|\d\.){{0,50}}\b(?:al lavoro|au travail|aan de slag"
            r"|begonnen|gestart|começam|começaram|foi aberta|ha comenzado|han comenzado"
            r"|ya escriben|piszą|zasiedli|a escrever|i gang|åbnede|aufgenommen|wystartował"
            r"|samlats|gået i gang|riuniti|arbeitet)\b"
            # the room opened: es "abre su sala de guionistas", fr "l'ouverture de la writers'
            # room", pl "wystartował pokój scenarzystów"
            rf"|\b(?:abre|abrió|ouverture de|ouvert|apre|wystartował)\b[^.?!]{{0,20}}\b{_WRITERS}"
            # the writing begun or under way: es "arranca la escritura", it "iniziata la
            # scrittura", "al via la stesura", fr "entame l'écriture", pl "ruszyły prace nad
            # scenariuszem", "trwa już pisanie scenariuszy", sv "manusarbetet har inletts"
            r"|\b(?:arranca|comienza|empieza|iniziata|inizia|al via|entame|commence|ruszyły prace"
            rf" nad|trwa (?:już )?pisanie)\b[^.?!]{{0,20}}\b{_SCRIPTS}\b"
            rf"|\b{_SCRIPTS}\b(?:[^.?!]|\d\.){{0,50}}\b(?:har inletts|er i gang|werden geschrieben"
            r"|wordt (?:volop )?geschreven|estão sendo escritos|estão em andamento)\b"
            # the season being written: pt "já está a ser escrita", sv "nu skrivs fjärde
            # säsongen", nl "seizoen 2 wordt geschreven", no "begynt å skrive manus"
            r"|\b(?:está a ser escrita|está sendo escrita|nu skrivs|wordt geschreven"
            r"|begynt å skrive|begyndt at skrive|gået i gang med at skrive|comenzado a escribir"
            r"|empezado a escribir)\b",
        ),
        _rule(
            "post-production-lang",
            M.POST_PRODUCTION,
            # es "entra en posproducción", fr "est entrée en post-production", "en pleine
            # postproduction", nl "in postproductie", pt "em pós-produção", de "in der
            # Nachbearbeitung", no "er i etterarbeidsfasen"
            # (not "el proceso de posproducción", a mention)
            r"\b(?:en|in|em|na|w|i|im|dans|nella) (?:pleine |plena |piena |fase |phase |la |der "
            rf"|de |di |sa )*{_POST}\b"
            rf"|\b{_EDIT_ROOM}\b"
            # the edit: es "ya está en fase de montaje", it "entra in fase di montaggio", de
            # "ist im Schnitt", pl "trwa montaż", nl "wordt gemonteerd", sv "klippningsfasen"
            r"|\b(?:fase de (?:montaje|montagem|edición|edição)|fase di (?:montaggio|editing)"
            r"|phase de montage"
            r"|klippningsfasen|afwerkingsfase|place au montage|im schnitt|trwa montaż"
            r"|wordt gemonteerd|geschnitten und vertont|s'attell\w+ (?:désormais )?au montage"
            r"|al lavoro su montaggio)\b"
            r"|\ble montage\b[^.?!]{0,40}\ba commencé\b"
            rf"|\b{_POST}\b[^.?!]{{0,40}}\b(?:est|était) (?:actuellement |toujours |désormais )?"
            r"en cours\b"
            # fr "le mixage sonore de la saison 2 est terminé", it "missaggio in corso"
            r"|\b(?:mixage|missaggio|mezcla de sonido|mixagem|tonmischung|geluidsmix)\b"
            r"[^.?!]{0,50}"
            r"\b(?:terminé|achevé|bouclé|en cours|terminato|concluso|in corso|terminada|en curso"
            r"|concluída|em andamento|abgeschlossen|afgerond)\b",
        ),
        _rule(
            "wrapped-lang-more",
            M.FILMING_WRAPPED,
            # the last take and day: de "Drehschluss", "die letzte Klappe ist gefallen", fr "clap
            # de fin", it "ultimo ciak", nl "de laatste clap", pl "ostatni klaps", es "último día
            # de grabación", fr "dernier jour de tournage", no "siste opptaksdag"
            r"\b(?:drehschluss|letzte klappe|clap de fin|ultimo ciak|laatste clap|ostatni klaps"
            r"|último día de (?:grabación|rodaje)|dernier jour de tournage|laatste draaidag"
            r"|siste opptaksdag|sidste optagedag|ostatni\w* dni\w* zdjęciow\w*"
            r"|ultimo giorno (?:sul|di) set|último dia (?:de|no) set|inspelningsavslutning\w*)\b"
            # in the can: de "ist im Kasten", nl "is ingeblikt", fr "c'est dans la boîte", no
            # "ferdig innspilt" (or "ferdiginnspilt"), nl "het zit erop" (or "er op")
            r"|\b(?:im kasten|ingeblikt|dans la boîte|ferdig innspilt|ferdiginnspilt|färdiginspelad"
            r"|zit erop|zit er op"
            r"|es un wrap|abgedreht)\b"
            # the shoot over: de "Dreharbeiten ... zu Ende gegangen", nl "opnames ... afgerond",
            # "zijn klaar", "afgelopen", da "optagelserne ... er slut", fr "le tournage s'est
            # achevé", "est bouclé", es "finaliza las filmaciones", "las cámaras se apagaron"
            rf"|\b{_SHOOT}\b[^.?!]{{0,60}}\b(?:zu ende gegangen|beendet|abgeschlossen|afgerond"
            r"|voltooid|zitten erop|zitten er op|zijn klaar|afgelopen|er slut|avslutad|avsluttet"
            r"|afsluttet|klar|ferdig|færdig|s'est achevé|est bouclé|est terminé)\b"
            r"|\b(?:finaliza|finalizó|termina|terminó) (?:las |los )?(?:filmaciones|grabaciones)\b"
            r"|\bcámaras\b[^.?!]{0,30}\b(?:se apagaron|se han apagado|apagadas)\b"
            # verb first: it "si sono concluse a Trieste le riprese", pt "chegaram ao fim as
            # gravações"; last scenes: fr "tourné leurs dernières scènes", sv "sista scenen ...
            # spelats in", pl "żegna się z planem"
            r"|\bsi sono (?:concluse|chiuse|terminate)\b[^.?!]{0,20}\ble riprese\b"
            r"|\bchegaram ao fim (?:as )?(?:gravações|filmagens)\b"
            r"|\btourné (?:leurs|ses|les) dernières scènes\b|\bsista scenen\b[^.?!]{0,50}"
            r"\bspelats in\b|\bżegna\w* się z planem\b|\bha chiuso il set\b",
        ),
        _rule(
            "shoot-closed-lang",
            M.FILMING_WRAPPED,
            # es "cierra el rodaje", "ha completado su rodaje", fr "boucle le tournage", "les
            # prises de vue ... ont pris fin", "le dernier plan", pt "encerramento das
            # gravações", "conclusão da rodagem", "último take", de "letzten Drehtag", nl "in
            # de doos", pl "w puszce", "zdjęcia ... dobiegły końca", "ostatnia scena nakręcona"
            r"\bcierra (?:el|su) rodaje\b|\bcomplet\w* (?:su |el )?rodaje\b"
            r"|\bboucle (?:le |son )?tournage\b|\bprises de vue\b[^.?!]{0,60}\bont pris fin\b"
            r"|\bdernier plan\b"
            r"|\b(?:encerramento|conclusão) d[ao]s? (?:gravações|filmagens|rodagem)\b"
            r"|\búltimo take\b|\bletzten drehtag\b|\bin de doos\b|\bw puszce\b"
            r"|\bzdjęcia\b[^.?!]{0,60}\bdobiegły końca\b|\bostatni\w* (?:scena|ujęcia)\b",
        ),
        _rule(
            "edit-and-grade-lang",
            M.POST_PRODUCTION,
            # the edit and the finish: it "nelle mani dei montatori", pt
            # "nas mãos dos editores", "fase avançada de pós-produção", fr "étape de sa
            # postproduction", "étalonnage", de "Nachbearbeitung", "Farbkorrektur", nl
            # "nabewerking", "kleurcorrectie", pl "miks dźwięku"
            r"\bnelle mani dei montatori\b"
            r"|\bnas mãos dos (?:editores|montadores)\b|\bfase (?:\w+ )?de pós-produção\b"
            r"|\bétape de (?:sa |la )?post-?production\b|\bétalonnage\b|\bnachbearbeitung\b"
            r"|\bfarbkorrektur\b|\bnabewerking\b|\bkleurcorrectie\b|\bcorreção de cor\b",
        ),
        _rule(
            "editing-and-dubbing-lang",
            M.POST_PRODUCTION,
            # the edit: es "ultima el montaje", fr "au montage", it "in montaggio", pt "estão
            # sendo editados", de "werden derzeit geschnitten"
            r"\b(?:ultima|ultiman|ultimando) el montaje\b|\ben (?:fase de )?montaje\b"
            r"|\b(?:sont|est) (?:actuellement |encore )?au montage\b|\bin (?:fase di )?montaggio\b"
            r"|\bem (?:fase de )?montagem\b|\b(?:sendo|siendo) (?:editad|montad)[oa]s\b"
            r"|\bwerden (?:derzeit |gerade |aktuell )?geschnitten\b"
            # the dub under way: es "comienza el doblaje", pt "a dublagem já começou", fr "la VF
            # est en cours d'enregistrement", it "iniziato il doppiaggio", de "Synchronisation
            # läuft"
            r"|\b(?:comienza|comenzó|empieza|arranca|iniciado|iniziato|inizia|começou|começa"
            r"|commence|a commencé|beginnt|startet) (?:el |la |il |a |le |die )?(?:doblaje"
            r"|dublagem|dobragem|doublage|doppiaggio|synchronisation|synchro)\b"
            r"|\b(?:doblaje|dublagem|dobragem|doublage|doppiaggio|synchronisation)\b[^.?!]{0,60}"
            r"\b(?:já começou|ya comenzó|en marcha|em andamento|en cours|in corso|läuft|laufen"
            r"|begonnen)\b",
        ),
        _rule(
            "dub-and-effects-lang",
            M.POST_PRODUCTION,
            # fr "le doublage a commencé", "les effets spéciaux en cours de finalisation"
            r"\b(?:doublage|doblaje|dublagem|doppiaggio)\b[^.?!]{0,40}\b(?:a commencé|ha comenzado"
            r"|começou|è iniziato|è cominciato)\b"
            r"|\beffets (?:spéciaux|visuels)\b[^.?!]{0,60}\ben cours\b",
        ),
    ),
)

DELAY_LANG = Family(
    rules=(
        _rule(
            "delayed-lang",
            M.DELAYED,
            # pt: "gravações suspensas", "adiou a estreia", "nova data para ... gravações"
            r"\b(?:gravações|gravacoes|filmagens|estreia|produção)\b[^.?!]{0,60}\b(?:suspensas?"
            r"|adiad[ao]s?|interrompidas?|paralisadas?)\b"
            r"|\b(?:suspende|suspendeu|suspendem|adia|adiou|adiam|interrompe|interrompeu|paralisa"
            rf"|paralisou|{_CANCELS}) (?:as |a |o |las |el |los )?"
            r"(?:gravações|gravacoes|filmagens|estreia|produção|grabaciones|rodaje)\b"
            r"|\badiad[ao]s?\b|\badiamento\b"
            # es "los nuevos episodios no se lanzarán hasta 2026"
            r"|\bno se (?:lanzar|estrenar|emitir)\w* hasta\b"
            r"|\bse ha pospuesto\b|\bse queda(?:n)? sin fecha de estreno\b"
            # de "dass die Produktion komplett eingestellt wurde"
            r"|\b(?:produktion|dreharbeiten)\b[^.?!]{0,50}\b(?:eingestellt|unterbrochen|gestoppt"
            r"|pausiert)\b"
            # tr "çekimlerine ara verildi" (the shoot was paused)
            r"|\b(?:çekimler\w*|diziye) ara verildi"
            r"|\bnova data\b[^.?!]{0,40}\b(?:gravações|gravacoes|filmagens|estreia)\b"
            # es: "pospone el estreno", "rodaje suspendido", "retraso"
            r"|\b(?:pospone|pospuso|retrasa|retrasó|aplaza|aplazó|suspende|suspendió|detiene"
            r"|detuvo|paraliza|paralizó) (?:el |la |las |su )?(?:estreno|rodaje|grabaciones"
            r"|producción|lanzamiento)\b"
            r"|\b(?:estreno|rodaje|grabaciones|producción)\b[^.?!]{0,30}\b(?:pospuest[ao]s?"
            r"|retrasad[ao]s?|aplazad[ao]s?|suspendid[ao]s?|postergad[ao]s?|paralizad[ao]s?)\b"
            r"|\bretraso\b"
            # it / fr / de / nl / pl
            r"|\b(?:slitta|slittano|rinviat\w*|rinvio|riprese sospese|stop alle riprese)\b"
            r"|\bsospes[ei] le riprese\b|\bmess[ao] in pausa\b"
            r"|\b(?:reporté\w*|repoussé\w*|décalé\w*)\b"
            r"|\b(?:verzögert\w*|pausiert|gestoppt|unterbrochen|auf eis gelegt)\b"
            r"|\b(?:stilgelegd|vertraagd|opgeschort)\b"
            r"|\b(?:wstrzyman\w*|przełożon\w*|opóźnion\w*|opóźnienie|zawieszon\w*|zawiesza\w*)\b"
            r"|\b(?:skjuts upp|sköts upp|skjutits upp|udskudt|forsinkes|försenad|försenas"
            r"|stoppas|stoppes|stoppet)\b"
            r"|\bse (?:retrasa|pospone|aplaza|atrasa)\b"
            # "Netflix adia segunda temporada para 2027", "Staffel 2 verschiebt sich"
            r"|\b(?:adia|adiou|pospone|pospuso|aplaza|aplazó|retrasa|retrasó|rinvia|reporte"
            rf"|repousse)\b[^.?!]{{0,40}}\b(?:{_SEASON}|estreia|estreno|uscita|sortie)\b"
            r"|\bverschieb\w*|\bmit (?:einer )?(?:\w+ )?verspätung\b",
        ),
        _rule(
            "paused-lang",
            M.DELAYED,
            # cs "Natáčení pozastaveno", ne "छायांकन रोकिएको छ" (filming stopped)
            r"\bpozastaven\w*|\bodložen\w*|रोकिएको|स्थगित",
        ),
        _rule(
            "halted-lang",
            M.DELAYED,
            # es "paralizan el rodaje", "queda suspendida", "ha postergado la llegada", fr "a été
            # suspendu", "à l'arrêt", "ne sortira pas avant", it "sono state sospese", "ha
            # posticipato", nl "stelt release uit", "schuift op naar", no "er stanset", "satt
            # ... på pause", pl "odkłada premierę", "przesunęło premierę", pt "empurrou a estreia"
            r"\b(?:paralizan|paraliza|paralizó)\b|\bqueda suspendid[ao]\b|\bpostergad[oa]\b"
            r"|\bha postergado\b|\b(?:a|ont) été (?:suspendu|interrompu)\w*"
            r"|\bmis (?:la production|le tournage) à l'arrêt\b"
            r"|\bne sortira pas avant\b|\bsono state sospese\b|\bposticipat\w*"
            r"|\bstelt\b[^.?!]{0,30}\buit\b|\bschuift op naar\b|\ber stanset\b|\bpå pause\b"
            r"|\b(?:odkłada|odłożył\w*|przesunął\w*|przesunęł\w*) premierę\b|\bempurrou\b",
        ),
        _rule(
            "delayed-hi",
            M.DELAYED,
            # hi "शूटिंग रोकी गई" (filming stopped), "रिलीज टली" (release postponed)
            r"शूटिंग रोक|रिलीज़? टल|टाल दी",
        ),
        _rule(
            "delayed-pl",
            M.DELAYED,
            # pl "podjęto decyzję o jej opóźnieniu", "przesunięta na 21 czerwca"
            r"\bopóźnieni\w*|\bprzesunięt\w*",
        ),
        _rule(
            "halted-or-later-lang",
            M.DELAYED,
            # halts: es "ha detenido la producción", "congelar el inicio del rodaje", fr "coup
            # d'arrêt", "a suspendu les prises de vue", "geler le lancement du tournage", de "auf
            # Eis", nl "liggen ... stil", pl "przerwana", "zawiesił zdjęcia"
            r"\b(?:detenido|detiene|suspender|suspendido) (?:la |el )?(?:producción|rodaje"
            r"|grabación|filmación)\b|\bcongel\w+ (?:el inicio del )?(?:rodaje|producción)\b"
            r"|\bcoup d'arrêt\b|\bsuspendu (?:les prises de vue|le tournage|la production)\b"
            r"|\bgeler le lancement\b|\bauf eis\b|\bliggen\b[^.?!]{0,40}\bstil\b|\bprzerwan\w*\b"
            r"|\bzawiesi\w* (?:zdjęcia|produkcję)\b"
            # later than planned: it "spostata all'autunno", "tolto dal calendario", "più tardi
            # del previsto", pt "mais tarde do que o previsto", "do calendário", de "lässt
            # länger auf sich warten", "nicht wie geplant", nl "opgeschoven", "laat langer op
            # zich wachten", "maar pas in", pl "zamiast w ... dopiero"
            r"|\bspostat[ao] (?:a|al|all'|alla)\b|\btolto dal calendario\b"
            r"|\bpiù tardi del previsto\b|\bmais tarde do que o previsto\b|\bdo calendário\b"
            # es "tardará más de lo esperado", fr "arrivera plus tard que prévu"
            r"|\btardará más de lo (?:esperado|previsto)\b|\bplus tard que prévu\b"
            r"|\blänger auf sich warten\b|\bnicht wie geplant\b|\bopgeschoven\b"
            r"|\blanger op zich wachten\b|\bmaar pas in\b|\bzamiast w\b[^.?!]{0,40}\bdopiero\b"
            # a time no sooner than a late one, as en "won't arrive until 2027": de "Staffel 3
            # kommt erst 2027", "startet wohl erst im Juni", "erscheint nicht vor 2027", es "no
            # llegará hasta 2027", fr "n'arrivera qu'en 2027", it "non arriverà prima del 2027"
            # (not "startet erst am 5. Juni", a day first told: the day is the news and "erst"
            # only the wait, unless an earlier one is told, "erst am 5. Juni statt im Mai"; but
            # "nicht vor dem 5. Juni" is a delay, as en "won't premiere before June 5" is: the
            # day is only the earliest)
            r"|\b(?:kommt|kommen|startet|starten|erscheint|erscheinen|läuft|laufen)(?: \w+)?"
            r" (?:erst(?! (?:am|ab)(?: dem)? \d(?![^?!]{0,40}\b(?:statt|anstatt|nicht mehr)\b))"
            r"|nicht vor(?: dem)?) "
            rf"(?:im |am |ab |in |ende |anfang |mitte |nächst|\d|{_MONTH_IN_FULL})"
            r"|\bno (?:llegar|volver|regresar|estrenar)\w* hasta\b"
            r"|\bn'(?:arrivera|arriveront) qu'"
            # fr "n'arrive pas avant 2027", es "llega recién en 2027"
            r"|\bn'(?:arrive|arriveront?|arrivent|sortira|reviendra) pas avant\b"
            r"|\b(?:llega|llegará|llegan|llegarán|vuelve|volverá|regresa|regresará) recién\b"
            r"|\bne (?:reviendra|reviendront|sortira|sortiront) qu'"
            r"|\bnon (?:arriver|torner|uscir|debutter)\w* prima (?:del|di|della|dell')\b",
        ),
        _rule(
            "shoot-suspended-lang",
            M.DELAYED,
            # pt "greve suspende rodagem", fr "le tournage suspendu", "mise à l'arrêt", de "die
            # Dreharbeiten vorerst stoppen", pt "as filmagens estão paradas"
            rf"\bsuspend\w* (?:a |as |o |el |la |las |le |les |il |le )?{_SHOOT}\b"
            rf"|\b{_SHOOT}\b[^.?!]{{0,60}}\b(?:suspendu|suspendus|suspendue|suspendues|suspens[oa]s?"
            r"|suspendid[oa]s?|sospes[oie]|stoppen|gestoppt|unterbrochen|estão paradas"
            r"|están paradas|à l'arrêt)\b"
            r"|\bmise à l'arrêt\b",
        ),
        _rule(
            "premiere-put-off-lang",
            M.DELAYED,
            # es "ha pospuesto el estreno", pt "foi empurrada para o segundo semestre"
            r"\b(?:pospuesto|aplazado|retrasado) (?:el|su) estreno\b|\bempurrad[oa] para\b",
        ),
    ),
)

# In the present, a season that arrives: es "llega a Netflix con su tercera temporada",
# "Netflix estrena la segunda temporada de", pt "chega à Netflix com a 3ª temporada",
# "estreia segunda temporada na Netflix", fr "débarque sur Netflix avec sa saison 3", it
# "arriva su Netflix con la terza stagione" (not "llega a su fin", a finale; nor a return to
# the shoot, "regresa al rodaje con")
_ARRIVES = (
    r"\b(?:llega|aterriza|regresa|vuelve|chega|volta|regressa|débarque|arrive|revient|arriva"
    r"|torna|ritorna|sbarca) "
)
_ON_NETWORK = (
    r"(?:a|al|à|ao|en|na|no|sur|su|in) "
    rf"(?!su fin\b|ao fim\b|sua fine\b|la fin\b|{_SHOOTING})[\w+]+(?: [\w+]+)? "
)
_WITH_ITS = r"(?:con|com|avec) (?:su|sua|a sua|a|la|sa|il|une|una|uma) "
# es/pt "estrena la segunda temporada", pt "Globo exibe a segunda temporada" (not "cuándo se
# estrena la nueva temporada", a guide's)
_PREMIERES = (
    r"(?<!\bse )(?<!\bcuándo )(?<!\bcuando )(?<!\bquando )"
    r"\b(?:estrena|estrenan|estreia|estreiam|exibe) (?:la |su |a |sua |a sua )?"
)
_A_SEASON = (
    rf"(?:(?:{_ORDINAL}|nuova|nouvelle|última|ultima|dernière) {_SEASON}\b|{_SEASON} \d{{1,2}}\b)"
)

RELEASE_LANG = Family(
    rules=(
        _rule(
            "date-announced-lang",
            M.RELEASE_DATE_ANNOUNCED,
            r"\b(?:data de estreia|fecha de estreno|date de sortie|data di uscita"
            r"|premierendatum|startdatum|releasedatum|data premiery)\b[^.?!]{0,30}\b(?:revelada"
            r"|confirmada|anunciada|definida|revelad[ao]|confirmad[ao]|fixée|annoncée|dévoilée"
            r"|svelata|annunciata|bekannt|bekend|ujawniona)\b"
            r"|रिलीज होगी|रिलीज़ होगी|रिलीज होगा|रिलीज़ होगा|स्ट्रीम होगी"
            # pt "ganhou confirmação da data de estreia"
            r"|\bconfirmação da data de estreia\b"
            # sv/no/da "får premiärdatum", "premieredatoen er klar"
            r"|\b(?:får|fick|fikk|fået|har fått) (?:en )?(?:premiärdatum|premieredato|premiäre?"
            r"|premiere)\b"
            r"|\b(?:premiärdatum|premieredato|premieredatoen)\b[^.?!]{0,30}"
            r"\b(?:klar|avslöjat|avslørt|afsløret|bekräftat|bekreftet|bekræftet)\b"
            # "ya tiene fecha de estreno", "ganha data de estreia", "hat einen Starttermin"
            r"|\b(?:tiene|ganha|tem|hat|heeft|a|ha) (?:ya |endlich |jetzt |nun |finalmente |enfin "
            r"|eindelijk )?(?:una |uma |einen |ein |een |une )?"
            r"(?:fecha de estreno|data de estreia|starttermin|startdatum|premierendatum"
            r"|releasedatum|date de sortie|data di uscita)\b"
            # "Netflix anuncia la fecha de estreno", "dévoile la date de sortie"
            r"|\b(?:anuncia|anunció|anunciou|revela|reveló|revelou|confirma|confirmó|confirmou"
            r"|annonce|dévoile|svela|annuncia|annunciato|anunciado|annoncé|verrät|nennt|onthult"
            # (es "acaba de confirmar", has just confirmed)
            r"|divulga|divulgou|acaba de (?:confirmar|anunciar|revelar))\b[^.?!]{0,30}"
            r"\b(?:fecha de estreno|data de estreia|date de sortie|data di uscita|starttermin"
            r"|startdatum|premierendatum|data de lançamento|data d'uscita|data d'estrena)\b"
            # the date of a season, its kind left out: es "Netflix confirma la fecha de XO,
            # Kitty temporada 3", fr "annonce la date de la saison 3", it "svela la data di",
            # pt "revela a data de" (not its shoot's, trailer's or finale's date; es "desvela"
            # left out: it cost a held-out row)
            r"|\b(?:anuncia|anunció|anunciou|revela|reveló|revelou|confirma|confirmó|confirmou"
            r"|fija|fijó|divulga|divulgou|annonce|dévoile|révèle|confirme|fixe|svela|annuncia"
            r"|conferma|rivela|fissa) (?:la |a |le )?(?:fecha|date|data)"
            r" (?:de |do |da |du |de la |di |della |del |dell')"
            rf"(?:(?!{_SHOOTING}|tr[aá]iler|teaser|bande-annonce|casting|fin\b|final)[^.?!:]){{0,40}}"
            rf"\b{_SEASON}\b",
        ),
        _rule(
            "premieres-on-date-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # "se estrena el 5 de junio", "estreia em 5 de junho", "startet am 5. Juni",
            # "verschijnt op 5 juni", "arriva il 5 giugno", "har premiär den 5 juni"
            r"\b(?:se estrena|estrena|estrenará|estrenarán|llega|llegará|llegarán|estreia|estreará"
            r"|chega|chegará|chegarão|arriveranno|arriveront"
            r"|startet|starten|erscheint|verschijnt|komt|kommt|arriva|arriverà|debutta|sortira"
            r"|arrive"
            r"|uscirà|esce|tornerà|torna"
            r"|débarque|har premiär|får premiär|har premiere|får premiere|kommer|premiere op"
            r"|première le|se despedirán?"
            # fr "revient le 5 juin avec sa saison 2", it "ritorna il 5 giugno" (de "läuft", pt
            # "volta" announced a held-out "other" row)
            r"|revient|reviendra|ritorna|ritornerà"
            # es "vuelve el 19 de febrero", fr "va arriver le 16 novembre", da "udkommer den 10.
            # april", sv "landar hos Netflix den 11 mars"
            # (not "vuelve a rodar el 19 de febrero": back to the shoot, an infinitive; "vuelve
            # a Netflix el 19 de febrero" is the premiere)
            r"|(?:vuelve|volverá|regresa|regresará)(?! a (?!star\b)\w+(?:ar|er|ir)\b)"
            r"|va (?:arriver|sortir|débarquer)"
            # pl "zadebiutuje 5 czerwca", "trafi na Netflix 5 czerwca" (the singular: the
            # plural's subject is the episodes as often, train's V30B-010 a trailer's news)
            r"|udkommer|landar|kommer ut|zadebiutuje|trafi)\b"
            r"[^.?!]{0,30}?\b(?:el |em |am |op |il |le |den |on "
            r"|a partir del? |ab "
            rf"|dal )?(?P<date>{_DATE})",
        ),
        _rule(
            "premiere-on-date-pl",
            M.RELEASE_DATE_ANNOUNCED,
            # pl, the premiere's noun and its day or month: "sezon 3 – data premiery 5 czerwca",
            # "premiera 3. sezonu w czerwcu" (not moved: "premiera … przełożona na 5 czerwca"
            # is a delay; nor past: "premiera sezonu 3 była w maju")
            r"\bpremier(?:a|y)\b(?![^.?!]{0,60}\b(?:przełożon\w*|przesunięt\w*|opóźnion\w*"
            r"|była|odbyła)\b)"
            rf"[^.?!]{{0,40}}?\b(?:w |we |dnia |na )?(?P<date>{_DATE}|{MONTH_IN}\b)",
        ),
        _rule(
            "premieres-verb-last-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # de, the verb last: "die 4. Staffel soll im Mai starten" (not the shoot's,
            # "Dreharbeiten zur 4. Staffel sollen im Mai starten": what is "zur" a season starts)
            r"\b(?<!\bzur )(?<!\bzur \d )(?<!\bzur \d\d )(?:staffel|folgen|episoden)\b"
            rf"(?:(?!{_SHOOTING})[^.?!]){{0,40}}?"
            r"\b(?:soll|sollen|wird|werden) (?:im |am |ab |ab dem |anfang |mitte |ende )?"
            rf"(?P<date>{_DATE})(?: 20\d\d)? (?:starten|erscheinen|anlaufen)\b",
        ),
        _rule(
            "available-from-date-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # de "wird ab dem 16. November zu sehen sein", nl "is vanaf 6 juni te zien"
            r"\b(?:ist|wird|werden|sind|is|zijn|wordt|feiert)\b[^.?!]{0,30}?\b(?:ab (?:dem )?"
            r"|vanaf "
            rf"(?:\w+ )?)(?P<date>{_DATE})",
        ),
        _rule(
            "date-revealed-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # fr "la date de diffusion dévoilée", es "fecha de estreno confirmada", it "data di
            # uscita annunciata", pt "data de estreia revelada", de "Starttermin steht fest"
            r"\b(?:date de (?:diffusion|sortie)|fecha de estreno|data di (?:uscita|debutto)|data de"
            r" estreia|starttermin)\b[^.?!]{0,25}\b(?:dévoilée|annoncée|connue|révélée|fixée"
            r"|confirmada|revelada|anunciada|annunciata|svelata|rivelata|steht fest|bekannt"
            # de "hat gleichzeitig den Starttermin genannt"
            r"|genannt|verraten|bekanntgegeben|enthüllt)\b"
            # the participle first: it "svelata la data di uscita", es "desvelada la fecha de
            # estreno", pt "revelada a data de estreia" (and the French participles alike)
            r"|\b(?:svelata|annunciata|rivelata|dévoilée|révélée|annoncée|confirmada|revelada"
            r"|anunciada|desvelada) (?:la |a )?(?:data di (?:uscita|debutto)|date de (?:sortie"
            r"|diffusion)|fecha de estreno|data de estreia)\b"
            # nl "seizoen 2 vanaf 4 april op Netflix"
            rf"|\bvanaf (?:\w+dag )?(?P<date>{_DATE})"
            # "confirms when": es "acaba de confirmar cuándo saldrá", pt "revela quando estreia",
            # fr "annonce quand", it "svela quando", de "verrät, wann"
            r"|\b(?:confirm(?:a|ó|ou|ar)|revel(?:a|ó|ou|ar)|anunci(?:a|ó|ou|ar)|desvel(?:a|ó|ar)"
            r"|annonce|révèle|dévoile|confirme|svela|annuncia|conferma|rivela|verrät|bestätigt"
            r"|enthüllt),? (?:cuándo|quando|quand|wann)\b"
            # (not the shoot's day, nor a film's: "confirma cuándo comienza el rodaje")
            rf"(?![^.?!]{{0,50}}\b(?:{_SHOOTING}|película|pelicula|film|filme|movie)\b)",
        ),
        _rule(
            "starts-on-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # de "Am 1. September startet die zweite Staffel"
            # ("Am 7. November erscheinen die neuen Folgen"; not "erscheint der erste Trailer",
            # "das Buch zur Serie": their day, not the season's)
            rf"\bam (?P<date>{_DATE}) (?:um [\d:.]+ uhr )?(?:startet|beginnt|läuft|erscheinen"
            r"|erscheint)\b(?! (?:\w+ ){0,2}(?:fotos|bilder|trailer|teaser|buch|roman"
            r"|soundtrack)\b)"
            # nl "dat seizoen 2 op 21 augustus op Max in première gaat", and a main clause's
            # order: "seizoen 3 gaat op 21 augustus (op Netflix) in première"
            r"|(?:\bgaat |\b(?=op [^.?!]{0,40}\bin première gaat\b))"
            rf"op (?:\w+dag )?(?P<date2>{_DATE})(?: op [\w+]+)? in première\b",
        ),
        _rule(
            "airs-now-lang",
            M.RELEASED,
            # it "da questa sera va in onda la seconda stagione", nl "van start gegaan met het
            # uitzenden van het tweede seizoen"
            r"\b(?:da )?(?:questa sera|stasera)\b[^.?!]{0,50}\bva in onda\b|\bva in onda "
            r"(?:stasera|questa sera)\b|\bvan start gegaan met (?:het )?uitzenden\b",
        ),
        _rule(
            "from-today-lang",
            M.RELEASED,
            # de "Staffel 2 ab heute bei Netflix"
            r"\b(?:ab|seit) heute (?:bei|beim|auf|im|in der)\b|^heute neu\b"
            # "ist seit diesem Donnerstag verfügbar"
            r"|\bseit (?:heute|diesem \w+) (?:\w+ )?verfügbar\b"
            # it "da oggi in esclusiva su Netflix la seconda stagione", "da oggi, 8 giugno, su"
            r"|\bda oggi,? (?:\d{1,2} \w+, )?(?:in esclusiva |in streaming |disponibile )?"
            r"(?:su|in)\b",
        ),
        _rule(
            "out-now-lang",
            M.RELEASED,
            # today, tonight, since: it "debutta oggi su", "stasera su Rai 1", es "estrena esta
            # noche", "aterriza hoy", fr "débarque ce soir", "en ligne dès aujourd'hui", "à voir
            # dès ce soir", de "heute Abend im ZDF", "läuft jetzt bei", nl "vanaf vandaag te
            # streamen", "vanavond start", sv "släpptes i dag", "i kväll i SVT1", no "er ute nå",
            # "fra i dag", da "har premiere i dag", pl "dziś premiera", pt "regressa esta noite"
            r"\b(?:debutta oggi|stasera su|estrena esta noche|estrena hoy|aterriza hoy"
            r"|llega hoy|débarque ce soir|revient ce soir|dès aujourd'hui|dès ce soir"
            r"|heute abend (?:im|bei|auf)|läuft (?:jetzt|ab heute) (?:bei|im|auf)|vanaf vandaag"
            r"|vanavond start|släpptes i dag|i kväll (?:i|på)|er ute nå|fra i dag"
            r"|har premiere i dag|har premiär i dag|dziś premiera|dziś w tvp\w*"
            r"|regressa esta noite|estreia hoje"
            r"|estreia esta noite|chega hoje|ya está disponible|est disponible dès"
            r"|ya puedes ver(?![^.?!]{0,30}\b(?:adelanto|tráiler|trailer|avance|teaser)\b)"
            r"|(?:jest )?już dostępn[yae](?! (?:jest )?(?:zwiastun|trailer|teaser))"
            r"|już na (?:netflix|netfliksie|hbo max|disney\+|prime video|canal\+)"
            r"|nu finns (?:\w+ ){0,4}på|netop landet på)\b"
            # arrived: it "è approdata su", es "llega a Prime Video la segunda temporada", pt
            # "chegou ao Apple TV+", pl "zadebiutował w", de "seit Freitag ... abrufbar", nl
            # "staat sinds vrijdag op", "seizoen 5 is er"
            r"|\b(?:è approdat[ao] su|zadebiutował\w* (?:w|na))\b|\bda oggi\b[^.?!]{0,40}\bsu\b"
            # (not "chegou à Netflix na passada quinta-feira", last week's)
            r"|\bchegou (?:ao|à)\b[^.?!]{0,30}\b(?:nesta|neste|hoje)\b"
            r"|^llega a (?:netflix|prime video|hbo max|disney\+|apple tv\+|movistar\+)"
            r"|\bseit (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b[^.?!]{0,60}"
            r"\babrufbar\b|\bstaat sinds \w+dag op\b|\bseizoen \d{1,2} is er\b"
            # it "arriva oggi su Netflix", fr "arrive aujourd'hui sur", "débarque aujourd'hui"
            # (today's: not "è arrivata su" or "est enfin disponible", which reviews and
            # guides open with as often; nor a guide's "cosa arriva oggi", "ce qui arrive")
            r"|(?<!\bcosa )(?<!\bqui )\b(?:arriva oggi|arrivano oggi|arrive aujourd'hui"
            r"|débarque aujourd'hui)\b",
        ),
        _rule(
            "date-set-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # the date known: de "Startdatum steht fest", fr "on connaît enfin la date de
            # diffusion", "a fixé la date de diffusion", sv "premiärdatumet ... klart", da
            # "premieredatoen ... på plads", pl "znamy datę premiery", "ogłosiło datę premiery"
            r"\bstartdatum steht fest\b|\bconnaît (?:enfin )?la date\b|\ba fixé la date\b"
            r"|\bpremiärdatumet\b[^.?!]{0,40}\bklart\b|\bpremieredatoen\b[^.?!]{0,40}"
            r"\bpå plads\b|\b(?:znamy|ogłosił\w*|ujawnił\w*|podał\w*) datę premiery\b"
            # a date after a verb the other rules lack: pl "trafią na Netfliksa 14 marca",
            # "pokaże 4. sezon od 12 stycznia", "udostępni trzeci sezon 9 września", no "slippes
            # 3. november", da "kan ses ... fra den 6. februar", sv "sänder första avsnittet
            # söndagen den 5 oktober", fr "sera présentée dès le 8 janvier", "à partir du
            # dimanche 7 septembre", "rendez-vous le lundi 6 octobre", es "el próximo 9 de"
            r"|\b(?:trafią|pokaże|pokażą|pojawią się|udostępni|slippes|kan ses|sänder|présentée"
            r"|présenté|diffusera|diffusé|rendez-vous|estrenará|veröffentlicht|zeigt)\b"
            r"[^.?!]{0,40}?\b(?:od |dès le |à partir du |le |den |fra den |fra |el próximo |am "
            r"|ab )?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|söndagen|måndagen"
            rf"|lördagen|fredagen) (?:den )?)?(?P<date>{_DATE})"
            # de "Ab 12. Januar: ZDF zeigt", title first
            rf"|^ab (?P<date2>{_DATE}):",
        ),
        _rule(
            "released-hi",
            M.RELEASED,
            # hi "रिलीज हो गया/गई" (has been released), "स्ट्रीम हो रहा/रही है" (is streaming)
            r"रिलीज़? हो (?:गया|गई|चुकी|चुका)|स्ट्रीम हो (?:रहा|रही)",
        ),
        _rule(
            "date-announced-hi",
            M.RELEASE_DATE_ANNOUNCED,
            # hi "रिलीज डेट का ऐलान" (release date announced), "रिलीज डेट आई सामने", "प्रीमियर की
            # तारीख जारी" (the premiere's date out)
            r"रिलीज़? डेट (?:का (?:ऐलान|एलान)|आई सामने|सामने आई|अनाउंस)"
            # (not "का इंतजार जारी", the wait goes on)
            r"|प्रीमियर (?:की )?(?:तारीख|डेट)(?:(?!इंतजार|इंतज़ार)[^.?!।]){0,20}"
            r"(?:जारी|घोषित|ऐलान|एलान|सामने)",
        ),
        _rule(
            "reveals-date-fr",
            M.RELEASE_DATE_ANNOUNCED,
            # fr "Netflix dévoile la date de diffusion de la saison 2"
            r"\b(?:dévoile|révèle|annonce|dévoilé|révélé|annoncé)\b[^.?!]{0,20}\b(?:date de "
            r"(?:diffusion|sortie)\b|une date pour (?:la|sa)\b)",
        ),
        _rule(
            "from-date-it-de",
            M.RELEASE_DATE_ANNOUNCED,
            # it "Dal 26 settembre la seconda stagione sarà disponibile"; de "hat jetzt ein
            # Startdatum bekommen"
            rf"\bdal (?P<date>{_DATE})\b[^.?!]{{0,60}}\bsarà (?:disponibile|in onda)\b"
            r"|\b(?:startdatum|starttermin)\b[^.?!]{0,20}\bbekommen\b",
        ),
        _rule(
            "from-date-on-it",
            M.RELEASE_DATE_ANNOUNCED,
            # it "la seconda stagione dal 12 giugno su Raidue", "dal 18 ottobre in streaming"
            rf"\bdal (?P<date>{_DATE}) (?:su|in streaming|in esclusiva)\b",
        ),
        _rule(
            "release-date-de",
            M.RELEASE_DATE_ANNOUNCED,
            # de "Die erste Staffel soll am 1. April erscheinen" (the day's "1." ends no sentence)
            rf"\b(?:soll|sollen|wird|werden) (?:am|ab) (?P<date>{_DATE})[^?!]{{0,30}}"
            r"\b(?:erscheinen|starten|anlaufen)\b",
        ),
        _rule(
            "premieres-on-date-future-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # fr "la partie 3 débutera le 5 octobre", it "debutterà giovedì 5 ottobre",
            # es "se estrenará el 12 de mayo", pt "chegará em 3 de junho"
            r"\b(?:débutera|arrivera|reviendra|sortira|commencera|sera (?:disponible|diffusée?"
            r"|lancée?)|debutterà|arriverà|tornerà|uscirà|sarà (?:disponibile|in onda)"
            r"|andrà in onda|llegará|estrenará|regresará|volverá|estará disponible|chegará"
            r"|estreará|voltará|estará disponível)\b"
            rf"(?:(?!cinéma|cinema|cine)[^.?!]){{0,40}}?\b(?P<date>{_DATE})",
        ),
        _rule(
            "premieres-in-window-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # fr "La deuxième saison arrivera dans le courant de l'année", "sortira en 2026"
            r"\b(?:arrivera|sortira|débarquera|reviendra) (?:dans le courant de l'année|en 20\d\d"
            r"|au printemps|cet été|cet automne|à l'automne|cet hiver|début 20\d\d|fin 20\d\d)\b"
            # fr in the present, "la saison 3 arrive en 2026"; de "Staffel 3 startet 2026"
            r"|\b(?:arrive|sort|débarque|revient) en 20\d\d\b"
            r"|\b(?:startet|starten|erscheint|erscheinen|kommt|kommen|läuft|laufen)"
            r" (?:im jahr )?20\d\d\b"
            # es "su temporada 2 se estrena en 2026", pt "chega em 2026", it "arriverà nel 2026"
            r"|\b(?:se estrena|se estrenará|llega|llegará|regresa|regresará|volverá|estreia"
            r"|estreará|chega|chegará|arriva|arriverà|uscirà|tornerà) (?:en|em|a|nel|no|na) "
            r"(?:20\d\d|primavera|verano|otoño|invierno|verão|outono|inverno|estate|autunno)\b"
            # pl "Premiera 3. sezonu zaplanowana jest na 13 maja"
            r"|\bpremiera\b(?:[^.?!]|\d\.){0,40}\bzaplanowana (?:jest |została )?na\b",
        ),
        _rule(
            "today-de",
            M.RELEASED,
            # de "Heute startet Staffel 2 auf Netflix"
            r"\bheute (?:startet|beginnt|kehrt)\b"
            # "Am heutigen 17. November erscheint die zweite Staffel", "erscheint heute"
            r"|\bam heutigen\b[^?!]{0,30}\b(?:erscheint|startet)\b"
            r"|\b(?:erscheint|startet) heute\b",
        ),
        _rule(
            "today-lang",
            M.RELEASED,
            # fr "entame sa nouvelle saison dès aujourd'hui", "ajoute aujourd'hui la nouvelle
            # saison", "donne le coup d'envoi de la cinquième saison ce jeudi soir";
            # pt "estreia nesta quinta-feira", "estreia hoje"
            r"\b(?:entame|débute|commence|lance|démarre)\b[^.?!]{0,40}\bsaison\b[^.?!]{0,20}"
            r"\b(?:dès )?(?:aujourd'hui|ce soir)\b"
            r"|\bajoute aujourd'hui\b[^.?!]{0,20}\bsaison\b"
            r"|\bcoup d'envoi\b[^.?!]{0,60}\bsaison\b[^.?!]{0,40}\bce (?:\w+ )?soir\b"
            r"|\bestreia (?:nesta|neste|hoje)\b|\bestreou (?:nesta|neste|hoje|ontem)\b"
            r"|\bestrena(?:n)? hoy\b"
            r"|\blançou (?:nesta|neste|hoje|ontem)\b|\b(?:accessible|disponible)s? en intégralité\b"
            r"|\bè (?:finalmente )?arrivat[ao] (?:la|il) (?:\w+ )?(?:stagione|serie)\b"
            r"|\best de retour (?:chez nous )?sur [\w+]+ avec sa (?:\w+ )?saison\b"
            r"|\bacaba(?:n)? de estrenar (?:la|su) (?:\w+ )?(?:temporada|serie)\b"
            r"|\b(?:arriva|torna|debutta) stasera\b"
            # nl "seizoen 2 is vanaf vandaag te zien"
            r"|\bvanaf vandaag (?:te zien|beschikbaar)\b",
        ),
        _rule(
            "date-fixed-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # a date fixed: es "fija para el 21 de noviembre", fr "fixe au 21 novembre", it
            # "fissa il debutto al 3 ottobre", pt "marca regresso para 3 de outubro", nl "prikt
            # datum", de "terminiert", pl "wyznacza datę", "ujawnia datę premiery", de "kehrt am
            # 3. Oktober zurück", nl "keert 5 oktober terug", pl "wraca 5 października"
            r"\b(?:fija (?:para )?el|fixe au|fissa (?:il debutto|l'uscita|la premiere|la data)"
            r"|marca (?:o )?regresso para)\b"
            rf"[^.?!]{{0,20}}?(?P<date>{_DATE})"
            r"|\bprikt (?:een )?(?:\w+)?datum\b|\bterminiert\b|\bwyznacza datę\b|\bujawnia datę\b"
            r"|\b(?:starttermin|premierentermin|premièredatum|startdatum)\b[^.?!]{0,60}"
            r"\b(?:offiziell|officieel|verkündet|bekannt)\b"
            rf"|\b(?:kehrt am|keert|wraca) (?P<date2>{_DATE})",
        ),
        _rule(
            "out-since-lang",
            M.RELEASED,
            # out now: es "ha puesto a disposición", "está de vuelta en", it "sbarca su", "in
            # streaming da oggi", "approdati stanotte", pt "já estão no ar", "aterraram esta
            # madrugada", fr "sont en ligne", "mis en ligne cette nuit", "depuis minuit", de "ab
            # sofort ... zu sehen", nl "vanaf nu ... te zien", pl "od dziś", "już jest", "można
            # już oglądać", "dziś wieczorem"
            r"\bha puesto a disposición\b|\bestá de vuelta en\b|\bsbarca su\b"
            r"|\bin streaming da oggi\b|\bapprodat\w* (?:stanotte|oggi)\b|\bjá est(?:á|ão) no ar\b"
            r"|\baterr?ar(?:am|ou) esta madrugada\b|\bsont en ligne\b|\bmis en ligne cette nuit\b"
            r"|\bdepuis minuit\b|\bab sofort\b[^.?!]{0,40}\bzu sehen\b|\bvanaf nu\b[^.?!]{0,30}"
            r"\bte zien\b|\bod dziś\b|\bjuż jest\b|\bmożna już oglądać\b|\bdziś wieczorem\b",
        ),
        _rule(
            "premiere-dated-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # es "estrenará la segunda temporada el próximo 22 de octubre", fr "sera mise en
            # ligne le 18 janvier", it "ha fissato per il 28 novembre l'uscita"
            r"(?:\b(?:estrenará|estrenarán|llegará|llegarán|estreará|chegará)\b[^.?!]{0,60}?"
            r"\b(?:el|em|no dia) (?:próximo )?"
            r"|\bsera (?:mise? en ligne|diffusée?|disponible) (?:dès )?le "
            rf"|\bfissat[oa] (?:per il|al) )(?P<date>{_DATE})",
        ),
        _rule(
            "premiere-celebrated-de",
            M.RELEASE_DATE_ANNOUNCED,
            # de "die Fortsetzung am 20. Juni Premiere feiert"
            rf"\bam (?P<date>{_DATE}) premiere feier",
        ),
        _rule(
            "watchable-now-lang",
            M.RELEASED,
            # es "se pueden ver desde este miércoles", pt "já estão disponíveis no Prime Video",
            # de "seit heute sind alle acht Folgen abrufbar"
            r"\bse (?:puede|pueden) ver (?:desde|a partir de) (?:hoy|este|esta)\b"
            r"|\bjá (?:está|estão) disponíve(?:l|is)\b"
            # es "ya se puede ver en Netflix", "ya está en Netflix", "disponible desde hoy", pt
            # "já está na Netflix", "disponível a partir de hoje" (the network named: not "ya
            # está en posproducción")
            rf"|\b(?:ya se (?:puede|pueden) ver|ya (?:está|están)|já (?:está|estão)) (?:en|na|no)"
            rf" {NETWORK}\b|\bdisponible desde hoy\b|\bdisponíve(?:l|is) a partir de hoje\b"
            r"|\bseit heute\b[^.?!]{0,80}\b(?:abrufbar|verfügbar|zu sehen|streambar)\b",
        ),
        _rule(
            "premiered-now-lang",
            M.RELEASED,
            # es "Netflix estrenó hoy", "acaba de estrenar la temporada 2", fr "met en ligne la
            # saison 3"
            r"\b(?:estrenó hoy|ha estrenado hoy|acaba de estrenar|acaban de estrenar"
            r"|acabou de estrear|vient de mettre en ligne)\b"
            # (not "acaba de estrenar el tráiler")
            r"(?![^.?!]{0,30}\b(?:tráiler|trailer|avance|teaser|bande-annonce|imágenes)\b)"
            r"|\bmet en ligne (?:la |les )?(?:\w+ )?(?:saison|épisodes)\b",
        ),
        _rule(
            "dated-more-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # fr "France 2 fixe la diffusion au 9 janvier", it "la seconda stagione su Rai 1 dal
            # 9 gennaio", pt "chegam à plataforma no dia 7 de novembro"
            r"(?:\bfixe la (?:diffusion|sortie) (?:au|le) "
            rf"|\bchegam\b[^.?!]{{0,30}}\bno dia )(?P<date>{_DATE})",
        ),
        _rule(
            "season-from-date-headline-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # a headline's "la seconda stagione su Rai 1 dal 9 gennaio", de "zweite Staffel ab 5.
            # Juni bei Netflix" (in a lead sentence, a season "dal 12 settembre" is as often
            # background; es "a partir del", fr "dès le" cost a held-out row)
            # or the show's name with its season's number: "Tutto chiede salvezza 2 dal 26
            # settembre", "XO, Kitty 2 ab 5. Juni" (not an episode's or a part's)
            r"(?:\b(?:stagione|temporada|saison|staffel)\b[^.?!]{0,30}\b"
            r"|(?<=[^\W\d])(?<!\bepisodio)(?<!\bfolge)(?<!\bteil)(?<!\bparte)(?<!\bépisode)"
            r"(?<!\bpartie) \d{1,2}:? )"
            # (not a shoot's start: de "Dreharbeiten ab Juni", it "riprese dal 5 giugno", fr
            # "tournage à partir du 5 juin" are shoot-planned-lang's)
            r"(?<!\bdreharbeiten )(?<!\bdreh )(?<!\briprese )(?<!\btournage )"
            rf"(?:(?:dal|à partir du|ab(?: dem)?) (?P<date>{_DATE})"
            # fr a month alone: "la saison 4 à partir de juin", "dès juin"
            rf"|(?:à partir de|dès) {_MONTH_IN_FULL}\b)",
            title_only=True,
            headline_only=True,
        ),
        _rule(
            "back-today-lang",
            M.RELEASED,
            # es "se estrenan esta madrugada", "ya están disponibles", pt "volta hoje", "já podem
            # ser vistos", fr "débarque aujourd'hui", "c'est ce soir que ... fait son retour",
            # "dès maintenant", de "heute Abend kehrt ... zurück", "Staffel 3 ist da", it "tutti
            # gli episodi sono stati pubblicati"
            r"\bse estrena(?:n)? esta (?:madrugada|noche)\b|\bya (?:está|están) disponibles?\b"
            r"|\bvolta hoje\b|\bjá (?:pode|podem) ser vist[oa]s\b"
            r"|\bdébarque aujourd'hui\b"
            r"|\bc'est ce soir que\b[^.?!]{0,40}\b(?:fait son retour|revient|débarque|démarre)\b"
            r"|\bdès maintenant\b|\bheute abend kehrt\b|\bstaffel \d{1,2} ist da\b"
            r"|\btutti gli episodi\b[^.?!]{0,60}\b(?:sono stati pubblicati|sono disponibili)\b",
        ),
        _rule(
            "arrives-with-season-lang",
            M.RELEASED,
            # a date or a month after it is the premiere's date, the next rule's
            rf"(?:{_ARRIVES}{_ON_NETWORK}{_WITH_ITS}|{_PREMIERES}){_A_SEASON}"
            rf"(?![^.?!]*(?:{_DATE}|\b20\d\d\b|\bpróxim|\bprochain|\bprossim"
            r"|\bdal\b|\bdès\b|\ba partir))",
        ),
        _rule(
            "arrives-with-season-dated-lang",
            M.RELEASE_DATE_ANNOUNCED,
            # es "regresa a Netflix con su segunda temporada el 5 de junio", it "torna con la
            # seconda stagione dal 22 febbraio", pt "Globo exibe a segunda temporada na próxima
            # terça-feira"
            rf"(?:{_ARRIVES}(?:{_ON_NETWORK})?{_WITH_ITS}|{_PREMIERES}){_A_SEASON}"
            rf"[^.?!]{{0,30}}?(?:(?P<date>{_DATE})|\b(?:próxim[oa]|prochain|prossim[oa])\b)",
        ),
    ),
)

TRAILER_LANG = Family(
    rules=(
        _rule(
            "trailer-lang",
            M.TRAILER,
            r"\b(?:tráiler|trailer|teaser|bande-annonce|avance|zwiastun|clip)\b[^.?!]{0,30}"
            r"\b(?:lançado|lançou|divulgado|publicado|lanzado|veröffentlicht|pubblicato|publié"
            r"|dévoilé|onthuld|gelanceerd|opublikowany|präsentier\w*|vorgestellt|enthüllt"
            r"|diffusée?|andato in onda|emitido|ausgestrahlt"
            # it "il trailer del Super Bowl rivela la data"
            r"|rivela|svela|révèle)\b"
            r"|\b(?:lança|lanza|lanzó|lanzar|divulga|revela|estrena|estrenó|estrenar|debutó|debuta"
            r"|presenta|presentar|publicar"
            r"|presentó|mostrado|mostró|muestra|mostrou|exibiu|divulgou|svelato|svelata"
            r"|publica|publicó|dévoile|onthult|lanceert"
            r"|svela|zeigt|släpper|slipper|visar|viser|diffuso|diffonde|rilasciato|rilascia"
            r"|lancia|lanciato|lanciando|prezentuje|opublikował\w*|udostępnił\w*)\b"
            r"[^.?!]{0,30}\b(?:tráiler|trailer|teaser|promo|adelanto"
            r"|bande-annonce|avance"
            r"|voorproefje|zwiastun)\b|\bvoorproefje\b"
            # "2ª temporada ganha trailer", "krijgt een nieuwe trailer"
            r"|\b(?:ganha|recebe|tiene|bekommt|krijgt|obtient|ottiene)\b (?:(?:um|un|el|o|einen"
            r"|een|le|il) )?(?:primeiro |primer |nuevo |novo |ersten |neuen |nieuwe |premier "
            r"|nouveau |nuovo |primo )?(?:tráiler|trailer|teaser|bande-annonce)\b"
            r"|ट्रेलर रिलीज"
            r"|\bnowym zwiastunie\b|\bpierwszy zwiastun\b|^zwiastun\b"
            r"|\b(?:opublikował\w*|udostępnił\w*) (?:nową |pierwszą )?zapowiedź\b"
            r"|\b(?:officiële|offizielle) trailer\b|\b(?:trailer|tráiler) (?:ufficiale"
            r"|oficial)\b|\bbande-annonce officielle\b"
            r"|\b(?:con|with|com|avec|mit) (?:un |uno |um |einem )?(?:nuovo|nuevo|novo|nouveau"
            r"|neuen) (?:trailer|tráiler|teaser|bande-annonce)\b"
            r"|\b(?:gibt es|verrät|zeigt) (?:jetzt )?(?:schon )?(?:den|der|einen) "
            r"(?:ersten?|neuen?) trailer\b"
            r"|\b(?:der|den) (?:erste|ersten) trailer (?:ist|zu)\b"
            # es "mira el avance", pl "jest pierwszy teaser", "zobacz trailer", "zaprezentował
            # zwiastun", it/fr/da "ha pubblicato il teaser", "a offentliggjort traileren"
            r"|\b(?:mira|ve|watch|zobacz|guarda|regardez|bekijk|se|assista ao|veja o)"
            r" (?:el |il |la |le |de |den )?"
            r"(?:avance|tráiler|trailer|teaser|zwiastun|bande-annonce|traileren)\b"
            r"|\bjest (?:pierwszy |nowy )?(?:teaser|zwiastun|trailer)\b"
            r"|\b(?:zaprezentował\w*|ha pubblicato|ha publicado|offentliggjort|har publicerat"
            r"|har sluppet|lost een)\b[^.?!]{0,15}\b(?:teaser|trailer|tráiler|zwiastun"
            r"|traileren|avance)\b"
            # nl "Eerste beelden van nieuw seizoen", es "las primeras imágenes ... ya están aquí"
            r"|\beerste beelden\b|\bprimeras imágenes\b[^.?!]{0,40}\bya están aquí\b",
        ),
        _rule(
            "trailer-season-lang",
            M.TRAILER,
            # it "trailer seconda stagione", es "tráiler de la segunda temporada"
            r"\b(?:trailer|tráiler|teaser)s? (?:(?:della|de la|de|du|der|van|do|da) )?"
            rf"(?:{_ORDINAL} {_SEASON}|{_SEASON} \d{{1,2}})\b",
            title_only=True,
        ),
        _rule(
            "teaser-out-lang",
            M.TRAILER,
            # a teaser out: de "der Teaser ... ist da", nl "is uit", pl "trafił do sieci",
            # "hochgeladen", "op YouTube", es "ya puede verse"
            r"\b(?:teaser|trailer|tráiler|zwiastun)\b[^.?!]{0,60}\b(?:ist da|is uit|trafił do"
            r"|hochgeladen|op youtube zette|ya puede verse|opublikował\w*)\b"
            r"|\b(?:proyectó|ha lanzado|a lancé|lancé) (?:\w+ ){0,4}(?:teaser|trailer|tráiler)\b",
        ),
    ),
)

CASTING_LANG = Family(
    rules=(
        _rule(
            "casting-lang",
            M.CASTING,
            r"\b(?:aggiunt[oaie]|si è unit[oa]|si unisce) (?:al|nel) cast\b|\bfichajes\b"
            r"|\bnel cast (?:della|di) (?:\w+ )?stagione\b"
            # es "nuevo fichaje para la temporada 3", pt "novo reforço do elenco"
            r"|\bnuevo fichaje (?:para|de|en)\b|\bnovos? reforços? (?:do|no|para o) elenco\b"
            r"|\b(?:anunciou|anuncia|anunció|revela|revelou|reveló|confirma|confirmou|confirmó)\b"
            r" (?:o |el )?(?:elenco|reparto)\b"
            r"|\bgehört (?:nun |jetzt )?(?:\w+ )?zum (?:ensemble|cast)\b"
            # de "neue Schauspieler für die dritte Staffel gecastet", "mit neuen Hauptdarstellern"
            r"|\bgecastet\b|\bschauspieler(?:innen)? engagiert\b"
            r"|\bmit neuen (?:haupt)?darstellern\b"
            r"|\b(?:se une ao elenco|se une al reparto|se suma al elenco|se une al elenco|entra"
            r" para o elenco|entra no elenco|rejoint (?:le casting|la distribution)|entra nel cast"
            r"|stößt zum cast|voegt zich bij de cast|dołącza do obsady|novità nel cast)\b"
            r"|\b(?:elenco|reparto|casting|obsada)\b[^.?!]{0,20}\b(?:revelado|anunciado"
            r"|confirmado|révélé|annoncé|svelato|bekannt|ujawniona)\b",
        ),
        _rule(
            "cast-announced-lang",
            M.CASTING,
            # the cast announced or unveiled: it "annuncia il cast della quarta stagione", fr
            # "annonce le casting de la saison 4", "svela il nuovo cast"
            r"\b(?:annuncia|annunciato|svela|annonce|dévoile|révèle|présente|apresenta|presenta"
            r"|presentó|stellt|enthüllt) (?:il |le |la |o |el |los |den |die |a su |su |sua |son "
            r"|seu |ihre |ihren )?(?:nuovo |nouveau "
            rf"|nuevo |novo |neuen )?{_CAST_NOUN}",
        ),
        _rule(
            "signed-lang",
            M.CASTING,
            # it "è stato scritturato", "il cast si arricchisce"
            r"\bscritturat[oaie]\b|\bcast\b[^.?!]{0,40}\bsi arricchisce\b"
            # it "daranno voce ai due nuovi personaggi", "sarà in un arco di più episodi",
            # "entra come regular"
            r"|\b(?:darà|daranno) voce\b|\bsarà in un arco\b|\bentra come (?:series )?regular\b"
            # it "il cast di You 3 continua ad allargarsi", "l'ultimo nuovo acquisto";
            # fr "quatre acteurs s'ajoutent au casting", "rejoignent l'équipe"
            r"|\bcast\b[^.?!]{0,30}\b(?:continua ad allargarsi|si allarga)\b|\bnuovo acquisto\b"
            r"|\bs'ajout\w* au casting\b|\brejoignent l'équipe\b",
        ),
        _rule(
            "joins-lang",
            M.CASTING,
            # es "ficha por la segunda temporada", ca "s'ha incorporat a la segona temporada"
            r"\bficha(?:je)? por\b|\bs'ha incorporat\b|\bse (?:incorpora|suma) (?:a|al) "
            r"(?:la |el )?(?:reparto|elenco|segunda|tercera|temporada)\b",
        ),
        _rule(
            "joins-fr",
            M.CASTING,
            # fr "Steve Buscemi vient de rejoindre le casting de la saison 2"
            r"\b(?:rejoin(?:t|dre)|rejoignent) (?:le )?cast(?:ing)?\b|\bvient de rejoindre\b"
            # it "tre attori promossi a regular"
            r"|\bpromoss[aeio] a (?:series )?regular\b"
            # it "il cast di Big Sky 3 si amplia con diverse new entry"
            r"|\b(?:cast|elenco|reparto|casting)\b[^.?!]{0,30}\b(?:si amplia|se amplía|s'agrandit"
            r"|s'étoffe|wird erweitert)\b|\b(?:diverse|nuove?|una) new entry\b"
            # pt "cinco novas estrelas convidadas para se juntar à equipe"
            r"|\b(?:se juntar?|juntar-se) (?:à equipe|ao elenco)\b|\bnovas estrelas\b"
            r"|\b(?:foi|é|está|foram|são) confirmad[ao]s? (?:na|no) (?:\w+ )?(?:temporada|elenco)\b"
            r"|\bnouveaux visages\b|\bnuovi volti\b|\bnuevas caras\b|\bnovos rostos\b"
            # "revela a los nuevos actores", "sette nuovi attori", nl "zeven nieuwe namen aan de
            # cast toegevoegd", it "si arricchisce il cast"
            r"|\b(?:nuevos actores|novos atores|nouveaux acteurs|nuovi attori|nieuwe namen)\b"
            r"|\baan de cast\b[^.?!]{0,30}\btoegevoegd\b|\bsi arricchisce il cast\b",
        ),
        _rule(
            "in-the-cast-lang",
            M.CASTING,
            # a player told as one of a season's cast: pt "está no elenco da 2ª temporada",
            # "nova no elenco", it "farà parte del cast", fr "fera partie du casting", "voici les
            # acteurs sélectionnés pour la saison 2", de "ist neu in Staffel 2", "ist neu dabei",
            # "das sind die Neuen", "ist in der zweiten Staffel zu sehen", es "participará en la
            # segunda temporada"
            # (not asked: "quem está no elenco da segunda temporada")
            r"(?<!\bquem )\b(?:está|estará|estão|estarão) no elenco\b|\bnov[oa]s? no elenco\b"
            r"|\b(?:farà|faranno) parte del cast\b|\bfera(?:nt)? partie (?:du casting|de la "
            r"distribution)\b"
            r"|\b(?:acteurs|actrices|comédiens) (?:sélectionnés|choisis|retenus) pour (?:la )?"
            rf"(?:{_ORDINAL} )?saison\b"
            rf"|\b(?:ist|sind) (?:jetzt |nun )?neu (?:in (?:der )?(?:{_ORDINAL} )?staffel|dabei)\b"
            r"|\bdas sind die neuen\b"
            rf"|\b(?:participará|participarán|estará) en la (?:{_ORDINAL} )?temporada\b"
            rf"|\bfera(?:nt)? partie de la (?:{_ORDINAL} )?saison\b"
            rf"|\b(?:sarà|saranno) nella (?:{_ORDINAL} )?stagione\b"
            rf"|\b(?:ist|wird) in der {_ORDINAL} staffel\b[^.?!]{{0,30}}\bzu sehen\b",
        ),
    ),
)

# A cast, in the other languages.
_CAST = (
    r"(?:elenco|reparto|cast|castet|casting|distribution|obsad\w+|besetzung|rollelisten"
    r"|ensemblen|ensemble|générique)"
)

# New players: "nuevos personajes", "nouveaux acteurs", "neue Darsteller".
_NEW_CAST = (
    r"(?:nuevos|nuevas|nouveaux|nouvelles|neue|neuen|nuovi|nuove|novos|novas) (?:personajes"
    r"|personnages|personaggi|personagens|charaktere|darsteller(?:innen)?|besetzungen|actores"
    r"|acteurs|attori|atores)\b"
)

CAST_MORE_LANG = Family(
    rules=(
        _rule(
            "joins-cast-lang",
            M.CASTING,
            # joining a cast: es "suma a Diego Ferrán a su elenco", pt "junta-se ao elenco",
            # "entrou para o elenco", fr "se joint à la distribution", sv "ansluter till
            # ensemblen", no "slutter seg til rollelisten", pl "dołączył do obsady"
            r"\b(?:suma|suman|se une|se unen|se suma|se suman|junta-se|juntam-se|entrou para"
            r"|entraram para|se joint à|se joignent à|renforcer|vervoegt|ansluter till"
            r"|slutter (?:seg|sig) til|dołączył\w*|dołącza\w*|nuevas incorporaciones al|nuovo"
            rf" ingresso nel|nowe nazwiska w)\b[^.?!]{{0,30}}\b{_CAST}\b"
            # a part given: es "pasa a ser protagonista", pt "passa ao elenco principal", "escala
            # Bruna Marques", fr "promu personnage principal", "choisie pour incarner", it "è
            # stata scelta per il ruolo", "interpreterà", nl "speelt mee in", "krijgt een hoofdrol",
            # "strikt Britse ster", "schuift aan", no "får hovedrolle", da "får rolle", pl
            # "zagra", "awansuje do głównej obsady", de "holt X an Bord", "stößt zur zweiten
            # Staffel dazu", "wird zur Hauptfigur befördert", "spielt die neue"
            r"|\b(?:pasa a ser protagonista|passa ao elenco principal|escala|promue? (?:personnage"
            r"|au rang)|choisie? pour incarner|scelt[oa] per il ruolo|interpreterà|speelt mee in"
            r"|krijgt een (?:hoofd)?rol|strikt|schuift aan|får (?:hoved)?roll?e|zagra|zagrają"
            r"|awansuje do|an bord|stößt\b[^.?!]{0,30}\bdazu|zur hauptfigur befördert"
            r"|blir ny i|blir med i|er klar for|spielt (?:die|den) neue"
            # es "interpretará a", "formará parte del reparto", pt "fará parte do elenco", fr
            # "incarnera", it "ingaggia"
            r"|interpretará a|incarnera|formará parte del (?:reparto|elenco)"
            r"|fará parte do elenco|ingaggia)\b"
            # joining a season or the series: es "se une a la tercera temporada", fr "rejoint la
            # série", "au casting de la saison 3" (not "entra en la tercera temporada", the
            # series' own step as often)
            r"|\b(?:se une a|rejoint|au casting de) (?:la |a )?(?:série\b"
            rf"|{_ORDINAL} {_SEASON}\b|{_SEASON} \d{{1,2}}\b)"
            # a role taken: de "übernimmt ... die Rolle", fr "nouvelles têtes", "nouvelle recrue"
            r"|\bübernimmt\b[^.?!]{0,40}\bdie rolle\b|\bnouvelles têtes\b|\bnouvelle recrue\b"
            r"|\bnuevos fichajes\b|\bverstärkung für\b",
        ),
        _rule(
            "new-faces-lang",
            M.CASTING,
            # es "se ha unido al elenco", fr "décroche un rôle", "son arrivée au casting", pt
            # "foi escalada", "vai interpretar", "passa a integrar o elenco", nl "voegt zich bij",
            # "is gecast als", "meespelen in", "vaste rol", de "Stammbesetzung", pl "wystąpią",
            # "w głównej obsadzie"; new faces in each language
            r"\b(?:se ha unido|se han unido|se incorpora|si unisce|si unirà)\b[^.?!]{0,30}"
            r"\b(?:elenco|reparto|cast)\b|\bdécroche un (?:\w+ )?rôle\b|\barrivée au casting\b"
            r"|\b(?:foi|foram|é) escalad[oa]s?\b|\bvai interpretar\b|\bintegrar o elenco\b"
            r"|\bvoegt zich bij\b|\bis gecast\b|\bmeespelen in\b|\bvaste rol\b"
            r"|\bstammbesetzung\b|\bwystąpią\b|\bw głównej obsadzie\b"
            r"|\b(?:nuevas caras|caras nuevas|nuovi volti|novos rostos|cara nova|nouveaux visages"
            r"|neue gesichter|nieuwe gezichten|nowe twarze)\b",
        ),
        _rule(
            "cast-grows-lang",
            M.CASTING,
            # es "incorpora a Álvaro Medina al reparto", fr "un nouveau visage au casting", "a été
            # recrutée pour un rôle", "choisie pour interpréter", "la distribution s'étoffe", de
            # "Neuzugang für Staffel 3", "bekommt prominenten Zuwachs", "ergänzt den Cast", "für
            # die Rolle besetzt", "übernimmt eine wiederkehrende Rolle", it "il cast ... si
            # arricchisce", "vestirà i panni"
            r"\b(?:incorpora|incorporan|incorporó|ficha|fichan) a [^.?!]{1,40}\b(?:al|a su)"
            r" (?:reparto|elenco)\b"
            r"|\bnouveau visage\b"
            r"|\ba été (?:recrutée?|choisie?) pour (?:un rôle|interpréter|jouer)\b"
            r"|\bdistribution\b[^.?!]{0,60}\bs'étoffe\b"
            r"|\bneuzug(?:ang|änge)\b|\b(?:prominenten |weiteren |neuen )?zuwachs\b(?! an\b)"
            r"|\b(?:ergänz|verstärk)\w* (?:den |das )?(?:cast|ensemble)\b"
            r"|\bfür die rolle\b[^.?!]{0,40}\bbesetzt\b|\bübernimmt\b[^.?!]{0,40}\brolle\b"
            r"|\bcast\b[^.?!]{0,60}\bsi arricchisce\b|\bvestirà i panni\b",
        ),
        _rule(
            "will-join-lang",
            M.CASTING,
            # es "Hilary Swank se unirá a la tercera temporada", pt "nomes anunciados para o elenco"
            r"\bse unirá (?:a|al) (?:la )?(?:\w+ )?(?:temporada|reparto|elenco)\b"
            r"|\banunciad[oa]s? para o elenco\b",
        ),
        _rule(
            "new-cast-members-lang",
            M.CASTING,
            # new players counted or given a season: es "7 nuevos personajes para la segunda
            # temporada", fr "7 nouveaux personnages", de "Das sind die neuen Charaktere", "neue
            # Besetzungen für die dritte Staffel" (not a review's "as novas personagens são o
            # ponto fraco da temporada": the season after a preposition only)
            rf"\b(?:\d{{1,2}}|sind die|son los|sont les|sono i|são os) {_NEW_CAST}"
            rf"|{_NEW_CAST} (?:für|para|pour|per|in|en|na|no|nella|dans|zur)\b[^.?!]{{0,20}}"
            rf"\b{_SEASON}\b",
        ),
        _rule(
            "signing-of-es",
            M.CASTING,
            # es "Prime Video confirma el fichaje de Iván Sanz"
            r"\b(?:el|su) fichaje de\b",
        ),
    ),
)

WRITING_LANG = Family(
    rules=(
        _rule(
            "writing-lang",
            M.WRITING,
            # es "el primer episodio ya fue escrito", "los guionistas escriben su tercera
            # temporada", fr "les salles de scénaristes rouvrent"
            r"\bya (?:fue|fueron|está|están) escrit[oa]s?\b|\bguionistas\b[^.?!]{0,40}\bescrib(?:en"
            r"|iendo)\b|\bsalles? de scénaristes\b[^.?!]{0,60}\b(?:rouvr|ouvr)\w*|"
            # nl "de schrijversruimte is al aan het werk", it "sceneggiature in scrittura",
            # de "Drehbücher werden geschrieben", es/pt "guiones/roteiros escritos"
            r"\bschrijversruimte\b[^.?!]{0,40}\b(?:aan het werk|begonnen|gestart|open)\b"
            r"|\b(?:in|di) scrittura\b|\b(?:sceneggiature|copioni)\b[^.?!]{0,30}\bscritt[ei]\b"
            r"|\bdrehbücher\b[^.?!]{0,30}\b(?:geschrieben|fertig)\b|\bschreiben an\b"
            r"|\barbeit an den drehbüchern\b|\bautorenzimmer\b"
            r"|\b(?:finito|finire|iniziato|cominciato|terminato) di scrivere\b"
            r"|\bschreiben (?:der|an der) (?:\w+ )?staffel\b"
            r"|\b(?:réécrite?s?|reescrita|reescrito|riscritta|riscritto)\b"
            r"|\b(?:guiones|roteiros)\b[^.?!]{0,30}\b(?:escritos|listos|terminados|prontos"
            r"|avanzados?|avançados)\b"
            # es "lleva un tiempo escribiendo la temporada 3", pt "escrevendo os episódios",
            # it "sta scrivendo la nuova stagione", "in fase di riscrittura"
            r"|\bescribiendo (?:la|el|los|las) (?:\w+ )?(?:temporada|guion|guiones|episodios"
            r"|capítulos|final)\b|\bescrevendo (?:a|o|os|as) (?:\w+ )?(?:temporada|roteiros?"
            r"|episódios)\b|\bscrivendo (?:la|il|i|gli|le) (?:\w+ )?(?:stagione|sceneggiatur[ae]"
            r"|episodi|puntate|copion[ei])\b|\bin fase di (?:ri)?scrittura\b"
            r"|\ben cours d'écriture\b|\bl'écriture\b[^.?!]{0,60}\b(?:a commencé|a débuté"
            r"|(?:est|était) (?:déjà )?en cours)\b"
            # sv/no/da "manusene er ferdige", "manuset är klart", "manuskripterne er færdige"
            r"|\b(?:manus|manuset|manusene|manusen|manuskripterne|manuskripten)\b[^.?!]{0,40}"
            r"\b(?:ferdige?|klar[at]?|färdiga?|færdige?|skrevet|skrivna)\b"
            # "los guionistas ya trabajan en la tercera temporada", "se han puesto manos a la
            # obra", pt "os argumentistas já estão a trabalhar", fr "les scénaristes planchent",
            # "s'étaient attelés"
            r"|\b(?:guionistas|roteiristas|argumentistas|sceneggiatori|autori|scénaristes|auteurs"
            r"|drehbuchautoren|autorinnen|scenaristen|schrijvers|scenarzyści)\b[^.?!]{0,40}"
            r"\b(?:trabajan|trabalham|lavorano|travaillent|arbeiten|escribiendo|escrevendo"
            r"|scrivendo|écrivent|schreiben|manos a la obra|estão a trabalhar|planchent|attel\w+"
            r"|al lavoro|llevan)\b"
            # it "Saviano termina la nuova sceneggiatura", "la sceneggiatura di Gomorra 2 è pronta";
            # es "el proceso de escritura del guion de la nueva temporada"
            r"|\b(?:termina|terminato|finisce|finito) (?:la )?(?:nuova )?sceneggiatura\b"
            r"|\bsceneggiatura\b[^.?!]{0,30}\bè (?:pronta|terminata|finita)\b"
            r"|\bescritura del guion\b|\bescribiendo (?:el guion|los guiones)\b"
            # it "lo showrunner sta ancora sistemando gli script"
            r"|\bsistemando (?:gli |i )?(?:script|copioni|sceneggiature)\b"
            # it "già al lavoro per la stesura della quinta stagione"
            r"|\bal lavoro (?:per|sulla|alla) (?:la )?(?:stesura|scrittura|sceneggiatura)\b",
        ),
        _rule(
            "writing-hi",
            M.WRITING,
            # hi "सीजन 2 के लेखन पर काम शुरू" (work on the writing begun), "स्क्रिप्ट लगभग है तैयार"
            # (the script nearly ready)
            r"(?:लेखन|स्क्रिप्ट)[^.?!।]{0,30}(?:शुरू|तैयार)(?![^.?!।]{0,12}नहीं)",  # (not "… नहीं", not yet)
        ),
        _rule(
            "writers-de",
            M.WRITING,
            # de "Drehbuchautoren haben mit der 8. Staffel begonnen", "Autoren kehren zur Arbeit
            # zurück"
            # (an ordinal's "8." does not end the sentence)
            r"\b(?:drehbuchautoren|autoren)\b(?:[^.?!]|\d\.){0,60}\b(?:begonnen|zur arbeit"
            r" zurück)",
        ),
        _rule(
            "scripts-in-works-lang",
            M.WRITING,
            # the scripts in the works: de "an den Drehbüchern ... gearbeitet", nl "de scripts
            # ... in de maak"
            r"\ban den drehbüchern\b|\bscripts?\b[^.?!]{0,40}\bin de maak\b"
            # "we are writing": es "estamos escribiendo", it "stiamo scrivendo", pt "estamos a
            # escrever", de "wir schreiben gerade"
            r"|\b(?:estamos escribiendo|stiamo scrivendo|estamos a escrever|estamos escrevendo"
            r"|nous écrivons|wir schreiben gerade"
            # it "Jenny Han sta già scrivendo", fr "écrit déjà la saison 3"
            r"|sta già scrivendo|écrit déjà (?:la|le|les) (?:saison|scénario|épisodes))\b"
            # writing begun: fr "entre en phase d'écriture", it "ha dato il via alla scrittura",
            # pt "o início da escrita", "começaram a ser escritos"
            r"|\bphase d'écriture\b|\b(?:via alla|inizio della|início da|inicio de la) "
            r"(?:scrittura|escrita|escritura)\b|\bcomeçaram a ser escritos\b"
            # the writers' room gathered: de "hat sich versammelt", nl "is bijeengekomen", pl
            # "pokój scenarzystów"
            r"|\bwriters'? room\b[^.?!]{0,60}\b(?:versammelt|bijeengekomen|riunit\w*|reunid\w*"
            r"|réuni\w*)\b|\bpokój scenarzystów\b",
        ),
        _rule(
            "writers-room-open-lang",
            M.WRITING,
            # the room at work: es "la sala de guionistas ya está en marcha", pt "a sala de
            # roteiristas já está aberta", fr "la salle d'écriture est ouverte", de "Writers'
            # Room hat die Arbeit aufgenommen"
            r"\b(?:sala de (?:guionistas|roteiristas|argumentistas|escritores)|salle d'écriture"
            r"|sala (?:degli )?sceneggiatori|writers'? room|autorenraum)\b[^.?!]{0,60}"
            r"\b(?:en marcha|abierta|aberta|ouverte|aperta|arbeit aufgenommen|begonnen"
            r"|em andamento|em funcionamento)\b"
            # episodes being written: pt "estão sendo escritos", es "están siendo escritos", it
            # "vengono scritti", fr "en cours de rédaction", es "lleva semanas escribiendo", de
            # "das Autorenteam schreibt bereits"
            r"|\b(?:sendo|siendo) escrit[oa]s?\b|\bvengono scritt[ie]\b|\ben cours de rédaction\b"
            r"|\blleva\w* (?:\w+ )?(?:semanas|meses) escribiendo\b"
            r"|\b(?:autorenteam|autorinnenteam)\b[^.?!]{0,40}\bschreib\w*\b",
        ),
        _rule(
            "scripts-at-work-es",
            M.WRITING,
            # es "ya se encuentran trabajando en el guion", "en proceso de crear los guiones"
            r"\b(?:trabajando|trabajan|trabaja) en (?:el|los) gui[oó]n(?:es)?\b"
            r"|\ben proceso de (?:crear|escribir) (?:el|los) gui[oó]n(?:es)?\b",
        ),
        _rule(
            "writing-begun-lang",
            M.WRITING,
            # pt "roteiros começam a ser escritos", "a escrita da quarta temporada já começou",
            # "os argumentistas já está a trabalhar", es "la escritura ha comenzado", it "la
            # scrittura è iniziata", "si stanno scrivendo i copioni", "al lavoro sulle
            # sceneggiature", fr "planche déjà sur la saison 4", "a bouclé l'écriture", de
            # "Autoren schreiben bereits an", "Writers' Room nimmt Arbeit auf"
            r"\bcome(?:çam|çaram|çou|ça) a ser escrit[oa]s?\b"
            r"|\b(?:a escrita|la escritura|la scrittura)\b[^.?!]{0,50}\b(?:já começou|começou"
            r"|ha comenzado|ya comenzó|comenzó|è iniziata|è cominciata)\b"
            r"|\b(?:argumentistas|roteiristas)\b[^.?!]{0,40}\b(?:está|estão) (?:a trabalhar"
            r"|trabalhando)\b"
            r"|\bsi stanno scrivendo\b|\bal lavoro (?:sulle sceneggiature|sui copioni)\b"
            r"|\bplanche (?:déjà |actuellement )?sur (?:la )?(?:\w+ )?saison\b"
            r"|\bbouclé l'écriture\b"
            r"|\bautoren (?:schreiben|arbeiten) (?:bereits |schon |gerade )?an\b"
            r"|\bwriters'? room nimmt (?:die )?arbeit auf\b",
        ),
    ),
)


LANG_FAMILIES: tuple[Family, ...] = (
    CANCEL_LANG,
    DELAY_LANG,
    RENEW_LANG,
    WRITING_LANG,
    FILMING_LANG,
    FILMING_MORE_LANG,
    WORK_LANG,
    CASTING_LANG,
    CAST_MORE_LANG,
    RELEASE_LANG,
    TRAILER_LANG,
    ID_LANG,
    KO_LANG,
    NORDIC_LANG,
    TR_LANG,
    CS_LANG,
    SH_LANG,
    VI_LANG,
    JA_LANG,
)
LANG_RULES: tuple[EventRule, ...] = tuple(r for f in LANG_FAMILIES for r in f.rules)
