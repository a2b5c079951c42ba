"""Source texts of the blind segmentation test set (all original, all organisations fictitious).

Markup inside clause strings:
- ``[fn N]`` marks a footnote reference (rendered as a superscript number / a Word footnote; not
  part of the gold text);
- nothing else: every clause string is exactly its gold text apart from footnote markers.

Block types are defined in ``make_blind.py``.
"""

from __future__ import annotations

from blind_model import Art, DocSpec, Fig, H, Lst, P, Refs, Sub, Table

# ======================================================================================
# 1. Belgian union guide (PDF, two columns, hyphenated, footnotes, figure)
# ======================================================================================
GUIDE = DocSpec(
    name="blind_vakbondsgids_algoritmes",
    fmt="pdf",
    title="Algoritmes op het werk",
    running="Algoritmes op het werk – gids voor militanten",
    title_lines=[
        "Algoritmes op het werk",
        "Gids voor militanten over data, controle en overleg",
        "Werknemersbond Nova · Studiedienst · editie 2026",
    ],
    meta={"doc_type": "union_guide", "organisation": "Werknemersbond Nova", "country": "BE", "year": 2026},
    footnotes={
        1: "Collectieve arbeidsovereenkomst nr. 39 van 13 december 1983 betreffende de voorlichting "
        "en het overleg inzake de sociale gevolgen van de invoering van nieuwe technologieën.",
        2: "Zie art. 22 van de Algemene Verordening Gegevensbescherming (GDPR).",
        3: "De preventieadviseur psychosociale aspecten maakt deel uit van de interne of externe "
        "preventiedienst van de onderneming.",
    },
    blocks=[
        H(1, "Woord vooraf"),
        P(
            [
                "Steeds meer werkgevers laten software mee beslissen over wie welke taak krijgt, hoe snel "
                "er gewerkt wordt en wie in aanmerking komt voor een premie.",
                "Dat gebeurt vaak zonder dat de werknemers of hun vertegenwoordigers goed weten hoe die "
                "systemen werken.",
                "Met deze gids willen we militanten in de vakbondsafvaardiging, de ondernemingsraad en het "
                "CPBW helpen om de juiste vragen te stellen.",
                "We vertrekken van concrete situaties uit de logistiek, de schoonmaak, de banksector en de "
                "zorg, o.a. uit gesprekken met meer dan zestig delegees.",
            ]
        ),
        H(1, "1. Wat is algoritmisch management?"),
        P(
            [
                "Een algoritme is een reeks instructies waarmee een computer gegevens verwerkt tot een "
                "uitkomst, bv. een planning, een score of een advies.",
                "We spreken van algoritmisch management wanneer zulke systemen taken van een leidinggevende "
                "overnemen of ondersteunen.",
                "Denk aan een magazijn waar een handscanner elke beweging registreert en het tempo per uur "
                "berekent.",
            ]
        ),
        Lst(
            pre=["In de praktijk zien we drie soorten toepassingen."],
            lead="Algoritmes worden op de werkvloer vooral ingezet om:",
            items=[
                "taken en roosters automatisch te verdelen over werknemers en ploegen;",
                "prestaties te meten en te vergelijken, soms tot op de seconde;",
                "beslissingen over aanwerving, evaluatie of ontslag voor te bereiden.",
            ],
            marker="▪",
        ),
        P(
            [
                "Niet elk systeem is even ingrijpend.",
                "Een routeplanner die een chauffeur een voorstel doet, is iets anders dan een programma dat "
                "zelfstandig beslist wie morgen mag komen werken.",
                "Hoe meer een systeem zelf beslist en hoe minder een mens de uitkomst kan bijsturen, hoe "
                "groter de gevolgen voor je werk.",
            ]
        ),
        Fig(
            caption="Figuur 1: Van gegevens tot beslissing in vier stappen",
            labels=["Gegevens", "Algoritme", "Score of advies", "Beslissing"],
        ),
        H(1, "2. Je rechten als werknemer"),
        H(2, "2.1 Informatie en overleg"),
        P(
            [
                "De invoering van nieuwe technologie is geen zaak van de werkgever alleen.",
                "Cao nr. 39, gesloten in de Nationale Arbeidsraad[fn 1], verplicht de werkgever om de "
                "werknemersvertegenwoordigers te informeren en te raadplegen wanneer een nieuwe technologie "
                "belangrijke collectieve gevolgen heeft voor de werkgelegenheid, de arbeidsorganisatie of "
                "de arbeidsvoorwaarden.",
                "Die informatie moet ten laatste drie maanden vóór de invoering worden gegeven en gaat o.a. "
                "over de aard van de technologie, de economische en sociale redenen en de gevolgen voor het "
                "personeel.",
                "Is er geen ondernemingsraad, dan neemt de vakbondsafvaardiging die rol over.",
            ]
        ),
        H(2, "2.2 Privacy en controle"),
        P(
            [
                "Ook de GDPR geeft je rechten: je mag weten welke gegevens over jou verzameld worden, "
                "waarvoor ze dienen en hoe lang ze bewaard blijven.",
                "Bij een beslissing die uitsluitend op geautomatiseerde verwerking berust en die jou in "
                "aanmerkelijke mate treft, heb je bovendien recht op menselijke tussenkomst.[fn 2]",
                "Voor camerabewaking en de controle van elektronische communicatie gelden aparte regels, "
                "vastgelegd in cao nr. 68 en cao nr. 81.",
                "Die cao’s bepalen dat controle een legitiem doel moet hebben en in verhouding moet staan "
                "tot dat doel.",
            ]
        ),
        Lst(
            lead="Vraag de werkgever daarom altijd schriftelijk:",
            items=[
                "welke gegevens het systeem over werknemers verzamelt en uit welke bronnen;",
                "wie toegang heeft tot die gegevens, bv. de HR-dienst of een externe leverancier;",
                "of het systeem individuele scores of rangschikkingen maakt;",
                "hoe een werknemer een beslissing van het systeem kan betwisten.",
            ],
            marker="–",
        ),
        H(1, "3. Opleiding en digitale vaardigheden"),
        P(
            [
                "Nieuwe systemen vragen nieuwe vaardigheden, zowel van de werknemers die ermee werken als "
                "van de militanten die erover onderhandelen.",
                "Sinds 2024 heeft elke werknemer in een onderneming met minstens twintig werknemers recht "
                "op vijf opleidingsdagen per jaar.",
                "Een korte instructie of een e-learningmodule van tien minuten is geen volwaardige opleiding "
                "en mag niet zomaar van dat opleidingsrecht worden afgetrokken.",
                "Ook voor delegees is vorming belangrijk.",
            ]
        ),
        Lst(
            lead="Onze vakbond biedt militanten o.a. de volgende vormingen aan:",
            items=[
                "een basismodule van twee dagen over algoritmes, data en privacy op het werk;",
                "een workshop waarin je leert een informatiedossier van de werkgever kritisch te lezen;",
                "een opleiding over de Europese AI-verordening en wat die betekent voor het sociaal overleg.",
            ],
            marker="▪",
        ),
        H(1, "4. Werkdruk en welzijn"),
        P(
            [
                "Systemen die het werktempo voortdurend meten, zoals scanners en pick-by-voice-systemen, verhogen "
                "de druk op werknemers.",
                "Uit onze bevraging blijkt dat ca. 40 % van de respondenten zich sinds de invoering van een "
                "digitaal opvolgingssysteem vaker gejaagd voelt.",
                "Wie voelt dat hij of zij voortdurend bekeken wordt, durft minder snel een fout te melden of "
                "een pauze te nemen.",
                "Dat is een psychosociaal risico waar de werkgever volgens de welzijnswet iets aan moet doen.",
            ]
        ),
        Lst(
            lead="Het CPBW kan bij de invoering van een nieuw systeem vragen om:",
            items=[
                "een risicoanalyse van de psychosociale gevolgen vóór de ingebruikname;",
                "een evaluatie na zes maanden, samen met de preventieadviseur psychosociale aspecten[fn 3];",
                "duidelijke afspraken over pauzes en over het tempo dat als normaal geldt.",
            ],
            marker="–",
        ),
        H(1, "5. Aan de slag: checklist voor militanten"),
        P(
            [
                "Wacht niet tot het systeem al draait.",
                "Hoe vroeger je betrokken wordt, hoe meer je nog kunt bijsturen.",
            ]
        ),
        Lst(
            lead="Gebruik de volgende checklist tijdens het overleg:",
            items=[
                "Staat de invoering van het systeem op de agenda van de ondernemingsraad of de "
                "vakbondsafvaardiging?",
                "Heeft de werkgever de informatie uit cao nr. 39 tijdig en volledig bezorgd?",
                "Is er een schriftelijke afspraak over welke gegevens niet voor individuele evaluaties "
                "mogen worden gebruikt?",
                "Werd het CPBW geraadpleegd over de gevolgen voor werkdruk en welzijn?",
                "Is er een vaste contactpersoon bij wie werknemers met vragen of klachten terechtkunnen?",
            ],
            marker="▪",
        ),
        P(
            [
                "Loopt het overleg vast, neem dan contact op met je secretaris of met de juridische dienst "
                "van de vakbond.",
                "Samen zoeken we naar een oplossing die het werk beter maakt in plaats van zwaarder.",
            ]
        ),
        H(1, "6. Een voorbeeld uit de praktijk"),
        P(
            [
                "In een distributiecentrum in de regio Antwerpen voerde de directie in 2025 een nieuw systeem "
                "in dat orderpickers per minuut opvolgde.",
                "De vakbondsafvaardiging vroeg meteen om de informatie waarop ze volgens cao nr. 39 recht had.",
                "Na drie overlegrondes met de HR-directeur werd afgesproken dat de tempogegevens alleen nog per ploeg worden "
                "getoond en niet langer per persoon.",
                "Ook kregen alle werknemers tijdens de werkuren een opleiding van een halve dag over het "
                "systeem.",
            ]
        ),
        P(
            [
                "Een jaar later meldt de preventieadviseur minder klachten over stress en een lager verzuim.",
                "Dit voorbeeld toont wat tijdig en goed voorbereid overleg kan opleveren.",
            ]
        ),
    ],
)

# ======================================================================================
# 2. Dutch CAO (PDF, one column, table of contents, chapters / articles / leden / sub-items)
# ======================================================================================
CAO = DocSpec(
    name="blind_cao_zorg",
    fmt="pdf",
    title="Cao Zorg Voorbeeld 2026",
    running="Cao Zorg Voorbeeld 2026",
    title_lines=[
        "Collectieve arbeidsovereenkomst Zorg Voorbeeld 2026",
        "Looptijd 1 januari 2026 tot en met 31 december 2027",
    ],
    meta={"doc_type": "cao", "organisation": "Stichting Cao Zorg Voorbeeld", "country": "NL", "year": 2026},
    blocks=[
        H(1, "HOOFDSTUK 1 ALGEMENE BEPALINGEN"),
        Art(
            "Artikel 1.1 Begrippen",
            [
                Sub(
                    "In deze cao wordt verstaan onder:",
                    [
                        "werkgever: de organisatie die valt onder de werkingssfeer van deze cao en een "
                        "arbeidsovereenkomst heeft gesloten met een werknemer;",
                        "werknemer: degene die een arbeidsovereenkomst heeft met de werkgever, met "
                        "uitzondering van stagiairs en vakantiekrachten;",
                        "ondernemingsraad: de ondernemingsraad of personeelsvertegenwoordiging die is "
                        "ingesteld op grond van de Wet op de ondernemingsraden;",
                        "digitaal werkmiddel: software of apparatuur waarmee zorg wordt gepland, "
                        "geregistreerd of ondersteund, zoals een elektronisch cliëntdossier of een "
                        "planningssysteem;",
                        "persoonlijk opleidingsbudget: het bedrag dat de werknemer per kalenderjaar kan "
                        "besteden aan scholing naar eigen keuze.",
                    ],
                )
            ],
        ),
        Art(
            "Artikel 1.2 Werkingssfeer",
            [
                "Deze cao is van toepassing op werkgevers en werknemers in de ouderenzorg, de "
                "gehandicaptenzorg en de thuiszorg.",
                "Deze cao is niet van toepassing op leden van de raad van bestuur en de raad van toezicht.",
            ],
        ),
        Art(
            "Artikel 1.3 Looptijd",
            ["Deze cao geldt van 1 januari 2026 tot en met 31 december 2027."],
        ),
        H(1, "HOOFDSTUK 2 DIGITALE WERKMIDDELEN"),
        Art(
            "Artikel 2.1 Invoering van digitale werkmiddelen",
            [
                "De werkgever betrekt werknemers bij de keuze, het ontwerp en de invoering van nieuwe "
                "digitale werkmiddelen die hun werk wezenlijk veranderen.",
                Sub(
                    "Voordat een nieuw digitaal werkmiddel in gebruik wordt genomen, zorgt de werkgever "
                    "ervoor dat:",
                    [
                        "de ondernemingsraad tijdig is geïnformeerd over het doel en de werking van het "
                        "werkmiddel;",
                        "een vertegenwoordiging van de werknemers die ermee gaan werken het werkmiddel in de "
                        "praktijk heeft getest;",
                        "de gevolgen voor de werkdruk en de administratieve lasten in kaart zijn gebracht.",
                    ],
                ),
                "Blijkt na invoering dat een digitaal werkmiddel de administratieve last verhoogt, dan "
                "bespreekt de werkgever met de ondernemingsraad welke maatregelen nodig zijn. De uitkomst "
                "van dat gesprek wordt schriftelijk vastgelegd.",
            ],
        ),
        Art(
            "Artikel 2.2 Gegevens van werknemers",
            [
                "De werkgever gebruikt gegevens over de werknemer die via digitale werkmiddelen worden "
                "verzameld alleen voor het doel waarvoor ze zijn verzameld.",
                "Gegevens uit planning- en registratiesystemen worden niet gebruikt om de prestaties van "
                "individuele werknemers te beoordelen, tenzij de ondernemingsraad daarmee vooraf heeft "
                "ingestemd.",
                Sub(
                    "De werkgever informeert de werknemer op diens verzoek schriftelijk over:",
                    [
                        "welke gegevens over hem of haar zijn vastgelegd;",
                        "de bewaartermijn van die gegevens;",
                        "de personen of organisaties aan wie de gegevens zijn verstrekt.",
                    ],
                ),
                "Het gebruik van locatiegegevens van mobiele apparaten is uitsluitend toegestaan voor de "
                "veiligheid van de werknemer tijdens alleenwerken.",
            ],
        ),
        Art(
            "Artikel 2.3 Bereikbaarheid",
            [
                "De werknemer is buiten zijn of haar werktijden niet verplicht om berichten, e-mails of "
                "telefoontjes van de werkgever te beantwoorden.",
                "Werkgever en ondernemingsraad maken afspraken over bereikbaarheid bij calamiteiten, bijv. "
                "via een vaste bereikbaarheidsdienst.",
            ],
        ),
        H(1, "HOOFDSTUK 3 ONTWIKKELING"),
        Art(
            "Artikel 3.1 Uitgangspunt",
            [
                "Werkgever en werknemer zijn er samen verantwoordelijk voor dat de werknemer zijn of haar "
                "vakkennis en vaardigheden op peil houdt.",
                "De werkgever zorgt voor een leerklimaat waarin werknemers tijd en ruimte krijgen om te "
                "leren tijdens het werk.",
            ],
        ),
        Art(
            "Artikel 3.2 Ontwikkelgesprek",
            [
                "De werkgever voert minimaal eenmaal per jaar met iedere werknemer een ontwikkelgesprek.",
                Sub(
                    "In het ontwikkelgesprek komen in ieder geval aan de orde:",
                    [
                        "de ontwikkeling van het vak en de invloed van technologie op het werk;",
                        "de scholingswensen en -behoeften van de werknemer;",
                        "de afspraken over scholing voor het komende jaar.",
                    ],
                ),
                "De afspraken uit het ontwikkelgesprek worden vastgelegd in een persoonlijk ontwikkelplan, "
                "dat de werknemer voor gezien ondertekent.",
            ],
        ),
        Art(
            "Artikel 3.3 Verplichte scholing",
            [
                "Scholing die nodig is voor de uitoefening van de functie, waaronder scholing in het gebruik "
                "van nieuwe digitale werkmiddelen, is verplichte scholing.",
                "Verplichte scholing vindt plaats in werktijd en de kosten daarvan komen volledig voor "
                "rekening van de werkgever.",
                "Vindt verplichte scholing buiten de werktijd plaats, dan geldt de scholingstijd als "
                "gewerkte tijd. De reistijd wordt op dezelfde wijze vergoed.",
            ],
        ),
        Art(
            "Artikel 3.4 Opleidingsbudget",
            [
                "De werknemer heeft recht op een persoonlijk opleidingsbudget van € 600 per kalenderjaar bij "
                "een voltijds dienstverband. Bij een deeltijddienstverband wordt het budget naar rato "
                "vastgesteld.",
                "Het budget kan worden besteed aan scholing die gericht is op de huidige functie, op een "
                "andere functie binnen de zorg of op loopbaanontwikkeling buiten de sector.",
                Sub(
                    "Voor het niet-bestede deel van het budget geldt het volgende:",
                    [
                        "het wordt meegenomen naar het volgende kalenderjaar;",
                        "het kan worden opgespaard tot maximaal driemaal het jaarbudget;",
                        "het vervalt bij het einde van het dienstverband, tenzij de werknemer binnen drie "
                        "maanden een nieuwe baan in de sector vindt.",
                    ],
                ),
                "De werknemer kan voor scholing uit het persoonlijk opleidingsbudget maximaal 24 uur per "
                "jaar betaald verlof opnemen.",
            ],
        ),
        Art(
            "Artikel 3.5 Digitale vaardigheden",
            [
                "Werkgevers bieden iedere werknemer die daarom vraagt een gratis training in basale digitale "
                "vaardigheden aan.",
                "Partijen stellen een sectoraal leerplatform beschikbaar met modules over o.a. het "
                "elektronisch cliëntdossier, e-health, zorgtechnologie en informatiebeveiliging.",
            ],
        ),
        H(1, "HOOFDSTUK 4 GEZOND WERKEN"),
        Art(
            "Artikel 4.1 Werkdruk",
            [
                "De werkgever voert ten minste eenmaal per twee jaar een onderzoek uit naar de werkdruk en "
                "de psychosociale arbeidsbelasting van werknemers.",
                "De resultaten worden besproken met de ondernemingsraad en vertaald in een plan van aanpak "
                "met concrete maatregelen en een tijdpad.",
                Sub(
                    "Bij het opstellen van het plan van aanpak besteedt de werkgever in ieder geval aandacht "
                    "aan:",
                    [
                        "de bezetting van diensten en de inzet van invalkrachten;",
                        "de tijd die werknemers kwijt zijn aan registratie en administratie;",
                        "de mogelijkheden van werknemers om hun eigen werk in te delen.",
                    ],
                ),
            ],
        ),
        Art(
            "Artikel 4.2 Duurzame inzetbaarheid",
            [
                "De werknemer van 57 jaar of ouder heeft recht op 40 uur extra verlof per jaar om zijn of "
                "haar inzetbaarheid te bevorderen.",
                "De werkgever en de werknemer kunnen afspreken dat deze uren worden gebruikt voor scholing, "
                "een vitaliteitsprogramma of een tijdelijke vermindering van de arbeidsduur.",
            ],
        ),
        Art(
            "Artikel 4.3 Melden van incidenten",
            [
                "Werknemers die een fout of incident met een digitaal werkmiddel melden, ondervinden daarvan "
                "geen nadeel in hun positie."
            ],
        ),
        H(1, "HOOFDSTUK 5 OVERLEG"),
        Art(
            "Artikel 5.1 Sectorale werkgroep",
            [
                "Partijen stellen een paritaire werkgroep Technologie en Werk in die jaarlijks rapporteert "
                "over de gevolgen van digitalisering voor werknemers in de sector.",
                "De werkgroep doet aanbevelingen aan cao-partijen over scholing, privacy en werkdruk.",
            ],
        ),
    ],
)

# ======================================================================================
# 3. Flemish sector covenant (DOCX, Title/Heading styles, §-paragraphs, 1° items)
# ======================================================================================
COVENANT = DocSpec(
    name="blind_sectorconvenant_bouw",
    fmt="docx",
    title="Sectorconvenant Bouw 2026-2028",
    running="Sectorconvenant Bouw 2026-2028",
    title_lines=[
        "Sectorconvenant Bouw 2026-2028",
        "Opleiding, digitale werkmiddelen en werkbaar werk",
    ],
    meta={
        "doc_type": "covenant",
        "organisation": "Vlaamse Regering en sociale partners Bouw (fictief)",
        "country": "BE",
        "year": 2026,
    },
    footnotes={
        1: "Werknemers die bij de aanvang van de opleiding de leeftijd van 50 jaar hebben bereikt.",
    },
    blocks=[
        H(1, "Inleiding"),
        P(
            [
                "De bouwsector staat voor een dubbele uitdaging: de digitalisering van het bouwproces en de "
                "nood aan meer werkbare jobs.",
                "Met dit convenant bundelen de Vlaamse Regering en de sectorale sociale partners hun "
                "inspanningen voor opleiding en werkbaar werk.",
                "Het convenant bouwt voort op het vorige convenant 2023-2025 en op de aanbevelingen van de "
                "sectorale werkgroep ‘Bouw 4.0’.",
            ]
        ),
        H(1, "Hoofdstuk I. Algemene bepalingen"),
        Art(
            "Artikel 1. Voorwerp",
            [
                "Dit convenant legt de engagementen vast van de Vlaamse Regering en de sectorale sociale "
                "partners van de bouw voor de periode 2026-2028.",
                "Het convenant maakt deel uit van het Vlaamse beleid rond levenslang leren en werkbaar werk.",
            ],
            marker="para",
        ),
        Art(
            "Artikel 2. Definities",
            [
                Sub(
                    "Voor de toepassing van dit convenant wordt verstaan onder:",
                    [
                        "sector: de ondernemingen die ressorteren onder het paritair comité voor het "
                        "bouwbedrijf;",
                        "sectorfonds: het opleidingsfonds dat door de sectorale sociale partners is "
                        "opgericht;",
                        "digitale werkmiddelen: toestellen en software die op de werf of in het atelier "
                        "worden gebruikt om werk te plannen, op te volgen of uit te voeren.",
                    ],
                    kind="degree",
                )
            ],
        ),
        Art(
            "Artikel 3. Vaststellingen",
            [
                Lst(
                    pre=[
                        "De sector kent een structureel tekort aan geschoolde vakmensen.",
                        "Tegelijk veranderen de technieken op de werf snel.",
                    ],
                    lead="Partijen stellen vast dat:",
                    items=[
                        "digitale bouwmethoden zoals BIM, drones en 3D-printen steeds vaker op de werf "
                        "worden toegepast;",
                        "veel werknemers weinig vertrouwd zijn met tablets en werfapps;",
                        "het aantal arbeidsongevallen in de sector nog steeds hoger ligt dan gemiddeld;",
                        "werknemers zich zorgen maken over het gebruik van GPS-gegevens van bedrijfswagens.",
                    ],
                    marker="bullet",
                )
            ],
        ),
        H(1, "Hoofdstuk II. Engagementen van de sector"),
        Art(
            "Artikel 4. Opleiding",
            [
                "De sector verbindt zich ertoe om jaarlijks ten minste 4.000 werknemers een opleiding rond "
                "digitale werkmiddelen aan te bieden via het sectorfonds.",
                Sub(
                    "De opleidingen worden aangeboden in de volgende vormen:",
                    [
                        "korte werfopleidingen van een halve dag, gegeven door een ervaren vakman op de "
                        "eigen werf;",
                        "modulaire opleidingen in een van de regionale opleidingscentra van het sectorfonds;",
                        "digitale leermodules die de werknemer in eigen tempo kan volgen, ook in het Frans, "
                        "Pools en Roemeens.",
                    ],
                    kind="degree",
                    auto=True,
                ),
                "Opleidingen worden zoveel mogelijk tijdens de werkuren georganiseerd. Wanneer een opleiding "
                "buiten de werkuren plaatsvindt, worden die uren als arbeidstijd vergoed.",
                "De sector besteedt bijzondere aandacht aan laaggeschoolde werknemers en werknemers van "
                "50 jaar en ouder[fn 1].",
            ],
            marker="para",
        ),
        Art(
            "Artikel 5. Digitale werkmiddelen en gegevens",
            [
                "De sectorale sociale partners stellen tegen 30 juni 2026 een sectorale gedragscode op over "
                "het gebruik van digitale werkmiddelen op de werf.",
                Sub(
                    "De gedragscode bevat ten minste afspraken over:",
                    [
                        "de informatie die werknemers krijgen over de gegevens die werfapps en bedrijfswagens "
                        "registreren;",
                        "het verbod om locatiegegevens buiten de werkuren te raadplegen;",
                        "de bewaartermijn van gegevens en de rechten van de werknemer op inzage en "
                        "verbetering;",
                        "de betrokkenheid van het comité voor preventie en bescherming op het werk of, bij "
                        "ontstentenis, de vakbondsafvaardiging.",
                    ],
                    kind="degree",
                ),
                "Ondernemingen die een nieuw systeem voor de opvolging van werknemers invoeren, informeren "
                "en raadplegen vooraf de werknemersvertegenwoordigers overeenkomstig cao nr. 39.",
            ],
            marker="para",
        ),
        Art(
            "Artikel 6. Werkbaar werk",
            [
                "De sector zet in op werkbaar werk door de fysieke belasting op de werf te verminderen, o.a. "
                "door het gebruik van tilhulpmiddelen en exoskeletten te stimuleren.",
                "Het sectorfonds ontwikkelt een werkbaarheidsscan waarmee ondernemingen de werkdruk, de "
                "fysieke belasting en de leermogelijkheden van hun werknemers in kaart kunnen brengen.",
                "Ten minste 150 ondernemingen voeren de scan uit tijdens de looptijd van dit convenant.",
                "De resultaten van de scan worden besproken in het comité voor preventie en bescherming op "
                "het werk.",
            ],
            marker="para",
        ),
        H(1, "Hoofdstuk III. Engagementen van de Vlaamse Regering"),
        Art(
            "Artikel 7. Ondersteuning",
            [
                "De Vlaamse Regering kent voor de looptijd van dit convenant een jaarlijkse subsidie toe aan "
                "de sector voor de inzet van sectorconsulenten.",
                Sub(
                    "De sectorconsulenten hebben de volgende opdrachten:",
                    [
                        "ondernemingen begeleiden bij de opmaak van een opleidingsplan;",
                        "samenwerken met onderwijsinstellingen rond duaal leren in de bouw;",
                        "de resultaten van de werkbaarheidsscan opvolgen en goede praktijken verspreiden.",
                    ],
                    kind="degree",
                ),
                "De Vlaamse Regering stelt haar loopbaanbegeleiding open voor werknemers uit de sector die "
                "zich willen heroriënteren binnen de bouw.",
            ],
            marker="para",
        ),
        H(1, "Hoofdstuk IV. Opvolging en slotbepalingen"),
        Art(
            "Artikel 8. Opvolging",
            [
                "Een stuurgroep met vertegenwoordigers van de ondertekenende partijen komt minstens tweemaal "
                "per jaar samen.",
                "De stuurgroep bespreekt jaarlijks een voortgangsrapport op basis van vooraf afgesproken "
                "indicatoren.",
                "Bij een tussentijdse evaluatie na achttien maanden kunnen partijen de engagementen in "
                "onderling overleg bijsturen.",
            ],
            marker="para",
        ),
        Art(
            "Artikel 9. Looptijd",
            ["Dit convenant treedt in werking op 1 januari 2026 en eindigt op 31 december 2028."],
            marker="para",
        ),
    ],
)

# ======================================================================================
# 4. Policy brief (DOCX, numbered headings, recommendation list, table, reference list)
# ======================================================================================
BRIEF = DocSpec(
    name="blind_beleidsnota_werkbaarheid",
    fmt="docx",
    title="Werkbaarheid onder druk",
    running="Beleidsnota 2026/2 | Denktank Arbeid en Toekomst",
    title_lines=[
        "Werkbaarheid onder druk",
        "Beleidsnota over werkdruk, digitale opvolging en leren op het werk",
    ],
    meta={
        "doc_type": "policy_brief",
        "organisation": "Denktank Arbeid en Toekomst",
        "country": "BE",
        "year": 2026,
    },
    blocks=[
        H(1, "1 Inleiding"),
        P(
            [
                "Werkbaar werk is werk dat mensen gezond en gemotiveerd kunnen blijven doen tot aan hun "
                "pensioen.",
                "In Vlaanderen heeft bijna de helft van de werknemers een job die op minstens één punt niet "
                "werkbaar is.",
                "Deze nota onderzoekt welke rol digitale technologie daarin speelt en welke beleidskeuzes "
                "nodig zijn.",
            ]
        ),
        P(
            [
                "We baseren ons op een analyse van bestaande enquêtes, gesprekken met twaalf ondernemingen en "
                "een rondetafel met sociale partners in het najaar van 2025.",
                "De nota richt zich tot beleidsmakers, sectorale sociale partners en HR-verantwoordelijken.",
                "De vraag is dan ook: hoe zorgen we ervoor dat technologie het werk werkbaarder maakt in "
                "plaats van zwaarder?",
            ],
            joins={1: ""},  # "…2025.De nota …": no space after the full stop
        ),
        H(1, "2 Vaststellingen"),
        H(2, "2.1 Werkdruk en werktempo"),
        P(
            [
                "Werkdruk blijft het grootste knelpunt voor de werkbaarheid.",
                "Vooral in de zorg, het onderwijs en de logistiek meldt een groeiend aandeel werknemers dat "
                "het werktempo te hoog ligt.",
                "Bij werknemers met een hoog werktempo ligt het risico op burn-outklachten bijna dubbel zo "
                "hoog als bij andere werknemers.",
                "Digitale planning kan de werkdruk verlichten wanneer ze pieken beter spreidt.",
                "Ze verhoogt de werkdruk wanneer elke minuut wordt ingepland en er geen marge overblijft voor "
                "onvoorziene taken.",
            ]
        ),
        Table(
            caption="Tabel 1. Aandeel werknemers met een knelpunt, per sector (in %)",
            rows=[
                ["Sector", "Werkstress", "Weinig leerkansen"],
                ["Zorg en welzijn", "41", "12"],
                ["Logistiek", "33", "29"],
                ["Onderwijs", "44", "9"],
            ],
            source="Bron: eigen bewerking van enquêtegegevens 2025",
        ),
        P(["De cijfers tonen dat werkstress en een gebrek aan leerkansen niet altijd samengaan."]),
        H(2, "2.2 Digitale opvolging"),
        P(
            [
                "Steeds meer werkgevers gebruiken software die het werk van individuele werknemers "
                "registreert en analyseert.",
                "Het gaat o.a. om scanners in magazijnen, tijdsregistratie in de thuiszorg en software die "
                "de snelheid van klantencontacten meet.",
                "Werknemers ervaren die opvolging als zinvol wanneer ze zelf toegang hebben tot de gegevens "
                "en die kunnen gebruiken om hun werk te organiseren.",
                "Wanneer de gegevens vooral dienen voor controle, daalt het vertrouwen en stijgt de stress.",
                "Transparantie over doel en gebruik van de gegevens is dus een voorwaarde voor draagvlak.",
            ]
        ),
        H(2, "2.3 Leren op het werk"),
        P(
            [
                "Nieuwe technologie vraagt voortdurend nieuwe vaardigheden.",
                "Toch volgt een op de drie werknemers geen enkele opleiding per jaar, en dat aandeel ligt "
                "hoger bij laaggeschoolden en oudere werknemers.",
                "Leren op de werkvloer, bv. via coaching door collega’s of korte modules tijdens de werkuren, "
                "blijkt het meest toegankelijk.",
                "Werkgevers die leren koppelen aan de invoering van nieuwe technologie, zien minder weerstand "
                "en minder verzuim.",
                "Het individuele opleidingsrecht wordt nog te weinig benut omdat werknemers er de tijd niet "
                "voor krijgen.",
            ],
            joins={4: "\n"},  # manual line break (Shift+Enter) before the last sentence
        ),
        H(2, "2.4 Overleg in de onderneming"),
        P(
            [
                "Waar werknemers en hun vertegenwoordigers vroeg betrokken werden, verliep de invoering van "
                "nieuwe systemen vlotter.",
                "Werknemers brachten praktische kennis in die ontwerpfouten aan het licht bracht, bv. over "
                "looproutes of pauzemomenten.",
                "Slechts een minderheid van de ondernemingen die we spraken, had de ondernemingsraad of het "
                "CPBW vooraf geraadpleegd.",
                "In kleine ondernemingen zonder overlegorganen ontbreekt zo’n kanaal vaak.",
            ]
        ),
        H(1, "3 Aanbevelingen"),
        P(
            [
                "Op basis van deze vaststellingen formuleren we zes aanbevelingen.",
                "Ze richten zich tot verschillende actoren en zijn het resultaat van de rondetafel met "
                "sociale partners.",
            ]
        ),
        Lst(
            lead="Wij bevelen beleidsmakers en sociale partners aan om:",
            items=[
                "werkbaarheid als vast agendapunt op te nemen in het sectoraal en interprofessioneel overleg;",
                "de informatie- en raadplegingsrechten uit cao nr. 39 te actualiseren voor systemen van "
                "algoritmisch management;",
                "werknemers een recht op inzage te geven in de gegevens die over hun prestaties worden "
                "verzameld, in een begrijpelijke vorm;",
                "bij de invoering van digitale planning steeds een werkdrukanalyse te maken, samen met de "
                "preventieadviseur;",
                "opleidingstijd te beschermen door een deel van het opleidingsrecht in te plannen tijdens de "
                "werkuren;",
                "de effecten van digitale opvolging op welzijn en leren op te volgen via een jaarlijkse "
                "monitor.",
            ],
            marker="number",
        ),
        H(1, "4 Tot slot"),
        P(
            [
                "Digitale technologie is geen noodlot voor de werkbaarheid.",
                "Of ze het werk beter of slechter maakt, hangt af van de keuzes die werkgevers, werknemers en "
                "overheden vandaag maken.",
                "Sociaal overleg is daarvoor het aangewezen kanaal.",
                "Wij roepen de sociale partners op om de aanbevelingen mee te nemen in de volgende "
                "onderhandelingsronde.",
            ]
        ),
        Refs(
            "Literatuur",
            [
                "Claes, M. & Verbeke, R. (2024). Digitale opvolging en werkstress: een literatuuroverzicht. "
                "Leuven: Uitgeverij Kruispunt.",
                "Denktank Arbeid en Toekomst (2025). Werkbaarheid in cijfers 2025. Brussel: DAT.",
                "Peeters, L. (2023). Leren op de werkvloer in kmo’s. Tijdschrift voor Werk en Organisatie, "
                "18(2), 112-128.",
                "Van Damme, S., Janssens, A. & De Wit, K. (2025). Algoritmisch management in Vlaamse "
                "ondernemingen. Gent: Uitgeverij Kruispunt.",
            ],
        ),
    ],
)

DOCS = [GUIDE, CAO, COVENANT, BRIEF]
