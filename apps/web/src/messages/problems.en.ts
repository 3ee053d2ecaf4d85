/** English texts of the server's error codes; see problems.nl.ts. */
export const problemsEn = {
  'problem.agenda_item.not_found': 'This agenda item does not exist (any more).',
  'problem.ai_system.not_found': 'This AI system does not exist or you have no access to it.',
  'problem.assessment_comment.not_found':
    'This comment on the impact assessment does not exist (any more).',
  'problem.assessment_version.not_found': 'This version of the impact assessment does not exist.',
  'problem.calendar_feed.not_found':
    'This calendar link does not exist (any more). Create a new link.',
  'problem.comment.not_found': 'This comment does not exist or you have no access to it.',
  'problem.comment_thread.not_found': 'This discussion does not exist or you have no access to it.',
  'problem.convenant.not_found':
    'This agreement (convenant) does not exist or you have no access to it.',
  'problem.document.not_found': 'This document does not exist or you have no access to it.',
  'problem.document_version.not_found': 'This version of the document does not exist.',
  'problem.information_request.not_found':
    'This information request does not exist or you have no access to it.',
  'problem.internal_note.not_found':
    'This internal note does not exist or you have no access to it.',
  'problem.invitation.not_found':
    'This invitation does not exist, was already used or has expired.',
  'problem.meeting.not_found': 'This meeting does not exist or you have no access to it.',
  'problem.membership.not_found': 'This membership does not exist (any more).',
  'problem.notification.not_found': 'This notification does not exist (any more).',
  'problem.organisation.not_found': 'This organisation does not exist or you have no access to it.',
  'problem.oversight_arrangement.not_found':
    'No human oversight arrangement has been recorded yet.',
  'problem.regulatory_rule.not_found': 'This date of the regulatory calendar does not exist.',
  'problem.survey.not_found': 'This survey does not exist or you have no access to it.',
  'problem.track.not_found': 'This track (advice or consent) is not part of this case.',
  'problem.training_completion.not_found': 'This training completion was not found.',
  'problem.training_plan.not_found': 'No training plan has been recorded yet.',
  'problem.union.not_found': 'This union does not exist or you have no access to it.',
  'problem.union_share.not_found': 'This share with a union does not exist (any more).',
  'problem.user.not_found': 'This user does not exist or you have no access to them.',
  'problem.vote.not_found': 'This vote does not exist or you have no access to it.',
  'problem.works_council.not_found':
    'This works council does not exist or you have no access to it.',
  'problem.ai_system.version_conflict':
    'Someone else just changed this AI system. Reload the page and try again.',
  'problem.assessment.version_conflict':
    'Someone else just changed the impact assessment. Reload the page and try again.',
  'problem.comment.version_conflict':
    'This comment was changed meanwhile. Reload the page and try again.',
  'problem.document.version_conflict':
    'Someone else just changed this document. Reload the page and try again.',
  'problem.internal_note.version_conflict':
    'Someone else just changed this note. Reload the page and try again.',
  'problem.meeting.version_conflict':
    'Someone else just changed this meeting. Reload the page and try again.',
  'problem.oversight_arrangement.version_conflict':
    'Someone else just changed the oversight arrangement. Reload the page and try again.',
  'problem.survey.version_conflict':
    'Someone else just changed this survey. Reload the page and try again.',
  'problem.training_plan.version_conflict':
    'Someone else just changed the training plan. Reload the page and try again.',
  'problem.union_share.version_conflict':
    'The share with this union was changed meanwhile. Reload the page and try again.',
  'problem.vote.version_conflict':
    'This vote was changed meanwhile. Reload the page and try again.',
  'problem.ai_system.employer_only': 'Only the employer maintains the AI register.',
  'problem.api.version_unsupported':
    'This version of the app is no longer supported. Reload the page.',
  'problem.assessment.comment_author_only': 'Only the author of a comment can change it.',
  'problem.assessment.council_only': 'Only the works council comments on the impact assessment.',
  'problem.assessment.employer_only':
    'Only the employer fills in the impact assessment and submits a version.',
  'problem.assessment.no_changes': 'Nothing changed since the last submitted version.',
  'problem.assessment.section_not_applicable':
    'This section is not part of this impact assessment: the triage does not require it.',
  'problem.auth.forbidden': 'You do not have permission for this.',
  'problem.auth.invalid_refresh_token': 'Your session has expired. Please log in again.',
  'problem.auth.invalid_token': 'Your session has expired. Please log in again.',
  'problem.auth.permission_denied': 'Your role does not allow this.',
  'problem.auth.refresh_token_reused':
    'Your session was ended for security reasons. Please log in again.',
  'problem.auth.token_expired': 'Your session has expired. Please log in again.',
  'problem.auth.token_in_query':
    'The connection was refused for security reasons. Reload the page.',
  'problem.auth.unauthenticated': 'Log in to continue.',
  'problem.case.action_not_allowed': 'Your role on this case does not allow this step.',
  'problem.case.audit_not_allowed': 'Your role on this case gives no access to the audit trail.',
  'problem.case.cannot_send': 'The case cannot be sent to the works council yet. What is missing:',
  'problem.case.committee_not_of_council': "Choose a committee of this case's works council.",
  'problem.case.council_not_of_employer': 'Choose a works council of the same employer.',
  'problem.case.council_only': 'Only the works council can do this.',
  'problem.case.employer_only': 'Only the employer can do this.',
  'problem.case.not_shared': 'The union sees only the status and the terms of this case.',
  'problem.case.prohibited':
    'This AI system is prohibited at work (AI Act art. 5(1)(f)); the case is blocked.',
  'problem.case.read_only': 'Union officers follow shared cases; they do not change them.',
  'problem.case.triage_missing': 'There is no triage to contest yet.',
  'problem.comment.author_only': 'Only the author of a comment can change or delete it.',
  'problem.comment.deleted': 'This comment was deleted.',
  'problem.comment.mention_not_allowed': 'You can only mention people who can see this discussion.',
  'problem.deadline.clock_cannot_stop': 'This term cannot be paused.',
  'problem.deadline.invalid_calendar_date': 'Enter a valid date.',
  'problem.deadline.invalid_instant': 'Enter a valid date and time.',
  'problem.deadline.invalid_paused_days':
    'The number of paused days must be a whole number of 0 or more.',
  'problem.deadline.invalid_period':
    'An information request cannot be answered before it was sent.',
  'problem.deadline.invalid_term_length': 'Enter a whole number of working days.',
  'problem.deadline.length_required': 'Enter the length of this term.',
  'problem.deadline.statutory_length_fixed': 'The length of a statutory term is fixed.',
  'problem.deadline.unknown_rule': 'This term is unknown.',
  'problem.document.bad_multipart': 'The file could not be received. Please try again.',
  'problem.document.confidentiality_not_allowed':
    "Secrecy (WOR art. 20) is imposed and lifted by the employer or the works council's board.",
  'problem.document.confidentiality_not_yours':
    'Only the party that imposed the secrecy can change or lift it.',
  'problem.document.confidentiality_until_past': 'The end date of the secrecy lies in the past.',
  'problem.document.delete_not_allowed':
    'Only the employer or whoever uploaded the document can delete it.',
  'problem.document.empty': 'The file is empty.',
  'problem.document.not_shared': "The union does not see this case's documents.",
  'problem.document.too_large': 'The file is too large.',
  'problem.document.unsupported_type':
    'Only PDF, PNG, JPEG, Word, Excel, PowerPoint and text files (.txt, .csv, .md) are accepted.',
  'problem.document.upload_not_allowed': 'Only the employer and the works council add documents.',
  'problem.document.version_not_allowed':
    'A new version comes from the party that submitted the document.',
  'problem.idempotency.key_invalid': 'The request could not be processed. Reload the page.',
  'problem.idempotency.key_reused': 'This request was already sent. Reload the page.',
  'problem.idempotency.request_in_progress':
    'This request is still being processed. Try again shortly.',
  'problem.internal.board_only': "Only the works council's chair or secretary can do this.",
  'problem.internal_note.author_only':
    'Only the author, the chair or the secretary can change this note.',
  'problem.meeting.already_held': 'A meeting that was held can no longer be moved or cancelled.',
  'problem.meeting.board_only':
    "Only the works council's chair or secretary (or, for a consultation meeting, the employer) organises meetings.",
  'problem.meeting.cancelled': 'This meeting was cancelled.',
  'problem.meeting.case_not_of_council': "Only this works council's cases can go on its agenda.",
  'problem.meeting.case_not_sent':
    'A case can go on the agenda once it has been sent to the works council.',
  'problem.meeting.council_only': "Internal meetings are the works council's own.",
  'problem.meeting.not_yet_held': 'A meeting can only be marked as held once it has taken place.',
  'problem.meeting.participant_not_allowed':
    'Participants belong to the works council or, for a consultation meeting, to the employer.',
  'problem.membership.committee_required': 'Choose a committee of this works council.',
  'problem.membership.council_required': 'Choose a works council for this role.',
  'problem.membership.unexpected_council': 'This role does not belong to a works council.',
  'problem.metrics.token_required': 'The metrics need a token.',
  'problem.oversight.council_only': 'Only the works council can do this.',
  'problem.oversight.employer_only': 'Only the employer records the human oversight.',
  'problem.oversight.log_retention_too_short':
    "The system's logs are kept for at least six months (AI Act art. 26(6)).",
  'problem.pagination.cursor_invalid': 'This list has changed meanwhile. Reload the page.',
  'problem.pagination.limit_too_large': 'Too many rows were asked for at once.',
  'problem.realtime.internal_not_allowed':
    'Only members of the works council follow its internal deliberation.',
  'problem.regulatory_rule.ambiguous':
    'The regulatory calendar is ambiguous. Contact your administrator.',
  'problem.reminder_settings.not_board':
    "Only the works council's chair or secretary, or the organisation's administrator, changes the reminders.",
  'problem.request.headers_too_large': 'The request is too large. Reload the page.',
  'problem.request.invalid_unicode': 'The text contains characters that cannot be processed.',
  'problem.request.malformed': 'The request could not be read. Please try again.',
  'problem.request.rejected': 'The request was refused.',
  'problem.request.timeout': 'The request took too long. Please try again.',
  'problem.request.too_large': 'The request is too large.',
  'problem.request.unstorable_text': 'The text contains characters that cannot be stored.',
  'problem.request.unsupported_encoding': 'The request could not be read. Please try again.',
  'problem.request.unsupported_media_type': 'This kind of data is not accepted.',
  'problem.request.validation_failed': 'Check the marked fields.',
  'problem.route.method_not_allowed': 'This action is not possible here.',
  'problem.route.not_found': 'This page or item does not exist.',
  'problem.server.internal_error': 'Something went wrong on our side. Please try again later.',
  'problem.service.unavailable': 'The service is temporarily unavailable. Please try again later.',
  'problem.training.completion_exists':
    "This person's completion of the training is already recorded.",
  'problem.training.completion_in_future': 'A training is recorded once it has been completed.',
  'problem.training.council_only': 'Only the works council can do this.',
  'problem.training.employer_only': 'Only the employer records the training plan.',
  'problem.training.invalid_plan': 'The training plan is not right yet. Check the marked fields.',
  'problem.training.unknown_module': 'The training plan has no such module.',
  'problem.union_share.already_granted':
    'This union already sees this; change the existing share instead.',
  'problem.union_share.board_only':
    "Only the works council's chair or secretary shares cases with a union.",
  'problem.union_share.case_not_of_council': "Only this works council's cases can be shared.",
  'problem.union_share.not_a_union': 'Cases can only be shared with a union.',
  'problem.union_share.revoked': 'The share with this union has ended.',
  'problem.user.email_taken': 'An account with this e-mail address already exists.',
  'problem.vote.already_adopted': "This vote was already adopted as the works council's position.",
  'problem.vote.closed': 'This vote is closed; votes can no longer be cast.',
  'problem.vote.closes_in_past': 'A vote must close in the future.',
  'problem.vote.no_winner': 'The vote has no winning option.',
  'problem.vote.not_closed': 'Only a closed vote can be adopted.',
  'problem.vote.option_not_a_position':
    'This option is not a position the works council can record.',
  'problem.vote.quorum_not_met': 'Too few members voted (the quorum was not met).',
  'problem.vote.unknown_option': 'This is not an option of this vote.',
  'problem.works_council.employer_only': 'Only an employer has a works council.',
} as const;
