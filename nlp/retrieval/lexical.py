"""Lexical retrieval: BM25 (``bm25s``) over Dutch word stems.

Texts are lower-cased, cut into words, stripped of spaCy's Dutch stop words and stemmed with
the Snowball Dutch stemmer (``PyStemmer``), so "opleidingen" finds "opleiding". Long compounds
also contribute their known head and modifier ("camerabewaking" adds "camera" and "bewaking")
when both parts are Dutch words, because agreements write "cameratoezicht" where a user
types "camera toezicht".
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

_WORD_RE = re.compile(r"\w+")
MIN_PART = 4  # shortest compound part that is split off


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """The Dutch stop words of spaCy, read from their module file without importing spaCy (1 s)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy")
    path = Path(spec.origin).parent / "lang" / "nl" / "stop_words.py" if spec and spec.origin else None
    if path is None or not path.is_file():  # an unusual layout: import it the normal way
        from spacy.lang.nl.stop_words import STOP_WORDS

        return frozenset(STOP_WORDS)
    namespace: dict[str, object] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return frozenset(namespace["STOP_WORDS"])  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("dutch")


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    from nlp.lexicon import dutch_word_forms

    return frozenset(w for w in dutch_word_forms() if len(w) >= MIN_PART)


def _split_compound(word: str, lexicon: frozenset[str]) -> list[str]:
    """Head and modifier of a two-part compound ("camerabewaking" -> camera, bewaking), if any."""
    if len(word) < 2 * MIN_PART + 1:
        return []
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:i], word[i:]
        if right in lexicon and (left in lexicon or (left.endswith("s") and left[:-1] in lexicon)):
            return [left.rstrip("s") if left not in lexicon else left, right]
    return []


class Analyzer:
    """Text to index terms: stems of non-stop words plus stems of their compound parts.

    Args:
        vocabulary: Extra known words (e.g. the words of the indexed texts) that count as
            compound parts, next to spaCy's Dutch lexicon.
    """

    def __init__(self, vocabulary: frozenset[str] = frozenset()) -> None:
        self.lexicon = _lexicon() | {w for w in vocabulary if len(w) >= MIN_PART}
        self._cache: dict[str, tuple[str, ...]] = {}

    @classmethod
    def from_lexicon(cls, lexicon: frozenset[str]) -> Analyzer:
        """An analyzer with this complete lexicon (as saved with a cached index)."""
        self = cls.__new__(cls)
        self.lexicon = lexicon
        self._cache = {}
        return self

    def terms(self, word: str) -> tuple[str, ...]:
        """Index terms of one lower-case word."""
        got = self._cache.get(word)
        if got is None:
            stem = _stemmer().stemWord
            got = (stem(word), *(stem(p) for p in _split_compound(word, self.lexicon)))
            self._cache[word] = got
        return got

    def __call__(self, text: str) -> list[str]:
        """Index terms of a text."""
        stop = _stopwords()
        out: list[str] = []
        for w in _WORD_RE.findall(text.lower()):
            if w not in stop and not w.isdigit():
                out.extend(self.terms(w))
        return out


def matched_spans(query: str, text: str, analyzer: Analyzer | None = None) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` that share an index term with ``query``.

    What the search matched lexically ("opleidingen" matches "opleiding", "camerabewaking"
    matches "camera"), for highlighting; stop words and numbers never match.
    """
    a = analyzer or _default_analyzer()
    wanted = set(a(query))
    lower = text.lower()
    if not wanted or len(lower) != len(text):  # a rare letter whose lower case is longer
        return []
    stop = _stopwords()
    return [
        m.span()
        for m in _WORD_RE.finditer(lower)
        if m.group() not in stop and not m.group().isdigit() and wanted & set(a.terms(m.group()))
    ]


def analyse(text: str) -> list[str]:
    """Index terms of a text with the default analyzer (lexicon only)."""
    return _default_analyzer()(text)


@lru_cache(maxsize=1)
def _default_analyzer() -> Analyzer:
    return Analyzer()


def _fingerprint(texts: Sequence[str]) -> str:
    """A short hash of the texts and the analysis version (the cache key of an index)."""
    import hashlib

    h = hashlib.sha256(ANALYZER_VERSION.encode())
    for t in texts:
        h.update(t.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()[:24]


def vocabulary(texts: Sequence[str], min_count: int = 2) -> frozenset[str]:
    """Words that occur at least ``min_count`` times in the texts."""
    from collections import Counter

    counts = Counter(w for t in texts for w in _WORD_RE.findall(t.lower()))
    return frozenset(w for w, c in counts.items() if c >= min_count and not w.isdigit())


# Bump when the analysis changes, so cached indexes are rebuilt.
ANALYZER_VERSION = "1"
# Cached indexes kept (the newest); older ones belong to earlier states of the store.
KEEP_CACHED = 3


class LexicalIndex:
    """BM25 over analysed clause texts.

    Analysing every clause (stems, compound parts) takes seconds on a corpus of 13,000 clauses,
    so with a ``cache_dir`` the built index and its analyzer's lexicon are saved there under a
    fingerprint of the texts and reused by every later process that indexes the same texts (a
    command-line search answers without analysing the corpus again); the newest
    :data:`KEEP_CACHED` are kept. A cache that cannot be written or read is simply not used.

    Args:
        texts: The documents (clause texts), in index order.
        cache_dir: Folder for cached indexes (None: no cache).
    """

    def __init__(self, texts: Sequence[str], cache_dir: Path | None = None) -> None:
        import bm25s

        self.n = len(texts)
        folder = cache_dir / f"lexical-{_fingerprint(texts)}" if cache_dir is not None and texts else None
        if folder is not None and self._load(folder):
            return
        self.analyzer = Analyzer(vocabulary(texts))
        self._bm25 = bm25s.BM25()
        corpus = [self.analyzer(t) or ["∅"] for t in texts]
        if corpus:
            self._bm25.index(corpus, show_progress=False)
        if folder is not None:
            self._save(folder)

    def _load(self, folder: Path) -> bool:
        import bm25s

        if not folder.is_dir():
            return False
        try:
            lexicon = json.loads((folder / "lexicon.json").read_text(encoding="utf-8"))
            self._bm25 = bm25s.BM25.load(str(folder), show_progress=False, verbosity=0)
        except (OSError, ValueError, KeyError):
            return False
        self.analyzer = Analyzer.from_lexicon(frozenset(lexicon))
        return True

    def _save(self, folder: Path) -> None:
        import shutil
        import tempfile

        tmp: Path | None = None
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
            self._bm25.save(str(tmp), show_progress=False)
            (tmp / "lexicon.json").write_text(json.dumps(sorted(self.analyzer.lexicon)), encoding="utf-8")
            tmp.rename(folder)  # whole or not at all; another process may have been first
        except OSError:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            return
        old = sorted(folder.parent.glob("lexical-*"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP_CACHED:]:  # indexes of earlier states of the store
            shutil.rmtree(stale, ignore_errors=True)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document for ``query`` (zeros when no query term is indexed)."""
        terms = [t for t in self.analyzer(query) if t in self._bm25.vocab_dict] if self.n else []
        if not terms:
            return np.zeros(self.n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)
