"""Event wording in Indonesian, the language of the show's many fans in Indonesia.

Apart from ``classify_lang`` so that the language's verbs sit together; its rules join
``classify_lang.LANG_RULES``.  Indonesian marks tense with words ("akan", will; "sudah",
already) and voice with prefixes ("dibatalkan", cancelled; "membatalkan", cancels), so each
verb is written in the forms a headline uses.  Seasons are "musim" or, as often, the English
"season", the number or the ordinal after the noun ("musim ketiga").  Same conventions as
the other tables: normalised text, a ``\\b`` before each word a pattern needs.
"""

from __future__ import annotations

from bot.news.models import Milestone as M
from bot.news.rules import _DATE, _MONTH_IN_FULL, Family, _rule

# The season: its noun, then its number or ordinal ("musim 3", "season ketiga", "musim baru").
_SEASON = r"(?:musim|season)"
_NTH = r"(?:\d{1,2}|kedua|ketiga|keempat|kelima|keenam|baru|terbaru|selanjutnya|berikutnya)"
_A_SEASON = rf"{_SEASON} {_NTH}"
# "akan" (will), "resmi" (officially), "segera" (soon), "sudah"/"telah" (already), "kembali"
# (again) stand before a verb; a headline leaves out the rest.
_ASIDE = r"(?:(?:akan|resmi|segera|sudah|telah|kembali|baru|kini|akhirnya) ){0,2}"

ID_LANG = Family(
    rules=(
        _rule(
            "renewed-id",
            M.RENEWED,
            # "Netflix perpanjang X untuk musim ketiga", "X diperpanjang ke season 3"
            # (not "tidak diperpanjang", a cancellation)
            r"(?<!\btidak )(?<!\btak )(?<!\bbelum )\b(?:perpanjang|memperpanjang|diperpanjang)\b"
            r"(?![^.?!]{0,20}\?)"
            # "lanjut ke musim kedua", "berlanjut ke season 3"
            rf"|\b(?:lanjut|berlanjut|dilanjutkan) ke {_A_SEASON}\b"
            # "season 3 resmi dikonfirmasi", "Netflix umumkan musim ketiga" (not what the season
            # brings: "konfirmasi musim kedua akan tambah pemeran")
            rf"|\b{_A_SEASON} (?:{_ASIDE})?(?:dikonfirmasi|diumumkan|dipesan|digarap)\b"
            r"(?![^.?!]{0,40}\b(?:tayang|rilis|pemeran|syuting|trailer|teaser)\b)"
            r"|\b(?:konfirmasi|mengonfirmasi|umumkan|mengumumkan|pesan|memesan)"
            rf" (?:[\w'-]+ ){{0,4}}{_A_SEASON}\b"
            r"(?![^.?!]{0,40}\b(?:tayang|rilis|pemeran|syuting|trailer|teaser|tanggal)\b)",
        ),
        _rule(
            "cancelled-id",
            M.CANCELLED,
            # "X dibatalkan", "Netflix batalkan X", "X tidak diperpanjang" (not the shoot's:
            # "syuting X dibatalkan")
            r"(?<!\bsyuting )(?<!\bproduksi )\b(?:dibatalkan|membatalkan|batalkan)\b"
            r"|\b(?:tidak|tak) (?:akan )?diperpanjang\b"
            r"|\btidak (?:akan )?(?:ada|dilanjutkan ke) (?:musim|season) (?:\d{1,2}|kedua|ketiga"
            r"|keempat|kelima|baru)\b",
        ),
        _rule(
            "delayed-id",
            M.DELAYED,
            # "penayangan X ditunda", "X season 3 diundur ke 2027"
            r"\b(?:ditunda|diundur|tertunda|mundur ke|diundur ke)\b",
        ),
        _rule(
            "premieres-on-date-id",
            M.RELEASE_DATE_ANNOUNCED,
            # "X musim 3 tayang 5 Juni", "akan rilis pada 13 Februari 2020", "hadir di Netflix
            # mulai 5 Juni", "dijadwalkan tayang Juni 2026"
            r"\b(?:tayang|rilis|dirilis|hadir|meluncur|mengudara|dijadwalkan)\b"
            r"[^.?!]{0,30}?\b(?:pada |mulai |tanggal |bulan |pada bulan |di netflix )?"
            rf"(?P<date>{_DATE})",
            # (a lead retells other outlets' dates, for other parts: train's V64B-015)
            title_only=True,
        ),
        _rule(
            "out-now-id",
            M.RELEASED,
            # "X season 3 sudah tayang di Netflix", "kini bisa ditonton", "tayang hari ini"
            # (no date after it: "resmi tayang 5 Juni" is the date's)
            r"\b(?:sudah|kini|telah|akhirnya) (?:resmi )?(?:tayang|rilis|hadir|tersedia"
            r"|bisa ditonton|dapat ditonton)\b"
            rf"(?![^.?!]{{0,30}}(?:\d|\b{_MONTH_IN_FULL}\b))"
            r"|\btayang (?:mulai )?hari ini\b",
        ),
        _rule(
            "filming-starts-id",
            M.FILMING_STARTED,
            # "syuting X season 3 dimulai", "X mulai syuting season 3" (not "akan dimulai",
            # a plan; nor a question)
            r"\bsyuting\b[^.?!]{0,50}(?<!\bakan )(?<!\bbelum )\b(?:dimulai|telah dimulai"
            r"|sudah dimulai|resmi dimulai)\b(?! (?:pada|tahun|bulan) )"
            r"|(?<!\bakan )(?<!\bbelum )\b(?:mulai|memulai) (?:proses )?syuting\b"
            r"(?! (?:pada|tahun|bulan) )",
        ),
        _rule(
            "filming-wrapped-id",
            M.FILMING_WRAPPED,
            # "syuting X season 3 rampung", "X selesai syuting musim ketiga"
            r"\bsyuting\b[^.?!]{0,50}(?<!\bbelum )\b(?:selesai|rampung|berakhir|usai)\b"
            r"|(?<!\bbelum )\b(?:rampung|selesai|merampungkan|menyelesaikan) syuting\b",
        ),
        _rule(
            "trailer-id",
            M.TRAILER,
            # "trailer X season 3 dirilis", "Netflix rilis teaser X musim 3"
            r"\b(?:trailer|teaser|cuplikan)\b[^.?!]{0,60}\b(?:dirilis|resmi dirilis|diluncurkan"
            r"|dibagikan|diunggah|muncul)\b"
            r"|\b(?:rilis|merilis|luncurkan|meluncurkan|bagikan|membagikan|unggah|mengunggah)"
            r" (?:\w+ )?(?:trailer|teaser|cuplikan)\b",
        ),
    )
)
