"""Season news in Danish, Norwegian, Swedish, Finnish, Turkish, Czech, Slovak, Serbian,
Croatian, Catalan, Vietnamese and Japanese (and Hindi, read in part before).

The rules read none of these but for a few Scandinavian verbs ("fornyet", "har premiär").
Each language must read its renewals, cancellations, release days and months, releases,
trailers, shoots begun and wrapped, casting and delays, and keep its reviews, "where to
watch" guides, episode guides, questions, plans and denials out. Japanese runs its words
together, so the gate knows its kana and kanji one by one: the gated path must admit every
new pattern wherever the pattern itself matches."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from bot.catalog.dates import PartialDate
from bot.news.classify import ShowIndex, classify
from bot.news.classify_lang import LANG_RULES
from bot.news.classify_parse import normalise
from bot.news.models import Milestone
from tests.unit.classify_lang_checks import assert_all_gated, assert_gate_admits, assert_seasons

M = Milestone
INDEX = ShowIndex.from_aliases({"xo-kitty": ["XO, Kitty"], "harbor-lights": ["Harbor Lights"]})
TOLD = datetime(2026, 5, 20, tzinfo=UTC)
JUNE_5 = date(2026, 6, 5)
JUNE = PartialDate(2026, 6)

# (milestone, headline): XO, Kitty's season 3 throughout
EVENTS: list[tuple[Milestone, str]] = [
    # da
    (M.RENEWED, "XO, Kitty får en tredje sæson på Netflix"),
    (M.RENEWED, "Sæson 3 af XO, Kitty er bekræftet"),
    (M.CANCELLED, "Netflix har annulleret XO, Kitty"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty sæson 3: premieren er 5. juni"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty sæson 3 kan ses fra 5. juni på Netflix"),
    (M.RELEASED, "XO, Kitty sæson 3 er ude nu på Netflix"),
    (M.TRAILER, "Se den første trailer til XO, Kitty sæson 3"),
    (M.FILMING_STARTED, "XO, Kitty sæson 3: optagelserne er gået i gang"),
    (M.FILMING_WRAPPED, "XO, Kitty sæson 3 er færdigoptaget"),
    (M.DELAYED, "XO, Kitty sæson 3 er blevet udsat til 2027"),
    # no
    (M.RENEWED, "Netflix fornyer XO, Kitty for en tredje sesong"),
    (M.RENEWED, "Det blir en sesong 3 av XO, Kitty"),
    (M.CANCELLED, "XO, Kitty er kansellert etter tre sesonger"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty sesong 3 slippes 5. juni"),
    (M.RELEASED, "XO, Kitty sesong 3 er ute nå"),
    (M.FILMING_STARTED, "Innspillingen av XO, Kitty sesong 3 er i gang"),
    (M.FILMING_WRAPPED, "XO, Kitty sesong 3 er ferdiginnspilt"),
    (M.DELAYED, "XO, Kitty sesong 3 er utsatt"),
    # sv
    (M.RENEWED, "XO, Kitty får säsong 3"),
    (M.RENEWED, "Säsong 3 av XO, Kitty bekräftad"),
    (M.CANCELLED, "XO, Kitty läggs ner efter tre säsonger"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty säsong 3 släpps i juni"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty säsong 3 har premiär den 5 juni"),
    (M.RELEASED, "XO, Kitty säsong 3 finns nu på Netflix"),
    (M.TRAILER, "Första trailern för XO, Kitty säsong 3"),
    (M.FILMING_STARTED, "Inspelningen av XO, Kitty säsong 3 har börjat"),
    # fi
    (M.RENEWED, "XO, Kitty saa jatkoa: kolmas kausi vahvistettu"),
    (M.RENEWED, "Netflix tilasi kolmannen kauden XO, Kitty -sarjalle"),
    (M.CANCELLED, "Netflix lopettaa XO, Kitty -sarjan"),
    (M.CANCELLED, "XO, Kitty ei saa jatkoa"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty kausi 3: ensi-ilta on 5. kesäkuuta"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty kausi 3 saa ensi-iltansa kesäkuussa"),
    (M.RELEASED, "XO, Kitty kausi 3 on nyt katsottavissa Netflixissä"),
    (M.TRAILER, "XO, Kitty kausi 3: traileri julkaistiin"),
    (M.FILMING_STARTED, "XO, Kitty kausi 3: kuvaukset alkoivat Soulissa"),
    (M.FILMING_WRAPPED, "XO, Kitty kausi 3: kuvaukset päättyivät"),
    (M.DELAYED, "XO, Kitty kausi 3 lykkääntyy"),
    # tr
    (M.RENEWED, "XO, Kitty'ye 3. sezon onayı"),
    (M.RENEWED, "XO, Kitty üçüncü sezon için yenilendi"),
    (M.CANCELLED, "Netflix XO, Kitty dizisini iptal etti"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty 3. sezon 5 Haziran'da Netflix'te başlıyor"),
    (M.RELEASED, "XO, Kitty 3. sezon Netflix'te yayınlandı"),
    (M.TRAILER, "XO, Kitty 3. sezon fragmanı yayınlandı"),
    (M.FILMING_STARTED, "XO, Kitty 3. sezon çekimleri başladı"),
    (M.FILMING_WRAPPED, "XO, Kitty 3. sezon çekimleri tamamlandı"),
    (M.DELAYED, "XO, Kitty 3. sezon ertelendi"),
    # cs, sk
    (M.RENEWED, "Netflix prodloužil XO, Kitty o třetí řadu"),
    (M.RENEWED, "XO, Kitty se dočká třetí řady"),
    (M.CANCELLED, "Netflix zrušil seriál XO, Kitty"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty: 3. řada dorazí na Netflix 5. června"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty: premiéra 3. řady v červnu"),
    (M.TRAILER, "Netflix zveřejnil trailer na 3. řadu XO, Kitty"),
    (M.FILMING_STARTED, "Natáčení 3. řady XO, Kitty začalo"),
    (M.FILMING_WRAPPED, "Natáčení 3. řady XO, Kitty skončilo"),
    (M.RENEWED, "Netflix predĺžil XO, Kitty o tretiu sériu"),
    # ja
    (M.RENEWED, "「XO, Kitty」シーズン3の制作が決定"),
    (M.RENEWED, "Netflix「XO, Kitty」シーズン3制作決定!"),
    (M.CANCELLED, "「XO, Kitty」シーズン3で打ち切り"),
    (M.RELEASE_DATE_ANNOUNCED, "「XO, Kitty」シーズン3、6月5日より配信開始"),
    (M.RELEASE_DATE_ANNOUNCED, "「XO, Kitty」シーズン3、6月に配信"),
    (M.RELEASED, "「XO, Kitty」シーズン3、本日より配信開始"),
    (M.TRAILER, "「XO, Kitty」シーズン3の予告編が解禁"),
    (M.FILMING_STARTED, "「XO, Kitty」シーズン3の撮影がスタート"),
    (M.FILMING_WRAPPED, "「XO, Kitty」シーズン3がクランクアップ"),
    (M.DELAYED, "「XO, Kitty」シーズン3の配信が延期に"),
    # sr, hr, bs
    (M.RENEWED, "Netflix obnovio XO, Kitty za treću sezonu"),
    (M.RENEWED, "XO, Kitty dobit će treću sezonu"),
    (M.CANCELLED, "Netflix otkazao seriju XO, Kitty"),
    (M.RELEASE_DATE_ANNOUNCED, "Treća sezona serije XO, Kitty stiže na Netflix 5. juna"),
    (M.RELEASED, "Treća sezona XO, Kitty stigla je na Netflix"),
    (M.TRAILER, "Pogledajte prvi trejler za treću sezonu XO, Kitty"),
    (M.FILMING_STARTED, "Snimanje treće sezone XO, Kitty je počelo"),
    (M.FILMING_WRAPPED, "Snimanje treće sezone XO, Kitty je završeno"),
    (M.DELAYED, "Premijera treće sezone XO, Kitty odgođena"),
    # vi
    (M.RENEWED, "XO, Kitty được gia hạn thêm phần 3"),
    (M.RENEWED, "Netflix xác nhận có phần 3 của XO, Kitty"),
    (M.CANCELLED, "Netflix khai tử series XO, Kitty"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty phần 3 ra mắt ngày 5 tháng 6"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty phần 3 lên sóng vào tháng 6"),
    (M.RELEASED, "XO, Kitty phần 3 đã chính thức ra mắt trên Netflix"),
    (M.TRAILER, "Netflix tung trailer XO, Kitty phần 3"),
    (M.FILMING_STARTED, "XO, Kitty phần 3 chính thức bấm máy"),
    (M.FILMING_WRAPPED, "XO, Kitty phần 3 đóng máy"),
    (M.DELAYED, "XO, Kitty phần 3 bị hoãn"),
    # hi, read in part before
    (M.RENEWED, "XO, Kitty Season 3: नेटफ्लिक्स ने तीसरे सीजन का ऐलान किया"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty Season 3: प्रीमियर की तारीख जारी"),
    (M.WRITING, "XO, Kitty Season 3: तीसरे सीजन के लेखन पर काम शुरू"),
    # more of the Nordic, Finnish and Czech press's ways
    (M.RENEWED, "XO, Kitty fortsætter med sæson 3"),
    (M.RENEWED, "XO, Kitty sæson 3 er på vej"),
    (M.RENEWED, "Kolmas kausi on tulossa: XO, Kitty jatkuu"),
    (M.RELEASE_DATE_ANNOUNCED, "Netflix bekræfter: XO, Kitty sæson 3 får premiere 5. juni"),
    (M.RENEWED, "Sarjalle tulee jatkoa: XO, Kitty kausi 3 on tulossa"),
    (M.TRAILER, "Netflix droppet traileren til XO, Kitty sesong 3"),
    (M.RELEASE_DATE_ANNOUNCED, "XO, Kitty kausi 3: ensi-ilta 5.6."),
    (M.FILMING_STARTED, "XO, Kitty: kolmatta kautta kuvataan parhaillaan"),
    (M.TRAILER, "Traileri: XO, Kitty kausi 3"),
    (M.RENEWED, "XO, Kitty bude mít třetí řadu"),
    (M.TRAILER, "Podívejte se na trailer ke 3. řadě XO, Kitty"),
    # ca, and phrasings the older languages missed (es, it, de)
    (M.RENEWED, "XO, Kitty tindrà una tercera temporada"),
    (M.CANCELLED, "Netflix cancel·la XO, Kitty"),
    (
        M.RELEASE_DATE_ANNOUNCED,
        "Netflix confirma la data d'estrena de la tercera temporada de XO, Kitty",
    ),
    (M.RELEASE_DATE_ANNOUNCED, "La tercera temporada de XO, Kitty s'estrena el 5 de juny"),
    (M.RELEASE_DATE_ANNOUNCED, "Netflix acaba de confirmar la fecha de estreno de XO, Kitty 3"),
    (M.RELEASE_DATE_ANNOUNCED, "Prime Video estrena la temporada 3 de XO, Kitty el 1.º de junio"),
    (M.CANCELLED, "XO, Kitty no irá más allá de la tercera temporada"),
    (M.CANCELLED, "Netflix ha annullato la terza stagione di XO, Kitty"),
    (M.CANCELLED, "XO, Kitty sollte eine dritte Staffel bekommen. Doch daraus wird nichts."),
]


@pytest.mark.parametrize(("milestone", "title"), EVENTS)
def test_each_language_reads_each_milestone(milestone: Milestone, title: str) -> None:
    sig = classify(title, "", TOLD, INDEX)
    assert (sig.show, sig.milestone) == ("xo-kitty", milestone)
    assert sig.season == 3 or (milestone is M.CANCELLED and sig.season is None)


# The day or month a release date's headline sets, as ``classify`` gives it.
DAYS_SET: dict[str, date | PartialDate] = {
    "XO, Kitty phần 3 ra mắt ngày 5 tháng 6": JUNE_5,
    "XO, Kitty phần 3 lên sóng vào tháng 6": JUNE,
    "Treća sezona serije XO, Kitty stiže na Netflix 5. juna": JUNE_5,
    "La tercera temporada de XO, Kitty s'estrena el 5 de juny": JUNE_5,
    "Prime Video estrena la temporada 3 de XO, Kitty el 1.º de junio": date(2026, 6, 1),
    "XO, Kitty sæson 3: premieren er 5. juni": JUNE_5,
    "XO, Kitty sæson 3 kan ses fra 5. juni på Netflix": JUNE_5,
    "XO, Kitty sesong 3 slippes 5. juni": JUNE_5,
    "XO, Kitty säsong 3 släpps i juni": JUNE,
    "XO, Kitty säsong 3 har premiär den 5 juni": JUNE_5,
    "XO, Kitty kausi 3: ensi-ilta on 5. kesäkuuta": JUNE_5,
    "XO, Kitty kausi 3 saa ensi-iltansa kesäkuussa": JUNE,
    "XO, Kitty 3. sezon 5 Haziran'da Netflix'te başlıyor": JUNE_5,
    "XO, Kitty: 3. řada dorazí na Netflix 5. června": JUNE_5,
    "XO, Kitty: premiéra 3. řady v červnu": JUNE,
    "「XO, Kitty」シーズン3、6月5日より配信開始": JUNE_5,
    "「XO, Kitty」シーズン3、6月に配信": JUNE,
}


def test_a_release_dates_day_or_month_is_read() -> None:
    for title, when in DAYS_SET.items():
        sig = classify(title, "", TOLD, INDEX)
        got = sig.period if isinstance(when, PartialDate) else sig.event_date
        assert got == when, title


# (what it is, headline): none is news
NOT_NEWS: list[tuple[str, str]] = [
    ("review", "Anmeldelse: XO, Kitty sæson 3"),
    ("review", "Recension: XO, Kitty säsong 3"),
    ("review", "Arvio: XO, Kitty kausi 3 on kevyttä viihdettä"),
    ("review", "XO, Kitty 3. sezon incelemesi"),
    ("review", "Recenze: XO, Kitty, 3. řada"),
    ("review", "「XO, Kitty」シーズン3 レビュー"),
    ("review", "Recenzija: XO, Kitty, treća sezona"),
    ("review", "Review XO, Kitty phần 3: nhẹ nhàng mà sâu lắng"),
    ("review", "Anmeldelse: XO, Kitty sæson 3 er ude nu – og den er god"),
    ("review", "Arvio: XO, Kitty kausi 3 on nyt katsottavissa"),
    ("review", "「XO, Kitty」シーズン3 本日配信開始 レビュー"),
    ("explainer", "XO, Kitty sæson 3: premieredato, handling og alt vi ved"),
    ("explainer", "XO, Kitty kausi 3: ensi-ilta, juoni ja kaikki mitä tiedämme"),
    ("explainer", "XO, Kitty 3. řada: datum premiéry a vše, co víme"),
    ("explainer", "「XO, Kitty」シーズン3の配信日はいつ?最新情報まとめ"),
    ("explainer", "XO, Kitty treća sezona: datum premijere i sve što znamo"),
    ("old news", "XO, Kitty sæson 2 fik premiere 5. juni 2025"),
    ("not yet", "XO, Kitty sæson 3 er på vej?"),
    ("guide", "Hvor kan man se XO, Kitty sæson 3?"),
    ("guide", "Var kan man se XO, Kitty säsong 3"),
    ("guide", "Missä katsoa XO, Kitty kausi 3"),
    ("guide", "XO, Kitty 3. sezon nereden izlenir?"),
    ("guide", "Kde sledovat XO, Kitty 3. řadu"),
    ("guide", "Gdje gledati treću sezonu XO, Kitty"),
    ("guide", "Xem XO, Kitty phần 3 ở đâu?"),
    ("guide", "「XO, Kitty」シーズン3 全話ネタバレあらすじ"),
    ("guide", "XO, Kitty sæson 3 afsnit 4: det sker"),
    ("guide", "XO, Kitty kausi 3, jakso 4: mitä tapahtui"),
    ("not yet", "Får XO, Kitty en sæson 3?"),
    ("not yet", "Blir det en sesong 3 av XO, Kitty?"),
    ("not yet", "Saako XO, Kitty jatkoa?"),
    ("not yet", "XO, Kitty 3. sezon onaylandı mı?"),
    ("not yet", "XO, Kitty 3. sezon ne zaman başlayacak?"),
    ("not yet", "Dočká se XO, Kitty třetí řady?"),
    ("not yet", "「XO, Kitty」シーズン3制作決定か"),
    ("not yet", "XO, Kitty sæson 3 er endnu ikke bekræftet"),
    ("not yet", "Tindrà XO, Kitty una tercera temporada?"),
    ("not yet", "Hoće li XO, Kitty dobiti treću sezonu?"),
    ("not yet", "Liệu XO, Kitty có phần 3?"),
    ("not the show", "Diễn viên XO, Kitty gia hạn hợp đồng với Netflix"),
    # a contract, an episode, a season put out: not the show renewed or cancelled
    ("not the show", "XO, Kitty yapımcısı Netflix ile sözleşmesini yeniledi"),
    ("not the show", "Netflix prodloužil smlouvu s tvůrci XO, Kitty"),
    ("not the show", "XO, Kitty-stjernen forlængede sin kontrakt med Netflix"),
    ("not the show", "XO, Kitty'nin bu akşamki bölümü iptal edildi"),
    ("not the show", "Netflix dropper sæson 3 af XO, Kitty"),
    ("not yet", "Netflix har ikke bestemt om det blir en sesong 3 av XO, Kitty"),
    ("a week", "XO, Kitty 45. bölüm fragmanı yayınlandı"),
]


@pytest.mark.parametrize(("kind", "title"), NOT_NEWS)
def test_reviews_guides_questions_and_denials_are_no_news(kind: str, title: str) -> None:
    assert classify(title, "", TOLD, INDEX).milestone is None, kind


def test_a_clause_announcing_the_season_leaves_the_news_to_what_follows() -> None:
    # hi "along with announcing the new season, the premiere's date too is out"
    title = "XO, Kitty Season 3: नए सीजन की घोषणा करने के साथ ही प्रीमियर की तारीख भी जारी"
    assert classify(title, "", TOLD, INDEX).milestone is M.RELEASE_DATE_ANNOUNCED


def test_a_season_on_its_way_with_its_month_is_no_renewal() -> None:
    for title in ("XO, Kitty kausi 3 on tulossa kesäkuussa", "XO, Kitty sæson 3 er på vej i juni"):
        assert classify(title, "", TOLD, INDEX).milestone is not M.RENEWED


def test_a_planned_shoot_is_no_shoot_begun_nor_a_premiere() -> None:
    sig = classify("「XO, Kitty」シーズン3の撮影開始予定", "", TOLD, INDEX)
    assert sig.milestone is not M.FILMING_STARTED
    for title in (
        "XO, Kitty 3. sezon çekimleri 5 Haziran'da başlıyor",
        "Natáčení 3. řady XO, Kitty odstartuje v červnu",
        "Snimanje treće sezone XO, Kitty počinje 5. juna",
    ):
        assert classify(title, "", TOLD, INDEX).milestone is not M.RELEASE_DATE_ANNOUNCED


# The season each text names (None: none)
SEASONS: dict[str, int | None] = {
    "xo, kitty kolmannen kauden": 3,
    "xo, kitty kausi 3": 3,
    "druhá řada": 2,
    "3. série": 3,
    "ikinci sezon": 2,
    "3. sezon 5 haziran'da": 3,
    "2. sesong": 2,
    "「xo, kitty」シーズン２": 2,
    "第2期": 2,
    "kolmatta kautta": 3,
    "xo, kitty phần 3": 3,
    "treću sezonu": 3,
    "netflixin kautta 5 jaksoa": None,
    "延期": None,
    "2期生": None,
}


def test_seasons_in_these_languages() -> None:
    for text, season in SEASONS.items():
        assert_seasons(text, [] if season is None else [season])


def test_dates_and_letters_are_written_as_the_rules_read_them() -> None:
    # ja dates as English; fi and cs days lose their point ("5." ends no sentence); tr "İ"
    assert normalise("6月5日より配信") == "june 5 より配信"
    assert normalise("2026年6月5日配信") == "june 5, 2026 配信"
    assert normalise("ensi-ilta 5. kesäkuuta") == "ensi-ilta 5 kesäkuuta"
    assert normalise("İkinci sezon") == "ikinci sezon"


def test_these_languages_rules_are_all_gated() -> None:
    rules = [rule for rule in LANG_RULES if re.search(r"-(?:nordic|fi|tr|cs|sh|vi|ja)$", rule.name)]
    assert len(rules) >= 30
    assert_all_gated(rules)


@pytest.mark.parametrize("title", [title for _, title in EVENTS + NOT_NEWS])
def test_the_gate_admits_what_matches(title: str) -> None:
    assert_gate_admits(title)
