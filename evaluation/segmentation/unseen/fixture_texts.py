"""Source texts of the unseen segmentation fixtures.

All texts are original, written for this test set; organisations, sectors, figures and
persons are fictitious (references to real legal instruments such as cao nr. 39, art. 27 WOR
or the AVG are kept factual). Edit the texts here and rerun ``make_fixtures.py``; the gold
clause lists follow automatically.
"""

from __future__ import annotations

from fixture_model import Art, Doc, Fig, H, L, P, Refs, Sub, Url

# ---------------------------------------------------------------------------------------
# DEV 1: research report, 2 columns, justified + hyphenated, header, page numbers, footnotes
# ---------------------------------------------------------------------------------------
REPORT = Doc(
    name="dev_rapport_algoritme",
    fmt="pdf",
    layout="report2col",
    title="Werken onder het algoritme",
    meta={
        "doc_type": "report",
        "organisation": "Kenniscentrum Werk & Technologie (fictief)",
        "sector": "logistiek en thuiszorg",
        "country": "NL",
        "year": 2025,
    },
    title_lines=[
        "Werken onder het algoritme",
        "Digitale aansturing, werkdruk en inspraak in de logistiek en de thuiszorg",
        "Kenniscentrum Werk & Technologie · Onderzoeksrapport 2025/3 · september 2025",
    ],
    blocks=[
        H(1, "Samenvatting"),
        P(
            [
                "Dit rapport beschrijft hoe digitale systemen het werk in de logistiek en de thuiszorg aansturen en wat werknemers daarvan merken.",
                "Het onderzoek combineert een enquête onder 1.214 werknemers met 46 interviews en vier casestudies in Nederland en Vlaanderen.",
                "Bijna zes op de tien respondenten (58,3%) werken dagelijks met een systeem dat taken toewijst, routes plant of prestaties meet.",
            ]
        ),
        P(
            [
                "Werknemers die weinig uitleg krijgen over die systemen, melden vaker stress en een hoger werktempo dan collega's die wel worden geïnformeerd.",
                "Waar de ondernemingsraad of de vakbondsafvaardiging vroeg werd betrokken, waren de regels over gegevensgebruik duidelijker en werden ze beter nageleefd.",
                "Het rapport sluit af met aanbevelingen voor werkgevers, sociale partners en beleidsmakers.",
            ]
        ),
        H(1, "1 Inleiding"),
        P(
            [
                "Sinds ca. 2015 hebben veel bedrijven planningssoftware, scanners en apps ingevoerd die het werk per minuut kunnen volgen.",
                "In het debat over Industrie 4.0 ligt de nadruk vaak op productiviteit, terwijl de gevolgen voor de kwaliteit van het werk minder aandacht krijgen.",
                "Onder ‘algoritmisch management’ verstaan wij in dit rapport het gebruik van software die zelfstandig of semi-automatisch beslissingen neemt of voorbereidt over de inzet, beoordeling of beloning van werknemers.[^1]",
                "Zulke systemen verzamelen o.a. locatiegegevens, scantijden, klantbeoordelingen en gegevens over pauzes.",
            ]
        ),
        P(
            [
                "De Europese Arbeidsomstandighedenenquête[^2] laat zien dat het aandeel werknemers van wie het werktempo door een machine of systeem wordt bepaald, de afgelopen tien jaar is gestegen.",
                "Tegelijk is weinig bekend over de manier waarop werknemers en hun vertegenwoordigers invloed uitoefenen op de keuze en de instelling van deze technologie.",
                "Dit rapport wil die lacune voor twee sectoren verkleinen.",
                "Hoofdstuk 2 beschrijft de methode, hoofdstuk 3 de bevindingen en hoofdstuk 4 de conclusies.",
            ]
        ),
        H(1, "2 Methode"),
        H(2, "2.1 Onderzoeksopzet"),
        P(
            [
                "Het onderzoek liep van januari 2024 t/m maart 2025 en bestond uit twee fasen.",
                "In de eerste fase is een online vragenlijst uitgezet via werkgevers, vakbonden en sociale media.",
                "De vragenlijst bevatte 62 vragen, waarvan 14 over digitale systemen en 9 over inspraak en overleg.",
            ]
        ),
        P(
            [
                "In de tweede fase zijn semigestructureerde interviews gehouden met werknemers, leidinggevenden, HR-medewerkers en leden van ondernemingsraden.",
                "De casestudies betroffen twee distributiecentra, een thuiszorgorganisatie en een koeriersbedrijf.",
                "Alle interviews zijn opgenomen, letterlijk uitgeschreven en gecodeerd met een codeboek dat vooraf is getest.",
            ]
        ),
        H(2, "2.2 Respondenten"),
        P(
            [
                "Van de 1.214 respondenten werkt 61% in de logistiek en 39% in de zorg.",
                "De gemiddelde leeftijd bedraagt 41,6 jaar en 47% van de respondenten is vrouw.",
                "Ongeveer een kwart van de respondenten (24,8%) heeft een tijdelijk contract of werkt via een uitzendbureau.",
                "Uitzendkrachten zijn in de logistieke steekproef oververtegenwoordigd, bijv. doordat de vragenlijst ook via uitzendbureaus werd verspreid.",
                "De resultaten zijn daarom gewogen naar sector, leeftijd en contractvorm.",
            ]
        ),
        Fig(
            caption="Figuur 1 Aandeel werknemers dat dagelijks met een aansturend systeem werkt, per sector (%)",
            source="Bron: enquête Werken onder het algoritme (n = 1.214)",
            categories=["Logistiek", "Zorg", "Totaal"],
            series={"2019": [41, 22, 33], "2024": [67, 44, 58]},
        ),
        H(1, "3 Bevindingen"),
        H(2, "3.1 Digitale aansturing in de praktijk"),
        P(
            [
                "In de distributiecentra wijst een warehouse-managementsysteem elke order toe aan een orderpicker en berekent het de norm per uur.",
                "Orderpickers zien op een scanner hoeveel procent van de norm zij op dat moment halen.",
                "In de thuiszorg plant een app de bezoeken en registreert zij de tijd die een zorgverlener bij een cliënt doorbrengt.",
                "Koeriers krijgen hun route en tijdvensters via een app die ook de rijstijl en de stopduur vastlegt.",
            ]
        ),
        P(
            [
                "In alle vier de cases konden leidinggevenden de gegevens per werknemer inzien, in twee cases ook in real time.",
                "Slechts 31% van de respondenten weet welke gegevens over hen worden bewaard en hoelang.",
            ]
        ),
        H(2, "3.2 Werkdruk en autonomie"),
        P(
            [
                "Respondenten die dagelijks met een aansturend systeem werken, rapporteren vaker een hoog werktempo (64% t.o.v. 42%).",
                "Vooral de zichtbare norm op het scherm wordt als belastend ervaren, omdat werknemers zich voortdurend vergelijken met het gemiddelde.",
                "Een orderpicker verwoordde het zo: “Je bent niet meer met je werk bezig, maar met je percentage.”",
            ]
        ),
        P(
            [
                "In de thuiszorg ervaren zorgverleners vooral dat de geplande tijden geen rekening houden met onverwachte situaties bij cliënten.",
                "Zij compenseren dat door pauzes over te slaan of door na werktijd administratie af te ronden.",
                "Tegelijk noemen sommige respondenten ook voordelen, zoals minder loze ritten en een eerlijkere verdeling van zware en lichte orders.",
                "Waar werknemers de planning zelf konden bijsturen, bleef de werkdruk vergelijkbaar met die in teams zonder digitaal systeem.",
                "Regelruimte lijkt dus een belangrijke buffer tegen de negatieve effecten van digitale aansturing.",
            ]
        ),
        H(2, "3.3 Data en transparantie"),
        P(
            [
                "De meeste organisaties hadden een privacyverklaring, maar die was zelden afgestemd op de specifieke systemen op de werkvloer.",
            ]
        ),
        L(
            pre=[
                "Uit de interviews blijkt dat werknemers vooral onzeker zijn over het gebruik van gegevens bij beoordelingen en bij beslissingen over contractverlenging.",
            ],
            lead="Werknemers noemden de volgende vormen van gegevensgebruik als het meest ingrijpend:",
            items=[
                "het bijhouden van de ‘idle time’ tussen twee scans, ook tijdens toiletbezoek;",
                "het automatisch rangschikken van werknemers op productiviteit in een wekelijks overzicht;",
                "het delen van klantbeoordelingen met leidinggevenden zonder dat de werknemer kan reageren;",
                "het gebruik van locatiegegevens buiten werktijd, bijv. wanneer de app op een eigen telefoon draait.",
            ],
        ),
        P(
            [
                "In twee organisaties werd het monitoringsysteem aangepast nadat de ondernemingsraad een beroep had gedaan op zijn instemmingsrecht op grond van art. 27 WOR.[^3]",
                "Daarbij werd o.a. afgesproken dat individuele scores niet langer zichtbaar zijn voor collega's.",
            ]
        ),
        H(2, "3.4 Inspraak van werknemers"),
        P(
            [
                "In de Vlaamse cases verliep het overleg via de ondernemingsraad en het Comité voor Preventie en Bescherming op het Werk (CPBW).",
                "Bij de invoering van het nieuwe planningssysteem werd in één case cao nr. 39 toegepast, die de werkgever verplicht om de werknemersvertegenwoordigers te informeren en te raadplegen over de sociale gevolgen van nieuwe technologie.",
                "In de andere Vlaamse case was het systeem volgens de werkgever slechts een ‘update’ van bestaande software, waardoor er geen formele raadpleging plaatsvond.",
            ]
        ),
        P(
            [
                "Leden van ondernemingsraden gaven aan dat zij vaak pas worden betrokken wanneer de keuze voor een leverancier al is gemaakt.",
                "Zij missen bovendien de technische kennis om de instellingen van een systeem te beoordelen.",
                "Waar vakbonden of externe deskundigen ondersteuning boden, konden werknemersvertegenwoordigers wel concrete aanpassingen afdwingen, bv. een lagere norm voor beginners of een uitzondering voor oudere werknemers.",
            ]
        ),
        H(2, "3.5 Opleiding en vaardigheden"),
        P(
            [
                "De meeste werknemers kregen bij de invoering van een systeem een korte instructie van ca. 30 minuten.",
                "Die instructie ging vrijwel uitsluitend over de bediening en niet over de werking van het systeem of over de rechten van werknemers.",
                "Werknemers met een lagere opleiding en oudere werknemers gaven vaker aan dat zij onvoldoende waren voorbereid.",
            ]
        ),
        P(
            [
                "In de thuiszorgorganisatie is een groep ‘digicoaches’[^4] opgeleid die collega's op de werkvloer helpt.",
                "Deze aanpak werd positief beoordeeld, omdat vragen snel en in de eigen werkcontext konden worden beantwoord.",
                "Het sectorale opleidingsfonds financierde 80% van de kosten van dit project, incl. de vrijstelling van de digicoaches voor vier uur per week.",
            ]
        ),
        H(1, "4 Conclusies en aanbevelingen"),
        P(
            [
                "Digitale aansturing is in beide sectoren geen uitzondering meer, maar de dagelijkse praktijk van een meerderheid van de werknemers.",
                "De gevolgen voor de werkdruk hangen sterk af van de regelruimte die werknemers houden en van de transparantie over het gebruik van gegevens.",
                "Vroege en inhoudelijke betrokkenheid van werknemersvertegenwoordigers leidt tot beter aanvaarde en beter werkbare systemen.",
            ]
        ),
        L(
            lead="Op basis van deze bevindingen doen wij de volgende aanbevelingen:",
            kind="number",
            items=[
                "Betrek de ondernemingsraad of de vakbondsafvaardiging al bij de keuze van een systeem en niet pas bij de invoering.",
                "Leg in een protocol vast welke gegevens worden verzameld, voor welk doel en hoelang zij worden bewaard.",
                "Maak individuele prestatiescores niet zichtbaar voor collega's en gebruik ze niet als enige basis voor een beoordeling.",
                "Investeer in opleiding die verder gaat dan de bediening van het systeem, bijv. via digicoaches of via het sectorale opleidingsfonds.",
                "Monitor de werkdruk periodiek en pas de normen aan wanneer de meting daar aanleiding toe geeft.",
            ],
        ),
        P(
            [
                "Sociale partners kunnen zulke afspraken vastleggen in een cao, resp. in een sectoraal akkoord of convenant.",
                "Dat voorkomt dat iedere ondernemingsraad opnieuw het wiel moet uitvinden.",
            ]
        ),
        H(1, "5 Beperkingen en vervolgonderzoek"),
        P(
            [
                "De enquête is niet gebaseerd op een aselecte steekproef, waardoor de resultaten niet zonder meer gelden voor alle werknemers in beide sectoren.",
                "Werknemers met negatieve ervaringen hebben mogelijk vaker deelgenomen dan collega's die tevreden zijn over de systemen.",
                "De weging naar sector, leeftijd en contractvorm corrigeert daar slechts gedeeltelijk voor.",
            ]
        ),
        P(
            [
                "Daarnaast meet het onderzoek ervaringen op één moment, zodat geen uitspraken mogelijk zijn over oorzaak en gevolg.",
                "Een herhaling van de enquête in 2027 moet laten zien of de werkdruk verandert wanneer organisaties hun systemen aanpassen.[^5]",
            ]
        ),
        P(
            [
                "Vervolgonderzoek zou ook meer aandacht moeten besteden aan werknemers die via platforms werken, zoals maaltijdbezorgers en schoonmakers.",
                "Voor hen gelden vaak geen cao-afspraken en ontbreekt een ondernemingsraad.",
                "Juist in die groep kan algoritmisch management de grootste gevolgen hebben voor inkomen, werkdruk en gezondheid.",
            ]
        ),
        L(
            lead="Vervolgonderzoek kan zich o.a. richten op de volgende vragen:",
            items=[
                "Welke afspraken over gegevensgebruik werken in de praktijk het best?",
                "Hoe verandert de rol van de leidinggevende wanneer een systeem de planning maakt?",
                "Welke vormen van opleiding helpen werknemers om invloed uit te oefenen op digitale systemen?",
            ],
        ),
        Refs(
            "Literatuur",
            [
                "Bakker, S. & Claes, M. (2023). Scannen tegen de klok. Werkdruk in distributiecentra. Utrecht: Kenniscentrum Werk & Technologie.",
                "De Wilde, A. (2024). Digitale planning in de thuiszorg: een verkenning. Gent: Academia Fictiva.",
                "Verhoeven, J., Yilmaz, D. & Peeters, K. (2022). Medezeggenschap en technologie. Tijdschrift voor Arbeidsvraagstukken, 38(2), 112-129.",
            ],
        ),
    ],
    footnotes={
        1: "Wij volgen hier grotendeels de omschrijving uit eerder Europees onderzoek, maar beperken ons tot systemen die op de werkvloer worden gebruikt.",
        2: "Het gaat om de golven van 2015 en 2024; de vraagstelling over het werktempo is in beide jaren gelijk.",
        3: "Art. 27 lid 1 onder l WOR geeft de ondernemingsraad instemmingsrecht bij regelingen over personeelsvolgsystemen.",
        4: "De term ‘digicoach’ wordt in de organisatie zelf gebruikt.",
        5: "De tweede meting wordt gefinancierd door het sectorale opleidingsfonds en een Vlaams onderzoeksprogramma.",
    },
)

# ---------------------------------------------------------------------------------------
# DEV 2: Dutch CAO, single column, articles with leden and a-b-c sub-items, running footer
# ---------------------------------------------------------------------------------------
CAO = Doc(
    name="dev_cao_voorbeeldsector",
    fmt="pdf",
    layout="cao1col",
    title="Cao Voorbeeldsector 2025-2027",
    meta={
        "doc_type": "cao",
        "organisation": "Werkgeversvereniging Voorbeeldsector en vakbonden (fictief)",
        "sector": "voorbeeldsector (industrie en logistiek)",
        "country": "NL",
        "year": 2025,
    },
    title_lines=[
        "Collectieve arbeidsovereenkomst voor de Voorbeeldsector",
        "1 april 2025 t/m 31 maart 2027",
    ],
    blocks=[
        H(1, "Hoofdstuk 1 Algemene bepalingen"),
        Art(
            "Artikel 1 Definities",
            [
                Sub(
                    "In deze cao wordt verstaan onder:",
                    [
                        "werkgever: de onderneming die onder de werkingssfeer van deze cao valt;",
                        "werknemer: degene die een arbeidsovereenkomst heeft met de werkgever, met uitzondering van stagiairs en vakantiekrachten;",
                        "personeelsvolgsysteem: een systeem dat gegevens over de aanwezigheid, het gedrag of de prestaties van werknemers kan vastleggen of analyseren;",
                        "algoritmisch systeem: software die met behulp van gegevens beslissingen over werknemers neemt, voorbereidt of ondersteunt;",
                        "ondernemingsraad: de ondernemingsraad als bedoeld in art. 1 van de Wet op de ondernemingsraden (WOR).",
                    ],
                ),
            ],
        ),
        Art(
            "Artikel 2 Werkingssfeer",
            [
                "Deze cao is van toepassing op alle werkgevers en werknemers in de Voorbeeldsector, zoals omschreven in bijlage I.",
                "Deze cao is niet van toepassing op de directie en op werknemers met een BBL-leerovereenkomst, tenzij in een artikel uitdrukkelijk anders is bepaald.",
            ],
        ),
        Art(
            "Artikel 3 Looptijd",
            [
                "Deze cao geldt van 1 april 2025 t/m 31 maart 2027.",
                "Partijen treden uiterlijk drie maanden voor het einde van de looptijd met elkaar in overleg over een nieuwe cao.",
            ],
        ),
        H(1, "Hoofdstuk 2 Werktijden en werkdruk"),
        Art(
            "Artikel 4 Arbeidsduur",
            [
                "De normale arbeidsduur bedraagt gemiddeld 38 uur per week, berekend over een periode van 13 weken.",
                "De werkgever stelt het rooster ten minste 28 dagen van tevoren vast na overleg met de betrokken werknemers.",
                "Een wijziging van het rooster binnen deze termijn is alleen mogelijk met instemming van de werknemer, behalve in geval van overmacht.",
            ],
        ),
        Art(
            "Artikel 5 Werkdruk",
            [
                "De werkgever voert ten minste eenmaal per twee jaar een onderzoek uit naar de werkdruk en de psychosociale arbeidsbelasting, als onderdeel van de risico-inventarisatie en -evaluatie (RI&E).",
                "De uitkomsten van het onderzoek worden besproken met de ondernemingsraad, die het recht heeft om daarover advies uit te brengen.",
                Sub(
                    "Op basis van de uitkomsten stelt de werkgever een plan van aanpak op, dat ten minste maatregelen bevat m.b.t.:",
                    [
                        "de bezetting per afdeling en per dienst;",
                        "de hoogte van prestatienormen en de wijze waarop die worden vastgesteld;",
                        "de mogelijkheden van werknemers om hun werk zelf in te delen;",
                        "de begeleiding van werknemers die langdurig een hoge werkdruk ervaren.",
                    ],
                ),
                "Een werknemer die ervaart dat de werkdruk structureel te hoog is, kan dit melden bij de vertrouwenspersoon of bij de preventiemedewerker.",
            ],
        ),
        Art(
            "Artikel 6 Bereikbaarheid buiten werktijd",
            [
                "De werknemer is niet verplicht om buiten de overeengekomen werktijden e-mails, berichten of telefoongesprekken van de werkgever te beantwoorden.",
                "Van dit recht op onbereikbaarheid kan uitsluitend worden afgeweken bij een consignatiedienst, die wordt vergoed volgens bijlage III.",
                "De werkgever maakt in overleg met de ondernemingsraad afspraken over het gebruik van digitale communicatiemiddelen buiten werktijd.",
            ],
        ),
        H(1, "Hoofdstuk 3 Opleiding en ontwikkeling"),
        Art(
            "Artikel 7 Scholingsrecht",
            [
                "Iedere werknemer heeft recht op ten minste vier opleidingsdagen per jaar, met behoud van loon.",
                "Niet-opgenomen opleidingsdagen kunnen worden gespaard tot een maximum van twaalf dagen.",
                "De kosten van een opleiding die de werkgever noodzakelijk acht voor de functie, incl. reis- en verblijfkosten, komen volledig ten laste van de werkgever.",
                "Een studiekostenbeding is niet toegestaan voor opleidingen als bedoeld in lid 3.",
            ],
        ),
        Art(
            "Artikel 8 Loopbaangesprek",
            [
                "De werkgever voert ten minste eenmaal per jaar met iedere werknemer een gesprek over diens ontwikkeling, inzetbaarheid en opleidingswensen.",
                "Werknemers van 45 jaar en ouder hebben eenmaal per vijf jaar recht op een loopbaanscan bij een externe loopbaanadviseur, op kosten van het opleidingsfonds.",
            ],
        ),
        Art(
            "Artikel 9 Sectoraal opleidingsfonds",
            [
                "De werkgever draagt jaarlijks 0,6% van de loonsom af aan het Opleidings- en Ontwikkelingsfonds Voorbeeldsector (OOV).",
                "Het OOV vergoedt o.a. opleidingen in digitale vaardigheden, omscholing naar een andere functie in de sector en de kosten van praktijkbegeleiders.",
            ],
        ),
        H(1, "Hoofdstuk 4 Digitalisering en gegevensbescherming"),
        Art(
            "Artikel 10 Invoering van nieuwe technologie",
            [
                "De werkgever informeert de ondernemingsraad tijdig, en in ieder geval zes maanden voor de voorgenomen invoering, over nieuwe technologie die gevolgen heeft voor de werkgelegenheid, de inhoud van functies of de arbeidsomstandigheden.",
                Sub(
                    "De informatie bevat ten minste:",
                    [
                        "een beschrijving van de technologie en het doel van de invoering;",
                        "de verwachte gevolgen voor het aantal arbeidsplaatsen en voor de functies;",
                        "de gegevens over werknemers die de technologie verwerkt;",
                        "de opleidingsmaatregelen die de werkgever voorstelt.",
                    ],
                ),
                "De werkgever stelt de ondernemingsraad in de gelegenheid om een deskundige in te schakelen, waarvan de kosten tot een bedrag van € 7.500 per project voor rekening van de werkgever komen.",
            ],
        ),
        Art(
            "Artikel 11 Personeelsvolgsystemen",
            [
                "Een personeelsvolgsysteem wordt alleen ingevoerd of gewijzigd na instemming van de ondernemingsraad, zoals bepaald in art. 27 lid 1 onder l WOR.",
                "Gegevens uit een personeelsvolgsysteem worden niet gebruikt voor de beoordeling van een individuele werknemer, tenzij de werknemer daarover vooraf schriftelijk is geïnformeerd.",
                "De werknemer heeft recht op inzage in alle gegevens die over hem of haar zijn vastgelegd en kan om correctie vragen.",
                "Gegevens worden uiterlijk na zes maanden verwijderd, tenzij een wettelijke bewaartermijn langer is.",
            ],
        ),
        Art(
            "Artikel 12 Cameratoezicht",
            [
                Sub(
                    "De werkgever kan cameratoezicht alleen inzetten:",
                    [
                        "ter bescherming van de veiligheid en gezondheid van werknemers en bezoekers;",
                        "ter beveiliging van gebouwen, terreinen en goederen;",
                        "voor de controle van het productieproces, voor zover dit uitsluitend machines betreft.",
                    ],
                ),
                "Het voorgenomen besluit over cameratoezicht wordt eerst ter instemming voorgelegd aan de ondernemingsraad.",
                "Werknemers worden vooraf schriftelijk en via duidelijk zichtbare borden geïnformeerd over de plaats van de camera's en het doel van het toezicht.",
                "Heimelijk cameratoezicht is uitsluitend toegestaan bij een concreet vermoeden van een strafbaar feit en voor een periode van ten hoogste vier weken.",
                "Camerabeelden worden niet langer dan vier weken bewaard, tenzij zij nodig zijn voor de afhandeling van een incident.",
            ],
        ),
        Art(
            "Artikel 13 Algoritmische besluitvorming",
            [
                "Een beslissing over de aanstelling, de beoordeling, het rooster of het ontslag van een werknemer wordt niet uitsluitend door een algoritmisch systeem genomen.",
                "Iedere beslissing als bedoeld in lid 1 wordt door een daartoe bevoegde medewerker gecontroleerd voordat zij aan de werknemer wordt meegedeeld.",
                "De werknemer heeft recht op een begrijpelijke uitleg over de wijze waarop een algoritmisch systeem aan een beslissing heeft bijgedragen.",
                "De werkgever verstrekt de ondernemingsraad jaarlijks een overzicht van de algoritmische systemen die in de onderneming worden gebruikt, met vermelding van het doel en de verwerkte gegevens.",
            ],
        ),
        Art(
            "Artikel 14 Digitale vaardigheden",
            [
                "Werknemers die door de invoering van nieuwe technologie andere taken krijgen, hebben recht op een passende opleiding voordat de technologie in gebruik wordt genomen.",
                "De tijd die met deze opleiding is gemoeid, geldt als arbeidstijd en komt niet ten laste van de opleidingsdagen uit art. 7.",
            ],
        ),
        H(1, "Hoofdstuk 5 Medezeggenschap en overleg"),
        Art(
            "Artikel 15 Vakbondsfaciliteiten",
            [
                "De werkgever stelt vakbondskaderleden in de onderneming in de gelegenheid om ten hoogste vijf dagen per jaar met behoud van loon een vakbondscursus te volgen.",
                "Vakbonden mogen de digitale communicatiekanalen van de onderneming gebruiken om werknemers te informeren, bijv. via het intranet of een nieuwsbrief.",
            ],
        ),
        Art(
            "Artikel 16 Paritaire commissie",
            [
                "Partijen stellen een paritaire commissie in die toeziet op de naleving van deze cao.",
                "De paritaire commissie brengt binnen een jaar na het ingaan van deze cao advies uit over de gevolgen van kunstmatige intelligentie voor het werk in de sector.",
            ],
        ),
        Art(
            "Artikel 17 Geschillen",
            [
                "Geschillen over de toepassing van deze cao worden voorgelegd aan de paritaire commissie.",
                "De commissie doet binnen acht weken na ontvangst van het verzoek een uitspraak, die bindend is voor beide partijen.",
            ],
        ),
        H(1, "Bijlage IV Protocolafspraken"),
        P(
            [
                "Partijen stellen vast dat het gebruik van algoritmische systemen in de sector snel toeneemt.",
                "Zij spreken af om in 2026 gezamenlijk een handreiking voor werkgevers en ondernemingsraden op te stellen.",
                "Daarin komen o.a. de toepassing van art. 13 en voorbeelden van goede praktijk aan bod.",
            ]
        ),
    ],
)

# ---------------------------------------------------------------------------------------
# DEV 3: union guide, DOCX (Heading styles, List Bullet / List Number, header, footer, footnote)
# ---------------------------------------------------------------------------------------
GUIDE = Doc(
    name="dev_vakbondsgids_digitale_controle",
    fmt="docx",
    layout="guide_docx",
    title="Digitale controle op je werk",
    meta={
        "doc_type": "union_guide",
        "organisation": "Voorbeeldbond (fictief)",
        "sector": "",
        "country": "NL",
        "year": 2025,
    },
    title_lines=["Digitale controle op je werk", "Een gids voor werknemers en OR-leden"],
    blocks=[
        H(1, "Waarom deze gids?"),
        P(
            [
                "Steeds meer werkgevers gebruiken apps, camera’s en software om bij te houden wat je doet.",
                "Dat kan handig zijn, bijv. als een systeem je helpt om je werk beter te plannen.",
                "Maar het kan ook leiden tot stress, wantrouwen en het gevoel dat je constant wordt bekeken.",
                "In deze gids lees je welke regels er gelden en wat je zelf kunt doen.",
            ]
        ),
        H(1, "Wat mag je werkgever?"),
        L(
            pre=[
                "Je werkgever mag niet zomaar alles over je bijhouden.",
                "De Algemene verordening gegevensbescherming (AVG) stelt strenge eisen aan het verwerken van persoonsgegevens, ook op het werk.",
            ],
            lead="Werkgevers mogen je alleen volgen als:",
            items=[
                "er een duidelijk en gerechtvaardigd doel is, bijv. de veiligheid op de werkvloer;",
                "er geen minder ingrijpende manier is om dat doel te bereiken;",
                "je vooraf bent geïnformeerd over wat er wordt bijgehouden en waarom;",
                "de ondernemingsraad heeft ingestemd met de regeling.",
            ],
        ),
        P(
            [
                "Heimelijk volgen is bijna nooit toegestaan.",
                "Alleen bij een concreet vermoeden van bv. diefstal en als er geen andere mogelijkheid is, mag een werkgever tijdelijk een verborgen camera gebruiken.",
            ]
        ),
        H(1, "Je rechten op een rij"),
        L(
            lead="Je hebt recht op:",
            items=[
                "inzage in de gegevens die je werkgever over je heeft vastgelegd;",
                "correctie van gegevens die niet kloppen;",
                "uitleg over de manier waarop een systeem tot een beslissing over jou is gekomen;",
                "een beslissing door een mens, als een besluit over je ontslag of je beoordeling anders volledig automatisch zou worden genomen.",
            ],
        ),
        P(
            [
                "Vraag je gegevens schriftelijk op bij je werkgever.",
                "Je werkgever moet binnen een maand reageren, en die termijn mag alleen in bijzondere gevallen worden verlengd.[^1]",
            ]
        ),
        H(1, "De rol van de ondernemingsraad"),
        P(
            [
                "De ondernemingsraad heeft instemmingsrecht bij de invoering of wijziging van een personeelsvolgsysteem (art. 27 WOR).",
                "Dat betekent dat je werkgever zo’n systeem niet mag invoeren zonder toestemming van de OR.",
                "Veel OR-leden vinden het lastig om te beoordelen wat een systeem precies doet.",
            ]
        ),
        H(2, "Zo pak je het aan als OR"),
        L(
            lead="Met deze stappen houd je als OR grip op digitale systemen:",
            kind="number",
            items=[
                "Vraag de werkgever om een volledige beschrijving van het systeem, incl. alle gegevens die het verzamelt.",
                "Praat met collega’s die al met het systeem werken en vraag naar hun ervaringen.",
                "Schakel een deskundige in als de werking van het systeem onduidelijk is; de kosten zijn in de regel voor de werkgever.",
                "Leg afspraken over bewaartermijnen, toegang en evaluatie vast in een regeling.",
                "Spreek af dat het systeem na een jaar samen met de OR wordt geëvalueerd.",
            ],
        ),
        H(2, "Wat als er geen OR is?"),
        P(
            [
                "In bedrijven met minder dan 50 werknemers is vaak geen ondernemingsraad.",
                "Dan kan een personeelsvertegenwoordiging (PVT) een deel van de taken overnemen.",
                "Is die er ook niet, neem dan contact op met je vakbond.",
            ]
        ),
        H(1, "Werkdruk door digitale systemen"),
        L(
            pre=[
                "Een systeem dat je tempo meet, kan de werkdruk flink verhogen.",
                "In onze ledenpeiling van 2024 zei ca. 40% van de werknemers die met een scanner of app worden aangestuurd, dat zij regelmatig pauzes overslaan.",
            ],
            lead="Werkgevers kunnen de druk verlagen door:",
            items=[
                "normen samen met werknemers vast te stellen en regelmatig te evalueren;",
                "individuele scores niet op een scherm te tonen;",
                "voldoende pauzes in te plannen, ook in drukke periodes;",
                "werknemers zelf invloed te geven op de volgorde van hun taken.",
            ],
        ),
        P(
            [
                "Merk je dat je gezondheid eronder lijdt?",
                "Bespreek dit dan met je leidinggevende, de bedrijfsarts of de preventiemedewerker.",
            ]
        ),
        H(1, "Scholing en digitale vaardigheden"),
        P(
            [
                "Nieuwe systemen vragen om nieuwe vaardigheden.",
                "In veel cao’s staan afspraken over scholing, zoals een persoonlijk opleidingsbudget of een aantal opleidingsdagen per jaar.",
                "Je werkgever is bovendien wettelijk verplicht om je de scholing te geven die nodig is voor je functie (art. 7:611a BW).",
            ]
        ),
        L(
            lead="Vraag bij de invoering van een nieuw systeem in ieder geval:",
            kind="number",
            items=[
                "hoe het systeem werkt en welke gegevens het gebruikt;",
                "welke training je krijgt en of die in werktijd plaatsvindt;",
                "bij wie je terechtkunt met vragen of problemen.",
            ],
        ),
        H(1, "Hulp nodig?"),
        P(
            [
                "Leden van de vakbond kunnen gratis advies krijgen van een jurist.",
                "Kijk voor meer informatie op de website of bel de ledenservice op werkdagen tussen 9.00 en 17.00 uur.",
            ]
        ),
        Url("www.voorbeeldbond.nl/digitaal"),
    ],
    footnotes={1: "Zie art. 12 lid 3 AVG. De termijn kan met twee maanden worden verlengd."},
)

# ---------------------------------------------------------------------------------------
# DEV 4: policy brief, double-spaced single column, "•" bullets, sections "1." and "2.1"
# ---------------------------------------------------------------------------------------
BRIEF = Doc(
    name="dev_beleidsbrief_werkbaar_werk",
    fmt="pdf",
    layout="brief1col",
    title="Werkbaar werk in de digitale transformatie",
    meta={
        "doc_type": "policy_brief",
        "organisation": "Sociaal-Economische Adviesgroep (fictief)",
        "sector": "",
        "country": "NL",
        "year": 2025,
    },
    title_lines=[
        "Beleidsbrief nr. 7 · juni 2025",
        "Werkbaar werk in de digitale transformatie",
        "Sociaal-Economische Adviesgroep",
    ],
    blocks=[
        H(1, "Kernboodschappen"),
        L(
            items=[
                "Digitalisering kan het werk lichter en interessanter maken, maar alleen als werknemers invloed hebben op de manier waarop technologie wordt ingezet.",
                "Werkdruk en psychosociale risico’s nemen toe wanneer systemen het werktempo bepalen zonder ruimte voor eigen regie.",
                "Sociale partners zouden afspraken over data, inspraak en opleiding moeten verankeren in cao’s en sectorakkoorden.",
            ]
        ),
        H(1, "1. Aanleiding"),
        P(
            [
                "De arbeidsmarkt staat voor een dubbele opgave: er zijn te weinig mensen en het werk verandert snel door digitalisering.",
                "In 2024 stond het aantal vacatures per 100 werklozen op een historisch hoog niveau.",
                "Tegelijk meldt ongeveer één op de vijf werknemers burn-outklachten.",
                "Vanuit het werkveld is gevraagd om een overzicht van wat bekend is over de gevolgen van digitalisering voor werkdruk, privacy en leren.",
            ]
        ),
        P(
            [
                "Technologie wordt vaak gezien als oplossing voor het personeelstekort, bijv. via robots in magazijnen of spraaksoftware in de zorg.",
                "Deze beleidsbrief gaat na onder welke voorwaarden digitalisering bijdraagt aan werkbaar werk.",
            ]
        ),
        H(1, "2. Analyse"),
        H(2, "2.1 Effecten op werkdruk en autonomie"),
        P(
            [
                "Onderzoek laat een gemengd beeld zien.",
                "Robots en tilhulpmiddelen kunnen zwaar fysiek werk verminderen en zo het verzuim terugdringen.",
                "Zo rapporteerde een distributiecentrum na de invoering van tilrobots een daling van het verzuim met 12%.",
                "Systemen die taken toewijzen en prestaties meten, verhogen daarentegen vaak het werktempo.",
                "Een thuiszorgorganisatie zag het verloop stijgen nadat de planning volledig was geautomatiseerd.",
                "Het verschil zit vooral in de vraag of werknemers zelf kunnen bijsturen.",
            ]
        ),
        H(2, "2.2 Data en monitoring"),
        P(
            [
                "Werkgevers verzamelen steeds meer gegevens over werknemers, o.a. via toegangspassen, voertuigvolgsystemen en software op laptops.",
                "Veel werknemers weten niet welke gegevens worden bewaard en wie ze kan inzien.",
                "Dat gebrek aan transparantie ondermijnt het vertrouwen en kan tot stress leiden.",
                "In een recente peiling gaf 38% van de werknemers aan dat hun werkgever hun computergebruik of locatie kan volgen.",
                "De Europese AI-verordening merkt AI-systemen voor werving en aansturing van werknemers aan als systemen met een hoog risico.",
            ]
        ),
        H(2, "2.3 Inspraak en sociaal overleg"),
        P(
            [
                "In Nederland heeft de ondernemingsraad instemmingsrecht bij personeelsvolgsystemen, maar dat recht wordt lang niet altijd benut.",
                "In België verplicht cao nr. 39 de werkgever om de werknemersvertegenwoordigers te informeren en te raadplegen bij de invoering van nieuwe technologie met belangrijke collectieve gevolgen.",
                "In de praktijk vindt dat overleg vaak pas plaats wanneer de technologie al is gekozen.",
                "Waar het overleg wel vroeg start, blijken systemen beter aan te sluiten bij de praktijk op de werkvloer.",
                "Werknemersvertegenwoordigers missen bovendien tijd en expertise om complexe systemen te beoordelen.",
            ]
        ),
        H(2, "2.4 Opleiding"),
        P(
            [
                "De deelname aan opleidingen is het laagst bij werknemers die het meest door automatisering worden geraakt.",
                "Opleidingsbudgetten worden vooral gebruikt door hoger opgeleiden, terwijl praktisch opgeleide werknemers het vaakst met nieuwe systemen moeten werken.",
                "Een leerrecht dat alleen op papier bestaat, verandert daar weinig aan.",
                "Digitale vaardigheden worden bovendien vaak buiten werktijd en op eigen initiatief opgedaan.",
            ]
        ),
        H(1, "3. Aanbevelingen"),
        H(2, "3.1 Voor sociale partners"),
        L(
            lead="Sociale partners kunnen:",
            items=[
                "afspraken over personeelsvolgsystemen en algoritmische besluitvorming opnemen in de cao, met een jaarlijkse evaluatie;",
                "een sectoraal expertisepunt oprichten dat ondernemingsraden ondersteunt bij de beoordeling van digitale systemen;",
                "opleidingsfondsen inzetten voor scholing in werktijd, met voorrang voor werknemers in functies met een hoog automatiseringsrisico.",
            ],
        ),
        H(2, "3.2 Voor de overheid"),
        P(
            [
                "De overheid zou het instemmingsrecht van de ondernemingsraad moeten verduidelijken voor algoritmische systemen die werknemers aansturen.",
                "Daarnaast is het aangeraden om de Nederlandse Arbeidsinspectie meer capaciteit te geven voor toezicht op psychosociale risico’s.",
                "Maak een individueel leerrecht voor alle werknemers de norm, i.p.v. een regeling die alleen in sommige sectoren bestaat.",
                "Ook zou de overheid sectorale expertisepunten in de opstartfase financieel kunnen ondersteunen.",
            ]
        ),
        H(2, "3.3 Voor werkgevers"),
        P(
            [
                "Het is belangrijk om werknemers al in de ontwerpfase bij nieuwe technologie te betrekken.",
                "Werkgevers die dat doen, rapporteren minder weerstand en een snellere ingebruikname.",
                "Zij kunnen daarvoor bijv. proefopstellingen, werkbezoeken of een klankbordgroep met werknemers uit verschillende afdelingen gebruiken.",
            ]
        ),
        H(1, "4. Tot slot"),
        P(
            [
                "Digitalisering is geen natuurkracht, maar het resultaat van keuzes die in organisaties worden gemaakt.",
                "Wie werknemers bij die keuzes betrekt, vergroot de kans dat technologie bijdraagt aan gezond, leerzaam en productief werk.",
                "De aanbevelingen in deze brief bieden daarvoor een eerste aanzet.",
            ]
        ),
        Refs(
            "Bronnen",
            [
                "Adviesgroep (2024). Monitor Werk en Technologie 2024. Den Haag: SEA.",
                "Claessens, R. (2025). Tilrobots en verzuim. Een casestudy. Rotterdam: Fictief Instituut.",
            ],
        ),
    ],
)

# ---------------------------------------------------------------------------------------
# HELD-OUT 1: Flemish sector covenant, 2 columns, hyphenated, headers, page numbers, footnotes
# ---------------------------------------------------------------------------------------
COVENANT = Doc(
    name="heldout_sectorconvenant_digitale_transitie",
    fmt="pdf",
    layout="covenant2col",
    title="Sectorconvenant Digitale Transitie en Werkbaar Werk",
    meta={
        "doc_type": "covenant",
        "organisation": "Paritair Comité voor de voorbeeldnijverheid (fictief)",
        "sector": "voorbeeldnijverheid (PC 399)",
        "country": "BE",
        "year": 2025,
    },
    title_lines=[
        "Sectorconvenant Digitale Transitie en Werkbaar Werk",
        "Paritair Comité voor de voorbeeldnijverheid (PC 399)",
        "Gesloten op 18 juni 2025 tussen de werkgeversfederatie en de representatieve werknemersorganisaties",
    ],
    subdir="heldout",
    lid_marker="para",
    blocks=[
        H(1, "Context"),
        P(
            [
                "De sector telt ca. 14.000 werknemers in meer dan 300 ondernemingen, voornamelijk kmo’s.",
                "De voorbije jaren hebben veel ondernemingen geïnvesteerd in automatisering, robotica en digitale planningssystemen in het kader van Industrie 4.0.",
                "Uit een sectorale bevraging van 2024 blijkt dat 43% van de arbeiders vreest dat hun job in de komende vijf jaar ingrijpend zal veranderen.",
                "Slechts 28% van de ondernemingen heeft een opleidingsplan dat rekening houdt met die veranderingen.",
                "Vooral in de productie en op de logistieke afdelingen verandert de inhoud van functies snel.",
            ]
        ),
        P(
            [
                "Het paritair comité sloot in 2023 een eerste sectorakkoord over werkbaar werk af, dat met dit convenant wordt aangevuld.",
                "De sociale partners stellen vast dat goede afspraken over informatie, overleg en vorming de slaagkansen van digitale projecten vergroten.",
                "Dit convenant is geen algemeen verbindend verklaarde cao, maar een engagement dat de ondertekenende organisaties bij hun leden zullen uitdragen.",
            ]
        ),
        H(1, "Hoofdstuk I – Toepassingsgebied en doel"),
        Art(
            "Artikel 1 – Toepassingsgebied",
            [
                "Dit convenant is van toepassing op de werkgevers en de arbeiders en bedienden van de ondernemingen die ressorteren onder het Paritair Comité voor de voorbeeldnijverheid.",
            ],
        ),
        Art(
            "Artikel 2 – Doel",
            [
                "De ondertekenende partijen willen de digitale transitie in de sector samen vormgeven, met aandacht voor werkgelegenheid, werkbaar werk en de bescherming van persoonsgegevens.",
                "Dit convenant vult de bestaande regels aan, o.a. cao nr. 39 van de Nationale Arbeidsraad, en doet daar geen afbreuk aan.[^1]",
            ],
        ),
        H(1, "Hoofdstuk II – Informatie en overleg"),
        Art(
            "Artikel 3 – Voorafgaande informatie",
            [
                "Wanneer een onderneming een investering in nieuwe technologie plant die belangrijke collectieve gevolgen heeft voor de werkgelegenheid, de arbeidsorganisatie of de arbeidsvoorwaarden, informeert zij de ondernemingsraad ten laatste drie maanden vóór de aanvang van de invoering.",
                "Bij ontstentenis van een ondernemingsraad wordt de informatie verstrekt aan de syndicale afvaardiging.",
                Sub(
                    "De schriftelijke informatie heeft minstens betrekking op:",
                    [
                        "de aard van de nieuwe technologie en de economische, financiële of technische redenen voor de invoering;",
                        "de aard van de sociale gevolgen en de termijn waarbinnen zij zich zullen voordoen;",
                        "de maatregelen inzake vorming en omscholing van de betrokken werknemers;",
                        "de persoonsgegevens over werknemers die door de technologie worden verwerkt, en het doel van die verwerking.",
                    ],
                    kind="degree",
                ),
            ],
        ),
        Art(
            "Artikel 4 – Overleg",
            [
                "Na de informatie pleegt de werkgever overleg met de werknemersvertegenwoordigers over de sociale gevolgen van de invoering.",
                "De werknemersvertegenwoordigers kunnen zich daarbij laten bijstaan door een deskundige van hun keuze, bv. een adviseur van hun vakorganisatie.",
                "Het Comité voor Preventie en Bescherming op het Werk (CPBW) wordt betrokken bij de analyse van de gevolgen voor de veiligheid, de gezondheid en het welzijn van de werknemers.",
                "Het overleg wordt afgerond voordat de technologie in gebruik wordt genomen, behalve in geval van overmacht.",
            ],
        ),
        H(1, "Hoofdstuk III – Gegevensbescherming en toezicht"),
        Art(
            "Artikel 5 – Camerabewaking en elektronische communicatie",
            [
                "Camerabewaking op de werkplek gebeurt uitsluitend volgens de voorwaarden van cao nr. 68 en na voorafgaande informatie van de ondernemingsraad.",
                "De controle van elektronische onlinecommunicatiegegevens gebeurt met inachtneming van de beginselen van finaliteit, proportionaliteit en transparantie uit cao nr. 81.[^2]",
                "Gegevens die met een digitaal systeem over individuele werknemers worden verzameld, worden niet gebruikt voor sancties zonder dat de werknemer vooraf werd gehoord.",
                "Werknemers hebben het recht om de gegevens in te kijken die met een digitaal systeem over hen werden verzameld.",
            ],
        ),
        Art(
            "Artikel 6 – Algoritmische systemen",
            [
                "Ondernemingen die algoritmische systemen gebruiken voor de planning of de evaluatie van werknemers, lichten de werking ervan toe aan de ondernemingsraad of, bij ontstentenis, aan de syndicale afvaardiging.",
                "Een werknemer kan steeds vragen dat een beslissing die hem of haar aanbelangt, door een leidinggevende wordt herbekeken.",
                "De ondernemingsraad kan eenmaal per jaar een verslag vragen over de werking en de resultaten van deze systemen.",
            ],
        ),
        H(1, "Hoofdstuk IV – Vorming"),
        Art(
            "Artikel 7 – Opleidingsinspanning",
            [
                "De werkgevers engageren zich om gemiddeld vijf dagen vorming per voltijds equivalent per jaar te voorzien, zoals bepaald in de wet van 3 oktober 2022 houdende diverse arbeidsbepalingen.",
                "Minstens de helft van deze vormingsdagen wordt besteed aan digitale vaardigheden of aan de omgang met nieuwe technologie op de werkvloer.",
                "Het sectorale vormingsfonds voorziet in een tussenkomst van 75% in de kosten van erkende opleidingen, met een maximum van 1.500 euro per werknemer per jaar.",
                "Werknemers van 45 jaar en ouder krijgen voorrang bij de toewijzing van vormingsdagen wanneer hun functie door automatisering verdwijnt.",
                "De ondernemingen registreren de gevolgde vormingen op de individuele opleidingsrekening van de werknemer.",
            ],
        ),
        Art(
            "Artikel 8 – Individueel opleidingsplan",
            [
                "Iedere werknemer die door de invoering van nieuwe technologie van functie verandert, krijgt een individueel opleidingsplan dat vooraf met hem of haar wordt besproken.",
            ],
        ),
        Art(
            "Artikel 9 – Vorming van werknemersvertegenwoordigers",
            [
                "De leden van de ondernemingsraad, het CPBW en de syndicale afvaardiging hebben recht op twee dagen vorming per mandaatperiode over digitalisering en gegevensbescherming.",
                "Deze vorming wordt georganiseerd door de werknemersorganisaties en gefinancierd door het sectorale vormingsfonds.",
            ],
        ),
        H(1, "Hoofdstuk V – Werkbaar werk"),
        Art(
            "Artikel 10 – Preventie van psychosociale risico’s",
            [
                "De werkgever neemt de psychosociale risico’s die verband houden met digitale systemen, zoals een verhoogd werktempo of permanente bereikbaarheid, op in de risicoanalyse.",
                "De preventieadviseur psychosociale aspecten wordt geraadpleegd vóór de invoering van systemen die het werktempo van werknemers bepalen.",
                "De resultaten van de werkbaarheidsmonitor[^3] worden jaarlijks besproken in het CPBW.",
                "Werknemers die met een exoskelet of een cobot werken, krijgen vóór het eerste gebruik een ergonomische opleiding.",
            ],
        ),
        Art(
            "Artikel 11 – Recht op deconnectie",
            [
                "Ondernemingen met ten minste 20 werknemers maken in overleg met het CPBW afspraken over het recht op deconnectie, in overeenstemming met de wet van 3 oktober 2022.",
            ],
        ),
        H(1, "Hoofdstuk VI – Opvolging en duur"),
        Art(
            "Artikel 12 – Sectorale opvolging",
            [
                "Een paritaire werkgroep volgt de uitvoering van dit convenant op en rapporteert tweemaal per jaar aan het paritair comité.",
                "De werkgroep stelt uiterlijk op 30 juni 2026 een evaluatierapport op, incl. aanbevelingen voor een eventuele sectorale cao.",
                "De resultaten van de evaluatie worden besproken op een plenaire vergadering van het paritair comité.",
            ],
        ),
        Art(
            "Artikel 13 – Duur",
            [
                "Dit convenant geldt voor bepaalde duur, van 1 juli 2025 t.e.m. 31 december 2026.",
            ],
        ),
    ],
    footnotes={
        1: "Collectieve arbeidsovereenkomst nr. 39 van 13 december 1983 betreffende de voorlichting en het overleg inzake de sociale gevolgen van de invoering van de nieuwe technologieën.",
        2: "Collectieve arbeidsovereenkomst nr. 81 van 26 april 2002 tot bescherming van de persoonlijke levenssfeer van de werknemers ten opzichte van de controle op de elektronische on-linecommunicatiegegevens.",
        3: "De werkbaarheidsmonitor van de Stichting Innovatie & Arbeid meet sinds 2004 de werkbaarheid van jobs in Vlaanderen.",
    },
)

# ---------------------------------------------------------------------------------------
# HELD-OUT 2: Dutch CAO as DOCX (typed lid numbers, typed and auto-numbered sub-items)
# ---------------------------------------------------------------------------------------
CAO_DOCX = Doc(
    name="heldout_cao_voorbeeldlogistiek",
    fmt="docx",
    layout="cao_docx",
    title="Cao Voorbeeldlogistiek 2025-2026",
    meta={
        "doc_type": "cao",
        "organisation": "Werkgeversorganisatie Voorbeeldlogistiek en vakbonden (fictief)",
        "sector": "logistiek en transport",
        "country": "NL",
        "year": 2025,
    },
    title_lines=["Cao Voorbeeldlogistiek", "1 januari 2025 t/m 31 december 2026"],
    subdir="heldout",
    blocks=[
        H(1, "Inleiding"),
        P(
            [
                "De logistieke sector verandert snel door digitalisering, elektrificatie van het wagenpark en de automatisering van distributiecentra.",
                "Cao-partijen willen dat werknemers van die veranderingen profiteren en dat hun gezondheid, privacy en ontwikkeling daarbij voorop staan.",
                "In deze cao zijn daarom voor het eerst afspraken opgenomen over boordcomputers, camera’s en algoritmische planning.",
                "De afspraken gelden naast de rechten die werknemers en de OR al hebben op grond van de AVG en de WOR.",
            ]
        ),
        H(1, "Hoofdstuk 1 Algemeen"),
        Art(
            "Artikel 1 Begripsbepalingen",
            [
                Sub(
                    "In deze cao wordt verstaan onder:",
                    [
                        "chauffeur: de werknemer die als bestuurder van een vrachtauto werkzaam is;",
                        "boordcomputer: het systeem in het voertuig dat rij- en rusttijden, locatie en rijgedrag registreert;",
                        "planningssysteem: de software waarmee ritten, laad- en lostijden en pauzes worden ingepland;",
                        "OR: de ondernemingsraad of, als die er niet is, de personeelsvertegenwoordiging.",
                    ],
                ),
            ],
        ),
        Art(
            "Artikel 2 Looptijd",
            [
                "Deze cao loopt van 1 januari 2025 t/m 31 december 2026.",
            ],
        ),
        H(1, "Hoofdstuk 2 Werk- en rusttijden"),
        Art(
            "Artikel 3 Werkdruk en planning",
            [
                "De werkgever plant ritten zo dat de chauffeur de wettelijke rij- en rusttijden kan naleven zonder onder tijdsdruk te komen.",
                "Bij de planning wordt rekening gehouden met gemiddelde wachttijden bij laad- en losadressen, gebaseerd op gegevens van de afgelopen drie maanden.",
                "Een chauffeur die een rit als onveilig beoordeelt, bijv. door extreem weer of vermoeidheid, mag de rit onderbreken zonder dat dit gevolgen heeft voor zijn beoordeling.",
            ],
        ),
        Art(
            "Artikel 4 Vermoeidheid",
            [
                "De werkgever neemt in de RI&E een paragraaf op over vermoeidheid en nachtwerk.",
                "Chauffeurs hebben eenmaal per twee jaar recht op een gratis consult bij de bedrijfsarts over slaap en vermoeidheid.",
            ],
        ),
        H(1, "Hoofdstuk 3 Digitalisering"),
        Art(
            "Artikel 5 Boordcomputers en volgsystemen",
            [
                "Gegevens uit de boordcomputer worden gebruikt voor de naleving van wettelijke verplichtingen, de planning en de veiligheid.",
                Sub(
                    "Het is de werkgever niet toegestaan om gegevens uit de boordcomputer te gebruiken:",
                    [
                        "om chauffeurs onderling te rangschikken op rijgedrag of snelheid;",
                        "om de locatie van de chauffeur te volgen tijdens pauzes en rusttijden buiten het voertuig;",
                        "als enige grond voor een waarschuwing, schorsing of ontslag.",
                    ],
                    auto=True,
                ),
                "De invoering of wijziging van een volgsysteem behoeft de voorafgaande instemming van de OR.",
                "Een chauffeur kan eenmaal per kwartaal kosteloos een overzicht opvragen van de gegevens die over hem zijn vastgelegd.",
                "Gegevens uit de boordcomputer worden niet langer dan zes maanden bewaard, tenzij de wet een langere termijn voorschrijft.",
            ],
        ),
        Art(
            "Artikel 6 Camera’s in de cabine",
            [
                "Camera’s die op de bestuurder zijn gericht, zijn alleen toegestaan als zij uitsluitend beelden opslaan bij een noodstop of een aanrijding.",
                "Beelden worden na 30 dagen automatisch gewist, tenzij een chauffeur zelf om bewaring vraagt.",
            ],
        ),
        Art(
            "Artikel 7 Algoritmische planning",
            [
                "De werkgever verstrekt de OR een beschrijving van de criteria die het planningssysteem hanteert bij de verdeling van ritten.",
                "Een chauffeur die het niet eens is met een toegewezen planning, kan dit voorleggen aan de planner, die de beslissing kan aanpassen.",
                "Partijen evalueren de gevolgen van algoritmische planning voor de werkdruk in 2026, op basis van een onderzoek onder ca. 500 chauffeurs.",
            ],
        ),
        H(1, "Hoofdstuk 4 Opleiding"),
        Art(
            "Artikel 8 Code 95 en bijscholing",
            [
                "De kosten van de verplichte nascholing voor Code 95 komen volledig voor rekening van de werkgever.",
                "De nascholing vindt plaats in werktijd of wordt als werktijd vergoed.",
                "Werknemers hebben daarnaast recht op een persoonlijk ontwikkelbudget van € 500 per jaar, dat zij kunnen besteden aan opleidingen naar eigen keuze.",
                "Voor chauffeurs die de Nederlandse taal onvoldoende beheersen, biedt de werkgever de nascholing zo veel mogelijk aan in een taal die zij begrijpen.",
            ],
        ),
        Art(
            "Artikel 9 Omscholing",
            [
                "Een werknemer van wie de functie door automatisering vervalt, heeft recht op een omscholingstraject van maximaal 12 maanden met behoud van loon.",
                "Het Opleidingsfonds Voorbeeldlogistiek vergoedt 50% resp. 75% van de kosten van dit traject voor werknemers jonger dan 55 jaar resp. van 55 jaar en ouder.",
            ],
        ),
        H(1, "Hoofdstuk 5 Overleg en werkgelegenheid"),
        Art(
            "Artikel 10 Overleg over technologie",
            [
                "De werkgever bespreekt voornemens tot invoering van nieuwe technologie met de OR in een zo vroeg mogelijk stadium.",
                "De OR kan voorstellen doen over de inrichting van de technologie, waarop de werkgever binnen vier weken schriftelijk en gemotiveerd reageert.",
                "Vakbondsleden hebben recht op twee dagen buitengewoon verlof per jaar voor het bijwonen van vakbondsbijeenkomsten over digitalisering.",
            ],
        ),
        Art(
            "Artikel 11 Werkgelegenheid",
            [
                "Partijen stellen vast dat de automatisering van distributiecentra in de komende jaren tot minder laag- en middelbaar geschoolde functies kan leiden.",
                "Zij spreken af om in 2025 een sectoraal mobiliteitscentrum op te richten dat werknemers begeleidt naar ander werk binnen of buiten de sector.",
            ],
        ),
        Art(
            "Artikel 12 Duurzame inzetbaarheid",
            [
                "Werknemers van 60 jaar en ouder kunnen kiezen voor een vierdaagse werkweek met een loon van 90% en een pensioenopbouw van 100%.",
                "De werkgever voert met iedere werknemer vanaf 50 jaar een jaarlijks gesprek over werkbelasting, gezondheid en toekomstplannen.",
            ],
        ),
        Art(
            "Artikel 13 Geschillen",
            [
                "Geschillen over de uitleg van deze cao worden voorgelegd aan de Paritaire Commissie Voorbeeldlogistiek.",
                "Een verzoek aan de commissie wordt schriftelijk en met redenen omkleed ingediend bij het secretariaat.",
            ],
        ),
    ],
)

DOCS = [REPORT, CAO, GUIDE, BRIEF, COVENANT, CAO_DOCX]
