"""Line-end hyphens: a word break to join, or a real hyphen to keep (Dutch compounds)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from nlp.ingest.furniture import Line
from nlp.lexicon import dutch_word_forms
from nlp.resources import HYPHEN_PREFIXES, HYPHENATED_LINE_SHARE, SUSPENDED_HYPHEN_WORDS, VOWEL_CLASHES

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)-$")


@dataclass
class Hyphenation:
    """Decides line-end hyphens with evidence from the document itself and a Dutch lexicon.

    Rules, in order (see ``NOTES-stack.md``): keep before "en"/"of" ("inspraak- en"); keep for
    capitals, digits and acronyms; keep between clashing vowels ("risico-inventarisatie");
    join if the joined word occurs elsewhere in the document; keep if the hyphenated form does;
    join if the joined word is a known Dutch word form; otherwise follow the document's habit
    (justified, hyphenated documents join).
    """

    words: Counter[str] = field(default_factory=Counter)
    heavy: bool = False

    @classmethod
    def from_lines(cls, lines: list[Line]) -> Hyphenation:
        """Collect word evidence and the document's hyphenation habit from its lines."""
        words: Counter[str] = Counter()
        text_lines = [ln.text for ln in lines if not ln.blank]
        for t in text_lines:
            words.update(w.lower() for w in _WORD.findall(t))
        ends = sum(1 for t in text_lines if _LINE_END_HYPHEN.search(t))
        breaks = 0
        for t in text_lines:
            m = _LINE_END_HYPHEN.search(t)
            if m and len(m.group(1)) >= 2 and m.group(1).islower():
                breaks += 1
        heavy = bool(text_lines) and ends >= 5 and breaks / len(text_lines) >= HYPHENATED_LINE_SHARE
        return cls(words=words, heavy=heavy)

    def join(self, left: str, right: str) -> str:
        """Join two lines where ``left`` ends in a hyphen; return the joined text."""
        m = _LINE_END_HYPHEN.search(left)
        first = right.split(" ", 1)[0] if right else ""
        if not m or not first:
            return left + " " + right
        head = m.group(1)
        tail_m = re.match(r"[^\W\d_]+", first)
        if first.lower().strip(",.;:") in SUSPENDED_HYPHEN_WORDS:
            return left + " " + right
        keep = left + right
        joined = left[:-1] + right
        if tail_m is None or head.isupper() or first[:1].isupper() or (len(head) == 1 and head.isupper()):
            return keep
        tail = tail_m.group(0)
        if (head[-1] + tail[0]).lower() in VOWEL_CLASHES:
            return keep
        lexicon = dutch_word_forms()

        def known(word: str) -> bool:
            return word in lexicon or self.words.get(word, 0) > 0

        if head.lower() in HYPHEN_PREFIXES and known(tail.lower()):
            return keep
        whole = (head + tail).lower()
        hyph = f"{head}-{tail}".lower()
        if self.words.get(whole, 0) > 0:
            return joined
        if self.words.get(hyph, 0) > 0:
            return keep
        if whole in lexicon:
            return joined
        # Dutch writes compounds solid: two known words (with a linking s) join.
        stem = head.lower()
        if known(tail.lower()) and (known(stem) or (stem.endswith("s") and known(stem[:-1]))):
            return joined
        return joined if self.heavy else keep
