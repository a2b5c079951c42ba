"""Dutch text rules as data, for reading and segmenting.

Abbreviations, characters, list markers, numbering, page furniture, clause limits, and the
languages told apart on ingest.
"""

from __future__ import annotations

import re

# --- Abbreviations -------------------------------------------------------------------------
# A period after one of these never ends a sentence (compared lower-cased, with the periods).
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    a.d.h.v. a.g.v. a.h.w. a.k.a. a.s. aanw. afb. afd. afz. alg. art. artt. b.v. b.v.b.a.
    betr. bijv. bijl. blz. bv. c.q. ca. cf. cfr. d.d. d.i. d.m.v. d.w.z. dhr. dr. drs. e.a.
    e.d. e.e.a. e.v. enz. etc. evt. excl. fig. gem. i.c. i.e. i.h.a. i.h.b. i.o.m. i.p.v.
    i.s.m. i.t.t. i.v.m. i.z. id. incl. ing. ir. jl. jr. k.b. kb. m.a.w. m.b.t. m.b.v.
    m.i. m.i.v. m.n. mevr. mr. mw. n.a.v. n.v.t. nl. nr. nrs. o.a. o.b.v. o.i. o.l.v. o.m.
    o.v.v. ong. p. p.m. par. pct. plm. pp. prof. resp. s.v.p. sr. t.a.v. t.b.v. t.e.m.
    t.g.v. t.o.v. t.w. t/m. tel. v. v.a. v.w.b. vb. vgl. vnl. vs. w.o. z.g. z.g.a.n. z.o.z.
    zgn. zg. jan. feb. febr. mrt. apr. aug. sep. sept. okt. nov. dec. st. stb. stcrt. red.
    """.split()
)

# Abbreviations after which a capitalised word may still start a new sentence ("... enz. De
# werkgever ..."). Only used when the abbreviation ends a clause-like stretch.
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset({"enz.", "etc.", "e.d.", "e.a.", "e.v."})

# --- Characters ------------------------------------------------------------------------------
# Glyphs PDF extraction produces for bullets (Wingdings/Symbol private-use code points and
# mis-mapped "£"), mapped to one bullet.
BULLET_GLYPHS: str = (
    "\x7f•●○◦▪▫■□➢➤►▶✓✔❖◆◇*\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0d0\u2023\u2043\u2219£"
)
DASH_BULLETS: str = "-–—"
BULLET: str = "•"

# Characters replaced before anything else (ligatures, odd spaces, soft hyphens).
CHAR_REPLACEMENTS: dict[str, str] = {
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\u2010": "-",
    "\u2011": "-",
    "\t": " ",
}

# --- Structure ------------------------------------------------------------------------------
# A list item at the start of a line: bullet glyph, dash, "1.", "1)", "a.", "a)", "(a)", "(2)",
# "i.", "ii)". Group "marker" is the marker, the rest of the line is the item text.
LIST_MARKER_RE: re.Pattern[str] = re.compile(
    r"^(?P<marker>[" + re.escape(BULLET_GLYPHS + DASH_BULLETS) + r"]"
    r"|\(?\d{1,2}[.)](?!\d)"
    r"|\(?[a-z][.)](?![a-z.])"
    r"|\((?:[a-z]|\d{1,2})\)"
    r"|\d{1,2}°"
    r"|§\s?\d{1,2}[.:]?"
    r"|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])"
    r"\s+(?=\S)"
)

# Section numbers such as "3", "3.4", "3.4.3" (heading numbers, not list items).
SECTION_NUMBER_RE: re.Pattern[str] = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(?=\S)")

# Headings that name a division of a legal text or agreement. Group "kw" is the keyword.
ARTICLE_HEADING_RE: re.Pattern[str] = re.compile(
    r"^(?P<kw>Artikel|Art\.|Hoofdstuk|Afdeling|Paragraaf|§|Titel|Deel|Bijlage|Protocol|Onderdeel"
    r"|Bepaling|Sectie|Module|Stap)\s+(?P<num>[0-9IVXLC]+[a-z]?(?:[.:][0-9]+[a-z]?)*)\b[.:]?",
    re.IGNORECASE,
)

# Heading depth by keyword (lower-cased); numbered headings get their depth from the number.
HEADING_LEVELS: dict[str, int] = {
    "deel": 1,
    "titel": 1,
    "hoofdstuk": 1,
    "bijlage": 1,
    "protocol": 1,
    "afdeling": 2,
    "paragraaf": 2,
    "§": 2,
    "onderdeel": 2,
    "sectie": 2,
    "module": 2,
    "stap": 3,
    "artikel": 4,
    "art.": 4,
    "bepaling": 4,
}

# A numbered paragraph of an article ("lid"): "1.", "2", "(3)", "lid 2".
LID_RE: re.Pattern[str] = re.compile(r"^(?:lid\s+(?P<lid>\d{1,2})[.:]?|(?P<num>\d{1,2})\.?)\s+(?=\S)")

# Words that show a line is running text rather than a heading when it starts with them.
HEADING_STOP_ENDINGS: str = ".;,:?!"

# --- Page furniture -------------------------------------------------------------------------
PAGE_NUMBER_RE: re.Pattern[str] = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|p\.|pag\.)\s*)?\d{1,4}"
    r"(?:\s*(?:/|van|of|\|)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
BARE_URL_RE: re.Pattern[str] = re.compile(
    r"^\s*(?:<)?(?:https?://|www\.|doi\.org/)\S+(?:>)?\s*$", re.IGNORECASE
)
# A footnote body line: number, then whitespace, then text ("1  Website: ...", "2\tDe ...").
FOOTNOTE_START_RE: re.Pattern[str] = re.compile(
    r"^\s*(?P<num>\d{1,3})(?:[\t ]+|(?=[A-Z“\"'(]))(?P<body>\S.*)$"
)
# Figure and table captions and their sources, never clauses.
CAPTION_RE: re.Pattern[str] = re.compile(
    r"^\s*(?:(?:Figuur|Fig\.|Tabel|Grafiek|Afbeelding|Kader|Box)\s*\d+[a-z]?\b|(?:Bron|Bronnen)\s*:)",
    re.IGNORECASE,
)
# Table-of-contents lines: text followed by dot leaders and a page number.
TOC_LINE_RE: re.Pattern[str] = re.compile(r"^.{3,}?(?:\s*\.{3,}|\s{3,}|\t)\s*\d{1,4}\s*$")

# Running headers and footers: a short line seen on at least this share of pages (and on at
# least MIN_REPEATS pages) near the top or bottom of the page is page furniture.
HEADER_MIN_SHARE: float = 0.3
HEADER_MIN_REPEATS: int = 3
HEADER_ZONE_LINES: int = 3
HEADER_MAX_WORDS: int = 14

# A line longer than this was not wrapped by a page layout (one paragraph per line).
UNWRAPPED_LINE_CHARS: int = 200

# Markdown pipe tables in text sources: separator rows are dropped, and of the other rows only
# cells long enough to make a statement survive, each as a paragraph of its own.
PIPE_ROW_RE: re.Pattern[str] = re.compile(r"^\s*\|.*\|\s*$")
PIPE_SEPARATOR_RE: re.Pattern[str] = re.compile(r"^\s*\|?[\s\-:|]*-{3,}[\s\-:|]*\|?\s*$")
TABLE_CELL_MIN_WORDS: int = 6

# Headings of sections whose content is never clauses (reference lists, tables of contents).
NON_CLAUSE_SECTION_RE: re.Pattern[str] = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:Literatuur(?:lijst)?|Referenties|Referentielijst|Bronnen|Bronvermelding"
    r"|Geraadpleegde bronnen|Bibliografie|Voetnoten|Noten|Eindnoten|Inhoud|Inhoudsopgave|Inhoudstafel"
    r"|Colofon|Literature|References)\s*:?$",
    re.IGNORECASE,
)
# Words a wrapped line of running text often ends with, but a heading or title line never does.
FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    de het een van in op met voor en of te aan die dat om bij tot door naar over als zijn is
    wordt worden kan kunnen zich niet ook er dan dit deze hun haar zijn zij we wij je u hij
    waar wanneer waarin waarop waarbij omdat doordat terwijl maar want noch uit onder tussen
    per zonder tegen binnen buiten na sinds via welke wat wie hoe heeft hebben had moet
    """.split()
)

# --- Clauses --------------------------------------------------------------------------------
# Clauses with fewer words than this that make no statement are dropped (LABELS.md section 1).
MIN_CLAUSE_WORDS: int = 4
# Audit threshold for overly long clauses.
MAX_CLAUSE_WORDS: int = 80
# Short words that join a line-end hyphen to the next word as a suspended compound:
# "inspraak- en participatiemomenten" keeps "- ".
SUSPENDED_HYPHEN_WORDS: frozenset[str] = frozenset({"en", "of", "tot", "als", "noch", "en/of"})
# Dutch writes a hyphen between two vowels that would otherwise merge ("risico-inventarisatie",
# "zee-egel"): a line-end hyphen between such letters is a real one.
VOWEL_CLASHES: frozenset[str] = frozenset("aa ae ai au ee ei eu ie ii oe oi oo ou ui uu".split())
# Prefixes Dutch writes with a hyphen ("semi-geautomatiseerde", "e-mail", "niet-leden").
HYPHEN_PREFIXES: frozenset[str] = frozenset(
    "semi e ex niet co oud anti pro non vice pre post sub multi mid self zelf x".split()
)
# A document whose lines end in a word-break hyphen at least this often is justified and
# hyphenated: there, a line-end hyphen is a word break unless evidence says otherwise.
HYPHENATED_LINE_SHARE: float = 0.04


# Language identification (nlp.ingest.language): the language the models code, and the languages told
# apart (ISO 639-1 code -> lingua name). Neighbours of Dutch and the languages of larger
# migrant-worker groups, so that a non-Dutch document is recognised as such.
CODED_LANGUAGE = "nl"
DETECTED_LANGUAGES: dict[str, str] = {
    "nl": "DUTCH",
    "en": "ENGLISH",
    "fr": "FRENCH",
    "de": "GERMAN",
    "es": "SPANISH",
    "it": "ITALIAN",
    "pt": "PORTUGUESE",
    "pl": "POLISH",
    "ro": "ROMANIAN",
    "bg": "BULGARIAN",
    "tr": "TURKISH",
    "ar": "ARABIC",
    "ru": "RUSSIAN",
    "uk": "UKRAINIAN",
    "zh": "CHINESE",
    "ja": "JAPANESE",
}
