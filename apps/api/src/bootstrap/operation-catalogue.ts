/**
 * Every HTTP operation's stable id and one-line summary, keyed by `METHOD /path` as the OpenAPI
 * document spells it. Integrators generate clients from the ids, so an id never changes once
 * published; a route without an entry fails `npm run openapi` and the API contract test.
 * Longer explanations stay as doc comments on the handlers and become the description.
 */
export interface OperationEntry {
  readonly id: string;
  readonly summary: string;
  /** Error statuses beyond those derived from the route's shape and access (see complete-document.ts). */
  readonly extraErrors: readonly number[];
}

const entries: Record<
  string,
  readonly [id: string, summary: string, extraErrors?: readonly number[]]
> = {
  'GET /health/live': ['health.live', 'Liveness probe'],
  'GET /health/ready': ['health.ready', 'Readiness probe', [503]],
  'POST /auth/login': ['auth.login', 'Log in with e-mail and password', [401, 429]],
  'POST /auth/password-reset-requests': [
    'auth.requestPasswordReset',
    'Ask for a password-reset link by e-mail',
    [429],
  ],
  'POST /auth/password-resets': [
    'auth.resetPassword',
    'Set a new password with a reset link',
    [429],
  ],
  'POST /auth/second-factor/enrolment': [
    'secondFactor.enrol',
    'Start enrolling a second factor (TOTP)',
  ],
  'POST /auth/second-factor/activation': [
    'secondFactor.activate',
    'Activate the second factor with a first code',
  ],
  'POST /auth/second-factor/deactivation': [
    'secondFactor.deactivate',
    'Turn the second factor off',
  ],
  'POST /auth/refresh': ['auth.refresh', 'Exchange a refresh token for new tokens', [401]],
  'POST /auth/logout': ['auth.logout', 'End the session of a refresh token'],
  'POST /auth/sso/authorizations': [
    'sso.start',
    "Start signing in with your organisation's identity provider",
    [404, 429, 502],
  ],
  'POST /auth/sso/callback': [
    'sso.finish',
    "Finish single sign-on with the identity provider's answer",
    [401, 403, 429, 502],
  ],
  'POST /auth/password': ['auth.changePassword', 'Change your password'],
  'GET /auth/me': ['auth.me', 'Your account, memberships and permissions'],
  'PATCH /auth/me': ['auth.updateMe', 'Change your profile'],
  'GET /organisations/{organisationId}': ['organisations.get', 'Get an organisation'],
  'GET /organisations/{organisationId}/sso-connection': [
    'ssoConnection.get',
    "The organisation's single sign-on (OpenID Connect) settings",
  ],
  'PUT /organisations/{organisationId}/sso-connection': [
    'ssoConnection.put',
    "Set the organisation's single sign-on (OpenID Connect) settings",
    [409],
  ],
  'DELETE /organisations/{organisationId}/sso-connection': [
    'ssoConnection.delete',
    "Turn the organisation's single sign-on off",
  ],
  'GET /organisations/{organisationId}/auth-policy': [
    'authPolicy.get',
    "The organisation's sign-in policy (second factor required)",
  ],
  'PUT /organisations/{organisationId}/auth-policy': [
    'authPolicy.put',
    "Set the organisation's sign-in policy (second factor required)",
  ],
  'GET /organisations/{organisationId}/export': [
    'organisations.export',
    'Export everything the organisation owns as one archive',
  ],
  'GET /organisations/{organisationId}/works-councils': [
    'worksCouncils.list',
    "List an organisation's works councils",
  ],
  'POST /organisations/{organisationId}/works-councils': [
    'worksCouncils.create',
    'Create a works council (ondernemingsraad)',
  ],
  'GET /works-councils/{worksCouncilId}': ['worksCouncils.get', 'Get a works council'],
  'POST /works-councils/{worksCouncilId}/committees': [
    'committees.create',
    'Create a committee of a works council',
  ],
  'GET /organisations/{organisationId}/memberships': [
    'memberships.list',
    "List an organisation's memberships",
  ],
  'POST /organisations/{organisationId}/memberships': [
    'memberships.create',
    'Grant a user a role in the organisation',
  ],
  'PATCH /memberships/{membershipId}': ['memberships.update', "Change a membership's role"],
  'DELETE /memberships/{membershipId}': ['memberships.remove', 'Remove a membership'],
  'POST /organisations/{organisationId}/users/{userId}/deactivation': [
    'users.deactivate',
    "Deactivate a user's account",
  ],
  'POST /works-councils/{worksCouncilId}/expert-engagements': [
    'expertEngagements.create',
    "Engage the council's own expert",
  ],
  'GET /works-councils/{worksCouncilId}/expert-engagements': [
    'expertEngagements.list',
    "List the council's expert engagements",
  ],
  'GET /works-councils/{worksCouncilId}/role-changes': [
    'roleChanges.list',
    "List the council's role changes",
  ],
  'POST /organisations/{organisationId}/invitations': [
    'invitations.create',
    'Invite someone to the organisation',
  ],
  'POST /invitations/accept': ['invitations.accept', 'Accept an invitation', [404, 409, 422]],
  'GET /platform/organisations': [
    'platformOrganisations.list',
    'List every organisation (platform operator)',
  ],
  'POST /platform/organisations': [
    'platformOrganisations.create',
    'Create an employer or union (platform operator)',
  ],
  'POST /platform/organisations/{organisationId}/admin-invitations': [
    'platformOrganisations.inviteAdmin',
    "Invite an organisation's first admin by e-mail (platform operator)",
    [409],
  ],
  'POST /platform/organisations/{organisationId}/suspension': [
    'platformOrganisations.suspend',
    'Suspend an organisation: its people are signed out and cannot sign in (platform operator)',
    [409],
  ],
  'DELETE /platform/organisations/{organisationId}/suspension': [
    'platformOrganisations.resume',
    'Resume a suspended organisation, cancelling a scheduled deletion (platform operator)',
    [409],
  ],
  'POST /platform/organisations/{organisationId}/deletion': [
    'platformOrganisations.scheduleDeletion',
    'Schedule the deletion of an organisation after the grace period (platform operator)',
    [409],
  ],
  'GET /organisations/{organisationId}/ai-systems': [
    'aiSystems.list',
    "List an organisation's AI systems",
  ],
  'POST /organisations/{organisationId}/ai-systems': ['aiSystems.create', 'Register an AI system'],
  'GET /ai-systems/{aiSystemId}': ['aiSystems.get', 'Get an AI system'],
  'PATCH /ai-systems/{aiSystemId}': ['aiSystems.update', 'Change an AI system'],
  'GET /ai-systems/{aiSystemId}/changes': [
    'aiSystems.changes',
    "List an AI system's recorded changes",
  ],
  'POST /cases': ['cases.create', 'Open a case'],
  'GET /cases': ['cases.list', 'List the cases you may see'],
  'GET /search': ['search.query', 'Search everything you may read'],
  'GET /cases/{caseId}': ['cases.get', 'Get a case'],
  'PATCH /cases/{caseId}': ['cases.update', "Change a case's details"],
  'GET /cases/{caseId}/triage/prefill': [
    'cases.triagePrefill',
    'Triage answers the AI register implies, to pre-fill the form',
  ],
  'GET /cases/{caseId}/triage/questionnaire': [
    'cases.triageQuestionnaire',
    'The triage questions with help text, example and follow-up conditions',
  ],
  'PUT /cases/{caseId}/triage': ['cases.setTriage', "Set a case's triage"],
  'POST /cases/{caseId}/triage-contests': ['cases.contestTriage', "Contest a case's triage"],
  'POST /cases/{caseId}/triage-proposal/acceptance': [
    'cases.acceptTriageProposal',
    'Accept the pending re-triage proposal',
  ],
  'POST /cases/{caseId}/triage-proposal/contest': [
    'cases.contestTriageProposal',
    'Contest the pending re-triage proposal',
  ],
  'POST /cases/{caseId}/sending': ['cases.send', 'Send a draft case to the works council'],
  'POST /cases/{caseId}/tracks/{kind}/transitions': [
    'cases.transition',
    "Move one of a case's tracks to its next stage",
  ],
  'POST /cases/{caseId}/oversight-confirmations': [
    'cases.confirmOversight',
    'Confirm human oversight is in place',
  ],
  'POST /cases/{caseId}/experts': ['cases.addExpert', 'Give an expert access to a case'],
  'PUT /cases/{caseId}/committee': ['cases.assignCommittee', 'Assign a case to a committee'],
  'POST /cases/{caseId}/use-reports': ['cases.reportUse', 'Report the system in use'],
  'GET /cases/{caseId}/go-live-gate': ['cases.goLiveGate', "A case's go-live gate"],
  'GET /cases/{caseId}/deadlines': ['cases.deadlines', "List a case's deadlines"],
  'GET /cases/{caseId}/information-requests': [
    'informationRequests.list',
    "List a case's information requests",
  ],
  'POST /cases/{caseId}/information-requests': [
    'informationRequests.create',
    'Ask the employer for information',
  ],
  'POST /cases/{caseId}/information-requests/{requestId}/answer': [
    'informationRequests.answer',
    'Answer an information request',
  ],
  // Issue #19: the council's intake (signals, requests outside any case) and commitments.
  'POST /works-councils/{worksCouncilId}/signals': [
    'signals.raise',
    'Record a signal for the council (council only)',
  ],
  'GET /works-councils/{worksCouncilId}/signals': [
    'signals.list',
    "Page through the council's signals (council only)",
  ],
  'GET /signals/{signalId}': ['signals.get', 'Get a signal and what the council made of it'],
  'POST /signals/{signalId}/requests': [
    'signals.act',
    'Turn a signal into an information request, a case request or an initiative proposal',
    [409, 422],
  ],
  'POST /signals/{signalId}/dismissal': ['signals.dismiss', 'Dismiss a signal', [409]],
  'GET /works-councils/{worksCouncilId}/council-requests': [
    'councilRequests.list',
    "Page through the council's requests outside any case",
  ],
  'GET /council-requests/{requestId}': ['councilRequests.get', 'Get a council request'],
  'POST /council-requests/{requestId}/answer': [
    'councilRequests.answer',
    'Answer a council request in writing',
    [409],
  ],
  'POST /council-requests/{requestId}/case': [
    'councilRequests.openCase',
    'Open the case the council asked for',
    [409, 422],
  ],
  'GET /cases/{caseId}/commitments': [
    'commitments.list',
    "List a case's commitments (the conditions of the council's position)",
  ],
  'PATCH /commitments/{commitmentId}': [
    'commitments.assign',
    "Name a commitment's owner and due date",
    [409, 422],
  ],
  'POST /commitments/{commitmentId}/evidence': [
    'commitments.recordEvidence',
    'Record evidence for a commitment, and whether it is met',
    [409],
  ],
  'POST /commitments/{commitmentId}/breach': [
    'commitments.declareBroken',
    'Declare a commitment broken (council board)',
    [409],
  ],
  'POST /commitments/{commitmentId}/waiver': [
    'commitments.waive',
    'Waive a commitment (council board)',
    [409],
  ],
  'POST /commitments/{commitmentId}/reopening': [
    'commitments.reopen',
    'Reopen the case or take the legal step from a broken commitment',
    [409],
  ],
  'GET /cases/{caseId}/audit': ['cases.audit', "Page through a case's audit trail"],
  'GET /cases/{caseId}/audit/verify': ['cases.verifyAudit', "Verify a case's audit chain"],
  'GET /cases/{caseId}/events': ['cases.events', "Page through a case's events"],
  'GET /notifications': ['notifications.list', 'Page through your inbox'],
  'GET /notifications/unread-count': [
    'notifications.unreadCount',
    'Count your unread notifications',
  ],
  'POST /notifications/read-all': ['notifications.markAllRead', 'Mark every notification read'],
  'POST /notifications/{notificationId}/read': [
    'notifications.markRead',
    'Mark a notification read',
  ],
  'GET /me/notification-preferences': [
    'notificationPreferences.get',
    'Your notification preferences',
  ],
  'GET /me/agenda': ['agenda.get', 'Your personal agenda: what you or your side must do, by when'],
  'PUT /me/notification-preferences': [
    'notificationPreferences.put',
    'Replace your notification preferences',
  ],
  'GET /works-councils/{worksCouncilId}/reminder-settings': [
    'reminderSettings.get',
    "A council's reminder settings",
  ],
  'PUT /works-councils/{worksCouncilId}/reminder-settings': [
    'reminderSettings.put',
    "Replace a council's reminder settings",
  ],
  'GET /works-councils/{worksCouncilId}/convenants': [
    'convenants.list',
    "A council's agreed terms (convenant), every version",
  ],
  'POST /works-councils/{worksCouncilId}/convenants': [
    'convenants.propose',
    'Propose agreed terms for the other party to confirm',
  ],
  'POST /works-councils/{worksCouncilId}/convenants/{version}/confirmation': [
    'convenants.confirm',
    "Confirm the other party's proposed convenant",
    [409],
  ],
  'GET /me/calendar-feed': ['calendarFeed.status', 'Whether your calendar feed exists'],
  'POST /me/calendar-feed': ['calendarFeed.rotate', 'Create or rotate your calendar feed URL'],
  'DELETE /me/calendar-feed': ['calendarFeed.revoke', 'Revoke your calendar feed'],
  'GET /calendar/{token}.ics': ['calendarFeed.feed', 'Your deadlines as an iCalendar feed', [404]],
  'GET /unions': ['unions.directory', 'List the unions a council can share with'],
  'POST /works-councils/{worksCouncilId}/union-shares': [
    'unionShares.create',
    'Share cases with a union',
  ],
  'GET /works-councils/{worksCouncilId}/union-shares': [
    'unionShares.list',
    "List a council's union shares",
  ],
  'PATCH /union-shares/{unionShareId}': ['unionShares.changeScope', "Change a union share's scope"],
  'DELETE /union-shares/{unionShareId}': ['unionShares.revoke', 'Revoke a union share'],
  'GET /webhook-event-types': ['webhooks.eventTypes', 'List the event types webhooks can carry'],
  'GET /organisations/{organisationId}/webhook-endpoints': [
    'webhookEndpoints.list',
    "List an organisation's webhook endpoints",
  ],
  'POST /organisations/{organisationId}/webhook-endpoints': [
    'webhookEndpoints.create',
    'Register a webhook endpoint (answers its secret once)',
  ],
  'PATCH /webhook-endpoints/{webhookEndpointId}': [
    'webhookEndpoints.update',
    'Change or disable a webhook endpoint',
  ],
  'DELETE /webhook-endpoints/{webhookEndpointId}': [
    'webhookEndpoints.delete',
    'Delete a webhook endpoint and its delivery log',
  ],
  'POST /webhook-endpoints/{webhookEndpointId}/secret-rotations': [
    'webhookEndpoints.rotateSecret',
    "Replace a webhook endpoint's signing secret",
  ],
  'GET /webhook-endpoints/{webhookEndpointId}/deliveries': [
    'webhookDeliveries.list',
    "A webhook endpoint's delivery log",
  ],
  'POST /webhook-deliveries/{webhookDeliveryId}/redeliveries': [
    'webhookDeliveries.redeliver',
    'Send a webhook delivery again',
  ],
  'GET /unions/{unionOrganisationId}/dashboard': [
    'overviews.unionDashboard',
    "A union's dashboard of shared cases",
  ],
  'GET /unions/{unionOrganisationId}/dashboard.csv': [
    'overviews.unionDashboardCsv',
    "A union's dashboard as CSV",
  ],
  'GET /works-councils/{worksCouncilId}/dashboard': [
    'overviews.councilDashboard',
    "A works council's dashboard",
  ],
  'GET /organisations/{organisationId}/overview': [
    'overviews.employerOverview',
    "The employer's overview",
  ],
  'GET /cases.csv': ['exports.cases', 'The cases you may see as CSV'],
  'GET /cases/{caseId}/deadlines.csv': ['exports.deadlines', "A case's deadlines as CSV"],
  'GET /cases/{caseId}/audit.csv': ['exports.audit', "A case's audit trail as CSV"],
  'GET /cases/{caseId}/assessment': ['assessment.get', "A case's impact assessment"],
  'PATCH /cases/{caseId}/assessment': [
    'assessment.update',
    'Change answers of the impact assessment',
  ],
  'GET /cases/{caseId}/assessment/questionnaire': [
    'assessment.questionnaire',
    "The assessment's questionnaire",
  ],
  'POST /cases/{caseId}/assessment/submissions': [
    'assessment.submit',
    'Submit the impact assessment',
  ],
  'GET /cases/{caseId}/assessment/versions': [
    'assessment.versions',
    "List the assessment's submitted versions",
  ],
  'GET /cases/{caseId}/assessment/versions/{seq}': [
    'assessment.version',
    'Get a submitted assessment version',
  ],
  'GET /cases/{caseId}/assessment/versions/{seq}/diff': [
    'assessment.diff',
    'Compare a version with the one before',
  ],
  'GET /cases/{caseId}/assessment/comments': [
    'assessment.comments',
    "List comments on the assessment's questions",
  ],
  'POST /cases/{caseId}/assessment/comments': [
    'assessment.addComment',
    'Comment on an assessment question',
  ],
  'PATCH /cases/{caseId}/assessment/comments/{commentId}': [
    'assessment.editComment',
    'Edit an assessment comment',
  ],
  'GET /cases/{caseId}/oversight': ['oversight.get', "A case's human oversight arrangement"],
  'PUT /cases/{caseId}/oversight': ['oversight.put', 'Replace the human oversight arrangement'],
  'GET /cases/{caseId}/training-plan': ['trainingPlan.get', "A case's AI literacy training plan"],
  'PUT /cases/{caseId}/training-plan': ['trainingPlan.put', 'Replace the training plan'],
  'POST /cases/{caseId}/training-plan/completions': [
    'trainingPlan.recordCompletion',
    'Record a completed training',
  ],
  'DELETE /cases/{caseId}/training-plan/completions/{completionId}': [
    'trainingPlan.removeCompletion',
    'Remove a recorded training',
  ],
  'GET /cases/{caseId}/checklist': ['dossier.checklist', "The dossier's checklist"],
  'GET /cases/{caseId}/dossier.pdf': ['dossier.pdf', 'The dossier as PDF'],
  'GET /cases/{caseId}/letters': ['letters.list', "Page through a case's formal letters"],
  'POST /cases/{caseId}/letters': ['letters.create', 'Draft a formal letter from the case', [422]],
  'GET /cases/{caseId}/letters/{letterId}': [
    'letters.get',
    'Get a letter (the recipient opening it records its receipt)',
    [409, 422],
  ],
  'PUT /cases/{caseId}/letters/{letterId}': [
    'letters.update',
    'Save a new version of a draft letter',
    [409],
  ],
  'GET /cases/{caseId}/letters/{letterId}/versions': ['letters.versions', "A letter's versions"],
  'GET /cases/{caseId}/letters/{letterId}/diff': [
    'letters.diff',
    'Compare two versions of a letter',
  ],
  'POST /cases/{caseId}/letters/{letterId}/sign-off': [
    'letters.signOff',
    'Sign off a letter for the sending party',
    [409, 422],
  ],
  'POST /cases/{caseId}/letters/{letterId}/sending': [
    'letters.send',
    'Send a signed letter, in the platform or recorded as delivered outside',
    [409, 422],
  ],
  'POST /cases/{caseId}/letters/{letterId}/receipt': [
    'letters.recordReceipt',
    'Acknowledge a letter, or record the day it reached you outside the platform',
    [409, 422],
  ],
  'POST /cases/{caseId}/letters/{letterId}/receipt-correction': [
    'letters.correctReceipt',
    'Correct the day a letter was actually received',
    [409, 422],
  ],
  'POST /cases/{caseId}/letters/{letterId}/answer': [
    'letters.answer',
    'Answer an initiative proposal or a cost notice in writing',
    [409],
  ],
  'GET /cases/{caseId}/letters/{letterId}/pdf': ['letters.pdf', 'A letter as archival PDF'],
  'GET /cases/{caseId}/letters/{letterId}/docx': ['letters.docx', 'A letter as DOCX'],
  'GET /cases/{caseId}/letters/{letterId}/verification': [
    'letters.verification',
    "The case's audit verification behind a letter's link",
  ],
  'POST /cases/{caseId}/documents': ['documents.upload', 'Upload a document'],
  'GET /cases/{caseId}/documents': ['documents.list', "List a case's documents"],
  'GET /cases/{caseId}/documents/{documentId}': [
    'documents.get',
    'Get a document and its versions',
  ],
  'DELETE /cases/{caseId}/documents/{documentId}': ['documents.remove', 'Remove a document'],
  'POST /cases/{caseId}/documents/{documentId}/versions': [
    'documents.addVersion',
    'Upload a new version of a document',
  ],
  'GET /cases/{caseId}/documents/{documentId}/versions/{seq}/content': [
    'documents.content',
    "Download a document version's bytes",
  ],
  'PUT /cases/{caseId}/documents/{documentId}/confidentiality': [
    'documents.setConfidentiality',
    'Mark a document confidential',
  ],
  'PUT /cases/{caseId}/documents/{documentId}/position-attachment': [
    'documents.attachToPosition',
    "Attach the council's expert opinion to the council's position",
    [409, 422],
  ],
  'GET /cases/{caseId}/surveys': ['surveys.list', "List a case's staff surveys"],
  'POST /cases/{caseId}/surveys': ['surveys.create', 'Create an anonymous staff survey'],
  'GET /cases/{caseId}/surveys/{surveyId}': [
    'surveys.get',
    'Get a staff survey with its results (from five responses)',
  ],
  'POST /cases/{caseId}/surveys/{surveyId}/invitations': [
    'surveys.invite',
    'E-mail single-use survey invitations to staff',
    [409, 422],
  ],
  'POST /cases/{caseId}/surveys/{surveyId}/closure': [
    'surveys.close',
    'Close a staff survey',
    [409],
  ],
  'PUT /cases/{caseId}/surveys/{surveyId}/position-attachment': [
    'surveys.attachToPosition',
    "Attach a staff survey's results to the council's position",
    [409],
  ],
  'POST /survey-questionnaires': [
    'surveyAnswers.questionnaire',
    'Get the questions of a survey invitation (no account)',
    [404, 409, 429],
  ],
  'POST /survey-responses': [
    'surveyAnswers.respond',
    'Answer a survey with an invitation token (no account)',
    [404, 409, 422, 429],
  ],
  'DELETE /cases/{caseId}/documents/{documentId}/confidentiality': [
    'documents.liftConfidentiality',
    "Lift a document's confidentiality",
  ],
  'GET /cases/{caseId}/comments': ['comments.list', "List a case's comments"],
  'GET /cases/{caseId}/comments/mentionable': [
    'comments.mentionable',
    'People who can read a thread, to mention',
  ],
  'POST /cases/{caseId}/comments': ['comments.create', 'Comment on a case'],
  'PATCH /cases/{caseId}/comments/{commentId}': ['comments.update', 'Edit a comment'],
  'DELETE /cases/{caseId}/comments/{commentId}': ['comments.remove', 'Remove a comment'],
  'GET /cases/{caseId}/comments/{commentId}/revisions': [
    'comments.revisions',
    "List a comment's revisions",
  ],
  'GET /cases/{caseId}/internal/notes': [
    'councilNotes.list',
    "List the council's internal notes on a case",
  ],
  'POST /cases/{caseId}/internal/notes': ['councilNotes.create', 'Write an internal council note'],
  'PATCH /cases/{caseId}/internal/notes/{noteId}': [
    'councilNotes.update',
    'Edit an internal council note',
  ],
  'DELETE /cases/{caseId}/internal/notes/{noteId}': [
    'councilNotes.remove',
    'Remove an internal council note',
  ],
  'GET /cases/{caseId}/internal/votes': [
    'councilVotes.list',
    "List the council's internal votes on a case",
  ],
  'POST /cases/{caseId}/internal/votes': ['councilVotes.open', 'Open an internal council vote'],
  'GET /cases/{caseId}/internal/votes/{voteId}': [
    'councilVotes.get',
    'Get an internal council vote',
  ],
  'PUT /cases/{caseId}/internal/votes/{voteId}/ballot': [
    'councilVotes.castBallot',
    'Cast or change your ballot',
  ],
  'POST /cases/{caseId}/internal/votes/{voteId}/close': ['councilVotes.close', 'Close a vote'],
  'POST /cases/{caseId}/internal/votes/{voteId}/adopt': [
    'councilVotes.adopt',
    "Adopt a vote's outcome as the council position",
  ],
  'POST /works-councils/{worksCouncilId}/meetings': ['meetings.create', 'Schedule a meeting'],
  'GET /works-councils/{worksCouncilId}/meetings': ['meetings.list', "List a council's meetings"],
  'GET /meetings/{meetingId}': ['meetings.get', 'Get a meeting'],
  'PATCH /meetings/{meetingId}': ['meetings.update', 'Change a meeting'],
  'POST /meetings/{meetingId}/agenda-items': ['meetings.addAgendaItem', 'Add an agenda item'],
  'PATCH /meetings/{meetingId}/agenda-items/{agendaItemId}': [
    'meetings.updateAgendaItem',
    'Change an agenda item',
  ],
  'PUT /meetings/{meetingId}/minutes': ['meetings.putMinutes', "Replace a meeting's minutes"],
  'POST /meetings/{meetingId}/held': ['meetings.markHeld', 'Record a meeting as held'],
  'POST /meetings/{meetingId}/minutes/circulation': [
    'meetings.circulateMinutes',
    "Send a meeting's minutes round the attendees for amendments",
  ],
  'POST /meetings/{meetingId}/minutes/amendments': [
    'meetings.amendMinutes',
    "Propose an amendment to a meeting's circulated minutes",
  ],
  'GET /cases/{caseId}/monitoring-plan': [
    'monitoring.getPlan',
    "A case's goals and quality-of-work indicators",
  ],
  'PUT /cases/{caseId}/monitoring-plan': [
    'monitoring.putPlan',
    'Record the goals and indicators at intake',
    [409],
  ],
  'GET /cases/{caseId}/evaluations': [
    'evaluations.report',
    "A case's evaluations after go-live, with the re-rating beside the forecast",
  ],
  'PUT /cases/{caseId}/evaluations/{seq}': [
    'evaluations.record',
    'Record an evaluation: re-rate the dimensions, judge the goals',
    [409],
  ],
  'GET /cases/{caseId}/incidents': ['monitoring.listIncidents', 'Signals logged after go-live'],
  'POST /cases/{caseId}/incidents': ['monitoring.logIncident', 'Log a signal after go-live'],
  'GET /cases/{caseId}/follow-ups': [
    'cases.followUps',
    'The case this one follows up, and its follow-up cases',
  ],
  'GET /ai-systems/{aiSystemId}/complaint-contact': [
    'complaints.getContact',
    "The system's designated contact for complaints",
  ],
  'PUT /ai-systems/{aiSystemId}/complaint-contact': [
    'complaints.designateContact',
    "Designate the system's contact for complaints",
    [422],
  ],
  'GET /ai-systems/{aiSystemId}/complaints': [
    'complaints.list',
    "The system's complaints and explanation requests (its contact only)",
  ],
  'POST /ai-systems/{aiSystemId}/complaints': [
    'complaints.log',
    'Log a complaint or a request for explanation',
    [422],
  ],
  'PATCH /complaints/{complaintId}': [
    'complaints.answer',
    'Record the outcome and explanation of a complaint',
    [409, 422],
  ],
  'GET /works-councils/{worksCouncilId}/complaint-counts': [
    'complaints.countsForCouncil',
    'Complaint counts per system, anonymised, for the council',
  ],
};

export const OPERATION_CATALOGUE: ReadonlyMap<string, OperationEntry> = new Map(
  Object.entries(entries).map(([route, [id, summary, extraErrors = []]]) => [
    route,
    { id, summary, extraErrors },
  ]),
);
