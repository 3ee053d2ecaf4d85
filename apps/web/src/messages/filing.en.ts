import type { filingNl } from './filing.nl';

/** English texts of the guided filing flow and of form errors (see filing.nl.ts). */
export const filingEn: Record<keyof typeof filingNl, string> = {
  'form.summaryTitle': 'There is a problem',

  'field.invalid': 'Check this field.',
  'field.isDefined': 'Fill in this field.',
  'field.isNotEmpty': 'Fill in this field.',
  'field.minLength':
    '{limit, plural, one {Fill in this field.} other {Use at least # characters.}}',
  'field.maxLength':
    '{limit, plural, one {Use at most # character.} other {Use at most # characters.}}',
  'field.isString': 'Enter text here.',
  'field.isBoolean': 'Choose yes or no.',
  'field.isIn': 'Choose one of the options.',
  'field.isUuid': 'Choose an existing item from the list.',
  'field.min': 'Enter a number of at least {limit}.',
  'field.max': 'Enter a number of at most {limit}.',
  'field.isInt': 'Enter a whole number.',
  'field.isNumber': 'Enter a number.',
  'field.arrayMinSize':
    '{limit, plural, one {Choose at least # item.} other {Choose at least # items.}}',
  'field.arrayMaxSize':
    '{limit, plural, one {Choose at most # item.} other {Choose at most # items.}}',
  'field.arrayUnique': 'Each item may appear only once.',
  'field.isArray': 'Choose one or more items.',
  'field.isIso8601': 'Enter a valid date.',
  'field.matches': 'This value does not have the right form.',
  'field.isEmail': 'Enter a valid e-mail address, such as name@example.com.',
  'field.isObject': 'Complete this part.',
  'field.nestedValidation': 'Complete this part.',
  'field.isUrl': 'Enter a valid web address starting with https://.',
  'field.whitelistValidation': 'This field does not belong to this form.',
  'field.unstorable_text': 'This text contains characters that cannot be stored.',
  'field.titleRequired': 'Enter the title of the case.',
  'field.chooseSystem': 'Choose the AI system.',
  'field.chooseCouncil': 'Choose the works council.',

  'fieldName.title': 'Title',
  'fieldName.name': 'Name',
  'fieldName.version': 'Version',
  'fieldName.contents.intendedDecision': 'Intended decision',
  'fieldName.contents.grounds': 'Grounds',
  'fieldName.contents.reasons': 'Reasons',
  'fieldName.contents.consequencesForStaff': 'Consequences for staff',
  'fieldName.contents.measures': 'Measures',
  'fieldName.contents.alternatives': 'Alternatives considered',
  'fieldName.contents.planning': 'Planning',
  'fieldName.contents.regelingText': 'Text of the regeling',
  'fieldName.contents.proposedDecisionDate': 'Proposed decision date',

  'contents.grounds': 'Grounds (which decision of art. 25(1) WOR)',

  'filing.title': 'From case to filed request',
  'filing.sendOrFile':
    'Two steps with different effects. Sending the case to the OR (works council) involves the council early: it sees the case and can ask questions, but no term runs yet. Only filing the adviesaanvraag (request for advice, art. 25 WOR) or the instemmingsverzoek (request for consent, art. 27 WOR) is the formal request; it starts the council’s term.',
  'filing.newCaseChecklist':
    'After this step you answer the triage; the case then shows exactly what the request still needs, each with a link to where you complete it.',
  'filing.titleHint': 'For example: Introducing WarehouseInsight in the warehouse.',
  'filing.stepCase': 'Case created',
  'filing.stepTriage': 'Triage: which rights apply',
  'filing.stepSend': 'Send to the OR (early involvement, no term yet)',
  'filing.stepSendHint': 'Use the button at the top of the case.',
  'filing.done': 'done',
  'filing.afterTriage':
    'After the triage this shows, per right of the OR, what the request still needs.',
  'filing.file.advice': 'File the adviesaanvraag (request for advice)',
  'filing.file.consent': 'File the instemmingsverzoek (request for consent)',
  'filing.starts.advice': 'starts the advice term (art. 25 WOR)',
  'filing.starts.consent': 'starts the consent term (art. 27 WOR)',
  'filing.filed.advice': 'The request for advice is filed; the advice term runs.',
  'filing.filed.consent': 'The request for consent is filed; the term runs.',
  'filing.stillNeeded': '{count, plural, one {# item still needed:} other {# items still needed:}}',
  'filing.ready': 'Everything is complete: you can file.',
  'filing.readyAfterSending': 'The request is complete; send the case to the OR first.',
  'filing.sendExplained':
    'Sending involves the OR early; no term starts yet. You file the formal request for advice or consent afterwards, under ‘From case to filed request’.',
  'filing.edit': 'Edit the request',
  'filing.amend': 'Amend the request',
  'filing.amendHint':
    'The OR already has the request. Each change becomes a numbered amendment that the OR sees with its differences, and is in the audit trail.',
  'filing.saveAmendment': 'Save the change as an amendment',
  'filing.amendments':
    '{count, plural, one {# amendment to the request} other {# amendments to the request}}',
  'filing.amendment': 'Amendment {number}',

  'autosave.saving': 'Saving…',
  'autosave.saved': 'Saved automatically',
  'autosave.progress': 'Progress of dimension {key}',
  'autosave.chooseRating': 'Choose a rating',
  'autosave.lead':
    'Each answer is saved automatically when you leave the field. The OR sees your answers once you submit a version; the checklist then updates.',

  'auditAction.case.contents_amended': 'Request amended',
  'dossier.mitigationNeeded':
    'A negative effect needs a measure; without one the impact assessment is not complete.',
  'dossier.commentRequired': 'Write your comment first.',
  'dossier.fieldRequired': '{field}: fill in this field.',
  'triage.questionRequired':
    'Answer this question or choose ‘Weet ik niet (don’t know)’: {question}',
};
