/**
 * Dutch texts of the server's error codes (libs/contracts/src/errors.ts) that no screen's own group
 * holds: `problem.<code>`, shown where the problem concerns (issue #18). A unit test fails when a
 * code has no text here or elsewhere in the catalogue.
 */
export const problemsNl = {
  'problem.agenda_item.not_found': 'Dit agendapunt bestaat niet (meer).',
  'problem.ai_system.not_found': 'Dit AI-systeem bestaat niet of u heeft er geen toegang toe.',
  'problem.assessment_comment.not_found':
    'Deze opmerking bij de impactbeoordeling bestaat niet (meer).',
  'problem.assessment_version.not_found': 'Deze versie van de impactbeoordeling bestaat niet.',
  'problem.calendar_feed.not_found':
    'Deze agendakoppeling bestaat niet (meer). Maak een nieuwe link aan.',
  'problem.comment.not_found': 'Deze reactie bestaat niet of u heeft er geen toegang toe.',
  'problem.comment_thread.not_found': 'Deze discussie bestaat niet of u heeft er geen toegang toe.',
  'problem.convenant.not_found': 'Dit convenant bestaat niet of u heeft er geen toegang toe.',
  'problem.document.not_found': 'Dit document bestaat niet of u heeft er geen toegang toe.',
  'problem.document_version.not_found': 'Deze versie van het document bestaat niet.',
  'problem.information_request.not_found':
    'Dit informatieverzoek bestaat niet of u heeft er geen toegang toe.',
  'problem.internal_note.not_found':
    'Deze interne notitie bestaat niet of u heeft er geen toegang toe.',
  'problem.invitation.not_found': 'Deze uitnodiging bestaat niet, is al gebruikt of is verlopen.',
  'problem.meeting.not_found': 'Deze vergadering bestaat niet of u heeft er geen toegang toe.',
  'problem.membership.not_found': 'Dit lidmaatschap bestaat niet (meer).',
  'problem.notification.not_found': 'Deze melding bestaat niet (meer).',
  'problem.organisation.not_found': 'Deze organisatie bestaat niet of u heeft er geen toegang toe.',
  'problem.oversight_arrangement.not_found':
    'Er is nog geen regeling voor menselijk toezicht vastgelegd.',
  'problem.regulatory_rule.not_found': 'Deze datum uit de regelgevingskalender bestaat niet.',
  'problem.survey.not_found': 'Deze vragenlijst bestaat niet of u heeft er geen toegang toe.',
  'problem.track.not_found': 'Dit traject (advies of instemming) hoort niet bij deze zaak.',
  'problem.training_completion.not_found': 'Deze afgeronde training is niet gevonden.',
  'problem.training_plan.not_found': 'Er is nog geen trainingsplan vastgelegd.',
  'problem.union.not_found': 'Deze vakbond bestaat niet of u heeft er geen toegang toe.',
  'problem.union_share.not_found': 'Dit delen met een vakbond bestaat niet (meer).',
  'problem.user.not_found': 'Deze gebruiker bestaat niet of u heeft er geen toegang toe.',
  'problem.vote.not_found': 'Deze stemming bestaat niet of u heeft er geen toegang toe.',
  'problem.works_council.not_found':
    'Deze ondernemingsraad bestaat niet of u heeft er geen toegang toe.',
  'problem.ai_system.version_conflict':
    'Iemand anders heeft dit AI-systeem net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.assessment.version_conflict':
    'Iemand anders heeft de impactbeoordeling net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.comment.version_conflict':
    'Deze reactie is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.document.version_conflict':
    'Iemand anders heeft dit document net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.internal_note.version_conflict':
    'Iemand anders heeft deze notitie net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.meeting.version_conflict':
    'Iemand anders heeft deze vergadering net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.oversight_arrangement.version_conflict':
    'Iemand anders heeft de regeling voor toezicht net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.survey.version_conflict':
    'Iemand anders heeft deze vragenlijst net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.training_plan.version_conflict':
    'Iemand anders heeft het trainingsplan net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.union_share.version_conflict':
    'Het delen met deze vakbond is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.vote.version_conflict':
    'Deze stemming is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'problem.ai_system.employer_only': 'Alleen de werkgever houdt het AI-register bij.',
  'problem.api.version_unsupported':
    'Deze versie van de app wordt niet meer ondersteund. Laad de pagina opnieuw.',
  'problem.assessment.comment_author_only': 'Alleen wie de opmerking schreef, kan haar wijzigen.',
  'problem.assessment.council_only':
    'Alleen de ondernemingsraad plaatst opmerkingen bij de impactbeoordeling.',
  'problem.assessment.employer_only':
    'Alleen de werkgever vult de impactbeoordeling in en dient een versie in.',
  'problem.assessment.no_changes': 'Er is niets gewijzigd sinds de laatst ingediende versie.',
  'problem.assessment.section_not_applicable':
    'Dit onderdeel hoort niet bij deze impactbeoordeling: de triage vraagt er niet om.',
  'problem.auth.forbidden': 'U heeft geen toestemming voor deze handeling.',
  'problem.auth.invalid_refresh_token': 'Uw sessie is verlopen. Log opnieuw in.',
  'problem.auth.invalid_token': 'Uw sessie is verlopen. Log opnieuw in.',
  'problem.auth.permission_denied': 'Uw rol staat deze handeling niet toe.',
  'problem.auth.refresh_token_reused':
    'Uw sessie is om veiligheidsredenen beëindigd. Log opnieuw in.',
  'problem.auth.token_expired': 'Uw sessie is verlopen. Log opnieuw in.',
  'problem.auth.token_in_query':
    'De verbinding is geweigerd om veiligheidsredenen. Laad de pagina opnieuw.',
  'problem.auth.unauthenticated': 'Log in om verder te gaan.',
  'problem.case.action_not_allowed': 'Uw rol in deze zaak staat deze stap niet toe.',
  'problem.case.audit_not_allowed': 'Uw rol in deze zaak geeft geen toegang tot de audittrail.',
  'problem.case.cannot_send': 'De zaak kan nog niet naar de OR worden verstuurd. Wat ontbreekt:',
  'problem.case.committee_not_of_council':
    'Kies een commissie van de ondernemingsraad van deze zaak.',
  'problem.case.council_not_of_employer': 'Kies een ondernemingsraad van dezelfde werkgever.',
  'problem.case.council_only': 'Alleen de ondernemingsraad kan dit doen.',
  'problem.case.employer_only': 'Alleen de werkgever kan dit doen.',
  'problem.case.not_shared': 'De vakbond ziet van deze zaak alleen de status en de termijnen.',
  'problem.case.prohibited':
    'Dit AI-systeem is op het werk verboden (art. 5 lid 1 onder f AI-verordening); de zaak is geblokkeerd.',
  'problem.case.read_only': 'Vakbondsbestuurders volgen gedeelde zaken, maar wijzigen ze niet.',
  'problem.case.triage_missing': 'Er is nog geen triage om te betwisten.',
  'problem.comment.author_only': 'Alleen wie de reactie schreef, kan haar wijzigen of verwijderen.',
  'problem.comment.deleted': 'Deze reactie is verwijderd.',
  'problem.comment.mention_not_allowed':
    'U kunt alleen mensen noemen die deze discussie kunnen zien.',
  'problem.deadline.clock_cannot_stop': 'Deze termijn kan niet worden stilgezet.',
  'problem.deadline.invalid_calendar_date': 'Vul een geldige datum in.',
  'problem.deadline.invalid_instant': 'Vul een geldige datum en tijd in.',
  'problem.deadline.invalid_paused_days':
    'Het aantal stilgezette dagen moet een heel getal van 0 of meer zijn.',
  'problem.deadline.invalid_period':
    'Een informatieverzoek kan niet zijn beantwoord vóór het werd verstuurd.',
  'problem.deadline.invalid_term_length': 'Vul een heel aantal werkdagen in.',
  'problem.deadline.length_required': 'Vul de lengte van deze termijn in.',
  'problem.deadline.statutory_length_fixed': 'De lengte van een wettelijke termijn ligt vast.',
  'problem.deadline.unknown_rule': 'Deze termijn is onbekend.',
  'problem.document.bad_multipart': 'Het bestand kon niet worden ontvangen. Probeer het opnieuw.',
  'problem.document.confidentiality_not_allowed':
    'Geheimhouding (art. 20 WOR) wordt opgelegd en opgeheven door de werkgever of het dagelijks bestuur van de OR.',
  'problem.document.confidentiality_not_yours':
    'Alleen de partij die de geheimhouding oplegde, kan haar wijzigen of opheffen.',
  'problem.document.confidentiality_until_past':
    'De einddatum van de geheimhouding ligt al in het verleden.',
  'problem.document.delete_not_allowed':
    'Alleen de werkgever of wie het document uploadde, kan het verwijderen.',
  'problem.document.empty': 'Het bestand is leeg.',
  'problem.document.not_shared': 'De vakbond ziet de documenten van deze zaak niet.',
  'problem.document.too_large': 'Het bestand is te groot.',
  'problem.document.unsupported_type':
    'Alleen PDF, PNG, JPEG, Word, Excel, PowerPoint en tekstbestanden (.txt, .csv, .md) zijn toegestaan.',
  'problem.document.upload_not_allowed':
    'Alleen de werkgever en de ondernemingsraad voegen documenten toe.',
  'problem.document.version_not_allowed':
    'Een nieuwe versie komt van de partij die het document indiende.',
  'problem.idempotency.key_invalid':
    'Het verzoek kon niet worden verwerkt. Laad de pagina opnieuw.',
  'problem.idempotency.key_reused': 'Dit verzoek is al eerder verstuurd. Laad de pagina opnieuw.',
  'problem.idempotency.request_in_progress':
    'Dit verzoek wordt nog verwerkt. Probeer het zo opnieuw.',
  'problem.internal.board_only': 'Alleen de voorzitter of secretaris van de OR kan dit doen.',
  'problem.internal_note.author_only':
    'Alleen de schrijver, de voorzitter of de secretaris kan deze notitie wijzigen.',
  'problem.meeting.already_held':
    'Een gehouden vergadering kan niet meer worden verplaatst of afgelast.',
  'problem.meeting.board_only':
    'Alleen de voorzitter of secretaris van de OR (of bij een overlegvergadering de werkgever) organiseert vergaderingen.',
  'problem.meeting.cancelled': 'Deze vergadering is afgelast.',
  'problem.meeting.case_not_of_council':
    'Alleen zaken van deze ondernemingsraad kunnen op de agenda.',
  'problem.meeting.case_not_sent': 'Een zaak kan op de agenda zodra zij naar de OR is verstuurd.',
  'problem.meeting.council_only': 'Interne vergaderingen zijn van de ondernemingsraad zelf.',
  'problem.meeting.not_yet_held':
    'Een vergadering kan pas als gehouden worden gemarkeerd als zij heeft plaatsgevonden.',
  'problem.meeting.participant_not_allowed':
    'Deelnemers horen bij de ondernemingsraad of, bij een overlegvergadering, bij de werkgever.',
  'problem.membership.committee_required': 'Kies een commissie van deze ondernemingsraad.',
  'problem.membership.council_required': 'Kies een ondernemingsraad voor deze rol.',
  'problem.membership.unexpected_council': 'Deze rol hoort niet bij een ondernemingsraad.',
  'problem.metrics.token_required': 'Voor de meetgegevens is een sleutel nodig.',
  'problem.oversight.council_only': 'Alleen de ondernemingsraad kan dit doen.',
  'problem.oversight.employer_only': 'Alleen de werkgever legt het menselijk toezicht vast.',
  'problem.oversight.log_retention_too_short':
    'De logs van het systeem worden minstens zes maanden bewaard (art. 26 lid 6 AI-verordening).',
  'problem.pagination.cursor_invalid': 'Deze lijst is intussen veranderd. Laad de pagina opnieuw.',
  'problem.pagination.limit_too_large': 'Er worden te veel regels tegelijk opgevraagd.',
  'problem.realtime.internal_not_allowed':
    'Alleen leden van de ondernemingsraad volgen het interne overleg.',
  'problem.regulatory_rule.ambiguous':
    'De regelgevingskalender is niet eenduidig. Neem contact op met de beheerder.',
  'problem.reminder_settings.not_board':
    'Alleen de voorzitter of secretaris van de OR, of de beheerder van de organisatie, wijzigt de herinneringen.',
  'problem.request.headers_too_large': 'Het verzoek is te groot. Laad de pagina opnieuw.',
  'problem.request.invalid_unicode': 'De tekst bevat tekens die niet kunnen worden verwerkt.',
  'problem.request.malformed': 'Het verzoek kon niet worden gelezen. Probeer het opnieuw.',
  'problem.request.rejected': 'Het verzoek is geweigerd.',
  'problem.request.timeout': 'Het verzoek duurde te lang. Probeer het opnieuw.',
  'problem.request.too_large': 'Het verzoek is te groot.',
  'problem.request.unstorable_text': 'De tekst bevat tekens die niet kunnen worden opgeslagen.',
  'problem.request.unsupported_encoding':
    'Het verzoek kon niet worden gelezen. Probeer het opnieuw.',
  'problem.request.unsupported_media_type': 'Dit soort gegevens wordt niet geaccepteerd.',
  'problem.request.validation_failed': 'Controleer de gemarkeerde velden.',
  'problem.route.method_not_allowed': 'Deze handeling is hier niet mogelijk.',
  'problem.route.not_found': 'Deze pagina of dit onderdeel bestaat niet.',
  'problem.server.internal_error': 'Er ging aan onze kant iets mis. Probeer het later opnieuw.',
  'problem.service.unavailable':
    'De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw.',
  'problem.training.completion_exists':
    'Deze afgeronde training is voor deze persoon al vastgelegd.',
  'problem.training.completion_in_future': 'Een training wordt vastgelegd nadat zij is afgerond.',
  'problem.training.council_only': 'Alleen de ondernemingsraad kan dit doen.',
  'problem.training.employer_only': 'Alleen de werkgever legt het trainingsplan vast.',
  'problem.training.invalid_plan':
    'Het trainingsplan klopt nog niet. Controleer de gemarkeerde velden.',
  'problem.training.unknown_module': 'Deze module staat niet in het trainingsplan.',
  'problem.union_share.already_granted': 'Deze vakbond ziet dit al; pas het bestaande delen aan.',
  'problem.union_share.board_only':
    'Alleen de voorzitter of secretaris van de OR deelt zaken met een vakbond.',
  'problem.union_share.case_not_of_council':
    'Alleen zaken van deze ondernemingsraad kunnen worden gedeeld.',
  'problem.union_share.not_a_union': 'Zaken kunnen alleen met een vakbond worden gedeeld.',
  'problem.union_share.revoked': 'Het delen met deze vakbond is beëindigd.',
  'problem.user.email_taken': 'Er bestaat al een account met dit e-mailadres.',
  'problem.vote.already_adopted': 'Deze stemming is al overgenomen als standpunt van de OR.',
  'problem.vote.closed': 'Deze stemming is gesloten; stemmen kan niet meer.',
  'problem.vote.closes_in_past': 'Een stemming moet in de toekomst sluiten.',
  'problem.vote.no_winner': 'De stemming heeft geen winnende keuze.',
  'problem.vote.not_closed': 'Alleen een gesloten stemming kan worden overgenomen.',
  'problem.vote.option_not_a_position': 'Deze keuze is geen standpunt dat de OR kan vastleggen.',
  'problem.vote.quorum_not_met': 'Er hebben te weinig leden gestemd (het quorum is niet gehaald).',
  'problem.vote.unknown_option': 'Dit is geen keuze van deze stemming.',
  'problem.works_council.employer_only': 'Alleen een werkgever heeft een ondernemingsraad.',
} as const;
