import type { TriageAnswers } from './triage';

/**
 * The triage questionnaire as data (issue #17): every question in plain language with a help
 * text and an example, in Dutch and English, the follow-ups declared with the condition under
 * which they are asked (`showWhen`). The server decides with the same conditions which answers
 * count (`questionApplies`), and the web shows or hides each follow-up by them, so the two never
 * disagree. Pure data; the legal sources are legal-rules ids or the articles cited in the README.
 */

export type QuestionKey = keyof TriageAnswers;
export type Language = 'nl' | 'en';
export type LocalText = Readonly<Record<Language, string>>;

export type QuestionKind = 'yes_no' | 'number' | 'choice' | 'letters' | 'text' | 'cao_settlements';

/** When a follow-up is asked: the answer of the question it follows. */
export interface ShowWhen {
  readonly question: QuestionKey;
  /** `is_true`: answered yes; `equals`: the choice `value`; `not_empty`: a list or text given. */
  readonly operator: 'is_true' | 'equals' | 'not_empty';
  readonly value?: string;
}

export interface QuestionOption {
  readonly value: string;
  readonly label: LocalText;
}

export interface TriageQuestion {
  readonly key: QuestionKey;
  readonly kind: QuestionKind;
  readonly text: LocalText;
  /** What the question means, in plain words. */
  readonly help: LocalText;
  /** A workplace example. */
  readonly example: LocalText;
  /** The choices of a `choice` or `letters` question, in their order. */
  readonly options?: readonly QuestionOption[];
  /** Must be answered (or "weet ik niet") before the triage is saved, when it applies. */
  readonly required: boolean;
  readonly showWhen?: ShowWhen;
  readonly sources: readonly string[];
}

export interface TriageQuestionGroup {
  readonly id: string;
  readonly title: LocalText;
  readonly questions: readonly TriageQuestion[];
}

type Spec = Omit<TriageQuestion, 'text' | 'help' | 'example' | 'required'> & {
  readonly required?: boolean;
  /** [nl, en] */
  readonly text: readonly [string, string];
  readonly help: readonly [string, string];
  readonly example: readonly [string, string];
};

const local = ([nl, en]: readonly [string, string]): LocalText => ({ nl, en });
const option = (value: string, nl: string, en: string): QuestionOption => ({
  value,
  label: { nl, en },
});

function q(spec: Spec): TriageQuestion {
  return {
    ...spec,
    text: local(spec.text),
    help: local(spec.help),
    example: local(spec.example),
    required: spec.required ?? spec.kind === 'yes_no',
  };
}

const yesNo = (
  key: QuestionKey,
  sources: readonly string[],
  text: readonly [string, string],
  help: readonly [string, string],
  example: readonly [string, string],
  showWhen?: ShowWhen,
): TriageQuestion => q({ key, kind: 'yes_no', sources, text, help, example, showWhen });

const group = (
  id: string,
  nl: string,
  en: string,
  questions: readonly TriageQuestion[],
): TriageQuestionGroup => ({ id, title: { nl, en }, questions });

export const CONSENT_LETTER_OPTIONS: readonly QuestionOption[] = [
  option('b', 'b: werk- en rusttijden', 'b: working and rest times'),
  option('c', 'c: beloning en functiewaardering', 'c: pay and job evaluation'),
  option('d', 'd: arbo en verzuim', 'd: health, safety and absence'),
  option('e', 'e: aanstelling, ontslag, bevordering', 'e: hiring, dismissal, promotion'),
  option('f', 'f: personeelsopleiding', 'f: staff training'),
  option('g', 'g: personeelsbeoordeling', 'g: staff appraisal'),
  option('j', 'j: klachtenregeling', 'j: complaints procedure'),
  option('k', 'k: persoonsgegevens', 'k: personal data'),
  option('l', 'l: personeelsvolgsystemen', 'l: staff monitoring'),
  option('m', 'm: klokkenluidersregeling', 'm: whistle-blowing procedure'),
];

export const TRIAGE_QUESTIONNAIRE: readonly TriageQuestionGroup[] = [
  group('council', 'De medezeggenschap', 'Employee participation', [
    q({
      key: 'councilType',
      kind: 'choice',
      required: true,
      sources: ['W1', 'W10', 'W26'],
      options: [
        option('or', 'Ondernemingsraad', 'Works council (OR)'),
        option('pvt', 'Personeelsvertegenwoordiging (PVT)', 'Staff representation (PVT)'),
        option('none', 'Geen', 'None'),
      ],
      text: [
        'Welke medezeggenschap heeft de onderneming?',
        'What employee participation body does the undertaking have?',
      ],
      help: [
        'Een ondernemingsraad (OR) heeft de meeste rechten; een personeelsvertegenwoordiging (PVT) in een kleine onderneming minder.',
        'A works council (ondernemingsraad, OR) has the widest rights; a staff representation (personeelsvertegenwoordiging, PVT) in a small undertaking has fewer.',
      ],
      example: [
        'Een distributiecentrum met 250 medewerkers en een gekozen OR: kies "Ondernemingsraad".',
        'A distribution centre with 250 staff and an elected council: choose "Works council".',
      ],
    }),
    q({
      key: 'headcount',
      kind: 'number',
      required: true,
      sources: ['WOR 2', 'W26'],
      text: [
        'Hoeveel mensen werken er in de onderneming?',
        'How many people work in the undertaking?',
      ],
      help: [
        'Tel iedereen die in de onderneming werkt, ook uitzendkrachten die er langer dan 24 maanden werken. Vanaf 50 moet er een OR zijn.',
        'Count everyone working in the undertaking, including agency workers there for more than 24 months. From 50 a works council is required.',
      ],
      example: [
        '120 medewerkers in vaste en tijdelijke dienst: vul 120 in.',
        '120 permanent and temporary staff: enter 120.',
      ],
    }),
    yesNo(
      'majorEffectOnQuarterOfStaff',
      ['W26', 'S19'],
      [
        'Kost het besluit banen of verandert het werk of arbeidsvoorwaarden ingrijpend voor minstens een kwart van het personeel?',
        'Does the decision cost jobs or importantly change work or terms for at least a quarter of the staff?',
      ],
      [
        'Alleen voor een PVT: die mag alleen adviseren over besluiten met zulke grote gevolgen (WOR art. 35c).',
        'Only for a PVT: it advises only on decisions with such a large effect (WOR art. 35c).',
      ],
      [
        'Een planningssysteem dat de diensten van 8 van de 25 medewerkers verandert: ja.',
        'A scheduling system that changes the shifts of 8 of the 25 staff: yes.',
      ],
      { question: 'councilType', operator: 'equals', value: 'pvt' },
    ),
  ]),
  group('wor25', 'Adviesrecht (WOR art. 25)', 'Right of advice (WOR art. 25)', [
    yesNo(
      'introducesOrChangesTechnology',
      ['W1', 'S23'],
      [
        'Wordt een technologische voorziening ingevoerd of gewijzigd (ook een pilot)?',
        'Is a technological facility introduced or changed (a pilot counts too)?',
      ],
      [
        'Elk nieuw AI-systeem, een nieuwe versie met andere functies of een proef telt mee.',
        'Every new AI system, a new version with other functions, or a trial counts.',
      ],
      [
        'Een proef van drie maanden met een AI-planningstool in één vestiging: ja.',
        'A three-month trial of an AI scheduling tool in one branch: yes.',
      ],
    ),
    yesNo(
      'changesActivities',
      ['W1'],
      [
        'Worden de werkzaamheden belangrijk ingekrompen, uitgebreid of veranderd?',
        'Are the activities importantly reduced, expanded or changed?',
      ],
      [
        'Verandert wat de onderneming doet, of hoeveel: een afdeling die stopt of een nieuwe dienst.',
        'Does what the undertaking does change, or how much: a department that stops or a new service.',
      ],
      [
        'De klantenservice wordt grotendeels door een chatbot overgenomen: ja.',
        'Customer service is largely taken over by a chatbot: yes.',
      ],
    ),
    yesNo(
      'changesWorkOrganisation',
      ['W1'],
      [
        'Verandert de organisatie of de verdeling van bevoegdheden belangrijk?',
        'Does the organisation or the division of powers change importantly?',
      ],
      [
        'Wie beslist waarover, wie aan wie rapporteert, hoe teams zijn ingedeeld.',
        'Who decides what, who reports to whom, how teams are arranged.',
      ],
      [
        'Teamleiders plannen niet meer zelf; het systeem deelt de diensten in: ja.',
        'Team leaders no longer plan; the system assigns the shifts: yes.',
      ],
    ),
    yesNo(
      'majorInvestment',
      ['W1'],
      ['Gaat het om een belangrijke investering?', 'Is it an important investment?'],
      [
        'Belangrijk in verhouding tot de omvang van de onderneming, niet in absolute bedragen.',
        'Important relative to the size of the undertaking, not in absolute amounts.',
      ],
      [
        'Een licentie van € 400.000 per jaar voor een bedrijf met 300 medewerkers: ja.',
        'A licence of €400,000 a year for a company with 300 staff: yes.',
      ],
    ),
    yesNo(
      'recruitmentOfStaff',
      ['W1'],
      [
        'Worden groepen medewerkers aangenomen of ingehuurd?',
        'Are groups of staff recruited or hired in?',
      ],
      [
        'Gaat het om werving of inhuur van een groep mensen tegelijk, niet om één vacature?',
        'Is it about recruiting or hiring in a group of people at once, not one vacancy?',
      ],
      [
        'Voor de invoering worden tien data-analisten via een bureau ingehuurd: ja.',
        'Ten data analysts are hired in through an agency for the roll-out: yes.',
      ],
    ),
    yesNo(
      'externalAdviserEngaged',
      ['W2', 'W20'],
      [
        'Is een externe adviseur bij deze zaak betrokken?',
        'Is an external adviser engaged on this matter?',
      ],
      [
        'Een adviesbureau of consultant die de werkgever over dit systeem adviseert.',
        'A consultancy or consultant advising the employer on this system.',
      ],
      [
        'Een AI-consultancy die de leverancier selecteert en de invoering begeleidt: ja.',
        'An AI consultancy selecting the vendor and guiding the roll-out: yes.',
      ],
    ),
  ]),
  group('wor27', 'Instemmingsrecht (WOR art. 27)', 'Right of consent (WOR art. 27)', [
    yesNo(
      'processesStaffPersonalData',
      ['W10', 'G1'],
      [
        'Verwerkt het systeem persoonsgegevens van medewerkers?',
        'Does the system process personal data of staff?',
      ],
      [
        'Alles wat over een herkenbare medewerker gaat: naam, personeelsnummer, roosters, prestaties.',
        'Anything about an identifiable member of staff: name, staff number, rosters, performance.',
      ],
      [
        'Het systeem leest de prikklok en het rooster per medewerker: ja.',
        'The system reads the time clock and the roster per person: yes.',
      ],
    ),
    yesNo(
      'canMonitorStaff',
      ['W10', 'D2'],
      [
        'Is het systeem geschikt om aanwezigheid, gedrag of prestaties te volgen?',
        'Is the system suitable for observing attendance, behaviour or performance?',
      ],
      [
        'Het gaat om geschiktheid, niet om de bedoeling: kan het systeem het, dan telt het.',
        'What counts is suitability, not intent: if the system can do it, it counts.',
      ],
      [
        'Een scanner die per orderpicker het aantal picks per uur bijhoudt: ja, ook als het "alleen voor planning" is.',
        'A scanner recording picks per hour per order picker: yes, even if it is "only for planning".',
      ],
    ),
    yesNo(
      'usedForAppraisal',
      ['W10'],
      ['Wordt het gebruikt voor beoordeling?', 'Is it used for appraisal?'],
      [
        'Gebruikt de werkgever de uitkomsten bij functionerings- of beoordelingsgesprekken?',
        'Does the employer use its output in performance or appraisal reviews?',
      ],
      [
        'Een dashboard met scores per medewerker dat leidinggevenden bij het jaargesprek gebruiken: ja.',
        'A dashboard with scores per person that managers use in the annual review: yes.',
      ],
    ),
    yesNo(
      'affectsWorkingTimes',
      ['W10'],
      ['Raakt het werk- en rusttijden?', 'Does it affect working and rest times?'],
      [
        'Bepaalt of beïnvloedt het systeem roosters, diensten, pauzes of overwerk?',
        'Does the system set or influence rosters, shifts, breaks or overtime?',
      ],
      [
        'Een tool die roosters maakt op basis van voorspelde drukte: ja.',
        'A tool that builds rosters from predicted demand: yes.',
      ],
    ),
    yesNo(
      'affectsHealthSafety',
      ['W10', 'B2'],
      ['Raakt het gezondheid en veiligheid?', 'Does it affect health and safety?'],
      [
        'Werkdruk, veiligheid, verzuim of re-integratie: alles wat onder het arbobeleid valt.',
        'Workload, safety, absence or reintegration: anything under the health and safety policy.',
      ],
      [
        'Het systeem verhoogt het werktempo of voorspelt verzuim: ja.',
        'The system raises the pace of work or predicts absence: yes.',
      ],
    ),
    yesNo(
      'affectsHiringFiringPromotion',
      ['W10'],
      [
        'Raakt het aanstelling, ontslag of bevordering?',
        'Does it affect hiring, dismissal or promotion?',
      ],
      [
        'Helpt het systeem kiezen wie wordt aangenomen, doorgroeit of vertrekt?',
        'Does the system help choose who is hired, promoted or let go?',
      ],
      [
        'Een tool die sollicitanten rangschikt of interne kandidaten voordraagt: ja.',
        'A tool that ranks applicants or proposes internal candidates: yes.',
      ],
    ),
    yesNo(
      'affectsTraining',
      ['W10'],
      ['Raakt het personeelsopleiding?', 'Does it affect staff training?'],
      [
        'Bepaalt het systeem wie welke opleiding krijgt, of verandert het opleidingsbeleid?',
        'Does the system decide who gets which training, or change the training policy?',
      ],
      [
        'Een leerplatform dat verplichte cursussen per medewerker toewijst: ja.',
        'A learning platform assigning mandatory courses per person: yes.',
      ],
    ),
    yesNo(
      'affectsPayOrJobEvaluation',
      ['W10', 'legal-rules (e)5'],
      [
        'Raakt het beloning of functiewaardering?',
        'Does it affect pay or job evaluation (functiewaardering)?',
      ],
      [
        'Beïnvloedt het systeem salaris, bonussen, toeslagen of de indeling van functies in schalen?',
        'Does the system influence salary, bonuses, allowances or how jobs are graded?',
      ],
      [
        'Een tool die functies automatisch waardeert en in een loonschaal indeelt: ja.',
        'A tool that evaluates jobs automatically and places them in a pay grade: yes.',
      ],
    ),
    yesNo(
      'affectsComplaintsProcedure',
      ['W10', 'legal-rules (e)5'],
      [
        'Raakt het de klachtenregeling?',
        'Does it affect the complaints procedure (klachtenregeling)?',
      ],
      [
        'Verandert hoe medewerkers een klacht indienen of hoe die wordt behandeld?',
        'Does it change how staff file a complaint or how it is handled?',
      ],
      [
        'Een chatbot neemt klachten van medewerkers aan en sorteert ze: ja.',
        'A chatbot takes in staff complaints and sorts them: yes.',
      ],
    ),
    yesNo(
      'affectsWhistleblowingProcedure',
      ['W10', 'legal-rules (e)5'],
      [
        'Raakt het de klokkenluidersregeling?',
        'Does it affect the whistle-blowing procedure (klokkenluidersregeling)?',
      ],
      [
        'Verandert hoe vermoedens van misstanden worden gemeld of onderzocht?',
        'Does it change how suspected wrongdoing is reported or investigated?',
      ],
      [
        'Meldingen van misstanden worden door AI voorgesorteerd of geanonimiseerd: ja.',
        'Reports of wrongdoing are pre-sorted or anonymised by AI: yes.',
      ],
    ),
    q({
      key: 'caoSettledConsentLetters',
      kind: 'letters',
      sources: ['W11'],
      options: CONSENT_LETTER_OPTIONS,
      text: [
        'Welke onderwerpen regelt de cao al volledig inhoudelijk?',
        'Which subjects does the collective agreement (cao) already settle in full?',
      ],
      help: [
        'Alleen wat de cao zelf inhoudelijk regelt, zonder ruimte voor de werkgever, valt buiten het instemmingsrecht. Twijfelt u, vink dan niets aan.',
        'Only what the cao itself settles in substance, leaving the employer no room, is outside the right of consent. In doubt, tick nothing.',
      ],
      example: [
        'De cao legt de werktijden en pauzes precies vast: vink b aan.',
        'The cao fixes working hours and breaks exactly: tick b.',
      ],
    }),
    q({
      key: 'caoReference',
      kind: 'text',
      sources: ['W11'],
      showWhen: { question: 'caoSettledConsentLetters', operator: 'not_empty' },
      text: ['Verwijzing naar de cao-bepaling', 'Reference to the cao provision'],
      help: [
        'Noem de cao en het artikel, zodat de OR het kan nalezen.',
        'Name the cao and the article, so the council can check it.',
      ],
      example: [
        'Cao Beroepsgoederenvervoer 2025-2026, art. 24',
        'Cao Beroepsgoederenvervoer 2025-2026, art. 24',
      ],
    }),
    q({
      key: 'caoSettlements',
      kind: 'cao_settlements',
      sources: ['W11', 'legal-rules (e)5'],
      options: CONSENT_LETTER_OPTIONS,
      text: [
        'Regelt de cao een onderwerp maar voor een deel? Noem per onderwerp wat de cao regelt.',
        'Does the cao settle a subject only in part? Name per topic what the cao settles.',
      ],
      help: [
        'De cao haalt het instemmingsrecht alleen weg "voor zover" zij het onderwerp regelt. Regelt zij een deel, dan blijft instemming nodig voor de rest.',
        'The cao removes the right of consent only "voor zover" (as far as) it settles the subject. If it settles a part, consent is still needed for the rest.',
      ],
      example: [
        'c, deel: "de loonschalen" (de cao regelt de schalen, niet de tool die functies waardeert).',
        'c, part: "the pay scales" (the cao settles the scales, not the tool that evaluates jobs).',
      ],
    }),
  ]),
  group(
    'prohibited',
    'AI-verordening: verboden toepassingen (art. 5)',
    'AI Act: prohibited practices (art. 5)',
    [
      yesNo(
        'manipulativeTechniques',
        ['AI Act 5(1)(a)', 'legal-rules (e)6'],
        [
          'Beïnvloedt het systeem mensen ongemerkt of misleidend, zodat ze keuzes maken die hen schaden?',
          'Does the system influence people covertly or deceptively, so that they make choices that harm them?',
        ],
        [
          'Technieken onder de bewustzijnsdrempel of misleiding die gedrag wezenlijk verstoren.',
          'Techniques below awareness, or deception, that materially distort behaviour.',
        ],
        [
          'Een app die met verborgen prikkels medewerkers aanzet om pauzes over te slaan: ja.',
          'An app using hidden cues to push staff to skip their breaks: yes.',
        ],
      ),
      yesNo(
        'exploitsVulnerabilities',
        ['AI Act 5(1)(b)', 'legal-rules (e)6'],
        [
          'Maakt het misbruik van kwetsbaarheid door leeftijd, handicap of een sociale of economische situatie?',
          'Does it exploit vulnerability due to age, disability or a social or economic situation?',
        ],
        [
          'Richt het zich juist op mensen die zich minder goed kunnen verweren?',
          'Does it target precisely the people less able to defend themselves?',
        ],
        [
          'Medewerkers met schulden krijgen gerichte voorstellen voor extra diensten tegen lager tarief: ja.',
          'Staff in debt get targeted offers of extra shifts at a lower rate: yes.',
        ],
      ),
      yesNo(
        'socialScoring',
        ['AI Act 5(1)(c)', 'legal-rules (e)6'],
        [
          'Geeft het mensen een score op gedrag of eigenschappen die buiten de context tot nadeel leidt?',
          'Does it score people on behaviour or traits in a way that leads to unrelated or disproportionate harm?',
        ],
        [
          'Een "sociale score" die gedrag in de ene situatie gebruikt voor nadeel in een andere.',
          'A "social score" using behaviour in one setting to disadvantage people in another.',
        ],
        [
          'Activiteit op sociale media bepaalt wie in aanmerking komt voor promotie: ja.',
          'Social media activity decides who is eligible for promotion: yes.',
        ],
      ),
      yesNo(
        'untargetedFacialScraping',
        ['AI Act 5(1)(e)', 'legal-rules (e)6'],
        [
          "Bouwt het een gezichtsdatabank op door ongericht beelden van internet of camera's te verzamelen?",
          'Does it build a face database by untargeted collection of images from the internet or cameras?',
        ],
        [
          'Ongericht: zonder dat het om bepaalde personen gaat, massaal beelden binnenhalen.',
          'Untargeted: collecting images in bulk, not about specific persons.',
        ],
        [
          "De leverancier vult zijn gezichtsherkenning met foto's van openbare websites: ja.",
          'The vendor trains its face recognition on photos scraped from public websites: yes.',
        ],
      ),
      yesNo(
        'biometricCategorisationSensitive',
        ['AI Act 5(1)(g)', 'legal-rules (e)6'],
        [
          'Leidt het uit biometrie ras, politieke opvatting, vakbondslidmaatschap, geloof of seksleven af?',
          'Does it infer race, political opinions, trade-union membership, religion or sex life from biometrics?',
        ],
        [
          'Biometrie is bijvoorbeeld gezicht, stem, vingerafdruk of manier van lopen.',
          'Biometrics are for instance face, voice, fingerprint or gait.',
        ],
        [
          'Camerabeelden worden gebruikt om te schatten wie lid is van een vakbond: ja.',
          'Camera images are used to estimate who is a union member: yes.',
        ],
      ),
      yesNo(
        'infersEmotions',
        ['A4', 'E2'],
        ['Leidt het systeem emoties af?', 'Does the system infer emotions?'],
        [
          'Uit gezicht, stem, typegedrag of lichaamssignalen afleiden hoe iemand zich voelt.',
          'Inferring how someone feels from face, voice, typing or body signals.',
        ],
        [
          'Software die in klantgesprekken de stemming van de medewerker meet: ja.',
          "Software measuring the agent's mood in customer calls: yes.",
        ],
      ),
      yesNo(
        'emotionMedicalOrSafety',
        ['A4', 'E2'],
        [
          'Gebeurt dat om medische of veiligheidsredenen?',
          'Is that for medical or safety reasons?',
        ],
        [
          'Alleen dan is emotieherkenning op het werk toegestaan; anders is het verboden.',
          'Only then is emotion recognition at work allowed; otherwise it is prohibited.',
        ],
        [
          'Vermoeidheidsdetectie bij vrachtwagenchauffeurs om ongelukken te voorkomen: ja.',
          'Fatigue detection for lorry drivers to prevent accidents: yes.',
        ],
        { question: 'infersEmotions', operator: 'is_true' },
      ),
    ],
  ),
  group('aiAct', 'AI-verordening: hoog risico (art. 6)', 'AI Act: high risk (art. 6)', [
    q({
      key: 'annexIIIPoint4',
      kind: 'choice',
      required: true,
      sources: ['A3', 'E3'],
      options: [
        option('none', 'Geen van deze', 'None of these'),
        option('recruitment_selection', 'Werving en selectie', 'Recruitment and selection'),
        option(
          'work_related_decisions',
          'Besluiten over arbeidsvoorwaarden, promotie of ontslag',
          'Decisions on terms, promotion or termination',
        ),
        option(
          'task_allocation',
          'Taaktoewijzing op basis van gedrag of kenmerken',
          'Task allocation based on behaviour or traits',
        ),
        option(
          'monitoring_evaluation',
          'Monitoren en evalueren van prestaties en gedrag',
          'Monitoring and evaluating performance and behaviour',
        ),
      ],
      text: [
        'Waarvoor wordt het systeem gebruikt (AI-verordening bijlage III punt 4)?',
        'What is the system used for (AI Act Annex III point 4)?',
      ],
      help: [
        'Deze toepassingen in werk en personeelsbeleid zijn hoog risico. Kies de belangrijkste.',
        'These uses in employment and HR are high-risk. Choose the main one.',
      ],
      example: [
        'Een systeem dat orderpickers per uur scoort en een ranglijst maakt: monitoren en evalueren.',
        'A system scoring order pickers per hour and ranking them: monitoring and evaluating.',
      ],
    }),
    q({
      key: 'annexIIIPoint1',
      kind: 'choice',
      sources: ['AI Act Annex III(1)', 'legal-rules (e)6'],
      options: [
        option('none', 'Geen biometrie', 'No biometrics'),
        option(
          'remote_biometric_identification',
          'Biometrische identificatie op afstand',
          'Remote biometric identification',
        ),
        option(
          'biometric_categorisation',
          'Biometrische categorisering',
          'Biometric categorisation',
        ),
        option('emotion_recognition', 'Emotieherkenning', 'Emotion recognition'),
      ],
      text: [
        'Gebruikt het systeem biometrie (AI-verordening bijlage III punt 1)?',
        'Does the system use biometrics (AI Act Annex III point 1)?',
      ],
      help: [
        'Mensen herkennen of indelen aan de hand van gezicht, stem of lichaam is hoog risico. Een gewone toegangspas met vingerafdruk om alleen de eigen identiteit te bevestigen valt hier niet onder.',
        'Recognising or sorting people by face, voice or body is high-risk. A fingerprint reader that only confirms your own identity does not count.',
      ],
      example: [
        "Camera's in het magazijn die medewerkers op afstand herkennen: identificatie op afstand.",
        'Warehouse cameras recognising staff from a distance: remote identification.',
      ],
    }),
    q({
      key: 'annexIIIPoint3',
      kind: 'choice',
      sources: ['AI Act Annex III(3)', 'legal-rules (e)6'],
      options: [
        option('none', 'Geen van deze', 'None of these'),
        option(
          'access_admission',
          'Toelating tot een opleiding',
          'Access or admission to training',
        ),
        option(
          'evaluating_learning_outcomes',
          'Leerresultaten beoordelen',
          'Evaluating learning outcomes',
        ),
        option(
          'assessing_education_level',
          'Het passende opleidingsniveau bepalen',
          'Assessing the appropriate level of education',
        ),
        option(
          'monitoring_test_behaviour',
          'Toezicht op gedrag tijdens toetsen',
          'Monitoring behaviour during tests',
        ),
      ],
      text: [
        'Wordt het gebruikt in onderwijs of beroepsopleiding (AI-verordening bijlage III punt 3)?',
        'Is it used in education or vocational training (AI Act Annex III point 3)?',
      ],
      help: [
        'Ook interne beroepsopleidingen tellen: wie wordt toegelaten, hoe leerresultaten worden beoordeeld, toezicht bij toetsen.',
        'In-house vocational training counts too: who is admitted, how results are assessed, proctoring of tests.',
      ],
      example: [
        'Een e-learning die de examens van heftruckchauffeurs automatisch beoordeelt: leerresultaten beoordelen.',
        "An e-learning that grades forklift drivers' exams automatically: evaluating learning outcomes.",
      ],
    }),
    yesNo(
      'annexIProduct',
      ['AI Act 6(1)', 'AI Act Annex I', 'legal-rules (e)6'],
      [
        'Zit de AI in een machine, robot of ander product met CE-markering (of is hij daar een veiligheidsonderdeel van)?',
        'Is the AI part of a machine, robot or other CE-marked product (or a safety component of one)?',
      ],
      [
        'Producten onder EU-productwetgeving (bijlage I), zoals machines en liften, zijn met AI hoog risico.',
        'Products under EU product law (Annex I), such as machinery and lifts, are high-risk with AI.',
      ],
      [
        'Een samenwerkende robot (cobot) die met AI zijn snelheid aanpast aan de medewerker naast hem: ja.',
        'A collaborative robot (cobot) using AI to adapt its speed to the worker beside it: yes.',
      ],
    ),
    yesNo(
      'profilesNaturalPersons',
      ['E3'],
      ['Maakt het profielen van personen?', 'Does it profile natural persons?'],
      [
        'Profileren: uit gegevens iets voorspellen of beoordelen over een persoon, zoals prestaties, betrouwbaarheid of gedrag.',
        'Profiling: predicting or assessing something about a person from data, such as performance, reliability or behaviour.',
      ],
      [
        'Het systeem voorspelt per medewerker de kans op verzuim: ja.',
        "The system predicts each person's likelihood of absence: yes.",
      ],
    ),
    yesNo(
      'article6_3Exception',
      ['E3', 'AI Act 6(4)', 'legal-rules (e)6'],
      [
        'Heeft de aanbieder gedocumenteerd dat het systeem geen significant risico vormt (art. 6 lid 3 en 4)?',
        'Has the provider documented that the system poses no significant risk (art. 6(3) and (4))?',
      ],
      [
        'Alleen de beoordeling van de aanbieder, vastgelegd in een document, telt; de eigen mening van de werkgever niet. Bij profilering geldt de uitzondering nooit.',
        "Only the provider's assessment, recorded in a document, counts; the employer's own opinion does not. With profiling the exception never applies.",
      ],
      [
        'De leverancier levert een verklaring dat de tool alleen roosters op spelling controleert: ja, voeg het document toe.',
        'The vendor supplies a statement that the tool only spell-checks rosters: yes, add the document.',
      ],
    ),
    q({
      key: 'providerAssessmentDocument',
      kind: 'text',
      sources: ['AI Act 6(4)', 'legal-rules (e)6'],
      showWhen: { question: 'article6_3Exception', operator: 'is_true' },
      text: [
        'Welk document van de aanbieder bevat die beoordeling?',
        "Which of the provider's documents holds that assessment?",
      ],
      help: [
        'Noem het document (titel, versie, datum) of de naam van het geüploade stuk. Zonder document blijft het systeem hoog risico.',
        'Name the document (title, version, date) or the uploaded file. Without a document the system stays high-risk.',
      ],
      example: [
        'Acme AI, "Art. 6(3) assessment RosterCheck", v1.2, 10 januari 2026',
        'Acme AI, "Art. 6(3) assessment RosterCheck", v1.2, 10 January 2026',
      ],
    }),
    q({
      key: 'deployerType',
      kind: 'choice',
      required: true,
      sources: ['A2', 'E12', 'legal-rules (d)9'],
      options: [
        option('private', 'Private werkgever', 'Private employer'),
        option('public_body', 'Overheidsorgaan', 'Public body'),
        option(
          'private_public_service',
          'Private partij die een openbare dienst verleent',
          'Private entity providing a public service',
        ),
      ],
      text: [
        'Wat voor gebruiksverantwoordelijke is de werkgever?',
        'What kind of deployer is the employer?',
      ],
      help: [
        'Overheden en private partijen met een openbare taak moeten bij hoog risico ook een grondrechteneffectbeoordeling (FRIA) doen.',
        'Public bodies and private entities providing public services must also carry out a fundamental rights impact assessment (FRIA) for high-risk AI.',
      ],
      example: [
        'Een gemeente of een zorginstelling met publieke taak: overheidsorgaan of openbare dienst.',
        'A municipality or a care provider with a public task: public body or public service.',
      ],
    }),
  ]),
  group(
    'transparency',
    'AI-verordening: transparantie (art. 50)',
    'AI Act: transparency (art. 50)',
    [
      yesNo(
        'chatbot',
        ['E14', 'AI Act 50(1)'],
        [
          'Praten mensen rechtstreeks met het systeem, zoals met een chatbot?',
          'Do people interact with the system directly, as with a chatbot?',
        ],
        [
          'Dan moeten zij weten dat zij met AI te maken hebben (vanaf 2 augustus 2026).',
          'Then they must be told they are dealing with AI (from 2 August 2026).',
        ],
        [
          'Een HR-chatbot die vragen over verlof beantwoordt: ja.',
          'An HR chatbot answering questions about leave: yes.',
        ],
      ),
      yesNo(
        'generatesContent',
        ['E14', 'AI Act 50(2)'],
        [
          'Maakt het systeem teksten, beelden, geluid of video?',
          'Does the system generate text, images, audio or video?',
        ],
        [
          'Gegenereerde inhoud moet als zodanig herkenbaar zijn gemaakt; controleer dat de aanbieder dat doet.',
          'Generated content must be marked as such; check the provider does so.',
        ],
        [
          'Een tool die vacatureteksten of functioneringsverslagen schrijft: ja.',
          'A tool that writes job adverts or review reports: yes.',
        ],
      ),
      yesNo(
        'deepfakes',
        ['E14', 'AI Act 50(4)'],
        [
          'Maakt het nagemaakte beelden, geluid of video van echte mensen (deepfakes)?',
          'Does it create fake images, audio or video of real people (deepfakes)?',
        ],
        [
          'Zulke inhoud moet zichtbaar als kunstmatig worden gemeld.',
          'Such content must be disclosed as artificial.',
        ],
        [
          'Een instructievideo waarin de stem van de directeur door AI is nagemaakt: ja.',
          "A training video with the director's voice recreated by AI: yes.",
        ],
      ),
    ],
  ),
  group('gdpr', 'AVG en DPIA', 'GDPR and DPIA', [
    yesNo(
      'solelyAutomatedSignificantDecisions',
      ['G4', 'legal-rules (e)8'],
      [
        'Neemt het systeem zelf besluiten met rechtsgevolgen of grote gevolgen voor medewerkers, zonder echte menselijke tussenkomst?',
        'Does the system itself take decisions with legal or similarly significant effects on staff, without real human involvement?',
      ],
      [
        'AVG art. 22: een mens die de uitkomst alleen afstempelt telt niet als menselijke tussenkomst.',
        'GDPR art. 22: a person who only rubber-stamps the outcome is no human intervention.',
      ],
      [
        'Het systeem beëindigt automatisch de inzet van flexkrachten met een lage score: ja.',
        'The system automatically ends the assignments of flex workers with a low score: yes.',
      ],
    ),
    yesNo(
      'largeScaleMonitoring',
      ['G1', 'legal-rules (e)7'],
      [
        'Worden medewerkers op grote schaal of stelselmatig gevolgd?',
        'Is staff monitored on a large scale or systematically?',
      ],
      [
        'Stelselmatig: doorlopend of volgens een vast patroon, niet een enkele keer.',
        'Systematic: continuously or on a fixed pattern, not a single occasion.',
      ],
      [
        'Alle 300 magazijnmedewerkers worden de hele dienst gevolgd: ja.',
        'All 300 warehouse staff are tracked throughout their shift: yes.',
      ],
    ),
    yesNo(
      'systematicProfilingWithSignificantEffects',
      ['G1'],
      [
        'Stelselmatige profilering met aanzienlijke gevolgen?',
        'Systematic profiling with significant effects?',
      ],
      [
        'Worden mensen stelselmatig beoordeeld of voorspeld, met gevolgen voor hun werk of inkomen?',
        'Are people systematically assessed or predicted, with effects on their work or income?',
      ],
      [
        'Maandelijkse risicoscores per medewerker die bepalen wie een contractverlenging krijgt: ja.',
        'Monthly risk scores per person deciding who gets a contract extension: yes.',
      ],
    ),
    yesNo(
      'specialCategoryData',
      ['G1'],
      [
        'Bijzondere persoonsgegevens op grote schaal?',
        'Special categories of personal data on a large scale?',
      ],
      [
        'Bijzonder zijn onder meer gezondheid, ras, religie, vakbondslidmaatschap, biometrie en seksuele geaardheid (AVG art. 9).',
        'Special categories include health, race, religion, trade-union membership, biometrics and sexual orientation (GDPR art. 9).',
      ],
      ['Verzuimgegevens van het hele personeel: ja.', 'Absence data of all staff: yes.'],
    ),
    yesNo(
      'biometrics',
      ['G1', 'legal-rules (e)7'],
      ['Biometrische gegevens?', 'Biometric data?'],
      [
        'Gegevens over gezicht, vingerafdruk, stem of iris waarmee iemand te herkennen is.',
        'Data about face, fingerprint, voice or iris that can identify someone.',
      ],
      [
        'In- en uitklokken met een vingerafdruk: ja.',
        'Clocking in and out with a fingerprint: yes.',
      ],
    ),
    yesNo(
      'healthData',
      ['G1', 'legal-rules (e)7'],
      [
        'Gaat het om gezondheidsgegevens, zoals verzuim of re-integratie?',
        'Does it concern health data, such as absence or reintegration?',
      ],
      [
        'Ziekmeldingen, verzuim en re-integratie zijn gezondheidsgegevens.',
        'Sick reports, absence and reintegration are health data.',
      ],
      [
        'Een verzuimvoorspeller die ziekmeldingen analyseert: ja.',
        'An absence predictor analysing sick reports: yes.',
      ],
    ),
    yesNo(
      'locationData',
      ['legal-rules (e)7'],
      ['Verwerkt het locatiegegevens van medewerkers?', 'Does it process location data of staff?'],
      [
        'GPS, wifi- of bluetoothposities, routes en ritten.',
        'GPS, wifi or bluetooth positions, routes and trips.',
      ],
      [
        'GPS-volgsystemen in de bestelbussen van chauffeurs: ja.',
        "GPS tracking in drivers' delivery vans: yes.",
      ],
    ),
    yesNo(
      'communicationData',
      ['legal-rules (e)7'],
      [
        'Verwerkt het communicatie van medewerkers, zoals e-mail, chat of telefoon?',
        'Does it process staff communications, such as e-mail, chat or calls?',
      ],
      [
        'De inhoud of de gegevens over berichten en gesprekken (wie, wanneer, hoe lang).',
        'The content or the data about messages and calls (who, when, how long).',
      ],
      [
        'Een tool die Teams-chats analyseert op klanttevredenheid: ja.',
        'A tool analysing Teams chats for customer satisfaction: yes.',
      ],
    ),
    yesNo(
      'cameraSurveillance',
      ['legal-rules (e)7'],
      ['Gebruikt het cameratoezicht?', 'Does it use camera surveillance?'],
      [
        "Camera's op de werkvloer, in voertuigen of bij ingangen.",
        'Cameras on the floor, in vehicles or at entrances.',
      ],
      [
        "AI-camera's die controleren of veiligheidshesjes worden gedragen: ja.",
        'AI cameras checking that safety vests are worn: yes.',
      ],
    ),
    yesNo(
      'covertMonitoring',
      ['legal-rules (e)7'],
      [
        'Worden medewerkers heimelijk gevolgd of onderzocht?',
        'Are staff monitored or investigated covertly?',
      ],
      [
        'Heimelijk: zonder dat de medewerker het weet of vooraf is ingelicht.',
        'Covertly: without the person knowing or being told beforehand.',
      ],
      [
        'Ongemerkt meekijken op het scherm bij een vermoeden van fraude: ja.',
        'Watching screens unnoticed on a suspicion of fraud: yes.',
      ],
    ),
    yesNo(
      'connectedDevices',
      ['legal-rules (e)7'],
      [
        'Gebruikt het verbonden apparaten of wearables?',
        'Does it use connected devices or wearables?',
      ],
      [
        'Slimme polsbandjes, sensoren, scanners of andere apparaten die gegevens doorsturen.',
        'Smart wristbands, sensors, scanners or other devices sending data.',
      ],
      [
        'Polsscanners die elke pick en elke stap registreren: ja.',
        'Wrist scanners recording every pick and every step: yes.',
      ],
    ),
    yesNo(
      'observesOrInfluencesBehaviour',
      ['legal-rules (e)7'],
      [
        'Observeert of stuurt het gedrag van medewerkers?',
        'Does it observe or steer the behaviour of staff?',
      ],
      [
        'Bijvoorbeeld met meldingen, beloningen of spelelementen om gedrag te veranderen.',
        'For instance with nudges, rewards or game elements to change behaviour.',
      ],
      [
        'Een app die met badges en ranglijsten een hoger werktempo aanmoedigt: ja.',
        'An app encouraging a faster pace with badges and leaderboards: yes.',
      ],
    ),
    yesNo(
      'fraudDetection',
      ['legal-rules (e)7'],
      ['Wordt het gebruikt om fraude op te sporen?', 'Is it used to detect fraud?'],
      [
        'Opsporen van fraude, diefstal of misbruik door medewerkers.',
        'Detecting fraud, theft or misuse by staff.',
      ],
      [
        'Een model dat afwijkende declaraties markeert: ja.',
        'A model flagging unusual expense claims: yes.',
      ],
    ),
    yesNo(
      'blacklist',
      ['legal-rules (e)7'],
      ['Houdt het een zwarte lijst bij van mensen?', 'Does it keep a blacklist of people?'],
      [
        'Een lijst van personen die ergens van worden uitgesloten, ook gedeeld met anderen.',
        'A list of persons excluded from something, also when shared with others.',
      ],
      [
        'Een lijst van oud-medewerkers die niet meer mogen worden ingehuurd: ja.',
        'A list of former staff who may not be hired again: yes.',
      ],
    ),
    yesNo(
      'financialSituation',
      ['legal-rules (e)7'],
      [
        'Gaat het om de financiële situatie van medewerkers?',
        'Does it concern the financial situation of staff?',
      ],
      [
        'Schulden, loonbeslag of kredietwaardigheid.',
        'Debts, wage garnishment or creditworthiness.',
      ],
      ['Een tool die loonbeslagen signaleert: ja.', 'A tool signalling wage garnishments: yes.'],
    ),
  ]),
  group('skills', 'Scholing', 'Skills and training', [
    yesNo(
      'jobContentChanges',
      ['B1'],
      [
        'Verandert de inhoud van functies, of kunnen functies vervallen?',
        'Does job content change, or may jobs become redundant?',
      ],
      [
        'Dan moet de werkgever medewerkers helpen hun functie te blijven vervullen of een andere te vinden (BW 7:611a).',
        'Then the employer must help staff keep doing their job or find another (BW 7:611a).',
      ],
      [
        'Planners gaan van zelf roosters maken naar het controleren van voorstellen van het systeem: ja.',
        "Planners move from making rosters to checking the system's proposals: yes.",
      ],
    ),
  ]),
];

/** Every question in questionnaire order. */
export const TRIAGE_QUESTIONS: readonly TriageQuestion[] = TRIAGE_QUESTIONNAIRE.flatMap(
  (g) => g.questions,
);

const BY_KEY = new Map(TRIAGE_QUESTIONS.map((question) => [question.key, question]));

/** The question's declared definition, or undefined for a key that is no triage question. */
export function triageQuestion(key: string): TriageQuestion | undefined {
  return BY_KEY.get(key as QuestionKey);
}

/** Whether a `showWhen` condition holds for these answers. */
export function conditionHolds(condition: ShowWhen, answers: TriageAnswers): boolean {
  const value: unknown = answers[condition.question];
  switch (condition.operator) {
    case 'is_true':
      return value === true;
    case 'equals':
      return value === condition.value;
    case 'not_empty':
      return Array.isArray(value)
        ? value.length > 0
        : typeof value === 'string' && value.trim() !== '';
  }
}
