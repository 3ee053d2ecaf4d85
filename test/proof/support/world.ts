import { randomUUID } from 'node:crypto';

import type { GivenOrganisation, GivenUser } from '@wc/testing';

import { fileCase, type FiledCase } from '../../support/case-fixtures';
import type { TestApp } from '../../support/test-app';

/**
 * Who acts in the proof suites. Every role of model.md, the union officer once per share scope,
 * and nobody at all.
 */
export const PRINCIPALS = [
  'hr_manager',
  'employer_representative',
  'council_chair',
  'council_secretary',
  'council_member',
  'committee_member',
  'external_expert',
  'union_officer:status',
  'union_officer:dossier',
  'org_admin',
  'anonymous',
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

export interface Principal {
  name: PrincipalName;
  /** The role whose coarse permissions apply (`union_officer` for both union principals). */
  role: string | null;
  user: GivenUser | null;
  bearer: string | null;
}

/** One employer with everything a route may point at. */
export interface OrgWorld {
  org: GivenOrganisation;
  hrBearer: string;
  chairBearer: string;
  memberBearer: string;
  adminBearer: string;
  aiSystemId: string;
  /** Sent to the council and prepared by its committee; the expert is added; one open information request. */
  sentCase: FiledCase;
  /** Triaged, never sent: the employer side's alone. */
  draftCase: FiledCase;
  informationRequestId: string;
  /** A notification per user id (own notifications of the principals; one of the HR manager for B). */
  notificationOf: Map<string, string>;
  /** The secret token of a feed that no principal rotates or revokes. */
  calendarToken: string;
  /** The membership of a spare user, for cells that may not delete one. */
  extraMembershipId: string;
  /** A union with an all-cases share of this organisation's council (status scope). */
  unionOrganisationId: string;
  unionShareId: string;
  /** A council member's comment on the sent case's submitted assessment. */
  assessmentCommentId: string;
  /** On the sent case: the HR manager's document, a member's comment, a member's internal note, the chair's open vote. */
  documentId: string;
  caseCommentId: string;
  noteId: string;
  voteId: string;
  /** A consultation meeting of HR and the chair, with one agenda item on the sent case. */
  meetingId: string;
  agendaItemId: string;
  /** The org admin's webhook endpoint, with one settled delivery in its log. */
  webhookEndpointId: string;
  webhookDeliveryId: string;
}

export interface World {
  t: TestApp;
  /** The organisation the principals belong to (or, for unions, that shared with them). */
  own: OrgWorld;
  /** Another tenant: every id of it must look unknown. */
  other: OrgWorld;
  principals: Record<PrincipalName, Principal>;
  unions: {
    status: { organisationId: string; officer: GivenUser };
    dossier: { organisationId: string; officer: GivenUser };
  };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const own = await buildOrg(t);
  const other = await buildOrg(t);
  const status = await t.given.union();
  const dossier = await t.given.union();
  for (const [union, scope] of [
    [status, 'status'],
    [dossier, 'dossier'],
  ] as const) {
    await shareWithUnion(t, own, union.organisationId, scope);
  }
  const o = own.org;
  const users: Record<Exclude<PrincipalName, 'anonymous'>, [string, GivenUser]> = {
    hr_manager: ['hr_manager', o.hr],
    employer_representative: ['employer_representative', o.employerRep],
    council_chair: ['council_chair', o.chair],
    council_secretary: ['council_secretary', o.secretary],
    council_member: ['council_member', o.member],
    committee_member: ['committee_member', o.committeeMember],
    external_expert: ['external_expert', o.expert],
    'union_officer:status': ['union_officer', status.officer],
    'union_officer:dossier': ['union_officer', dossier.officer],
    org_admin: ['org_admin', o.admin],
  };
  const principals = {
    anonymous: { name: 'anonymous', role: null, user: null, bearer: null },
  } as Record<PrincipalName, Principal>;
  for (const [name, [role, user]] of Object.entries(users) as Array<
    [Exclude<PrincipalName, 'anonymous'>, [string, GivenUser]]
  >) {
    // The same session as the organisation's own bearers: a password change (one cell) ends every other session of its user.
    const shared: Partial<Record<PrincipalName, string>> = {
      hr_manager: own.hrBearer,
      council_chair: own.chairBearer,
      council_member: own.memberBearer,
      org_admin: own.adminBearer,
    };
    principals[name] = { name, role, user, bearer: shared[name] ?? (await t.login(user)) };
    own.notificationOf.set(user.id, await notification(t, own, user));
  }
  return { t, own, other, principals, unions: { status, dossier } };
}

async function buildOrg(t: TestApp): Promise<OrgWorld> {
  const org = await t.given.organisation();
  const hrBearer = await t.login(org.hr);
  const chairBearer = await t.login(org.chair);
  const memberBearer = await t.login(org.member);
  const adminBearer = await t.login(org.admin);
  const sentCase = await assignCommittee(t, org, chairBearer, await fileCase(t, org, hrBearer));
  const withExpert = await t
    .http()
    .post(`/cases/${sentCase.caseId}/experts`)
    .set('Authorization', chairBearer)
    .send({ version: sentCase.version, userId: org.expert.id })
    .expect(201);
  sentCase.version = withExpert.body.version;
  const draftCase = await fileCase(t, org, hrBearer, { send: false });
  const asked = await t
    .http()
    .post(`/cases/${sentCase.caseId}/information-requests`)
    .set('Authorization', memberBearer)
    .send({ question: 'Welke gegevens verwerkt het systeem?' })
    .expect(201);
  const systems = await t
    .http()
    .get(`/organisations/${org.organisationId}/ai-systems`)
    .set('Authorization', hrBearer)
    .expect(200);
  const world: OrgWorld = {
    org,
    hrBearer,
    chairBearer,
    memberBearer,
    adminBearer,
    aiSystemId: systems.body.items[0].id,
    sentCase,
    draftCase,
    informationRequestId: asked.body.id,
    notificationOf: new Map(),
    calendarToken: '',
    extraMembershipId: '',
    unionOrganisationId: '',
    unionShareId: '',
    assessmentCommentId: '',
    documentId: '',
    caseCommentId: '',
    noteId: '',
    voteId: '',
    meetingId: '',
    agendaItemId: '',
    webhookEndpointId: '',
    webhookDeliveryId: '',
  };
  world.notificationOf.set(org.hr.id, await notification(t, world, org.hr));
  const feedOwner = await t.given.user(org.organisationId, 'hr_manager');
  const feed = await t
    .http()
    .post('/me/calendar-feed')
    .set('Authorization', await t.login(feedOwner))
    .expect(201);
  world.calendarToken = /\/calendar\/([^/]+)\.ics$/.exec(feed.body.url as string)![1];
  const spare = await t.given.user(org.organisationId, 'employer_representative');
  const [{ id: membershipId }] = await t.db.query<Array<{ id: string }>>(
    `SELECT id FROM membership WHERE user_id = $1`,
    [spare.id],
  );
  world.extraMembershipId = membershipId;
  await submitAssessment(t, hrBearer, sentCase.caseId);
  await t
    .http()
    .put(`/cases/${sentCase.caseId}/oversight`)
    .set('Authorization', hrBearer)
    .send({ ...OVERSIGHT, version: 0 })
    .expect(200);
  await t
    .http()
    .put(`/cases/${sentCase.caseId}/training-plan`)
    .set('Authorization', hrBearer)
    .send({ ...TRAINING_PLAN, version: 0 })
    .expect(200);
  const comment = await t
    .http()
    .post(`/cases/${sentCase.caseId}/assessment/comments`)
    .set('Authorization', memberBearer)
    .send({ questionId: 'D1', body: 'Wie ziet de scores?' })
    .expect(201);
  world.assessmentCommentId = comment.body.id;
  const caseUrl = `/cases/${sentCase.caseId}`;
  world.documentId = (await uploadDocument(t, hrBearer, sentCase.caseId)).id;
  world.caseCommentId = (
    await t
      .http()
      .post(`${caseUrl}/comments`)
      .set('Authorization', memberBearer)
      .send({ body: 'Wie ziet de pickscores?' })
      .expect(201)
  ).body.id;
  world.noteId = (
    await t
      .http()
      .post(`${caseUrl}/internal/notes`)
      .set('Authorization', memberBearer)
      .send({ kind: 'note', body: 'Achterban raadplegen' })
      .expect(201)
  ).body.id;
  world.voteId = (await openVote(t, chairBearer, sentCase.caseId)).id;
  const meeting = await t
    .http()
    .post(`/works-councils/${org.worksCouncilId}/meetings`)
    .set('Authorization', hrBearer)
    .send({
      kind: 'consultation',
      title: 'Overlegvergadering',
      startsAt: '2026-03-09T07:00:00Z',
      location: 'Zaal 2',
      participantIds: [org.hr.id, org.chair.id],
    })
    .expect(201);
  world.meetingId = meeting.body.id;
  world.agendaItemId = (
    await t
      .http()
      .post(`/meetings/${meeting.body.id}/agenda-items`)
      .set('Authorization', hrBearer)
      .send({ title: 'Introductie WarehouseInsight', caseId: sentCase.caseId })
      .expect(201)
  ).body.agendaItems[0].id;
  const union = await t.given.union();
  world.unionOrganisationId = union.organisationId;
  world.unionShareId = await shareWithUnion(t, world, union.organisationId, 'status');
  const webhook = await webhookWithDelivery(t, world);
  world.webhookEndpointId = webhook.endpointId;
  world.webhookDeliveryId = webhook.deliveryId;
  return world;
}

/**
 * A webhook endpoint of the organisation, with a settled delivery written straight to its log
 * (no worker runs beside the matrix), so that redelivering it is allowed.
 */
export async function webhookWithDelivery(
  t: TestApp,
  org: OrgWorld,
): Promise<{ endpointId: string; deliveryId: string }> {
  const created = await t
    .http()
    .post(`/organisations/${org.org.organisationId}/webhook-endpoints`)
    .set('Authorization', org.adminBearer)
    .send({ url: 'https://hooks.example.test/overleg', eventTypes: ['case.sent'] })
    .expect(201);
  const [{ id }] = await t.db.query<Array<{ id: string }>>(
    `INSERT INTO webhook_delivery (endpoint_id, event_id, event_type, body, status, attempts, created_at)
     VALUES ($1, 0, 'case.sent', '{}', 'succeeded', 1, now()) RETURNING id`,
    [created.body.id],
  );
  return { endpointId: created.body.id as string, deliveryId: id };
}

/** The council chair shares all the council's cases with a union. */
async function shareWithUnion(
  t: TestApp,
  org: OrgWorld,
  unionOrganisationId: string,
  scope: 'status' | 'dossier',
): Promise<string> {
  const res = await t
    .http()
    .post(`/works-councils/${org.org.worksCouncilId}/union-shares`)
    .set('Authorization', org.chairBearer)
    .send({ unionOrganisationId, allCases: true, scope })
    .expect(201);
  return res.body.id as string;
}

export const OVERSIGHT = {
  appliesTo: 'Productiviteitsscores en routes',
  oversightModel: 'single_reviewer',
  overseers: [
    { name: 'Anna de Vries', role: 'Teamleider', authority: 'override', hoursPerWeek: 4 },
  ],
  knowledgeAndTraining: 'Werking en grenzen van het systeem',
  escalationPath: 'Teamleider, dan directeur operations',
  complaintProcedure: {
    contact: 'HR-servicedesk',
    explanation: 'Schriftelijke uitleg binnen een maand',
  },
  logRetentionMonths: 6,
  reviewDate: '2026-12-01',
};

export const TRAINING_PLAN = {
  audiences: [{ audience: 'overseers' }],
  modules: [
    {
      key: 'toezicht',
      title: 'Module toezicht',
      audience: 'overseers',
      type: 'tool_training',
      hours: 8,
      provider: 'Acme Academy',
      deadline: '2026-04-15',
    },
  ],
};

export const PDF = Buffer.from(
  '%PDF-1.7\n% Adviesaanvraag\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n',
  'latin1',
);

/** A small PDF uploaded to the case's documents. */
export async function uploadDocument(
  t: TestApp,
  bearer: string,
  caseId: string,
): Promise<{ id: string; version: number }> {
  const res = await t
    .http()
    .post(`/cases/${caseId}/documents`)
    .set('Authorization', bearer)
    .field('title', 'Adviesaanvraag')
    .attach('file', PDF, { filename: 'adviesaanvraag.pdf', contentType: 'application/pdf' });
  if (res.status !== 201) {
    throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { id: res.body.id as string, version: res.body.version as number };
}

/** The chair opens a vote on the council's position, closing in two days. */
export async function openVote(
  t: TestApp,
  chairBearer: string,
  caseId: string,
): Promise<{ id: string }> {
  const closesAt = new Date(t.clock.now().getTime() + 2 * 86_400_000).toISOString();
  const res = await t
    .http()
    .post(`/cases/${caseId}/internal/votes`)
    .set('Authorization', chairBearer)
    .send({
      proposal: 'Welk advies geven we?',
      options: ['positive', 'negative', 'conditional'],
      quorum: 3,
      closesAt,
    })
    .expect(201);
  return { id: res.body.id as string };
}

export const ASSESSMENT_ANSWER = {
  questionId: 'C1',
  answer: 'Routes worden voorgesteld, niet opgelegd.',
  effect: 1,
};

/** The employer's first assessment draft, submitted as version 1. */
export async function submitAssessment(
  t: TestApp,
  hrBearer: string,
  caseId: string,
): Promise<void> {
  await t
    .http()
    .patch(`/cases/${caseId}/assessment`)
    .set('Authorization', hrBearer)
    .send({ version: 0, answers: [ASSESSMENT_ANSWER] })
    .expect(200);
  await t
    .http()
    .post(`/cases/${caseId}/assessment/submissions`)
    .set('Authorization', hrBearer)
    .send({ version: 1 })
    .expect(201);
}

/** An inbox item for `user` about a deadline of the sent case, as the reminder sweeper writes it. */
async function notification(t: TestApp, org: OrgWorld, user: GivenUser): Promise<string> {
  const [{ id: deadlineId }] = await t.db.query<Array<{ id: string }>>(
    `INSERT INTO deadline (case_id, organisation_id, works_council_id, track_kind, rule_id, source, statutory, fatal, trigger_date, strict_date, extended_date, due_at, status, created_at)
     VALUES ($1, $2, $3, 'advice', 'advice_response_term', 'test', false, false, '2026-03-02', '2026-04-02', '2026-04-02', '2026-04-02T21:59:59Z', 'open', now()) RETURNING id`,
    [org.sentCase.caseId, org.org.organisationId, org.org.worksCouncilId],
  );
  const [{ id: reminderId }] = await t.db.query<Array<{ id: string }>>(
    `INSERT INTO reminder (deadline_id, kind, due_at, deadline_due_at, status, sent_at, late, recipient_count, created_at)
     VALUES ($1, '7d', '2026-03-26T08:00:00Z', '2026-04-02T21:59:59Z', 'sent', now(), false, 1, now()) RETURNING id`,
    [deadlineId],
  );
  const data = {
    kind: '7d',
    ruleId: 'advice_response_term',
    caseTitle: 'Introductie WarehouseInsight',
    strictDate: '2026-04-02',
    extendedDate: '2026-04-02',
    statutory: false,
    fatal: false,
    daysLeft: 7,
    reminderDueAt: '2026-03-26T08:00:00Z',
  };
  const [{ id }] = await t.db.query<Array<{ id: string }>>(
    `INSERT INTO notification (user_id, type, reminder_id, reminder_revision, deadline_id, case_id, data, late, in_app, email, created_at)
     VALUES ($1, 'deadline.reminder', $2, 1, $3, $4, $5, false, true, 'none', now()) RETURNING id`,
    [user.id, reminderId, deadlineId, org.sentCase.caseId, JSON.stringify(data)],
  );
  return id;
}

/** A fresh sent (or draft) case of the organisation, for a cell that changes it; a sent one is prepared by the committee. */
export async function freshCase(
  t: TestApp,
  org: OrgWorld,
  { send = true } = {},
): Promise<FiledCase> {
  const filed = await fileCase(t, org.org, org.hrBearer, { send });
  return send ? assignCommittee(t, org.org, org.chairBearer, filed) : filed;
}

/** The chair hands a sent case to the organisation's committee, so its committee member sees it. */
export async function assignCommittee(
  t: TestApp,
  org: GivenOrganisation,
  chairBearer: string,
  filed: FiledCase,
): Promise<FiledCase> {
  const res = await t
    .http()
    .put(`/cases/${filed.caseId}/committee`)
    .set('Authorization', chairBearer)
    .send({ version: filed.version, committeeId: org.committeeId })
    .expect(200);
  return { caseId: filed.caseId, version: res.body.version as number };
}

export const unknownId = () => randomUUID();
