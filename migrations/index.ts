import { CreateAccountsAndCouncils1767225600000 } from './1767225600000-create-accounts-and-councils';
import { CreateCases1767312000000 } from './1767312000000-create-cases';
import { CreateRealtime1767484800000 } from './1767484800000-create-realtime';
import { CreateNotifications1767571200000 } from './1767571200000-create-notifications';
import { CreateDocuments1767657600000 } from './1767657600000-create-documents';
import { CreateDossier1767744000000 } from './1767744000000-create-dossier';
import { CreateCollaboration1767830400000 } from './1767830400000-create-collaboration';
import { CreateUnionShares1767916800000 } from './1767916800000-create-union-shares';
import { IndexAiCaseExpertIds1768003200000 } from './1768003200000-index-ai-case-expert-ids';
import { AssignCaseCommittee1768089602000 } from './1768089602000-assign-case-committee';
import { MentionNotifications1768090600000 } from './1768090600000-mention-notifications';
import { CouncilRolesAndSessions1768100000000 } from './1768100000000-council-roles-and-sessions';
import { CouncilExpertEngagement1768100000001 } from './1768100000001-council-expert-engagement';
import { TriageProposalRecords1768200000000 } from './1768200000000-triage-proposal-records';
import { CreateRuntimeRole1768300000000 } from './1768300000000-create-runtime-role';
import { AnchorAuditHead1768300100000 } from './1768300100000-anchor-audit-head';
import { CaseEventNotifications1768400000000 } from './1768400000000-case-event-notifications';
import { StoreDocumentsInDatabase1768500000000 } from './1768500000000-store-documents-in-database';
import { TimeRealtimeDeliveries1768500000001 } from './1768500000001-time-realtime-deliveries';
import { DomainEventCorrelationId1768500000002 } from './1768500000002-domain-event-correlation-id';
import { GateAndVoteNotifications1768600000000 } from './1768600000000-gate-and-vote-notifications';
import { IdempotencyKeys1768800000000 } from './1768800000000-idempotency-keys';
import { LoginThrottle1768900000000 } from './1768900000000-login-throttle';
import { PasswordReset1768900000001 } from './1768900000001-password-reset';
import { SecondFactor1768900000002 } from './1768900000002-second-factor';
import { CreateSearchIndex1769000000000 } from './1769000000000-create-search-index';
import { DocumentSharedNotifications1769100000000 } from './1769100000000-document-shared-notifications';
import { ConvenantAndStoppedClocks1769200000000 } from './1769200000000-convenant-and-stopped-clocks';
import { AlignRegulatoryCalendarKeys1769200000001 } from './1769200000001-align-regulatory-calendar-keys';
import { CreateWebhooks1769300000000 } from './1769300000000-create-webhooks';
import { ProvisionOrganisations1769700000000 } from './1769700000000-provision-organisations';
import { SingleSignOn1769800000000 } from './1769800000000-single-sign-on';
import { CouncilIntakeAndCommitments1770100000000 } from './1770100000000-council-intake-and-commitments';
import { IntakeAndCommitmentNotifications1770100000001 } from './1770100000001-intake-and-commitment-notifications';
import { MonitoringAndComplaints1770200000000 } from './1770200000000-monitoring-and-complaints';
import { EvaluationReminderNotifications1770200000001 } from './1770200000001-evaluation-reminder-notifications';
import { StaffSurveysAndExpertOpinions1770300000000 } from './1770300000000-staff-surveys-and-expert-opinions';
import { CreateLetters1770400000000 } from './1770400000000-create-letters';
import { MeetingInvitationsAndMinutes1770600000000 } from './1770600000000-meeting-invitations-and-minutes';
import { EvaluationCommitmentReviews1771000000000 } from './1771000000000-evaluation-commitment-reviews';
import { LetterAnswers1771100000000 } from './1771100000000-letter-answers';
import { ReminderPlanningRequests1771200000000 } from './1771200000000-reminder-planning-requests';
import { TrackProcedureDays1771400000000 } from './1771400000000-track-procedure-days';
import { GinIndexesWithoutPendingList1771600000000 } from './1771600000000-gin-indexes-without-pending-list';
import { EvaluationPlanningQueue1771700000000 } from './1771700000000-evaluation-planning-queue';
import { LetterAnsweredNotifications1771900000000 } from './1771900000000-letter-answered-notifications';
import { TrackProcedureDaysColumn1772000000000 } from './1772000000000-track-procedure-days-column';

/** Every migration in order. Listed explicitly: no glob loading at run time (house style B.17). */
export const ALL_MIGRATIONS = [
  CreateAccountsAndCouncils1767225600000,
  CreateCases1767312000000,
  CreateRealtime1767484800000,
  CreateNotifications1767571200000,
  CreateDocuments1767657600000,
  CreateDossier1767744000000,
  CreateCollaboration1767830400000,
  CreateUnionShares1767916800000,
  IndexAiCaseExpertIds1768003200000,
  AssignCaseCommittee1768089602000,
  MentionNotifications1768090600000,
  CouncilRolesAndSessions1768100000000,
  CouncilExpertEngagement1768100000001,
  TriageProposalRecords1768200000000,
  CreateRuntimeRole1768300000000,
  AnchorAuditHead1768300100000,
  CaseEventNotifications1768400000000,
  StoreDocumentsInDatabase1768500000000,
  TimeRealtimeDeliveries1768500000001,
  DomainEventCorrelationId1768500000002,
  GateAndVoteNotifications1768600000000,
  IdempotencyKeys1768800000000,
  LoginThrottle1768900000000,
  PasswordReset1768900000001,
  SecondFactor1768900000002,
  CreateSearchIndex1769000000000,
  DocumentSharedNotifications1769100000000,
  ConvenantAndStoppedClocks1769200000000,
  AlignRegulatoryCalendarKeys1769200000001,
  CreateWebhooks1769300000000,
  ProvisionOrganisations1769700000000,
  SingleSignOn1769800000000,
  CouncilIntakeAndCommitments1770100000000,
  IntakeAndCommitmentNotifications1770100000001,
  MonitoringAndComplaints1770200000000,
  EvaluationReminderNotifications1770200000001,
  StaffSurveysAndExpertOpinions1770300000000,
  CreateLetters1770400000000,
  MeetingInvitationsAndMinutes1770600000000,
  EvaluationCommitmentReviews1771000000000,
  LetterAnswers1771100000000,
  ReminderPlanningRequests1771200000000,
  TrackProcedureDays1771400000000,
  GinIndexesWithoutPendingList1771600000000,
  EvaluationPlanningQueue1771700000000,
  LetterAnsweredNotifications1771900000000,
  TrackProcedureDaysColumn1772000000000,
];
