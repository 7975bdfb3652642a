"""Event wording in Japanese, for Japanese outlets (dramas, anime, streaming news).

Apart from ``classify_lang`` so that the language's words sit together; its rules join
``classify_lang.LANG_RULES``.  Japanese runs its words together ("シーズン2の制作が決定"),
so no pattern here has a ``\\b``: the gate knows a text by its kana and kanji, each a mark
of its own (``classify_gate``).  Dates reach the rules as English: ``normalise`` writes
"6月5日" as "june 5".  A question or a guess ends in "か" or "?"; "予定" is a plan.
"""

from __future__ import annotations

from bot.news.models import Milestone as M
from bot.news.rules import _DATE, Family, _rule

# The season: "シーズン2", "第2シーズン", anime's "第2期", "2期", a sequel "続編".
_NUMBERED = r"(?:シーズン ?\d{1,2}|第 ?\d{1,2} ?(?:シーズン|期)|\d{1,2}期)"
_SEASON = rf"(?:{_NUMBERED}|続編|新シーズン)"
# Not asked, guessed, planned, hearsay or denied after the verb: "決定か", "決定?",
# "開始予定", "決定していない", "決定ならず", "打ち切りではない", "決定との報道", "決定は誤報";
# nor a list's heading or a celebration of it: "制作決定作品一覧", "制作決定を記念して".
_SURE = (
    r"(?!か|\?| ?\?|予定|し?てい?ない|ならず|では|じゃ|説|の噂|なし|との|は誤|はデマ|を否定"
    # nor a chance, a threat or a thing avoided: "打ち切りの可能性", "打ち切り危機",
    # "打ち切りを回避"
    r"|を記念|記念|作品|一覧|まとめ|ランキング|版|の?可能性|の?危機|を?回避)"
)

JA_LANG = Family(
    rules=(
        _rule(
            "renewed-ja",
            M.RENEWED,
            # "シーズン2制作決定", "シーズン3の制作が正式に決定", "続編決定", "第2期制作決定",
            # "シーズン3への更新が決定" (not its day or cast: "配信日決定", "キャスト決定")
            rf"{_SEASON}(?:の|へ|への|に)?(?:制作|製作|更新)(?:が|も)?(?:正式に?)?(?:決定|発表){_SURE}"
            # (decided alone only for a numbered season: a bare "続編決定" is as often a film's)
            rf"|{_NUMBERED}(?:が|も)?(?:正式に?)?決定{_SURE}",
        ),
        _rule(
            "cancelled-ja",
            M.CANCELLED,
            # "打ち切り" (cut off), "制作中止", "シーズン3で完結" (ends with season 3)
            rf"打ち切り{_SURE}|(?:制作|製作)中止{_SURE}|{_SEASON}(?:で|をもって)(?:完結|終了){_SURE}",
        ),
        _rule(
            "premieres-on-date-ja",
            M.RELEASE_DATE_ANNOUNCED,
            # "june 5 より配信開始" (6月5日より), "june 5 (金) から独占配信", "june に公開" (not
            # another thing's that day: "june 5 に予告編公開"; nor past or running: "配信された",
            # "june 5 より配信中")
            rf"(?P<date>{_DATE})(?:, (?:19|20)\d\d)? ?(?:\([^)]{{1,4}}\) ?)?(?:より|から|に)? ?"
            r"(?:(?!予告|特報|ティザー|pv|撮影|クランク|収録)[^.?!\d]){0,8}?"
            r"(?:配信|放送|公開|放映|上陸)(?!された|済|中)"
            # the day known, not given: "配信日決定", "放送開始日が決定"
            r"|(?:配信|公開|放送)(?:開始)?日(?:が|も)?(?:正式に?)?(?:決定|発表|解禁)",
            # (a lead retells when earlier seasons or other titles came out)
            title_only=True,
        ),
        _rule(
            "out-now-ja",
            M.RELEASED,
            # "本日配信開始", "ついに配信スタート", "シーズン3配信開始" (no day after it)
            r"(?:本日|今日|きょう|ついに)(?:より|から)?(?:(?!予告|特報|ティザー|pv)[^.?!\d]){0,8}?"
            r"(?:配信|公開|放送)(?:開始|スタート|された)"
            rf"|{_SEASON}(?:(?!予告|特報|ティザー|pv)[^.?!\d]){{0,8}}?(?:配信|公開)(?:開始|スタート)"
            r"(?!日|予定)(?![^.?!]{0,10}\d)",
        ),
        _rule(
            "trailer-ja",
            M.TRAILER,
            # "予告編解禁", "特報映像が公開", "本pv公開"
            r"(?:予告編|予告映像|本予告|特報|ティザー|トレーラー|(?<![a-z])pv(?![a-z]))[^.?!]{0,12}?"
            rf"(?:解禁|公開|到着|お披露目){_SURE}(?!日)",
        ),
        _rule(
            "filming-started-ja",
            M.FILMING_STARTED,
            # "撮影開始", "撮影がスタート", "クランクイン" (not "撮影開始予定")
            rf"(?:撮影|収録)(?:が|を)?(?:開始|スタート){_SURE}(?!日)|クランクイン{_SURE}",
        ),
        _rule(
            "filming-wrapped-ja",
            M.FILMING_WRAPPED,
            # "撮影終了", "撮影を終え", "クランクアップ"
            rf"(?:撮影|収録)(?:が|を)?(?:終了|完了|終え){_SURE}|クランクアップ{_SURE}",
        ),
        _rule(
            "casting-ja",
            M.CASTING,
            # "出演決定", "新キャスト発表", "役に決定"
            rf"(?:出演|キャスト|役)(?:が|に|も)?(?:決定|発表|解禁){_SURE}|(?:新|追加)キャスト",
        ),
        _rule(
            "delayed-ja",
            M.DELAYED,
            # "配信延期", "公開が延期に", "撮影延期"
            rf"(?:配信|公開|放送|撮影|制作)(?:が|を|も)?(?:[^.?!]{{0,4}}?)延期{_SURE}",
        ),
    )
)
