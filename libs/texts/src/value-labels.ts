import type { TextLanguage } from './language';

/**
 * The texts of enum values and coded reasons (issue #18), grouped as the web's messages are
 * (`caseStage.draft`, `reason.<code>`): the web's catalogue spreads them in (`labelMessages`)
 * and the dossier PDF prints them, so a screen and the PDF never name a value differently.
 */
export const VALUE_LABELS = {
  nl: {
    caseStage: {
      draft: 'Concept',
      prohibited: 'Verboden toepassing',
      screening: 'Screening',
      preparation: 'Voorbereiding',
      information: 'Informatie',
      consultation: 'Overleg',
      request_submitted: 'Verzoek ingediend',
      council_deliberation: 'Beraad OR',
      employer_decision: 'Besluit bestuurder',
      nullity_invoked: 'Nietigheid ingeroepen',
      appeal_pending: 'Beroep loopt',
      substitute_permission_pending: 'Vervangende toestemming gevraagd',
      suspension: 'Opschorting',
      go_live_gate: 'Go-live-poort',
      implemented: 'Ingevoerd',
      evaluation: 'Evaluatie',
      closed: 'Afgesloten',
      on_hold: 'Gepauzeerd',
      withdrawn: 'Ingetrokken',
    },
    stage: {
      screening: 'Screening',
      information: 'Informatie',
      consultation_requested: 'Overleg gevraagd',
      consultation_held: 'Overleg gevoerd',
      request_submitted: 'Verzoek ingediend',
      council_deliberation: 'Beraad OR',
      council_position: 'Standpunt OR',
      suspension: 'Opschorting',
      appeal_pending: 'Beroep',
      substitute_permission_pending: 'Vervangende toestemming',
      nullity_invoked: 'Nietigheid ingeroepen',
      go_live_gate: 'Go-live-poort',
      implemented: 'Ingevoerd',
      evaluation: 'Evaluatie',
      closed: 'Afgesloten',
      withdrawn: 'Ingetrokken',
      on_hold: 'Gepauzeerd',
      classification: 'Classificatie',
      notice_prepared: 'Kennisgeving voorbereid',
      notice_sent: 'Kennisgeving verstuurd',
      fria_in_progress: 'FRIA loopt',
      fria_done: 'FRIA klaar',
      ready: 'Klaar voor gebruik',
      in_use: 'In gebruik',
      required: 'Nodig',
      in_progress: 'Bezig',
      prior_consultation: 'Voorafgaande raadpleging AP',
      done: 'Klaar',
      planned: 'Gepland',
    },
    track: {
      advice: 'Advies',
      consent: 'Instemming',
      ai_act: 'AI-verordening',
      dpia: 'DPIA',
      skills: 'Scholing',
      information: 'Informatieverzoek',
    },
    action: {
      request_information: 'Informatie vragen',
      provide_information: 'Informatie verstrekken',
      request_consultation: 'Overlegvergadering aanvragen',
      record_consultation_held: 'Overlegvergadering vastleggen',
      submit_request: 'Adviesaanvraag / instemmingsverzoek indienen',
      start_deliberation: 'Beraad starten',
      record_council_position: 'Advies / besluit OR vastleggen',
      record_employer_decision: 'Besluit bestuurder vastleggen',
      waive_suspension: 'Afzien van opschorting',
      end_suspension: 'Opschorting beëindigen',
      file_appeal: 'Beroep instellen',
      record_appeal_ruling: 'Uitspraak beroep vastleggen',
      record_substitute_permission: 'Uitspraak vervangende toestemming vastleggen',
      record_decision_without_consent:
        'Besluit zonder instemming vastleggen (nietigheidstermijn, art. 27 lid 5 WOR)',
      invoke_nullity: 'Nietigheid inroepen',
      start_evaluation: 'Evaluatie starten',
      close: 'Afsluiten',
      prepare_notice: 'Kennisgeving voorbereiden',
      send_notice: 'Kennisgeving versturen',
      start_fria: 'FRIA starten',
      complete_fria: 'FRIA afronden',
      mark_ready: 'Klaar voor gebruik melden',
      start_dpia: 'DPIA starten',
      complete_dpia: 'DPIA afronden',
      record_prior_consultation: 'Raadpleging AP vastleggen',
      start_training: 'Scholing starten',
      complete_training: 'Scholing afronden',
      mark_implemented: 'Als ingevoerd markeren',
      propose_change: 'Wijziging voorstellen',
      withdraw: 'Intrekken',
      put_on_hold: 'Pauzeren',
      resume: 'Hervatten',
    },
    side: {
      employer: 'werkgever',
      council_board: 'OR-bestuur',
      council_member: 'OR-lid',
      expert: 'deskundige',
      union: 'vakbond',
    },
    position: {
      positive: 'Positief advies',
      negative: 'Negatief advies',
      conditional: 'Onder voorwaarden',
      granted: 'Instemming verleend',
      refused: 'Instemming geweigerd',
    },
    dossierItem: {
      assessment_submitted: 'Impactanalyse ingediend',
      assessment_complete: 'Impactanalyse volledig',
      risk_register: 'Risicoregister',
      dpia_section: 'DPIA-onderdeel',
      dpia_council_views: 'Standpunt OR in de DPIA',
      fria_section: 'FRIA-onderdeel',
      oversight_arrangement: 'Toezichtregeling',
      training_plan: 'Scholingsplan',
      overseer_training_modules: 'Scholing voor toezichthouders',
      council_ai_literacy: 'AI-geletterdheid van de OR',
      overseers_trained: 'Toezichthouders opgeleid',
      advice: 'Adviesaanvraag',
      consent: 'Instemmingsverzoek',
    },
    detail: {
      unanswered: 'onbeantwoord',
      unmitigated: 'zonder maatregel',
      unrated: 'zonder oordeel',
      missing: 'ontbreekt',
      no_version_submitted: 'nog geen versie ingediend',
      no_risks: 'geen risico’s',
      no_arrangement: 'geen regeling',
      no_modules: 'geen modules',
      no_module_for_overseers: 'geen module voor toezichthouders',
      no_module_for_council_members: 'geen module voor OR-leden',
      overseers_not_all_trained: 'nog niet alle toezichthouders opgeleid',
      council_views_not_recorded: 'standpunt OR niet vastgelegd',
    },
    missing: {
      written_document: 'schriftelijk stuk',
      intended_decision: 'voorgenomen besluit',
      grounds: 'grondslag',
      reasons: 'beweegredenen',
      consequences_for_staff: 'gevolgen voor het personeel',
      measures: 'maatregelen',
      regeling_text: 'tekst van de regeling',
      assessment_submitted: 'impactanalyse ingediend',
      assessment_complete: 'impactanalyse volledig',
      risk_register: 'risicoregister',
      dpia_section: 'DPIA-onderdeel',
      fria_section: 'FRIA-onderdeel',
      oversight_arrangement: 'toezichtregeling',
      training_plan: 'scholingsplan',
      overseer_training_modules: 'scholing voor toezichthouders',
      consultation_meeting_held: 'een gehouden overlegvergadering',
      received_on: 'ontvangstdatum',
      response_term_lapsed: 'verstreken reactietermijn',
      council_position: 'standpunt van de OR',
      conditions: 'voorwaarden',
      case_sent: 'de zaak naar de OR gestuurd',
      triage: 'de triage',
      not_prohibited: 'geen verboden toepassing',
      before_commitment: 'nog geen onomkeerbare stap gezet',
      fria_done: 'FRIA afgerond',
      fria_required: 'FRIA verplicht volgens de triage',
      suspension_ended: 'opschortingstermijn voorbij',
      suspension_last_day: 'einde van de opschorting bekend',
      return_stage: 'fase om naar terug te keren',
    },
    audience: {
      overseers: 'Toezichthouders',
      affected_staff: 'Betrokken medewerkers',
      council_members: 'OR-leden',
      managers: 'Leidinggevenden',
      hr: 'HR',
      ict: 'ICT',
      other: 'Anderen',
    },
    moduleType: {
      instruction: 'instructie',
      tool_training: 'training',
      ai_literacy: 'AI-geletterdheid',
      upskilling: 'bijscholing',
      reskilling: 'omscholing',
      career_path: 'loopbaanpad',
    },
    oversightModel: {
      single_reviewer: 'Eén beoordelaar',
      multiple_reviewers: 'Meerdere beoordelaars',
      combined_with_other_information: 'Samen met andere informatie',
      documented_no_human_value: 'Gedocumenteerd: menselijke beoordeling voegt niets toe',
    },
    level: {
      low: 'laag',
      medium: 'middel',
      high: 'hoog',
    },
    authority: {
      override: 'mag uitkomsten corrigeren',
      stop: 'mag het systeem stoppen',
      both: 'mag corrigeren en stoppen',
    },
    'choice.annexIIIPoint4': {
      none: 'Geen van deze',
      recruitment_selection: 'Werving en selectie',
      work_related_decisions: 'Besluiten over arbeidsvoorwaarden, promotie of ontslag',
      task_allocation: 'Taaktoewijzing op basis van gedrag of kenmerken',
      monitoring_evaluation: 'Monitoren en evalueren van prestaties en gedrag',
    },
    // Triage reasons by code (libs/cases/src/domain/triage.ts TRIAGE_REASON_CODES); {letters},
    // {cao} and {category} come from the outcome (legal-texts.ts).
    reason: {
      'ai_act.emotion_medical_or_safety':
        'AI-verordening art. 5(1)(f): emoties afleiden op het werk mag alleen om medische of veiligheidsredenen; informeer de personen die eraan worden blootgesteld (art. 50(3)).',
      'ai_act.emotion_recognition_prohibited':
        'AI-verordening art. 5(1)(f): emoties van werknemers afleiden op de werkplek is verboden (boete tot € 35 miljoen of 7% van de omzet).',
      'advice.d':
        'WOR art. 25(1)(d): een belangrijke wijziging van de werkzaamheden van de onderneming.',
      'advice.e':
        'WOR art. 25(1)(e): een belangrijke wijziging in de organisatie of in de verdeling van bevoegdheden.',
      'advice.g': 'WOR art. 25(1)(g): het groepsgewijs werven of inlenen van personeel.',
      'advice.h': 'WOR art. 25(1)(h): een belangrijke investering.',
      'advice.k':
        'WOR art. 25(1)(k): invoering of wijziging van een belangrijke technologische voorziening; elke wijziging en ook een pilot telt.',
      'advice.n':
        'WOR art. 25(1)(n): advies over het inschakelen van een externe deskundige en over de opdracht.',
      'information.external_adviser_31c':
        'WOR art. 31c: informeer de OR zo spoedig mogelijk over een externe adviesopdracht en deel de opdracht.',
      'small_undertaking.no_council':
        'Geen ondernemingsraad of PVT: het advies- en instemmingsrecht uit de WOR geldt niet (adviesonderwerpen zouden {letters} zijn).',
      'small_undertaking.pvt_advice_scope':
        'WOR art. 35c: een PVT adviseert alleen over besluiten die banen kunnen kosten of het werk of de arbeidsomstandigheden van ten minste een kwart van het personeel belangrijk veranderen.',
      'small_undertaking.pvt_advice':
        'WOR art. 35c: het besluit heeft grote gevolgen voor ten minste een kwart van het personeel, dus de PVT adviseert erover.',
      'consent.b': 'WOR art. 27(1)(b): werk- en rusttijden of roosters.',
      'consent.d':
        'WOR art. 27(1)(d): arbeidsomstandigheden, ziekteverzuim of re-integratie; ook de RI&E.',
      'consent.e': 'WOR art. 27(1)(e): het aanstellings-, ontslag- of bevorderingsbeleid.',
      'consent.f': 'WOR art. 27(1)(f): het personeelsopleidingsbeleid.',
      'consent.g': 'WOR art. 27(1)(g): een personeelsbeoordelingssysteem.',
      'consent.k':
        'WOR art. 27(1)(k): een regeling over de verwerking en bescherming van persoonsgegevens van het personeel.',
      'consent.l':
        'WOR art. 27(1)(l): een voorziening gericht op of geschikt voor waarneming van of controle op aanwezigheid, gedrag of prestaties (personeelsvolgsysteem).',
      'small_undertaking.no_council_consent':
        'Geen ondernemingsraad of PVT: geen instemmingsrecht (instemmingsonderwerpen zouden {letters} zijn).',
      'small_undertaking.pvt_consent_scope':
        'WOR art. 35c: een PVT heeft alleen instemmingsrecht op art. 27(1)(b) en (d); geen instemmingsrecht op {letters}.',
      'consent.settled_by_cao':
        'WOR art. 27(3): de cao{cao} regelt {letters} al inhoudelijk; daarvoor geldt geen instemmingsrecht.',
      'dpia.large_scale_monitoring':
        'DPIA-lijst van de AP: grootschalig of stelselmatig volgen van werknemers. Een DPIA is verplicht voordat de verwerking begint.',
      'dpia.systematic_profiling':
        'AVG art. 35(3)(a): systematische en uitgebreide beoordeling of profilering met aanzienlijke gevolgen. Een DPIA is verplicht voordat de verwerking begint.',
      'dpia.special_category_data':
        'AVG art. 35(3)(b): bijzondere persoonsgegevens op grote schaal. Een DPIA is verplicht voordat de verwerking begint.',
      'dpia.biometrics':
        'DPIA-lijst van de AP: biometrische gegevens. Een DPIA is verplicht voordat de verwerking begint.',
      'ai_act.article_6_3_exception':
        'AI-verordening art. 6(3) en 6(4): bijlage III punt 4 ({category}), maar de gedocumenteerde beoordeling van de aanbieder ziet geen significant risico; bewaar dat document bij de zaak.',
      'ai_act.article_6_3_unavailable_profiling':
        'AI-verordening art. 6(3): de uitzondering geldt nooit als het systeem natuurlijke personen profileert.',
      'ai_act.high_risk':
        'AI-verordening art. 6(2) en bijlage III punt 4 ({category}): een AI-systeem met een hoog risico, met de plichten van de gebruiksverantwoordelijke uit art. 26.',
      'ai_act.deployer_duties':
        'AI-verordening art. 26: volg de gebruiksaanwijzing, wijs opgeleid menselijk toezicht aan, zorg voor relevante inputdata, monitor de werking, bewaar logs minstens 6 maanden, informeer werknemers en de personen over wie wordt besloten, en leg op verzoek uit (art. 86).',
      'ai_act.notice_26_7':
        'AI-verordening art. 26(7): informeer de werknemersvertegenwoordigers en de betrokken werknemers voordat het systeem in gebruik wordt genomen.',
      'ai_act.notice_all_affected_workers':
        'AI-verordening art. 26(7): er is geen vertegenwoordigend orgaan, dus alle betrokken werknemers worden vóór ingebruikname geïnformeerd.',
      'ai_act.fria':
        'AI-verordening art. 27: een publiekrechtelijk orgaan of een private partij die openbare diensten verleent, voert vóór het eerste gebruik een grondrechteneffectbeoordeling (FRIA) uit en meldt die aan de markttoezichtautoriteit.',
      'ai_act.fria_not_required_private':
        'AI-verordening art. 27: een zuiver private werkgever die HR-AI uit bijlage III punt 4 gebruikt, hoeft geen grondrechteneffectbeoordeling (FRIA) te doen.',
      'skills.training_611a':
        'BW 7:611a: scholing die nodig is voor de gewijzigde functie is kosteloos, telt als arbeidstijd en er mag geen studiekostenbeding op rusten.',
      'skills.ai_literacy':
        'AI-verordening art. 4: zorg voor voldoende AI-geletterdheid van het personeel dat met het systeem werkt.',
      'risk_inventory.update':
        'Arbowet art. 5(4): gewijzigde werkmethoden of werkomstandigheden vragen om een bijgewerkte RI&E en plan van aanpak.',
      'ai_act.prohibited.manipulative_or_deceptive':
        'AI-verordening art. 5(1)(a): subliminale, manipulatieve of misleidende technieken die gedrag wezenlijk verstoren en aanzienlijke schade veroorzaken zijn verboden.',
      'ai_act.prohibited.exploits_vulnerabilities':
        'AI-verordening art. 5(1)(b): misbruik maken van kwetsbaarheden door leeftijd, handicap of een sociale of economische situatie is verboden.',
      'ai_act.prohibited.social_scoring':
        'AI-verordening art. 5(1)(c): mensen scoren op sociaal gedrag of persoonlijke kenmerken met nadelige behandeling in een andere context of onevenredig is verboden (social scoring).',
      'ai_act.prohibited.untargeted_facial_scraping':
        'AI-verordening art. 5(1)(e): databanken voor gezichtsherkenning aanleggen door ongericht gezichtsbeelden van internet of camerabeelden te schrapen is verboden.',
      'ai_act.prohibited.sensitive_biometric_categorisation':
        'AI-verordening art. 5(1)(g): biometrische categorisering die ras, politieke opvattingen, vakbondslidmaatschap, religieuze of levensbeschouwelijke overtuigingen, seksleven of seksuele geaardheid afleidt is verboden.',
      'ai_act.high_risk.annex_iii_1.remote_biometric_identification':
        'AI-verordening art. 6(2) en bijlage III punt 1 (biometrie: biometrische identificatie op afstand): hoog-risico.',
      'ai_act.high_risk.annex_iii_1.biometric_categorisation':
        'AI-verordening art. 6(2) en bijlage III punt 1 (biometrie: biometrische categorisering): hoog-risico.',
      'ai_act.high_risk.annex_iii_1.emotion_recognition':
        'AI-verordening art. 6(2) en bijlage III punt 1 (biometrie: emotieherkenning): hoog-risico; ook emotieherkenning die om medische of veiligheidsredenen is toegestaan.',
      'ai_act.high_risk.annex_iii_3.access_admission':
        'AI-verordening art. 6(2) en bijlage III punt 3 (onderwijs en beroepsopleiding: toegang en toelating): hoog-risico.',
      'ai_act.high_risk.annex_iii_3.evaluating_learning_outcomes':
        'AI-verordening art. 6(2) en bijlage III punt 3 (onderwijs en beroepsopleiding: leerresultaten beoordelen): hoog-risico.',
      'ai_act.high_risk.annex_iii_3.assessing_education_level':
        'AI-verordening art. 6(2) en bijlage III punt 3 (onderwijs en beroepsopleiding: passend opleidingsniveau bepalen): hoog-risico.',
      'ai_act.high_risk.annex_iii_3.monitoring_test_behaviour':
        'AI-verordening art. 6(2) en bijlage III punt 3 (onderwijs en beroepsopleiding: toezicht op gedrag tijdens toetsen): hoog-risico.',
      'ai_act.high_risk.annex_i_product':
        'AI-verordening art. 6(1) en bijlage I: de AI is (een veiligheidscomponent van) een product onder EU-harmonisatiewetgeving, zoals machines of robots; hoog-risico, en art. 6(3) geldt niet.',
      'ai_act.article_6_3_needs_provider_assessment':
        'AI-verordening art. 6(3) en 6(4): de uitzondering rust op de gedocumenteerde beoordeling van de aanbieder; zonder dat document blijft het systeem hoog-risico.',
      'ai_act.art50.disclose_ai_interaction':
        'AI-verordening art. 50(1): vertel mensen dat ze met een AI-systeem (chatbot) communiceren, uiterlijk bij de eerste interactie.',
      'ai_act.art50.mark_synthetic_content':
        'AI-verordening art. 50(2): gegenereerde of bewerkte audio, beelden, video of tekst worden (machineleesbaar) als zodanig gemarkeerd; controleer dat de aanbieder dat doet.',
      'ai_act.art50.inform_emotion_or_biometric_exposure':
        'AI-verordening art. 50(3): informeer de personen die worden blootgesteld aan een systeem voor emotieherkenning of biometrische categorisering.',
      'ai_act.art50.disclose_deepfakes':
        'AI-verordening art. 50(4): maak bekend dat deepfake-inhoud kunstmatig is gegenereerd of bewerkt.',
      'dpia.ap.covert_investigation':
        'AP-lijst DPIA-plichtige verwerkingen categorie 1 (heimelijk onderzoek): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.blacklists':
        'AP-lijst DPIA-plichtige verwerkingen categorie 2 (zwarte lijsten): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.fraud_detection':
        'AP-lijst DPIA-plichtige verwerkingen categorie 3 (fraudebestrijding): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.financial_situation':
        'AP-lijst DPIA-plichtige verwerkingen categorie 5 (financiële situatie): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.biometric_data':
        'AP-lijst DPIA-plichtige verwerkingen categorie 7 (biometrische gegevens): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.camera_surveillance':
        'AP-lijst DPIA-plichtige verwerkingen categorie 9 (cameratoezicht): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.employee_monitoring':
        'AP-lijst DPIA-plichtige verwerkingen categorie 11 (controle van werknemers op grote schaal of stelselmatig): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.location_data':
        'AP-lijst DPIA-plichtige verwerkingen categorie 12 (locatiegegevens, bijvoorbeeld gps van chauffeurs): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.communication_data':
        'AP-lijst DPIA-plichtige verwerkingen categorie 13 (communicatiegegevens: e-mail, chat, telefonie): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.internet_of_things':
        'AP-lijst DPIA-plichtige verwerkingen categorie 14 (internet of things, wearables): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.profiling':
        'AP-lijst DPIA-plichtige verwerkingen categorie 15 (profilering): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.behaviour_observation':
        'AP-lijst DPIA-plichtige verwerkingen categorie 16 (observatie en beïnvloeding van gedrag): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.ap.health_data':
        'AP-lijst DPIA-plichtige verwerkingen categorie 17 (gezondheidsgegevens: verzuim, re-integratie): een DPIA is verplicht voordat de verwerking begint.',
      'dpia.edpb_two_criteria':
        'EDPB WP248: er wordt aan twee of meer van de negen criteria voldaan (werknemers zijn kwetsbare betrokkenen, AI is innovatieve technologie); een DPIA is dan in de regel verplicht.',
      'small_undertaking.pvt_rights':
        'WOR art. 35c-35d: de PVT wordt geïnformeerd en geraadpleegd; zij heeft instemmingsrecht op werk- en rusttijden (27(1)(b)) en arbo (27(1)(d)) en adviesrecht alleen bij besluiten met grote gevolgen voor ten minste een kwart van het personeel.',
      'small_undertaking.works_council_duty':
        'WOR art. 2: een onderneming met ten minste 50 werknemers moet een ondernemingsraad instellen; de ondernemer is daarvoor verantwoordelijk.',
      'consent.partly_settled_by_cao':
        'WOR art. 27(3): de cao regelt dit onderwerp maar gedeeltelijk ("voor zover"); voor de rest van het onderwerp blijft het instemmingsrecht.',
      'gdpr.article_22':
        'AVG art. 22: besluiten die uitsluitend op geautomatiseerde verwerking berusten en rechtsgevolgen of vergelijkbare aanzienlijke gevolgen hebben, vragen een uitzondering en ten minste menselijke tussenkomst, het recht om een standpunt te geven en het besluit aan te vechten; afstempelen is geen menselijke tussenkomst. Een DPIA is verplicht.',
      'consent.c': 'WOR art. 27(1)(c): een beloningssysteem of functiewaarderingssysteem.',
      'consent.j': 'WOR art. 27(1)(j): de klachtenregeling.',
      'consent.m':
        'WOR art. 27(1)(m): de regeling voor het melden van vermoedens van misstanden (klokkenluidersregeling).',
      'small_undertaking.personnel_meeting':
        'WOR art. 35b: 10 tot 49 werknemers en geen OR of PVT; bespreek de zaak in een personeelsvergadering (minstens twee keer per jaar).',
    },
  },
  en: {
    caseStage: {
      draft: 'Draft',
      prohibited: 'Prohibited practice',
      screening: 'Screening',
      preparation: 'Preparation',
      information: 'Information',
      consultation: 'Consultation',
      request_submitted: 'Request submitted',
      council_deliberation: 'Council deliberation',
      employer_decision: 'Employer decision',
      nullity_invoked: 'Nullity invoked',
      appeal_pending: 'Appeal pending',
      substitute_permission_pending: 'Substitute permission requested',
      suspension: 'Suspension',
      go_live_gate: 'Go-live gate',
      implemented: 'Implemented',
      evaluation: 'Evaluation',
      closed: 'Closed',
      on_hold: 'On hold',
      withdrawn: 'Withdrawn',
    },
    stage: {
      screening: 'Screening',
      information: 'Information',
      consultation_requested: 'Consultation requested',
      consultation_held: 'Consultation held',
      request_submitted: 'Request submitted',
      council_deliberation: 'Council deliberation',
      council_position: 'Council position',
      suspension: 'Suspension',
      appeal_pending: 'Appeal',
      substitute_permission_pending: 'Substitute permission',
      nullity_invoked: 'Nullity invoked',
      go_live_gate: 'Go-live gate',
      implemented: 'Implemented',
      evaluation: 'Evaluation',
      closed: 'Closed',
      withdrawn: 'Withdrawn',
      on_hold: 'On hold',
      classification: 'Classification',
      notice_prepared: 'Notice prepared',
      notice_sent: 'Notice sent',
      fria_in_progress: 'FRIA in progress',
      fria_done: 'FRIA done',
      ready: 'Ready for use',
      in_use: 'In use',
      required: 'Required',
      in_progress: 'In progress',
      prior_consultation: 'Prior consultation (AP)',
      done: 'Done',
      planned: 'Planned',
    },
    track: {
      advice: 'Advice',
      consent: 'Consent',
      ai_act: 'AI Act',
      dpia: 'DPIA',
      skills: 'Training',
      information: 'Information request (informatieverzoek)',
    },
    action: {
      request_information: 'Request information',
      provide_information: 'Provide information',
      request_consultation: 'Request a consultation meeting',
      record_consultation_held: 'Record consultation meeting',
      submit_request: 'Submit request for advice / consent',
      start_deliberation: 'Start deliberation',
      record_council_position: 'Record the council’s advice / decision',
      record_employer_decision: 'Record the employer’s decision',
      waive_suspension: 'Waive the suspension',
      end_suspension: 'End the suspension',
      file_appeal: 'File an appeal',
      record_appeal_ruling: 'Record the appeal ruling',
      record_substitute_permission: 'Record the substitute permission ruling',
      record_decision_without_consent:
        'Record a decision without consent (nullity term, WOR art. 27(5))',
      invoke_nullity: 'Invoke nullity',
      start_evaluation: 'Start evaluation',
      close: 'Close',
      prepare_notice: 'Prepare notice',
      send_notice: 'Send notice',
      start_fria: 'Start FRIA',
      complete_fria: 'Complete FRIA',
      mark_ready: 'Mark ready for use',
      start_dpia: 'Start DPIA',
      complete_dpia: 'Complete DPIA',
      record_prior_consultation: 'Record AP consultation',
      start_training: 'Start training',
      complete_training: 'Complete training',
      mark_implemented: 'Mark implemented',
      propose_change: 'Propose a change',
      withdraw: 'Withdraw',
      put_on_hold: 'Put on hold',
      resume: 'Resume',
    },
    side: {
      employer: 'employer',
      council_board: 'council board',
      council_member: 'council member',
      expert: 'expert',
      union: 'union',
    },
    position: {
      positive: 'Positive advice',
      negative: 'Negative advice',
      conditional: 'Conditional',
      granted: 'Consent granted',
      refused: 'Consent refused',
    },
    dossierItem: {
      assessment_submitted: 'Impact assessment submitted',
      assessment_complete: 'Impact assessment complete',
      risk_register: 'Risk register',
      dpia_section: 'DPIA section',
      dpia_council_views: 'Council views in the DPIA',
      fria_section: 'FRIA section',
      oversight_arrangement: 'Oversight arrangement',
      training_plan: 'Training plan',
      overseer_training_modules: 'Training for overseers',
      council_ai_literacy: 'Council AI literacy',
      overseers_trained: 'Overseers trained',
      advice: 'Request for advice',
      consent: 'Request for consent',
    },
    detail: {
      unanswered: 'unanswered',
      unmitigated: 'without mitigation',
      unrated: 'not rated',
      missing: 'missing',
      no_version_submitted: 'no version submitted yet',
      no_risks: 'no risks',
      no_arrangement: 'no arrangement',
      no_modules: 'no modules',
      no_module_for_overseers: 'no module for overseers',
      no_module_for_council_members: 'no module for council members',
      overseers_not_all_trained: 'not all overseers trained yet',
      council_views_not_recorded: 'council views not recorded',
    },
    missing: {
      written_document: 'written document',
      intended_decision: 'intended decision',
      grounds: 'grounds',
      reasons: 'reasons',
      consequences_for_staff: 'consequences for staff',
      measures: 'measures',
      regeling_text: 'text of the regulation',
      assessment_submitted: 'impact assessment submitted',
      assessment_complete: 'impact assessment complete',
      risk_register: 'risk register',
      dpia_section: 'DPIA section',
      fria_section: 'FRIA section',
      oversight_arrangement: 'oversight arrangement',
      training_plan: 'training plan',
      overseer_training_modules: 'training for overseers',
      consultation_meeting_held: 'a consultation meeting held',
      received_on: 'date of receipt',
      response_term_lapsed: 'lapsed response term',
      council_position: 'the council’s position',
      conditions: 'conditions',
      case_sent: 'the case sent to the council',
      triage: 'the triage',
      not_prohibited: 'not a prohibited practice',
      before_commitment: 'no irreversible step taken yet',
      fria_done: 'FRIA completed',
      fria_required: 'a FRIA required by the triage',
      suspension_ended: 'the suspension over',
      suspension_last_day: 'the end of the suspension known',
      return_stage: 'a stage to return to',
    },
    audience: {
      overseers: 'Overseers',
      affected_staff: 'Affected staff',
      council_members: 'Council members',
      managers: 'Managers',
      hr: 'HR',
      ict: 'ICT',
      other: 'Others',
    },
    moduleType: {
      instruction: 'instruction',
      tool_training: 'tool training',
      ai_literacy: 'AI literacy',
      upskilling: 'upskilling',
      reskilling: 'reskilling',
      career_path: 'career path',
    },
    oversightModel: {
      single_reviewer: 'A single reviewer',
      multiple_reviewers: 'Several reviewers',
      combined_with_other_information: 'Combined with other information',
      documented_no_human_value: 'Documented: human review adds nothing',
    },
    level: {
      low: 'low',
      medium: 'medium',
      high: 'high',
    },
    authority: {
      override: 'may correct outputs',
      stop: 'may stop the system',
      both: 'may correct and stop',
    },
    'choice.annexIIIPoint4': {
      none: 'None of these',
      recruitment_selection: 'Recruitment and selection',
      work_related_decisions: 'Decisions on terms, promotion or termination',
      task_allocation: 'Task allocation based on behaviour or traits',
      monitoring_evaluation: 'Monitoring and evaluating performance and behaviour',
    },
    // Triage reasons by code (libs/cases/src/domain/triage.ts TRIAGE_REASON_CODES); {letters},
    // {cao} and {category} come from the outcome (legal-texts.ts).
    reason: {
      'ai_act.emotion_medical_or_safety':
        'AI Act (AI-verordening) art. 5(1)(f): emotion inference at work is allowed only for medical or safety reasons; inform the persons exposed (art. 50(3)).',
      'ai_act.emotion_recognition_prohibited':
        'AI Act (AI-verordening) art. 5(1)(f): inferring emotions of workers in the workplace is a prohibited practice (verboden praktijk); fine up to €35M or 7% of turnover.',
      'advice.d':
        'WOR art. 25(1)(d): an important change of the activities of the undertaking (onderneming).',
      'advice.e':
        'WOR art. 25(1)(e): an important change in the organisation or the division of powers (verdeling van bevoegdheden).',
      'advice.g':
        'WOR art. 25(1)(g): recruiting or hiring in staff as a group (groepsgewijs werven of inlenen).',
      'advice.h': 'WOR art. 25(1)(h): an important investment (belangrijke investering).',
      'advice.k':
        'WOR art. 25(1)(k): introducing or changing an important technological facility (belangrijke technologische voorziening); every change and a pilot count.',
      'advice.n':
        'WOR art. 25(1)(n): advice (advies) on engaging an external adviser and on the assignment.',
      'information.external_adviser_31c':
        'WOR art. 31c: inform the works council (OR) as soon as possible (zo spoedig mogelijk) of an external advisory assignment and share it.',
      'small_undertaking.no_council':
        'No works council (OR) or staff representation (PVT): the WOR advice and consent rights (advies- en instemmingsrecht) do not apply (advice grounds would be {letters}).',
      'small_undertaking.pvt_advice_scope':
        'WOR art. 35c: a staff representation (PVT) advises only on decisions that may cost jobs or importantly change work or working conditions for at least a quarter of the staff.',
      'small_undertaking.pvt_advice':
        'WOR art. 35c: the decision has a major effect on at least a quarter of the staff, so the staff representation (PVT) advises on it.',
      'consent.b': 'WOR art. 27(1)(b): working and rest times or rostering (werk- en rusttijden).',
      'consent.d':
        'WOR art. 27(1)(d): health and safety (arbo), absence or reintegration; the risk inventory (RI&E) too.',
      'consent.e':
        'WOR art. 27(1)(e): appointment, dismissal or promotion policy (aanstellings-, ontslag- of bevorderingsbeleid).',
      'consent.f': 'WOR art. 27(1)(f): training policy (personeelsopleidingsbeleid).',
      'consent.g': 'WOR art. 27(1)(g): a staff appraisal system (personeelsbeoordelingssysteem).',
      'consent.k':
        'WOR art. 27(1)(k): an arrangement (regeling) on processing and protecting staff personal data.',
      'consent.l':
        'WOR art. 27(1)(l): a facility aimed at or suitable for (gericht op of geschikt voor) observing attendance, behaviour or performance (personeelsvolgsysteem).',
      'small_undertaking.no_council_consent':
        'No works council (OR) or staff representation (PVT): no consent right (instemmingsrecht); consent subjects would be {letters}.',
      'small_undertaking.pvt_consent_scope':
        'WOR art. 35c: a staff representation (PVT) has a consent right (instemmingsrecht) only on art. 27(1)(b) and (d); no consent on {letters}.',
      'consent.settled_by_cao':
        'WOR art. 27(3): the collective agreement (cao){cao} already settles {letters}; no consent right (instemmingsrecht) on that part.',
      'dpia.large_scale_monitoring':
        'Dutch DPA (AP) DPIA list: large-scale or systematic employee monitoring. A DPIA is required before processing starts.',
      'dpia.systematic_profiling':
        'GDPR (AVG) art. 35(3)(a): systematic and extensive evaluation or profiling with significant effects. A DPIA is required before processing starts.',
      'dpia.special_category_data':
        'GDPR (AVG) art. 35(3)(b): special-category data (bijzondere persoonsgegevens) on a large scale. A DPIA is required before processing starts.',
      'dpia.biometrics':
        'Dutch DPA (AP) DPIA list: biometric data. A DPIA is required before processing starts.',
      'ai_act.article_6_3_exception':
        "AI Act (AI-verordening) art. 6(3) and 6(4): Annex III point 4 ({category}) but the provider's documented assessment finds no significant risk; keep that document with the case.",
      'ai_act.article_6_3_unavailable_profiling':
        'AI Act (AI-verordening) art. 6(3): the exception is never available when the system profiles natural persons.',
      'ai_act.high_risk':
        'AI Act (AI-verordening) art. 6(2) and Annex III point 4 ({category}): a high-risk system (hoog-risico-AI-systeem) with the deployer (gebruiksverantwoordelijke) duties of art. 26.',
      'ai_act.deployer_duties':
        'AI Act (AI-verordening) art. 26: follow the instructions, trained human oversight (menselijk toezicht), relevant input data, monitoring, logs for at least 6 months, inform workers and persons decided about, explain on request (art. 86).',
      'ai_act.notice_26_7':
        'AI Act (AI-verordening) art. 26(7): inform the workers’ representatives (OR or PVT) and the affected workers before putting the system into use.',
      'ai_act.notice_all_affected_workers':
        'AI Act (AI-verordening) art. 26(7): there is no representative body (OR or PVT), so the notice goes to all affected workers before use.',
      'ai_act.fria':
        'AI Act (AI-verordening) art. 27: a public body or a private entity providing public services does a fundamental rights impact assessment (FRIA, grondrechteneffectbeoordeling) before first use and notifies the market surveillance authority.',
      'ai_act.fria_not_required_private':
        'AI Act (AI-verordening) art. 27: a purely private employer using Annex III point 4 HR AI needs no fundamental rights impact assessment (FRIA, grondrechteneffectbeoordeling).',
      'skills.training_611a':
        'Dutch Civil Code (BW) 7:611a: training needed for the changed job is free, counts as working time and carries no study-cost clause (studiekostenbeding).',
      'skills.ai_literacy':
        'AI Act (AI-verordening) art. 4: take measures for sufficient AI literacy (AI-geletterdheid) of the staff who operate the system.',
      'risk_inventory.update':
        'Working Conditions Act (Arbowet) art. 5(4): changed working methods or conditions call for an updated risk inventory and evaluation (RI&E) and plan of action (plan van aanpak).',
      'ai_act.prohibited.manipulative_or_deceptive':
        'AI Act (AI-verordening) art. 5(1)(a): subliminal, manipulative or deceptive techniques that materially distort behaviour and cause significant harm are prohibited.',
      'ai_act.prohibited.exploits_vulnerabilities':
        'AI Act (AI-verordening) art. 5(1)(b): exploiting vulnerabilities due to age, disability or a social or economic situation is prohibited.',
      'ai_act.prohibited.social_scoring':
        'AI Act (AI-verordening) art. 5(1)(c): social scoring of people on behaviour or personal traits leading to unrelated or disproportionate detrimental treatment is prohibited.',
      'ai_act.prohibited.untargeted_facial_scraping':
        'AI Act (AI-verordening) art. 5(1)(e): building facial-recognition databases by untargeted scraping of facial images from the internet or CCTV is prohibited.',
      'ai_act.prohibited.sensitive_biometric_categorisation':
        'AI Act (AI-verordening) art. 5(1)(g): biometric categorisation inferring race, political opinions, trade-union membership (vakbondslidmaatschap), religious or philosophical beliefs, sex life or sexual orientation is prohibited.',
      'ai_act.high_risk.annex_iii_1.remote_biometric_identification':
        'AI Act (AI-verordening) art. 6(2) and Annex III point 1 (biometrics: remote biometric identification): a high-risk system.',
      'ai_act.high_risk.annex_iii_1.biometric_categorisation':
        'AI Act (AI-verordening) art. 6(2) and Annex III point 1 (biometrics: biometric categorisation): a high-risk system.',
      'ai_act.high_risk.annex_iii_1.emotion_recognition':
        'AI Act (AI-verordening) art. 6(2) and Annex III point 1 (biometrics: emotion recognition): a high-risk system, also where emotion recognition is allowed for medical or safety reasons.',
      'ai_act.high_risk.annex_iii_3.access_admission':
        'AI Act (AI-verordening) art. 6(2) and Annex III point 3 (education and vocational training: access and admission): a high-risk system.',
      'ai_act.high_risk.annex_iii_3.evaluating_learning_outcomes':
        'AI Act (AI-verordening) art. 6(2) and Annex III point 3 (education and vocational training: evaluating learning outcomes): a high-risk system.',
      'ai_act.high_risk.annex_iii_3.assessing_education_level':
        'AI Act (AI-verordening) art. 6(2) and Annex III point 3 (education and vocational training: assessing the appropriate level of education): a high-risk system.',
      'ai_act.high_risk.annex_iii_3.monitoring_test_behaviour':
        'AI Act (AI-verordening) art. 6(2) and Annex III point 3 (education and vocational training: monitoring behaviour during tests): a high-risk system.',
      'ai_act.high_risk.annex_i_product':
        'AI Act (AI-verordening) art. 6(1) and Annex I: the AI is (a safety component of) a product under EU harmonisation law such as machinery or robots; a high-risk system to which art. 6(3) does not apply.',
      'ai_act.article_6_3_needs_provider_assessment':
        "AI Act (AI-verordening) art. 6(3) and 6(4): the exception rests on the provider's documented assessment; without that document the system stays high-risk.",
      'ai_act.art50.disclose_ai_interaction':
        'AI Act (AI-verordening) art. 50(1): tell people they are interacting with an AI system (a chatbot), at the latest at the first interaction.',
      'ai_act.art50.mark_synthetic_content':
        'AI Act (AI-verordening) art. 50(2): generated or manipulated audio, images, video or text are marked as such in a machine-readable way; check that the provider does this.',
      'ai_act.art50.inform_emotion_or_biometric_exposure':
        'AI Act (AI-verordening) art. 50(3): inform the people exposed to an emotion-recognition or biometric-categorisation system.',
      'ai_act.art50.disclose_deepfakes':
        'AI Act (AI-verordening) art. 50(4): disclose that deepfake content was artificially generated or manipulated.',
      'dpia.ap.covert_investigation':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 1 (covert investigation): a DPIA is required before processing starts.',
      'dpia.ap.blacklists':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 2 (blacklists): a DPIA is required before processing starts.',
      'dpia.ap.fraud_detection':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 3 (fraud detection): a DPIA is required before processing starts.',
      'dpia.ap.financial_situation':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 5 (financial situation): a DPIA is required before processing starts.',
      'dpia.ap.biometric_data':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 7 (biometric data): a DPIA is required before processing starts.',
      'dpia.ap.camera_surveillance':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 9 (camera surveillance): a DPIA is required before processing starts.',
      'dpia.ap.employee_monitoring':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 11 (large-scale or systematic monitoring of staff): a DPIA is required before processing starts.',
      'dpia.ap.location_data':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 12 (location data, e.g. GPS tracking of drivers): a DPIA is required before processing starts.',
      'dpia.ap.communication_data':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 13 (communication data: e-mail, chat, telephony): a DPIA is required before processing starts.',
      'dpia.ap.internet_of_things':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 14 (internet of things, wearables): a DPIA is required before processing starts.',
      'dpia.ap.profiling':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 15 (profiling): a DPIA is required before processing starts.',
      'dpia.ap.behaviour_observation':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 16 (observing or influencing behaviour): a DPIA is required before processing starts.',
      'dpia.ap.health_data':
        'Dutch DPA (Autoriteit Persoonsgegevens) DPIA list, category 17 (health data: absence (verzuim), reintegration): a DPIA is required before processing starts.',
      'dpia.edpb_two_criteria':
        'EDPB WP248: two or more of the nine criteria are met (staff are vulnerable data subjects, AI is innovative technology); a DPIA is then usually required.',
      'small_undertaking.pvt_rights':
        'WOR art. 35c and 35d: the staff representation (PVT) is informed and consulted; it has consent on working and rest times (27(1)(b)) and health and safety (27(1)(d)), and advice only on decisions with a major effect on at least a quarter of the staff.',
      'small_undertaking.works_council_duty':
        'WOR art. 2: an undertaking with at least 50 workers must set up a works council (ondernemingsraad); the employer is responsible for it.',
      'consent.partly_settled_by_cao':
        'WOR art. 27(3): the collective agreement (cao) settles only part of this subject ("voor zover"); consent (instemmingsrecht) remains for the rest of it.',
      'gdpr.article_22':
        'GDPR (AVG) art. 22: decisions based solely on automated processing with legal or similarly significant effects need an exception and at least human intervention, the right to express a view and to contest; a rubber stamp is not human intervention. A DPIA is required.',
      'consent.c':
        'WOR art. 27(1)(c): a pay or job evaluation system (beloning, functiewaardering).',
      'consent.j': 'WOR art. 27(1)(j): the complaints procedure (klachtenregeling).',
      'consent.m':
        'WOR art. 27(1)(m): the procedure for reporting suspected wrongdoing (klokkenluidersregeling).',
      'small_undertaking.personnel_meeting':
        'WOR art. 35b: 10 to 49 staff and neither a works council (OR) nor a staff representation (PVT); discuss the matter in a staff meeting (personeelsvergadering), at least twice a year.',
    },
  },
} as const satisfies Record<TextLanguage, Record<string, Record<string, string>>>;

type Labels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The message keys of a label table: `group.value` for every value of every group. */
export type LabelMessages<T extends Labels> = {
  [K in { [G in keyof T & string]: `${G}.${keyof T[G] & string}` }[keyof T & string]]: string;
};

/** A label table as web messages: `{ caseStage: { draft: 'Concept' } }` → `{ 'caseStage.draft': 'Concept' }`. */
export function labelMessages<T extends Labels>(labels: T): LabelMessages<T> {
  return Object.fromEntries(
    Object.entries(labels).flatMap(([group, values]) =>
      Object.entries(values).map(([value, text]) => [`${group}.${value}`, text]),
    ),
  ) as LabelMessages<T>;
}
