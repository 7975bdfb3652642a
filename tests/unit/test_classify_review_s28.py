"""A review of the twenty-eighth session's new rules: headlines a real outlet could publish
that the new patterns got wrong (a denial, a wait, a shoot's length ahead, another thing
scheduled, a word that is another thing's in the new languages), each beside a wording the
pattern was written for, which must still fire."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.models import Milestone
from tests.headlines import INDEX, TOLD

# One case a line, "title | milestone" or "title | summary | milestone" ("-" for none).
_TABLE = """
# a green light denied or still awaited is no renewal; one got is
XO, Kitty creator says she has no green light for season 3 yet | -
XO, Kitty has yet to get a green light for season 3 | -
XO, Kitty has the green light for a third season | renewed
# a network schedules the season's trailer or finale, not the season; the season itself
Netflix schedules XO, Kitty season 2 trailer for June 5 | trailer
Netflix schedules XO, Kitty finale for June 5 | -
Netflix slates XO, Kitty season 2 for June 5 | release_date_announced
Netflix schedules all eight XO, Kitty episodes for June 5 | release_date_announced
# a shoot's length ahead is no shoot weeks under way; the edit is no location still to shoot
XO, Kitty season 3 begins filming | They will be filming for five months. | filming_started
XO, Kitty season 2 wraps filming | Production moves on to the edit. | filming_wrapped
XO, Kitty season 2 filming underway for a few weeks now | -
XO, Kitty season 2 wraps filming in Vancouver as production moves to Seoul | -
# the network's other work, an award's nod for a lead, a season's finale
XO, Kitty star heads to Netflix's new rom-com in June | -
XO, Kitty season 2 heads to Netflix in March | release_date_announced
XO, Kitty star lands Emmy nod for lead actress | -
Jane Doe lands ABC sitcom lead | casting
XO, Kitty season 2 ends with second season finale twist | -
The Good Place ends with fourth and final season | cancelled
# vi "not yet confirmed", "not yet shooting", "about to wrap", "won't be put off"
Netflix chưa xác nhận có phần 3 của XO, Kitty | -
XO, Kitty phần 2 chưa bấm máy | -
XO, Kitty phần 2 sắp đóng máy | -
XO, Kitty phần 2 sẽ không bị hoãn | -
Netflix xác nhận có phần 3 của XO, Kitty | renewed
XO, Kitty phần 2 chính thức bấm máy | filming_started
XO, Kitty phần 2 đóng máy | filming_wrapped
XO, Kitty phần 2 bị hoãn | delayed
# ja "the chance of a cancellation", "a cancellation avoided"
XO, Kitty シーズン3打ち切りの可能性 | -
XO, Kitty シーズン2 打ち切りを回避 | -
XO, Kitty シーズン3打ち切り | cancelled
# hi "the wait for the premiere's date goes on", "the script is not ready yet"
XO, Kitty सीजन 2 के प्रीमियर की तारीख का इंतजार जारी | -
XO, Kitty सीजन 2 की स्क्रिप्ट अभी तैयार नहीं | -
XO, Kitty सीजन 2 के प्रीमियर की तारीख जारी | release_date_announced
XO, Kitty सीजन 3 के लेखन पर काम शुरू | writing
# tr the show's poster refreshed; a week's episode's promo
XO, Kitty dizisinin afişi yenilendi | -
XO, Kitty yeni bölümün fragmanı yayınlandı | -
XO, Kitty final bölümü fragmanı yayınlandı | -
Netflix XO, Kitty dizisini yeniledi | renewed
XO, Kitty 2. sezon fragmanı yayınlandı | trailer
# cs "won a string of awards / of nominations" ("série" is a run of things too)
Seriál XO, Kitty získal sérii cen | -
XO, Kitty získal sérii nominací | -
XO, Kitty dostal třetí řadu | renewed
# sr a contract renewed
Netflix obnovio ugovor sa tvorcem serije XO, Kitty | -
Netflix obnovio XO, Kitty za treću sezonu | renewed
# da the season goes on tonight; a season confirmed for its premiere month
XO, Kitty fortsætter med sæson 2 i aften | -
XO, Kitty fortsætter med sæson 3 | renewed
XO, Kitty sæson 2 er bekræftet til premiere i juni | release_date_announced
XO, Kitty sæson 3 er bekræftet | renewed
# a disc's extras are no call for a shoot's; a call for the shoot's extras is
XO, Kitty season 2 Blu-ray extras sought by collectors | -
XO, Kitty season 3 extras wanted in Seoul | filming_started
# "how to stream" frames a viewer's guide in a title as "how to watch" does
How to stream XO, Kitty season 2, out June 5 | -
How to watch XO, Kitty season 2, out June 5 | -
XO, Kitty season 2 premieres June 5 on Netflix | release_date_announced
"""


def _cases() -> list[tuple[str, str, Milestone | None]]:
    rows = [line.split(" | ") for line in _TABLE.splitlines() if line and line[0] != "#"]
    return [
        (row[0], row[1] if len(row) == 3 else "", None if row[-1] == "-" else Milestone(row[-1]))
        for row in rows
    ]


@pytest.mark.parametrize(("title", "summary", "milestone"), _cases())
def test_reviewed_rules(title: str, summary: str, milestone: Milestone | None) -> None:
    signal = classify(title, summary, TOLD, INDEX)
    assert signal.milestone is milestone, signal.rule
