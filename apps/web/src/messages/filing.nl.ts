/**
 * Dutch texts of the guided filing flow and of form errors (issue #18), spread into `nl`: the
 * filing checklist, request amendments, the error summary and one text per validation constraint
 * (`field.<constraint>`, the `constraint` of a problem+json field error).
 */
export const filingNl = {
  'form.summaryTitle': 'Er is een probleem',

  'field.invalid': 'Controleer dit veld.',
  'field.isDefined': 'Vul dit veld in.',
  'field.isNotEmpty': 'Vul dit veld in.',
  'field.minLength': '{limit, plural, one {Vul dit veld in.} other {Gebruik minstens # tekens.}}',
  'field.maxLength':
    '{limit, plural, one {Gebruik hoogstens # teken.} other {Gebruik hoogstens # tekens.}}',
  'field.isString': 'Vul hier tekst in.',
  'field.isBoolean': 'Kies ja of nee.',
  'field.isIn': 'Kies een van de mogelijkheden.',
  'field.isUuid': 'Kies een bestaand onderdeel uit de lijst.',
  'field.min': 'Vul een getal van minstens {limit} in.',
  'field.max': 'Vul een getal van hoogstens {limit} in.',
  'field.isInt': 'Vul een heel getal in.',
  'field.isNumber': 'Vul een getal in.',
  'field.arrayMinSize':
    '{limit, plural, one {Kies minstens # onderdeel.} other {Kies minstens # onderdelen.}}',
  'field.arrayMaxSize':
    '{limit, plural, one {Kies hoogstens # onderdeel.} other {Kies hoogstens # onderdelen.}}',
  'field.arrayUnique': 'Elk onderdeel mag maar één keer voorkomen.',
  'field.isArray': 'Kies een of meer onderdelen.',
  'field.isIso8601': 'Vul een geldige datum in.',
  'field.matches': 'Deze waarde heeft niet de juiste vorm.',
  'field.isEmail': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  'field.isObject': 'Vul dit onderdeel volledig in.',
  'field.nestedValidation': 'Vul dit onderdeel volledig in.',
  'field.isUrl': 'Vul een geldig webadres in, beginnend met https://.',
  'field.whitelistValidation': 'Dit veld hoort niet bij dit formulier.',
  'field.unstorable_text': 'Deze tekst bevat tekens die niet kunnen worden opgeslagen.',
  'field.titleRequired': 'Vul de titel van de zaak in.',
  'field.chooseSystem': 'Kies het AI-systeem.',
  'field.chooseCouncil': 'Kies de ondernemingsraad.',

  'fieldName.title': 'Titel',
  'fieldName.name': 'Naam',
  'fieldName.version': 'Versie',
  'fieldName.contents.intendedDecision': 'Voorgenomen besluit',
  'fieldName.contents.grounds': 'Grondslag',
  'fieldName.contents.reasons': 'Beweegredenen',
  'fieldName.contents.consequencesForStaff': 'Gevolgen voor het personeel',
  'fieldName.contents.measures': 'Maatregelen',
  'fieldName.contents.alternatives': 'Overwogen alternatieven',
  'fieldName.contents.planning': 'Planning',
  'fieldName.contents.regelingText': 'Tekst van de regeling',
  'fieldName.contents.proposedDecisionDate': 'Beoogde besluitdatum',

  'contents.grounds': 'Grondslag (welk besluit uit art. 25 lid 1 WOR)',

  'filing.title': 'Van zaak naar ingediende aanvraag',
  'filing.sendOrFile':
    'Twee stappen met een verschillend gevolg. Versturen naar de OR betrekt de ondernemingsraad vroeg: de OR ziet de zaak en kan vragen stellen, maar er loopt nog geen termijn. Pas het indienen van de adviesaanvraag (art. 25 WOR) of het instemmingsverzoek (art. 27 WOR) is het formele verzoek; daarmee begint de termijn van de OR.',
  'filing.newCaseChecklist':
    'Na deze stap vult u de triage in; daarna ziet u op de zaak precies wat de aanvraag nog nodig heeft, met een link naar de plek waar u het aanvult.',
  'filing.titleHint': 'Bijvoorbeeld: Invoering van WarehouseInsight in het magazijn.',
  'filing.stepCase': 'Zaak aangemaakt',
  'filing.stepTriage': 'Triage: welke rechten gelden',
  'filing.stepSend': 'Versturen naar de OR (vroege betrokkenheid, nog geen termijn)',
  'filing.stepSendHint': 'Dit doet u met de knop bovenaan de zaak.',
  'filing.done': 'klaar',
  'filing.afterTriage':
    'Na de triage staat hier per recht van de OR wat de aanvraag nog nodig heeft.',
  'filing.file.advice': 'Adviesaanvraag indienen',
  'filing.file.consent': 'Instemmingsverzoek indienen',
  'filing.starts.advice': 'start de adviestermijn (art. 25 WOR)',
  'filing.starts.consent': 'start de termijn voor instemming (art. 27 WOR)',
  'filing.filed.advice': 'De adviesaanvraag is ingediend; de adviestermijn loopt.',
  'filing.filed.consent': 'Het instemmingsverzoek is ingediend; de termijn loopt.',
  'filing.stillNeeded': '{count, plural, one {Nog # punt nodig:} other {Nog # punten nodig:}}',
  'filing.ready': 'Alles is compleet: u kunt indienen.',
  'filing.readyAfterSending': 'De aanvraag is compleet; verstuur de zaak eerst naar de OR.',
  'filing.sendExplained':
    'Versturen betrekt de OR vroeg bij de zaak; er begint nog geen termijn. De formele adviesaanvraag of het instemmingsverzoek dient u daarna in, in het overzicht ‘Van zaak naar ingediende aanvraag’.',
  'filing.edit': 'Verzoek bewerken',
  'filing.amend': 'Verzoek wijzigen',
  'filing.amendHint':
    'De OR heeft het verzoek al. Elke wijziging wordt een genummerde aanvulling die de OR met de verschillen ziet, en staat in de audittrail.',
  'filing.saveAmendment': 'Wijziging opslaan als aanvulling',
  'filing.amendments':
    '{count, plural, one {# aanvulling op het verzoek} other {# aanvullingen op het verzoek}}',
  'filing.amendment': 'Aanvulling {number}',

  'autosave.saving': 'Opslaan…',
  'autosave.saved': 'Automatisch opgeslagen',
  'autosave.progress': 'Voortgang dimensie {key}',
  'autosave.chooseRating': 'Kies een beoordeling',
  'autosave.lead':
    'Elk antwoord wordt automatisch opgeslagen zodra u het veld verlaat. De OR ziet uw antwoorden pas als u een versie indient; daarna werkt de checklist zich bij.',

  'auditAction.case.contents_amended': 'Verzoek aangevuld',
  'dossier.mitigationNeeded':
    'Bij een negatief effect hoort een maatregel; zonder maatregel is de impactanalyse niet volledig.',
  'dossier.commentRequired': 'Schrijf eerst uw opmerking.',
  'dossier.fieldRequired': '{field}: vul dit veld in.',
  'triage.questionRequired': 'Beantwoord deze vraag of kies ‘Weet ik niet’: {question}',
} as const;
