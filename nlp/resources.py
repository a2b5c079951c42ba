"""Dutch language rules as data: abbreviations, list markers, numbering and page furniture.

Like spaCy's ``lang/nl`` modules, this module only exports UPPER_CASE constants; the stages
import what they need. Change a rule here, not in the code that applies it.
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

# --- Themes and stance (LABELS.md sections 2 and 3) -----------------------------------------
THEMES: tuple[str, ...] = ("participation", "data", "training", "wellbeing")
STANCES: tuple[str, ...] = ("commitment", "recommendation", "concern", "opportunity", "neutral")

# Lower-case word stems per theme, from the cue-word column of LABELS.md plus common variants.
# They match at the start of a word ("opleiding" matches "opleidingsdagen"). They pick gold
# candidates and drive the keyword baseline; they never make gold labels.
THEME_CUES: dict[str, tuple[str, ...]] = {
    "participation": (
        "inspraak",
        "betrokkenheid",
        "betrekken",
        "betrokken",
        "raadple",
        "consult",
        "overleg",
        "sociaal overleg",
        "sociale dialoog",
        "ondernemingsraad",
        "or ",
        "medezeggenschap",
        "vakbondsafvaardiging",
        "syndicale afvaardiging",
        "vakbond",
        "cpbw",
        "comité",
        "cao 39",
        "cao nr. 39",
        "co-creatie",
        "instemming",
        "adviesrecht",
        "personeelsvertegenwoordig",
        "werknemersvertegenwoordig",
        "onderhandel",
        "sociale partners",
        "participatie",
        "ondernemingsraden",
        "personeelsvertegenwoordiging",
        "dienstcommissie",
        "vakorganisatie",
    ),
    "data": (
        "gegevens",
        "data",
        "persoonsgegevens",
        "privacy",
        "avg",
        "gdpr",
        "monitoring",
        "monitoren",
        "toezicht",
        "camera",
        "tracking",
        "volgsysteem",
        "personeelsvolgsysteem",
        "algoritm",
        "algoritmisch management",
        "geautomatiseerde besluit",
        "surveillance",
        "controle van",
        "cao 68",
        "cao 81",
        "cao nr. 68",
        "cao nr. 81",
        "e-mail",
        "internetgebruik",
        "registratie",
        "bewaking",
        "profilering",
        "transparantie",
    ),
    "training": (
        "opleiding",
        "vorming",
        "scholing",
        "bijscholing",
        "omscholing",
        "leren",
        "leerrecht",
        "opleidingsdagen",
        "opleidingsfonds",
        "vaardigheden",
        "competenties",
        "digitale vaardigheden",
        "loopbaan",
        "duaal leren",
        "geletterdheid",
        "training",
        "cursus",
        "ontwikkelbudget",
        "studiefaciliteit",
        "persoonlijk ontwikkel",
        "employability",
    ),
    "wellbeing": (
        "welzijn",
        "gezondheid",
        "veiligheid",
        "psychosociale",
        "stress",
        "burn-out",
        "werkdruk",
        "werktempo",
        "werkbaar werk",
        "autonomie",
        "ergonomie",
        "fysieke belasting",
        "vermoeid",
        "werk-privé",
        "duurzame inzetbaarheid",
        "preventie",
        "arbeidsomstandigheden",
        "verzuim",
        "vitaliteit",
        "regelruimte",
        "ziekte",
        "ongewenste omgangsvormen",
        "pesten",
        "intimidatie",
        "risico-inventarisatie",
        "arbo",
        "rusttijd",
        "werkbaarheid",
        "overbelasting",
    ),
}

# Cue phrases of stance, as regular-expression fragments matched on lower-cased text at a word
# start. They feed modality features of the classifier and the keyword baseline, in the
# decision order of LABELS.md section 3.
STANCE_CUES: dict[str, tuple[str, ...]] = {
    "commitment": (
        r"verbind\w* zich",
        r"verbinden zich",
        r"engageer\w* zich",
        r"engageren zich",
        r"heeft recht op",
        r"hebben recht op",
        r"heb je recht",
        r"recht op",
        r"is verplicht",
        r"zijn verplicht",
        r"verplicht",
        r"komt ten laste",
        r"komen ten laste",
        r"voor rekening van",
        r"wordt vastgelegd",
        r"draagt zorg",
        r"dragen zorg",
        r"is gehouden",
        r"zijn gehouden",
        r"dient",
        r"dienen",
        r"moet\b",
        r"moeten",
        r"wordt toegekend",
        r"worden toegekend",
        r"kent .{0,40}toe",
        r"behoeft",
        r"is bevoegd",
        r"is niet toegestaan",
        r"is verboden",
        r"mag niet",
        r"mogen niet",
        r"uiterlijk",
        r"ontvangt",
        r"zal\b",
        r"zullen",
        r"stelt .{0,30}vast",
        r"waarborg",
        r"garandeer",
    ),
    "recommendation": (
        r"zou\w* .{0,40}moeten",
        r"aangeraden",
        r"aan te raden",
        r"aanbevol",
        r"aanbeveling",
        r"beveel\w* aan",
        r"bevelen .{0,40}aan",
        r"pleit\w* voor",
        r"wij vragen",
        r"we vragen",
        r"vragen .{0,30}om",
        r"het is belangrijk",
        r"is het belangrijk",
        r"belangrijk om",
        r"raden .{0,30}aan",
        r"zorg ervoor",
        r"zorg dat",
        r"denk aan",
        r"tip\b",
        r"best\b",
        r"overweeg",
        r"wenselijk",
        r"is nodig",
        r"zijn nodig",
        r"nodig om",
        r"kunnen\b",
        r"kan\b",
        r"moet\b",
        r"moeten",
        r"streven",
        r"het verdient",
    ),
    "concern": (
        r"risico",
        r"leid\w* tot",
        r"stress",
        r"wantrouwen",
        r"onvoldoende",
        r"te weinig",
        r"onderbenut",
        r"dreig",
        r"probleem",
        r"problemen",
        r"negatie\w*",
        r"gevaar",
        r"bezorgd",
        r"zorgen over",
        r"nadel\w*",
        r"slechts",
        r"ontbre\w*",
        r"gebrek",
        r"bedreig",
        r"misbruik",
        r"onzeker",
        r"druk\b",
        r"schade",
        r"schaadt",
        r"kwetsbaar",
        r"ongelijk",
        r"verlies",
        r"verdwijn",
        r"helaas",
    ),
    "opportunity": (
        r"kan helpen",
        r"kunnen helpen",
        r"verbeter",
        r"kansen",
        r"kans\b",
        r"positie\w*",
        r"positief",
        r"win-win",
        r"voordel",
        r"versterk",
        r"mogelijkheden",
        r"efficiënt",
        r"ondersteun",
        r"vermindert",
        r"verminderen",
        r"verlicht",
        r"stijg",
        r"beter",
        r"biedt",
        r"bieden",
        r"vergemakkelijk",
        r"winst",
    ),
}
# First words that make a sentence an imperative ("Maak van ... de norm", "Vraag je OR om ...").
IMPERATIVE_VERBS: frozenset[str] = frozenset(
    """
    maak zorg vraag betrek investeer informeer overleg bespreek neem ga kijk let denk leg geef
    stel bied houd hou check controleer gebruik kies wees blijf help start begin deel vermijd
    durf laat zet schakel meld voer organiseer onderzoek evalueer communiceer ontwikkel bouw
    richt werk leer volg doe breng hanteer waarborg garandeer stimuleer ondersteun versterk
    verken benut beperk bescherm vergeet raadpleeg registreer documenteer spreek lees neem
    """.split()
)

# Modal verbs that bind only in binding documents (CAO, covenant, law); elsewhere they advise.
MODAL_CUES: frozenset[str] = frozenset({r"moet\b", r"moeten", r"dient", r"dienen", r"zal\b", r"zullen"})

# Label descriptions for the zero-shot baseline (paraphrasing LABELS.md sections 2 to 4).
THEME_DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "participation": (
        "Werknemers of hun vertegenwoordigers worden betrokken, geïnformeerd en geraadpleegd; "
        "inspraak, overleg met de ondernemingsraad of vakbond, sociale dialoog en onderhandeling.",
        "De werkgever legt het voorgenomen besluit ter instemming voor aan de ondernemingsraad.",
    ),
    "data": (
        "Verzamelen, gebruiken en beschermen van gegevens over werknemers; privacy, monitoring, "
        "cameratoezicht, volgsystemen en algoritmische beslissingen over werknemers.",
        "Onduidelijk of eenzijdig datagebruik over werknemers vergroot wantrouwen.",
    ),
    "training": (
        "Opleiding, vorming, scholing en het ontwikkelen van vaardigheden en competenties van werknemers; "
        "leerrechten, opleidingsbudget en loopbaanontwikkeling.",
        "De werknemers hebben recht op gemiddeld twee opleidingsdagen per jaar.",
    ),
    "wellbeing": (
        "Gezondheid, veiligheid en welzijn op het werk; werkdruk, stress, psychosociale risico's, "
        "autonomie, werkbaar werk, verzuim en duurzame inzetbaarheid.",
        "Onduidelijk datagebruik verhoogt de psychosociale stress en de werkdruk van werknemers.",
    ),
}
STANCE_DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "commitment": (
        "Een partij verbindt zich ertoe; de werknemer heeft recht op; de werkgever is verplicht.",
        "De werkgever legt het voorgenomen besluit ter instemming voor aan de ondernemingsraad.",
    ),
    "recommendation": (
        "Wij bevelen aan dat; men zou moeten; het is belangrijk om; maak hier werk van.",
        "Werkgeversorganisaties kunnen participatie verankeren via sectorafspraken.",
    ),
    "concern": (
        "Dit brengt risico's en problemen met zich mee; het leidt tot stress, wantrouwen en schade.",
        "Er is te weinig aandacht voor dit probleem en de situatie dreigt te verslechteren.",
    ),
    "opportunity": (
        "Dit biedt kansen, verbetert het werk en heeft een positief effect; het kan helpen.",
        "Technologie kan de werktevredenheid verhogen en zwaar werk verminderen.",
    ),
    "neutral": (
        "Het onderzoek beschrijft de methode, de definities en de cijfers.",
        "Het onderzoek liep van 2022 tot 2025 in België, Polen en het Verenigd Koninkrijk.",
    ),
}

# Modal words whose meaning depends on the document type; the features cross them with
# "binding" (CAO, covenant, law) or "advisory" (brief, guide, report) documents.
TYPED_MODALS: tuple[str, ...] = (
    "moet",
    "moeten",
    "dient",
    "dienen",
    "zal",
    "zullen",
    "kan",
    "kunnen",
    "mag",
    "mogen",
    "recht",
    "verplicht",
    "verbindt",
    "engageren",
    "zou",
    "zouden",
)
# Patterns of definitions, scope and reference clauses (neutral in agreements and laws).
DEFINITION_RE: re.Pattern[str] = re.compile(
    r"^\s*[\w\- ’']{2,60}:\s+(?:een|de|het|die|dat|degene|alle|iedere|elke)\b|\bwordt verstaan\b|\bworden verstaan\b"
    r"|\bin (?:deze|dit) (?:cao|regeling|wet|besluit|overeenkomst|artikel)\b.{0,30}\bverstaan\b"
    r"|\bis van (?:overeenkomstige )?toepassing\b|\btreedt in werking\b|\bwerkingssfeer\b",
    re.IGNORECASE,
)

# Dutch function words that never explain a prediction on their own (explanations skip a cue
# term made only of these). Modal verbs ("moet", "mag", "kan", "zal") are cues and not listed.
STOP_WORDS: frozenset[str] = frozenset(
    """
    aan al alle als alsof and bij dan dat de deze die dit door dus een eens en er ermee ervan
    ge hem het hen hier hij hoe hun ik in is je jij kunnen maar me meer men met mij mijn na naar
    niet nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel
    voor want waren was wat we wel welk welke werd wie wij wordt worden zich zij zijn zo zonder
    zou zoals hebben heeft had geen iets niets ieder elk elke andere ander waarbij waarin waarop
    daarbij daarin daarom daar haar zelf ze ja nee
    """.split()
)

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
