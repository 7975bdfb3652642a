"""Event wording in Turkish, for Turkish outlets and their many series.

Apart from ``classify_lang`` so that the language's words sit together; its rules join
``classify_lang.LANG_RULES``.  Turkish glues its endings to a word ("sezonu", "fragmanı",
"Netflix'te", "Haziran'da"), so a pattern names the stem after a ``\\b`` and lets the rest
follow (``\\w*``); its questions end in their own word ("onaylandı mı?").  A weekly
episode's promo ("45. bölüm fragmanı") is no season's trailer.
"""

from __future__ import annotations

from bot.news.models import Milestone as M
from bot.news.rules import _DATE, DAY_DATE, Family, _rule

# The season, its ordinal or number before it ("ikinci sezon", "3. sezonu", "yeni sezon").
_NTH = r"(?:\d{1,2}|ikinci|üçüncü|dördüncü|beşinci|altıncı|yeni)"
_A_SEASON = rf"\b{_NTH} sezon\w*"
# A day, or a month alone but for those that are words or names too ("mart", a market;
# "Nisan", "Kasım", names; "ekim", "ocak", "aralık", sowing, a stove, a gap).
_WHEN = rf"(?:{_DATE}|{DAY_DATE}|(?:şubat|mayıs|haziran|temmuz|ağustos|eylül)\b)"
# What a cancelled thing is when it is not the show: the shoot, a week's episode, a broadcast.
_NOT_THE_SHOW = r"çekim|bölüm|yayın|bu akşam|bu hafta|konser|gala|prömiyer"
# Not asked: the question's word after the verb.
_NOT_ASKED = r"(?! m[ıiuü]\b)"

TR_LANG = Family(
    rules=(
        _rule(
            "renewed-tr",
            M.RENEWED,
            # "3. sezon onaylandı", "yeni sezon onayı aldı", "XO, Kitty'ye 3. sezon onayı",
            # "Netflix diziyi yeniledi" (the show or a season renewed, not "arayüzünü yeniledi",
            # its app), "devam kararı" (the decision to go on; not the shoot's, "çekimlere")
            rf"{_A_SEASON} (?:için )?(?:resmen )?(?:onaylandı|onay aldı|onayı aldı|onayını aldı"
            rf"|yenilendi)\b{_NOT_ASKED}"
            rf"|{_A_SEASON} onayı\b(?! (?:gelecek|alacak|verilmedi|çıkmadı)\b)"
            # (not its poster, logo or cast refreshed: "dizinin afişi yenilendi", "kadrosu
            # yenilendi")
            rf"|\b(?:dizi\w*|sezon\w*|için)\b(?:(?!afiş|poster|logo|kadro|jenerik)[^.?!]){{0,40}}?"
            rf"\b(?:yeniledi|yenilendi)\b{_NOT_ASKED}"
            r"|(?<!\bçekimlere )(?<!\bçekimlerine )\bdevam kararı\b(?![^.!]*\?)",
        ),
        _rule(
            "cancelled-tr",
            M.CANCELLED,
            # "iptal edildi" (not the shoot's, "çekimler iptal edildi", nor a week's episode or
            # broadcast's: "bu akşamki bölümü iptal edildi"), "final kararı" (the decision to
            # end it), "yeni sezon olmayacak", "devam etmeyecek"
            rf"(?:^|(?<=[.!?:] ))(?:(?!{_NOT_THE_SHOW})[^.?!:]){{0,80}}?"
            rf"\biptal (?:edildi|etti|ediyor|kararı)\b{_NOT_ASKED}"
            r"|\bfinal kararı\b(?![^.!]*\?)"
            rf"|{_A_SEASON} (?:olmayacak|gelmeyecek)\b|\bdevam etmeyecek\b",
        ),
        _rule(
            "premieres-on-date-tr",
            M.RELEASE_DATE_ANNOUNCED,
            # "5 Haziran'da başlıyor", "Haziran'da Netflix'te yayınlanacak" (not the shoot's:
            # "çekimler 5 Haziran'da başlıyor"); the day known: "yayın tarihi belli oldu"
            rf"(?:^|(?<=[.!?:] ))(?:(?!çekim|set )[^.?!:]){{0,80}}?(?P<date>{_WHEN})(?:'\w+)? "
            r"(?:tarihinde )?(?:[\w']+ ){0,3}?(?:başlıyor"
            r"|başlayacak|yayınlanacak|yayına girecek|yayında olacak|ekranlara geliyor"
            r"|ekranlara gelecek|izleyiciyle buluşacak|izleyicilerle buluşacak|geliyor|gelecek)\b"
            rf"{_NOT_ASKED}"
            r"|\b(?:yayın|çıkış|gösterim) tarihi\b[^.?!]{0,20}\b(?:belli oldu|açıklandı"
            r"|duyuruldu|netleşti)\b",
        ),
        _rule(
            "out-now-tr",
            M.RELEASED,
            # "yeni sezon Netflix'te yayınlandı", "2. sezonu yayında" (not its trailer's or
            # poster's, nor a weekly episode's)
            rf"{_A_SEASON}(?:(?!fragman|tanıtım|bölüm|teaser|fotoğraf|afiş|poster)[^.?!]){{0,40}}"
            r"\b(?:yayınlandı|yayında"
            r"|izleyiciyle buluştu|yayına girdi)\b(?![^.?!]{0,30}\d)",
        ),
        _rule(
            "trailer-tr",
            M.TRAILER,
            # "fragman yayınlandı", "ilk fragman geldi" (not "45. bölüm fragmanı", a week's)
            # (nor "yeni bölümün fragmanı", "final bölümü fragmanı": a week's episode's too)
            r"(?<!\bbölüm )(?<!\bbölümü )(?<!\bbölümün )\b(?:fragman\w*|tanıtım\w*|teaser\w*)\b"
            r"[^.?!]{0,30}\b(?:yayınlandı|yayınladı|yayımlandı|geldi|paylaşıldı|paylaştı|çıktı)\b"
            r"|\b(?:ilk|resmi) (?:fragman|tanıtım)\w*",
        ),
        _rule(
            "filming-starts-tr",
            M.FILMING_STARTED,
            # "çekimleri başladı", "çekimlerine başlandı", "set çalışmaları başladı"
            r"\b(?:çekim|set çalışma)\w*\b[^.?!]{0,30}\b(?:başladı|başlandı|start verildi"
            r"|start aldı)\b",
        ),
        _rule(
            "filming-planned-tr",
            M.FILMING_STARTED,
            r"\bçekim\w*\b[^.?!]{0,30}\bbaşlayacak\b",
            future=True,
        ),
        _rule(
            "filming-wrapped-tr",
            M.FILMING_WRAPPED,
            # "çekimleri tamamlandı", "çekimleri sona erdi"
            r"\bçekim\w*\b[^.?!]{0,30}\b(?:tamamlandı|sona erdi|bitti|tamamladı)\b",
        ),
        _rule(
            "casting-tr",
            M.CASTING,
            # "kadroya katıldı", "oyuncu kadrosuna dahil oldu", "rol alacak"
            r"\b(?:kadroya|kadrosuna)\b[^.?!]{0,20}\b(?:katıldı|katılıyor|dahil oldu|eklendi"
            r"|girdi)\b|\bkadroya (?:katılan|yeni)\b|\brol alacak\b",
        ),
        _rule(
            "delayed-tr",
            M.DELAYED,
            # "ertelendi" (put off)
            rf"\bertelen\w*{_NOT_ASKED}",
        ),
    )
)
