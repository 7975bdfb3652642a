"""Per-feed keyword filters: parsing what moderators type, explaining what they drop."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.errors import UserFacingError
from bot.moderation.keywords import (
    MAX_WORDS,
    describe_filter,
    join_keywords,
    parse_keywords,
    refuse_clash,
)
from bot.news.dedupe import filter_verdict, read_words, wanted
from bot.news.models import Article


def test_parse_trims_dedupes_and_keeps_order() -> None:
    assert parse_keywords(" Kitty ,yuri,, KITTY , Min  Ho ", label="include") == (
        "Kitty",
        "yuri",
        "Min Ho",
    )
    assert parse_keywords(None, label="include") == ()
    assert parse_keywords(" , ", label="include") == ()


def test_quotes_around_a_phrase_are_not_part_of_it() -> None:
    """A moderator quoting a phrase means the phrase: kept quoted, it matched no title."""
    words = parse_keywords(' "season 4" , “Min Ho”, \'yuri\', «ÇEKİM», "" ', label="include")
    assert words == ("season 4", "Min Ho", "yuri", "ÇEKİM")
    article = Article("f", "k", "https://x.example/a", "XO, Kitty season 4 confirmed", None, "")
    assert wanted(article, words[:1], ())


def test_parse_refuses_long_words_and_long_lists() -> None:
    with pytest.raises(UserFacingError, match="longer than"):
        parse_keywords("x" * 51, label="exclude")
    with pytest.raises(UserFacingError, match=f"at most {MAX_WORDS}"):
        parse_keywords(",".join(f"w{i}" for i in range(MAX_WORDS + 1)), label="include")


def test_join_round_trips_through_the_stored_form() -> None:
    words = ("kitty", "min ho")
    stored = join_keywords(words)
    assert tuple(w.strip() for w in stored.split(",")) == words


def test_a_quoted_phrase_keeps_its_commas() -> None:
    """A comma parted even a quoted "XO, Kitty" into "XO" and "Kitty"."""
    assert parse_keywords('"XO, Kitty", trailer', label="include") == ("XO, Kitty", "trailer")
    assert parse_keywords("kitty, “XO, Kitty” , «Min, Ho»", label="include") == (
        "kitty",
        "XO, Kitty",
        "Min, Ho",
    )
    assert parse_keywords('"a, b, c", "d"', label="include") == ("a, b, c", "d")
    # An apostrophe is no quote: a word may start or end with one.
    assert parse_keywords("'90s, girls'", label="include") == ("90s", "girls")
    assert parse_keywords("Kitty's, Yuri's mom", label="include") == ("Kitty's", "Yuri's mom")


def test_an_unclosed_quote_keeps_no_comma() -> None:
    """A quote never closed reads as before: commas part words, quotes are trimmed."""
    assert parse_keywords('"XO, Kitty', label="include") == ("XO", "Kitty")
    assert parse_keywords('trailer, "XO, Kitty, quiz', label="include") == (
        "trailer",
        "XO",
        "Kitty",
        "quiz",
    )
    assert parse_keywords('XO, Kitty"', label="include") == ("XO", "Kitty")
    assert parse_keywords('"', label="include") == ()


def test_a_word_with_a_comma_round_trips_through_the_stored_form() -> None:
    for words in (("XO, Kitty", "trailer"), ("XO, Kitty",), ("a", "b, c", "d"), ()):
        assert read_words(join_keywords(words)) == words


def test_old_stored_filters_read_as_before() -> None:
    """Plain lists stay stored, and read, as they were, quotes and all (older releases kept
    a typed quote in the word)."""
    assert join_keywords(("kitty", "season 3")) == "kitty, season 3"
    assert read_words("kitty, season 3") == ("kitty", "season 3")
    assert read_words(' "XO,  Kitty" ,, quiz ') == ('"XO', 'Kitty"', "quiz")
    assert read_words("") == ()


def test_a_word_with_a_comma_is_shown_as_typed() -> None:
    """Shown plain, ("XO, Kitty", "trailer") read as three words; quoted, it reads back."""
    line = describe_filter(("XO, Kitty", "trailer"), ("quiz",))
    assert line == 'only with: "XO, Kitty", trailer · never with: quiz'
    typed = line.removeprefix("only with: ").split(" · ")[0]
    assert parse_keywords(typed, label="include") == ("XO, Kitty", "trailer")
    assert '("XO, Kitty", trailer)' in (
        filter_verdict("Lara Jean", ("XO, Kitty", "trailer"), ()) or ""
    )
    assert filter_verdict("XO, Kitty season 3", ("XO, Kitty",), ()) is None


def test_describe_filter() -> None:
    assert describe_filter((), ()) == "no filter (everything)"
    assert describe_filter(("a",), ("b", "c")) == "only with: a · never with: b, c"


def test_filter_verdict_names_the_deciding_word() -> None:
    assert filter_verdict("Kitty returns", ("kitty",), ()) is None
    assert "none of the words" in (filter_verdict("Lara Jean", ("kitty",), ()) or "")
    assert "'quiz'" in (filter_verdict("Kitty quiz", (), ("quiz",)) or "")


def test_a_word_matches_however_unicode_writes_it() -> None:
    """A moderator types "é" as one character; a feed may write e + a combining accent."""
    decomposed = "Pok\u0065\u0301mon crossover: Kitty goes to Seoul"
    article = Article("f", "k", "https://e.org/1", decomposed, datetime(2024, 1, 1, tzinfo=UTC), "")
    assert wanted(article, ("Pok\u00e9mon",), ())
    assert not wanted(article, (), ("POK\u00c9MON",))
    assert filter_verdict("\ufb01lming begins", ("filming",), ()) is None  # the "fi" ligature


def test_turkish_i_in_either_case_matches() -> None:
    """casefold makes "İ" an i with a dot mark: "İSTANBUL ÇEKİMLERİ" held neither
    "istanbul" nor "çekim", and a keyword typed "İstanbul" missed "Istanbul"."""
    assert filter_verdict("İSTANBUL ÇEKİMLERİ BAŞLADI", ("istanbul",), ()) is None
    assert filter_verdict("Kitty films in Istanbul", ("İstanbul",), ()) is None
    assert "'çekim'" in (filter_verdict("Seul'de ÇEKİM", (), ("çekim",)) or "")
    assert filter_verdict("IŞIK", ("ışık",), ()) is None
    assert filter_verdict("Straße", ("STRASSE",), ()) is None  # ß was already right


def test_words_the_filter_reads_as_one_are_one_word() -> None:
    """ "café" required and "cafe" + accent excluded (or "ＱＵＩＺ" and "quiz") was
    accepted: the filter reads them as one word, so it never posted anything."""
    assert parse_keywords("Caf\u00e9, cafe\u0301, quiz, ＱＵＩＺ", label="include") == (
        "Caf\u00e9",
        "quiz",
    )
    with pytest.raises(UserFacingError, match="“quiz” can't be both"):
        refuse_clash(("quiz",), ("ＱＵＩＺ",))
    with pytest.raises(UserFacingError, match="can't be both"):
        refuse_clash(("cafe\u0301",), ("CAF\u00c9",))
    refuse_clash(("film",), ("quiz",))


def test_a_word_matches_only_where_a_word_starts() -> None:
    """Matched anywhere, "xo" kept a saxophone review and "ren" excluded "current" news."""
    assert filter_verdict("Saxophone solo at the premiere", ("xo",), ()) is not None
    assert filter_verdict("The current cast returns", (), ("ren",)) is None
    assert filter_verdict("XO, Kitty renewed!", ("xo",), ("ren",)) is not None  # "ren": renewed
    assert filter_verdict("Renewal confirmed", ("renew",), ()) is None  # a word's start is enough
    assert filter_verdict("Kitty's first kiss", ("kitty",), ()) is None
    assert filter_verdict("«Season 4» is coming", ("season 4",), ()) is None
    assert filter_verdict("Yuri (Kitty) and Min-ho", ("ho", "kitty"), ()) is None
    assert filter_verdict("l'amour à Séoul", ("amour",), ()) is None  # after an apostrophe
    assert filter_verdict("Meet @xo_kitty", ("kitty",), ()) is None  # an underscore parts words


def test_a_word_ending_in_a_digit_is_that_number() -> None:
    assert filter_verdict("Season 40 of something else", ("season 4",), ()) is not None
    assert filter_verdict("Season 40, then season 4", ("season 4",), ()) is None
    assert filter_verdict("2024's best shows", ("2",), ()) is not None
    assert filter_verdict("S4E2 leaks", ("s4",), ()) is None  # a letter after a digit is fine


def test_words_starting_or_ending_with_punctuation() -> None:
    """A word that starts with punctuation starts there: "#xokitty" and "@netflix" match
    however they are preceded; one made of two ("k-drama") starts at its first letter."""
    assert filter_verdict("Fans trend #XOKitty again", ("#xokitty",), ()) is None
    assert filter_verdict("via@Netflix: Kitty returns", ("@netflix",), ()) is None
    assert filter_verdict("#xokittyseason3 is trending", ("#xokitty",), ()) is None
    assert filter_verdict("A new K-drama, XO style", ("k-drama",), ()) is None
    assert filter_verdict("Top kk-drama picks", ("k-drama",), ()) is not None
    assert filter_verdict("Kitty returns!!", ("returns!",), ()) is None


def test_scripts_without_spaces_match_anywhere() -> None:
    """Chinese, Japanese and Thai write no spaces between words: a word there may start at
    any character, and a Latin word beside such text still starts a word."""
    assert filter_verdict("《XO，凯蒂》第三季续订", ("凯蒂",), ()) is None
    assert filter_verdict("ネットフリックスがキティの新シーズンを発表", ("キティ",), ()) is None
    assert filter_verdict("今日Netflixで配信", ("netflix",), ()) is None
    assert filter_verdict("ซีรีส์คิตตี้ซีซั่นใหม่", ("คิตตี้",), ()) is None
    assert filter_verdict("新作　撮影開始", (), ("撮影",)) is not None
    # Korean is written with spaces: a word there starts as in Latin text.
    assert filter_verdict("키티 시즌 4 확정", ("시즌",), ()) is None
    assert filter_verdict("넷플릭스시즌", ("시즌",), ()) is not None


def test_a_vowel_sign_is_inside_a_word() -> None:
    """Hindi and Tamil are written with spaces, and a vowel sign or virama (a combining mark)
    is part of its word: "की" does not start a word in "लड़की", nor "ट्टी" in "किट्टी"."""
    assert filter_verdict("नेटफ्लिक्स पर लड़की की कहानी", ("की",), ()) is None  # the word "की"
    assert filter_verdict("नेटफ्लिक्स पर लड़की", ("की",), ()) is not None
    assert filter_verdict("किट्टी लौट आई", ("ट्टी",), ()) is not None
    assert filter_verdict("ரசிகர்கள் மகிழ்ச்சி", ("கர்கள்",), ()) is not None
    assert filter_verdict("கிட்டி ரசிகர்கள்", ("ரசிகர்",), ()) is None
