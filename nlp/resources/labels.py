"""The labels as data: themes and stances (LABELS.md sections 2 and 3) and their Dutch cues.

Cue words and phrases, label descriptions, typed modal verbs, definition patterns and function
words.
"""

from __future__ import annotations

import re

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

# Fixed formulas of Dutch laws and decrees that arrange nothing: the enacting formula ("Wij
# Beatrix, bij de gratie Gods, ..."), the promulgation clause ("Lasten en bevelen dat ...") and
# the place and date of signing ("Gegeven te ..."). The coder codes them neutral, without a theme
# (as the gold does); the considerans ("Alzo Wij in overweging genomen hebben ...") states the
# law's purpose and is left to the model.
FORMULA_RE: re.Pattern[str] = re.compile(
    r"^\s*(?:Wij [A-Z][\w-]+(?: [A-Z][\w-]+)*,? bij de gratie Gods|Lasten en bevelen\b|Gegeven te ['A-Z])"
)
FORMULA_CUE = "vaste formule van een wet of besluit"

# Document types whose commitments bind someone ("other" holds the laws and regulations).
BINDING_DOC_TYPES: frozenset[str] = frozenset({"cao", "covenant", "other"})

# Provision checklist statuses (nlp.analysis.provisions) in Dutch, with the symbol the app shows.
PROVISION_STATUS_LABELS: dict[str, str] = {
    "bindend": "bindend geregeld",
    "genoemd": "genoemd, niet bindend",
    "afwezig": "afwezig",
}
PROVISION_STATUS_SYMBOLS: dict[str, str] = {"bindend": "●", "genoemd": "◐", "afwezig": "○"}

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
