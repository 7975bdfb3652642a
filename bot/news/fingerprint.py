"""A story fingerprint, so the same headline from several feeds counts once.

The fingerprint is a digest of the normalised title:

* Unicode compatibility form, accents dropped, case folded;
* an edit or kicker mark ("UPDATE:", "UPDATED", "BREAKING:", "EXCLUSIVE:", "WATCH:",
  "[Video]", "(Updated)") before or after it dropped: an outlet re-issuing a story under a
  new guid marks its headline so, and it is the same story;
* a trailing outlet name (" - Variety", " | Deadline") removed when what is left
  still reads as a headline (at least ``_MIN_HEADLINE_WORDS`` words, or for a script written
  without spaces, ``_MIN_HEADLINE_UNSPACED`` of its characters) and it holds no
  word of news (" – Netflix renews", " – release date": the story itself), or holding one
  reads as an outlet's name (" - TV Season & Spoilers", " | Release Radar");
* apostrophes removed ("Kitty's" = "Kittys"), other punctuation split words;
* common English stop words dropped.

Word order is kept: sorting would merge "A beats B" with "B beats A", and outlets
that reword a story rarely keep the same words anyway. Articles whose title
normalises to nothing fall back to their canonical URL, then their summary, then their
feed key.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from bot.news.models import Article

_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
    ]
)
_OUTLET_SUFFIX = re.compile(r"\s+[-–—|]\s+([^-–—|]{1,60})$")
_MIN_HEADLINE_WORDS = 4
# Japanese and Chinese headlines are written without spaces between words, so they count by
# characters instead: an aggregator's " - 朝日新聞デジタル" kept made each outlet's telling a story.
_UNSPACED_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_MIN_HEADLINE_UNSPACED = 8
_MAX_OUTLET_WORDS = 5
# What an outlet's name never holds and a headline's tail often does ("XO, Kitty season 4 –
# Netflix renews", "… – release date"): cut as a name, two stories read as one, the second
# dropped as a retelling (or as the first poll's backlog, never told).
_NEWS_TAIL = re.compile(
    r"\b(?:renew\w*|cancel\w*|trailers?|teasers?|release[sd]?|dates?|premier\w*|filming"
    r"|wrap(?:s|ped)?|cast(?:ing)?|delay\w*|seasons?|episodes?|finale|confirm\w*|announc\w*"
    r"|returns?|everything|know)\b",
    re.IGNORECASE,
)
# The same in scripts written without spaces (ja, zh; ko's words too), where ``\b`` finds no
# word inside a run: " - 配信日決定" (release date set) tells the story, " - 朝日新聞デジタル" names
# the outlet.
_NEWS_TAIL_UNSPACED = re.compile(
    r"シーズン|決定|配信|公開|放送|更新|撮影|予告|続編|延期|季|续订|定档|预告|开拍|杀青|上线"
    r"|시즌|확정|공개|촬영|예고|방송"
)
# A mark is a mark only as one: bracketed, set off by a colon, a bar or a dash, or in capitals
# before words that are not ("Watch the trailer" keeps its "watch"; "WATCH Anna" drops it).
_KICKER = (
    r"(?:update[sd]?|breaking(?:\s+news)?|exclusive|watch|video|photos?|live|developing"
    r"|just\s+in|new)(?:\s*\d+)?"
)
_MARKED_BEFORE = re.compile(
    rf"^\s*(?:[\[(]\s*{_KICKER}\s*[\])]\s*[:|]?|{_KICKER}\s*(?:[:|]|\s[-–—]))\s*",
    re.IGNORECASE,
)
_MARKED_AFTER = re.compile(
    rf"\s*(?:[\[(]\s*{_KICKER}\s*[\])]|[:|]\s*{_KICKER}|\s[-–—]\s*{_KICKER})\s*$",
    re.IGNORECASE,
)
_BARE_BEFORE = re.compile(rf"^\s*{_KICKER}\s+", re.IGNORECASE)
_EDIT_MARK = re.compile(r"\bupdate[sd]?\b", re.IGNORECASE)
_APOSTROPHES = str.maketrans("", "", "'’ʼ`")
_WORD = re.compile(r"\w+")


def normalise_title(title: str) -> str:
    """The comparable form of a headline (see the module docstring)."""
    text = _drop_marks(_drop_outlet_suffix(_drop_marks(title.strip())))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = _WORD.findall(text.casefold().translate(_APOSTROPHES))
    return " ".join(word for word in words if word not in _STOP_WORDS)


def marked_updated(title: str) -> bool:
    """Whether ``title`` carries an edit mark ("UPDATE:", "(Updated)"): its story, told
    again by the outlet as of the edit, not a retelling of the first telling."""
    title = title.strip()
    return _EDIT_MARK.search(title.replace(_drop_marks(title), " ", 1)) is not None


def _drop_marks(title: str) -> str:
    """``title`` without the edit and kicker marks around it ("BREAKING: EXCLUSIVE: …"),
    unless nothing would be left."""
    text = title
    while True:
        cut = _MARKED_BEFORE.sub("", _MARKED_AFTER.sub("", text))
        bare = _BARE_BEFORE.match(cut)
        if bare and bare.group().isupper() and not cut.isupper():
            cut = cut[bare.end() :]
        if cut == text:
            return text if _WORD.search(text) else title
        text = cut


# An outlet's name may hold a word of news ("TV Season & Spoilers", "Release Radar", "The
# Premiere Network"): kept, each outlet's stamp made its telling a story of its own (posted again
# in all-news servers; a backlog story an aggregator lists again from another outlet, news). It
# reads as a name: capitalised words, no sentence's punctuation, ending in a word that names a
# kind of outlet, or holding a web address. Some such words also end a story's topic ("Release
# Date News", "Episode Guide", "Release Times", "Finale Spoilers"): a name ending so holds a word
# of its own too ("Decider Daily Season Guide", "Los Angeles Times").
_NAME_JOINS = frozenset(["&", "+", "and", "of", "the", "on"])
_OUTLET_KIND = re.compile(r"^(?:network|radar|magazine|insider|reporter|tv\+?)$", re.IGNORECASE)
_NAMED_KIND = re.compile(r"^(?:news|guide|times|daily|online|weekly|spoilers)$", re.IGNORECASE)
_WEB_HOST = re.compile(r"\w\.(?:com|net|org|co|tv|io|news)$", re.IGNORECASE)


def _drop_outlet_suffix(title: str) -> str:
    match = _OUTLET_SUFFIX.search(title)
    if match is None or len(match.group(1).split()) > _MAX_OUTLET_WORDS:
        return title
    tail = match.group(1)
    if (_NEWS_TAIL.search(tail) or _NEWS_TAIL_UNSPACED.search(tail)) and not _outlet_name(tail):
        return title
    headline = title[: match.start()]
    return headline if _reads_as_headline(headline) else title


def _reads_as_headline(text: str) -> bool:
    """Whether what is left once a tail is cut is still a headline, not a name's first half."""
    if len(text.split()) >= _MIN_HEADLINE_WORDS:
        return True
    return len(_UNSPACED_CHAR.findall(text)) >= _MIN_HEADLINE_UNSPACED


def _outlet_name(tail: str) -> bool:
    """Whether a headline's tail holding a word of news reads as an outlet's name."""
    words = tail.split()
    if any(_WEB_HOST.search(word) for word in words):
        return True
    if not all(word in _NAME_JOINS or word[0].isupper() or word[0].isdigit() for word in words):
        return False
    if not all(char.isalnum() or char in "&+./!" for char in "".join(words)):
        return False  # a sentence's or a list's punctuation: "Release Date, Cast & News"
    own = [w for w in words[:-1] if w[0].isupper() and not _NEWS_TAIL.match(w)]
    return bool(_OUTLET_KIND.match(words[-1]) or (_NAMED_KIND.match(words[-1]) and own))


# Raised with each change here that reads a headline otherwise: the next start reads every
# stored story's headline again (``headline_fingerprint``), or a story an older release stored
# would be a new one to the next outlet that tells it, and posted twice.
SCHEME = 4


def story_fingerprint(article: Article) -> str:
    """``title:<hex>`` for a usable title, else ``url:<hex>``, ``summary:<hex>`` or
    ``key:<hex>``."""
    normalised = normalise_title(article.title)
    if normalised:
        kind, basis = "title", normalised
    elif article.url:
        kind, basis = "url", article.url
    elif summary := normalise_title(article.summary):
        # An entry with neither title nor link may change its key every poll; its words
        # do not.
        kind, basis = "summary", summary
    else:
        kind, basis = "key", f"{article.feed}\n{article.key}"
    return _digest(kind, basis)


def headline_fingerprint(title: str) -> str | None:
    """The fingerprint a story's headline gives it (as ``story_fingerprint`` reads an article
    with that title), or None when the headline is not what identifies it."""
    normalised = normalise_title(title)
    return _digest("title", normalised) if normalised else None


def _digest(kind: str, basis: str) -> str:
    return f"{kind}:{hashlib.sha256(basis.encode()).hexdigest()[:24]}"
