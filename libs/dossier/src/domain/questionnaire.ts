/**
 * The quality-of-work questionnaire of the impact assessment (seed-requirements 1.1-1.3), built
 * on the dimensions of the SER advice *AI en werk* (2025): its summary list (competences, autonomy,
 * social relations, control, intensity, work stress, fair treatment, 004 l.212) and the deeper
 * analysis of annex 2 (content of work, load and safety, job security, 004 l.1907-2025). Sources
 * name the seed line (`004 l.N`, `003 l.N`) the question comes from.
 */

export type Language = 'nl' | 'en';
export type LocalText = Readonly<Record<Language, string>>;

/** Expected effect on the quality of work: −2 clearly worse … +2 clearly better, or unknown (1.4). */
export type Effect = -2 | -1 | 0 | 1 | 2 | 'unknown';
export const EFFECTS: readonly Effect[] = [-2, -1, 0, 1, 2, 'unknown'];

export type Level = 'low' | 'medium' | 'high';
export const LEVELS: readonly Level[] = ['low', 'medium', 'high'];

export type EvidenceType = 'vendor_info' | 'pilot' | 'survey' | 'assumption';
export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  'vendor_info',
  'pilot',
  'survey',
  'assumption',
];

export type DimensionKey = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L';

export interface Question {
  readonly id: string;
  readonly dimension: DimensionKey;
  readonly text: LocalText;
  readonly sources: readonly string[];
}

export interface Dimension {
  readonly key: DimensionKey;
  readonly title: LocalText;
  readonly sources: readonly string[];
  readonly questions: readonly Question[];
}

type QuestionSpec = readonly [id: string, en: string, nl: string, sources: readonly string[]];

function dimension(
  key: DimensionKey,
  en: string,
  nl: string,
  sources: readonly string[],
  questions: readonly QuestionSpec[],
): Dimension {
  return {
    key,
    title: { en, nl },
    sources,
    questions: questions.map(([id, qEn, qNl, qSources]) => ({
      id,
      dimension: key,
      text: { en: qEn, nl: qNl },
      sources: qSources,
    })),
  };
}

export const DIMENSIONS: readonly Dimension[] = [
  dimension(
    'A',
    'Work content and meaningfulness',
    'Inhoud van het werk en betekenis',
    ['004 l.710', '004 l.1907-1923'],
    [
      [
        'A1',
        'Which routine tasks disappear, and were they a welcome break from intensive non-routine work?',
        'Welke routinetaken verdwijnen, en waren die een welkome afwisseling van intensief niet-routinematig werk?',
        ['004 l.1911'],
      ],
      [
        'A2',
        'Does the AI take over complex or creative tasks, leaving people to check its output?',
        'Neemt de AI complexe of creatieve taken over, zodat mensen alleen de uitkomsten nog controleren?',
        ['004 l.1919'],
      ],
      [
        'A3',
        'Does the work get split into short-cycle repetitive micro-tasks, such as labelling or producing training data?',
        'Wordt het werk opgeknipt in kortcyclische, repeterende microtaken, zoals labelen of trainingsdata maken?',
        ['004 l.1463-1465', '004 l.1921'],
      ],
      [
        'A4',
        'Does the AI give instructions that make experience and expertise less relevant?',
        'Geeft de AI instructies waardoor ervaring en vakmanschap minder relevant worden?',
        ['004 l.1923'],
      ],
    ],
  ),
  dimension(
    'B',
    'Competences and skills',
    'Competenties en vaardigheden',
    ['004 l.1925-1933'],
    [
      [
        'B1',
        'Which skills are no longer used and which new ones are needed? Name them per function.',
        'Welke vaardigheden worden niet meer gebruikt en welke nieuwe zijn nodig? Noem ze per functie.',
        ['004 l.1927'],
      ],
      [
        'B2',
        'Risk of deskilling: if people move from doing to checking, how do they keep the skill they need to check?',
        'Risico op verlies van vakmanschap: als mensen van uitvoeren naar controleren gaan, hoe houden ze de kennis die nodig is om te controleren?',
        ['004 l.1933'],
      ],
      [
        'B3',
        'Do all users have basic digital skills? If not, what is the plan?',
        'Hebben alle gebruikers digitale basisvaardigheden? Zo niet, wat is het plan?',
        ['004 l.1929', '004 l.761'],
      ],
      [
        'B4',
        'Which junior or intern tasks disappear, and what does that mean for learning on the job?',
        'Welke taken van starters of stagiairs verdwijnen, en wat betekent dat voor leren in het werk?',
        ['004 l.126'],
      ],
    ],
  ),
  dimension(
    'C',
    'Autonomy',
    'Autonomie',
    ['004 l.1935-1949'],
    [
      [
        'C1',
        'Which decisions that workers used to take themselves (order, pace, method) does the system now take?',
        'Welke beslissingen die werkenden zelf namen (volgorde, tempo, werkwijze) neemt het systeem nu?',
        ['004 l.1947'],
      ],
      [
        'C2',
        'Can workers deviate from the AI’s instructions or recommendations, and how?',
        'Kunnen werkenden afwijken van de instructies of aanbevelingen van de AI, en hoe?',
        ['004 l.1965-1971'],
      ],
      [
        'C3',
        'If more responsibility is given, is the matching authority given too?',
        'Als er meer verantwoordelijkheid wordt gegeven, komt er dan ook passende zeggenschap bij?',
        ['004 l.1939'],
      ],
    ],
  ),
  dimension(
    'D',
    'Control and monitoring (algorithmic management)',
    'Controle en monitoring (algoritmisch management)',
    ['004 l.714-726', '004 l.2041-2045', '003 l.121-125'],
    [
      [
        'D1',
        'Does the system collect data on the behaviour, attendance or performance of workers? What data, how often, and who sees it?',
        'Verzamelt het systeem gegevens over gedrag, aanwezigheid of prestaties van werkenden? Welke gegevens, hoe vaak, en wie ziet ze?',
        ['004 l.1521'],
      ],
      [
        'D2',
        'Is the monitoring used to detect errors, or linked to promotion, pay or contract renewal?',
        'Wordt de monitoring gebruikt om fouten op te sporen, of gekoppeld aan promotie, beloning of contractverlenging?',
        ['004 l.1963', '004 l.726'],
      ],
      [
        'D3',
        'Is there continuous task assignment plus scoring of every task?',
        'Is er continue taaktoewijzing met een score voor elke taak?',
        ['004 l.148', '004 l.1963'],
      ],
      [
        'D4',
        'Are workers assessed automatically by computer, without a manager?',
        'Worden werkenden automatisch door de computer beoordeeld, zonder leidinggevende?',
        ['003 l.122-123', '004 l.1987'],
      ],
    ],
  ),
  dimension(
    'E',
    'Work intensity and working time',
    'Werkintensiteit en werktijden',
    ['004 l.124', '004 l.148', '004 l.712', '004 l.1973', '004 l.2035'],
    [
      [
        'E1',
        'Does the work pace go up? How will it be measured?',
        'Gaat het werktempo omhoog? Hoe wordt dat gemeten?',
        ['004 l.2035'],
      ],
      [
        'E2',
        'Does AI planning create peak loads in short time slots or work outside regular hours?',
        'Zorgt AI-planning voor piekbelasting in korte tijdvakken of werk buiten de gewone uren?',
        ['004 l.148'],
      ],
      [
        'E3',
        'Does it change the time slots in which workers must be available?',
        'Verandert het de tijdvakken waarin werkenden beschikbaar moeten zijn?',
        ['004 l.712', '003 l.93-110'],
      ],
    ],
  ),
  dimension(
    'F',
    'Work stress and psychosocial load',
    'Werkstress en psychosociale belasting',
    ['004 l.1963-1975', '004 l.761'],
    [
      [
        'F1',
        'Does the system give instructions that go against the worker’s own judgement, or that cannot be explained?',
        'Geeft het systeem instructies die ingaan tegen het eigen oordeel van de werkende, of die niet uit te leggen zijn?',
        ['004 l.1965-1971'],
      ],
      [
        'F2',
        'Does the work become passive monitoring of output, which is mentally exhausting?',
        'Wordt het werk passief bewaken van uitkomsten, wat mentaal uitputtend is?',
        ['004 l.1971'],
      ],
      [
        'F3',
        'Fear of job loss and the load of learning new systems: what mitigation is planned?',
        'Angst voor baanverlies en de belasting van nieuwe systemen leren: welke maatregelen zijn gepland?',
        ['004 l.1963'],
      ],
      [
        'F4',
        'Does the system analyse emotions, body language or facial expressions? (Check the AI Act art. 5 prohibition first.)',
        'Analyseert het systeem emoties, lichaamstaal of gezichtsuitdrukkingen? (Toets eerst het verbod van AI Act art. 5.)',
        ['004 l.1963', '004 l.465'],
      ],
    ],
  ),
  dimension(
    'G',
    'Physical load and safety',
    'Fysieke belasting en veiligheid',
    ['004 l.1955-1961', '004 l.546'],
    [
      [
        'G1',
        'Does the AI take over dangerous or heavy tasks?',
        'Neemt de AI gevaarlijke of zware taken over?',
        ['004 l.1955'],
      ],
      [
        'G2',
        'Can workers predict autonomous machine movements? Does the real environment differ from the training data?',
        'Kunnen werkenden autonome bewegingen van machines voorspellen? Wijkt de echte omgeving af van de trainingsdata?',
        ['004 l.1957-1959', '004 l.546'],
      ],
      [
        'G3',
        'Is there a cloud or cyber dependency that could affect physical safety?',
        'Is er een afhankelijkheid van cloud of netwerk die de fysieke veiligheid kan raken?',
        ['004 l.1959'],
      ],
      [
        'G4',
        'Does safety monitoring (such as PPE detection) reduce autonomy, and how is that balanced?',
        'Vermindert veiligheidsmonitoring (zoals detectie van beschermingsmiddelen) de autonomie, en hoe wordt dat afgewogen?',
        ['004 l.1955'],
      ],
    ],
  ),
  dimension(
    'H',
    'Social relations',
    'Sociale relaties',
    ['004 l.1979-1989'],
    [
      [
        'H1',
        'Does contact with colleagues get replaced by human-machine interaction (risk of isolation)?',
        'Wordt contact met collega’s vervangen door interactie met de machine (risico op isolement)?',
        ['004 l.1981'],
      ],
      [
        'H2',
        'What remains of the relationship with the manager? Is there still a human manager for social support?',
        'Wat blijft er over van de relatie met de leidinggevende? Is er nog een menselijke leidinggevende voor sociale steun?',
        ['004 l.1987'],
      ],
      [
        'H3',
        'Does the system design encourage competitive or selfish behaviour?',
        'Stimuleert het ontwerp van het systeem competitief of egoïstisch gedrag?',
        ['004 l.1983'],
      ],
      [
        'H4',
        'Does the information gap between management and workers grow?',
        'Groeit de informatiekloof tussen management en werkenden?',
        ['004 l.1989', '004 l.1046'],
      ],
    ],
  ),
  dimension(
    'I',
    'Fair and just treatment',
    'Eerlijke en rechtvaardige behandeling',
    ['004 l.736', '004 l.745', '004 l.1991-2013'],
    [
      [
        'I1',
        'What data is the system trained on or does it use, and has it been tested for bias (gender, ethnicity, age), including indirect bias?',
        'Op welke gegevens is het systeem getraind of welke gebruikt het, en is getest op vooringenomenheid (geslacht, afkomst, leeftijd), ook indirect?',
        ['004 l.2001', '004 l.745'],
      ],
      [
        'I2',
        'Which relevant but hard-to-measure aspects of the work are ignored?',
        'Welke relevante maar moeilijk meetbare aspecten van het werk worden genegeerd?',
        ['004 l.2003'],
      ],
      [
        'I3',
        'Can a decision be explained to the person concerned? Does the vendor share enough information?',
        'Kan een beslissing worden uitgelegd aan de betrokkene? Deelt de leverancier genoeg informatie?',
        ['004 l.2005', '004 l.1046'],
      ],
      [
        'I4',
        'Do workers have access to the data used about them, and can they correct it?',
        'Hebben werkenden inzage in de gegevens die over hen worden gebruikt, en kunnen ze die corrigeren?',
        ['004 l.2005-2007'],
      ],
      [
        'I5',
        'Are outcomes adopted directly, or can managers and workers add to or correct them?',
        'Worden uitkomsten direct overgenomen, of kunnen leidinggevenden en werkenden ze aanvullen of corrigeren?',
        ['004 l.2013'],
      ],
    ],
  ),
  dimension(
    'J',
    'Job security and employment conditions',
    'Werkzekerheid en arbeidsvoorwaarden',
    ['004 l.150', '004 l.2015-2025', '004 l.1587'],
    [
      [
        'J1',
        'Which functions shrink, change strongly or become redundant? What headcount effect is expected?',
        'Welke functies krimpen, veranderen sterk of vervallen? Welk effect op het aantal banen wordt verwacht?',
        ['004 l.1587', '004 l.1535'],
      ],
      [
        'J2',
        'Does AI guidance make workers more interchangeable, putting pay or contract type under pressure?',
        'Maakt sturing door AI werkenden beter uitwisselbaar, waardoor beloning of contractvorm onder druk komen?',
        ['004 l.2019-2025'],
      ],
      [
        'J3',
        'What is the effect on pay, promotion or contract renewal decisions?',
        'Wat is het effect op beslissingen over beloning, promotie of contractverlenging?',
        ['004 l.726', '004 l.2011'],
      ],
    ],
  ),
  dimension(
    'K',
    'Worker data, privacy and security',
    'Gegevens van werkenden, privacy en beveiliging',
    ['004 l.1977', '004 l.2037', '004 l.614', '003 l.114'],
    [
      [
        'K1',
        'What worker data does the system store, and what is the exposure to a data breach?',
        'Welke gegevens van werkenden slaat het systeem op, en hoe groot is het risico bij een datalek?',
        ['004 l.1977'],
      ],
      [
        'K2',
        'Can data entered into the tool leave the organisation, including confidential data?',
        'Kunnen gegevens die in de tool worden ingevoerd de organisatie verlaten, ook vertrouwelijke gegevens?',
        ['004 l.614'],
      ],
      [
        'K3',
        'Do workers feel the data collection as pressure? How will that be surveyed?',
        'Ervaren werkenden de gegevensverzameling als druk? Hoe wordt dat gepeild?',
        ['004 l.2037'],
      ],
    ],
  ),
  dimension(
    'L',
    'Third parties (customers, citizens)',
    'Derden (klanten, burgers)',
    ['004 l.221', '004 l.1483', '004 l.2011'],
    [
      [
        'L1',
        'Are customers or citizens affected? Does poorer service to them lower the quality of the workers’ jobs?',
        'Worden klanten of burgers geraakt? Verlaagt een slechtere dienstverlening aan hen de kwaliteit van het werk?',
        ['004 l.2011'],
      ],
    ],
  ),
];

export const QUESTIONS: readonly Question[] = DIMENSIONS.flatMap((d) => d.questions);
export const QUESTION_IDS: readonly string[] = QUESTIONS.map((q) => q.id);
export const DIMENSION_KEYS: readonly DimensionKey[] = DIMENSIONS.map((d) => d.key);

const QUESTION_BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));

export function questionById(id: string): Question | undefined {
  return QUESTION_BY_ID.get(id);
}

/** One item of a DPIA or FRIA section; `field` is its property in the stored section. */
export interface SectionItem {
  readonly id: string;
  readonly field: string;
  readonly text: LocalText;
  /** Required for the section to count as complete. */
  readonly required: boolean;
  readonly sources: readonly string[];
}

// GDPR 35(7)(a)-(d), with the views of the council under 35(9), legal-rules (b)8 [G1, G2]
export const DPIA_ITEMS: readonly SectionItem[] = [
  {
    id: 'DPIA.a',
    field: 'description',
    required: true,
    sources: ['G1'],
    text: {
      en: '(a) Systematic description of the processing operations and purposes, including any legitimate interest relied on',
      nl: '(a) Systematische beschrijving van de verwerkingen en de doeleinden, met het gerechtvaardigd belang waarop een beroep wordt gedaan',
    },
  },
  {
    id: 'DPIA.b',
    field: 'necessityProportionality',
    required: true,
    sources: ['G1'],
    text: {
      en: '(b) Assessment of the necessity and proportionality of the processing',
      nl: '(b) Beoordeling van de noodzaak en evenredigheid van de verwerking',
    },
  },
  {
    id: 'DPIA.c',
    field: 'risksToRights',
    required: true,
    sources: ['G1'],
    text: {
      en: '(c) Assessment of the risks to the rights and freedoms of the data subjects',
      nl: '(c) Beoordeling van de risico’s voor de rechten en vrijheden van de betrokkenen',
    },
  },
  {
    id: 'DPIA.d',
    field: 'measures',
    required: true,
    sources: ['G1', 'E10'],
    text: {
      en: '(d) Measures to address the risks: safeguards, security and mechanisms to demonstrate compliance',
      nl: '(d) Maatregelen tegen de risico’s: waarborgen, beveiliging en mechanismen om naleving aan te tonen',
    },
  },
  {
    id: 'DPIA.views',
    field: 'councilViews',
    required: false,
    sources: ['G2', 'G7'],
    text: {
      en: 'Views of the data subjects or their representatives, the works council (art. 35(9))',
      nl: 'Zienswijze van de betrokkenen of hun vertegenwoordigers, de ondernemingsraad (art. 35(9))',
    },
  },
  {
    id: 'DPIA.dpo',
    field: 'dpoAdvice',
    required: false,
    sources: ['G2'],
    text: {
      en: 'Advice of the data protection officer (art. 35(2))',
      nl: 'Advies van de functionaris gegevensbescherming (art. 35(2))',
    },
  },
];

// AI Act 27(1)(a)-(f), legal-rules (b)7 [E12]
export const FRIA_ITEMS: readonly SectionItem[] = [
  {
    id: 'FRIA.a',
    field: 'processes',
    required: true,
    sources: ['E12'],
    text: {
      en: '(a) The deployer’s processes in which the system is used, in line with its intended purpose',
      nl: '(a) De processen van de gebruiksverantwoordelijke waarin het systeem wordt gebruikt, volgens het beoogde doel',
    },
  },
  {
    id: 'FRIA.b',
    field: 'periodAndFrequency',
    required: true,
    sources: ['E12'],
    text: {
      en: '(b) The period and frequency of use',
      nl: '(b) De periode en frequentie van het gebruik',
    },
  },
  {
    id: 'FRIA.c',
    field: 'affectedCategories',
    required: true,
    sources: ['E12'],
    text: {
      en: '(c) The categories of natural persons and groups likely to be affected',
      nl: '(c) De categorieën natuurlijke personen en groepen die waarschijnlijk worden geraakt',
    },
  },
  {
    id: 'FRIA.d',
    field: 'specificRisks',
    required: true,
    sources: ['E12'],
    text: {
      en: '(d) The specific risks of harm to those categories, using the provider’s art. 13 information',
      nl: '(d) De specifieke risico’s op schade voor die categorieën, met de informatie van de aanbieder (art. 13)',
    },
  },
  {
    id: 'FRIA.e',
    field: 'humanOversight',
    required: true,
    sources: ['E12', 'E5'],
    text: {
      en: '(e) How the human-oversight measures are implemented, according to the instructions for use',
      nl: '(e) Hoe de maatregelen voor menselijk toezicht worden uitgevoerd, volgens de gebruiksaanwijzing',
    },
  },
  {
    id: 'FRIA.f',
    field: 'measuresIfRisksMaterialise',
    required: true,
    sources: ['E12'],
    text: {
      en: '(f) Measures if the risks materialise, including internal governance and complaint mechanisms',
      nl: '(f) Maatregelen als de risico’s zich voordoen, met interne governance en klachtenregelingen',
    },
  },
];

/** What a council comment may be about: a dimension, a question, a DPIA/FRIA item or the risk register. */
export const RISK_REGISTER_TARGET = 'risks';
export const COMMENT_TARGETS: readonly string[] = [
  ...DIMENSION_KEYS,
  ...QUESTION_IDS,
  ...DPIA_ITEMS.map((i) => i.id),
  ...FRIA_ITEMS.map((i) => i.id),
  RISK_REGISTER_TARGET,
];
