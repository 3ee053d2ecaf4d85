import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { generate } from 'otplib';
import type { Response } from 'supertest';

import { type Permission, ROLE_PERMISSIONS, type Role } from '@wc/auth';
import { TEST_PASSWORD } from '@wc/testing';

import {
  FULL_CONTENTS,
  type FiledCase,
  monitoringTriageAnswers,
} from '../../support/case-fixtures';
import type { LiveRoute } from './routes';
import {
  ASSESSMENT_ANSWER,
  freshCase,
  openVote,
  OVERSIGHT,
  PDF,
  TRAINING_PLAN,
  uploadDocument,
  webhookWithDelivery,
  type OrgWorld,
  type Principal,
  type PrincipalName,
  submitAssessment,
  type World,
} from './world';

const CONVENANT_TERMS = {
  adviceTermWeeks: 6,
  consentTermWeeks: 6,
  informationResponseWorkingDays: 10,
  stopClockWhileInformationOpen: false,
  evaluationIntervalMonths: 6,
};

/** Inserts an open convenant proposal of `side` for the cell's council and returns its version. */
async function proposeConvenant(c: CellContext, side: 'employer' | 'council'): Promise<number> {
  const councilId = c.org.org.worksCouncilId;
  const proposer = side === 'employer' ? c.org.org.hr : c.org.org.chair;
  await c.w.t.db.query(
    `UPDATE convenant SET status = 'superseded', superseded_at = now() WHERE works_council_id = $1 AND status = 'proposed'`,
    [councilId],
  );
  const [{ version }] = await c.w.t.db.query<Array<{ version: number }>>(
    `INSERT INTO convenant (works_council_id, version, status, advice_term_weeks, consent_term_weeks,
       information_response_working_days, stop_clock_while_information_open, evaluation_interval_months,
       proposed_by, proposed_side, proposed_at)
     SELECT $1, COALESCE(MAX(version), 0) + 1, 'proposed', 6, 6, 10, false, 6, $2, $3, now()
       FROM convenant WHERE works_council_id = $1
     RETURNING version`,
    [councilId, proposer.id, side],
  );
  return version;
}

/**
 * The authorization matrix of issue #10: for every route line of test/route-permissions.txt, the
 * expected status for every principal, acting on its own organisation's resources and on another
 * organisation's.
 *
 * Most cells follow from four rules, applied in order:
 *   1. anonymous → 401 (unless the route is public);
 *   2. the role lacks the route's coarse permission (libs/auth/src/roles.ts) → 403;
 *   3. the resource belongs to another organisation → 404, exactly like an unknown id;
 *   4. otherwise the route's `own` entry for the principal (or its group).
 * Exceptions are written per route (`other`, or a principal listed in `own`).
 */
export type Ownership = 'own' | 'other';

export type Group = 'employer' | 'board' | 'members' | 'council' | 'union' | 'everyone';
export type Who = PrincipalName | Group;

const GROUPS: Record<Exclude<Group, 'everyone'>, readonly PrincipalName[]> = {
  employer: ['hr_manager', 'employer_representative'],
  board: ['council_chair', 'council_secretary'],
  members: ['council_member', 'committee_member'],
  council: ['council_chair', 'council_secretary', 'council_member', 'committee_member'],
  union: ['union_officer:status', 'union_officer:dossier'],
};

export interface CellContext {
  w: World;
  me: Principal;
  ownership: Ownership;
  /** The organisation whose resources the cell points at. */
  org: OrgWorld;
  /** The case the cell points at (the organisation's sent case unless the route prepares its own). */
  aiCase: FiledCase;
  /** Path values; `prepare` may set more (a fresh membership id, a fresh AI system). */
  values: Record<string, string>;
  /** Anything else `prepare` made for `body`. */
  extra: Record<string, unknown>;
}

export interface RouteExpectation {
  /** Expected status for own-organisation cells that pass rules 1–2. */
  own: Partial<Record<Who, number>>;
  /**
   * Other-organisation cells: default 404 (rule 3). `'none'` when the route names no tenant
   * resource at all (the user's own profile, inbox, health), so there is no other column.
   */
  other?: number | 'none' | Partial<Record<Who, number>>;
  /** Why another tenant's answer may differ from an unknown id's (e.g. a capability URL). */
  distinguishable?: string;
  /** Fresh resources for a cell that gets past the guard, so that mutations never touch another cell's data. */
  prepare?: (c: CellContext) => Promise<void>;
  values?: (c: CellContext) => Record<string, string>;
  query?: (c: CellContext) => Record<string, string>;
  body?: (c: CellContext) => unknown;
  /** A multipart upload instead of a JSON body: form fields and the one `file` part. */
  upload?: (c: CellContext) => Upload;
  /**
   * Cells that answer differently from the intended status because of a reported, not yet fixed
   * bug: the run prints each one on every run, and fails once the cell answers as intended (so the
   * entry is removed with the fix). Never a way to make a wrong expectation pass quietly.
   */
  knownIssues?: Partial<Record<PrincipalName, { got: number; issue: string }>>;
  /** Extra assertions on a successful answer (e.g. a list leaks nothing of another tenant). */
  check?: (res: Response, c: CellContext) => string | undefined;
}

export interface Upload {
  fields: Record<string, string>;
  file: { name: string; content: Buffer; type: string };
}

export function expectedStatus(
  route: LiveRoute,
  spec: RouteExpectation,
  me: Principal,
  ownership: Ownership,
): { status: number; byGuard: boolean } {
  if (me.role === null && route.decision !== 'public') {
    return { status: 401, byGuard: true };
  }
  if (
    me.role !== null &&
    route.decision !== 'public' &&
    route.decision !== 'authenticated' &&
    !ROLE_PERMISSIONS[me.role as Role].includes(route.decision as Permission)
  ) {
    return { status: 403, byGuard: true };
  }
  if (ownership === 'other') {
    const other = spec.other ?? 404;
    if (typeof other === 'number') {
      return { status: other, byGuard: false };
    }
    if (other !== 'none') {
      return { status: pick(route, other, me.name), byGuard: false };
    }
  }
  return { status: pick(route, spec.own, me.name), byGuard: false };
}

function pick(route: LiveRoute, table: Partial<Record<Who, number>>, name: PrincipalName): number {
  const direct = table[name];
  if (direct !== undefined) {
    return direct;
  }
  for (const [group, members] of Object.entries(GROUPS) as Array<
    [Group, readonly PrincipalName[]]
  >) {
    if (members.includes(name) && table[group] !== undefined) {
      return table[group];
    }
  }
  if (table.everyone !== undefined) {
    return table.everyone;
  }
  throw new Error(
    `${route.line}: the expectation table has no status for ${name} (add it, or a group it belongs to, to \`own\`)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Fresh resources for mutating cells

/** A fresh sent case shaped like the shared one: the expert added to it. */
const freshSentCase = async (c: CellContext) => {
  const filed = await freshCase(c.w.t, c.org);
  const res = await c.w.t
    .http()
    .post(`/cases/${filed.caseId}/experts`)
    .set('Authorization', c.org.chairBearer)
    .send({ version: filed.version, userId: c.org.org.expert.id })
    .expect(201);
  c.aiCase = { caseId: filed.caseId, version: res.body.version as number };
};
/** A fresh sent case on which HR proposed a re-triage ("no works council") for the board (issue #14). */
const freshTriageProposal = async (c: CellContext) => {
  await freshSentCase(c);
  const current = await c.w.t
    .http()
    .get(`/cases/${c.aiCase.caseId}`)
    .set('Authorization', c.org.hrBearer)
    .expect(200);
  const res = await c.w.t
    .http()
    .put(`/cases/${c.aiCase.caseId}/triage`)
    .set('Authorization', c.org.hrBearer)
    .send({
      version: c.aiCase.version,
      answers: { ...current.body.triage.answers, councilType: 'none' },
    })
    .expect(200);
  c.aiCase = { caseId: c.aiCase.caseId, version: res.body.version as number };
};
const freshDraftCase = async (c: CellContext) => {
  c.aiCase = await freshCase(c.w.t, c.org, { send: false });
};

async function freshUser(c: CellContext, role = 'hr_manager') {
  return c.w.t.given.user(c.org.org.organisationId, role);
}

const v = (c: CellContext) => c.aiCase.version;

// --- letters (issue #22): a council letter on the cell's case, at the stage the route needs
type LetterStage = 'draft' | 'signed' | 'sent' | 'received';
const councilLetter =
  (stage: LetterStage) =>
  async (c: CellContext): Promise<void> => {
    const http = () => c.w.t.http();
    const base = `/cases/${c.aiCase.caseId}/letters`;
    const drafted = await http()
      .post(base)
      .set('Authorization', c.org.chairBearer)
      .send({ kind: 'initiative_proposal', fields: { proposal: 'Een algoritmeregister' } })
      .expect(201);
    const id = drafted.body.id as string;
    let version = drafted.body.version as number;
    if (stage !== 'draft') {
      const signed = await http()
        .post(`${base}/${id}/sign-off`)
        .set('Authorization', c.org.chairBearer)
        .send({ version })
        .expect(200);
      version = signed.body.version as number;
    }
    if (stage === 'sent' || stage === 'received') {
      const sent = await http()
        .post(`${base}/${id}/sending`)
        .set('Authorization', c.org.chairBearer)
        .send({ version, delivery: 'platform' })
        .expect(200);
      version = sent.body.version as number;
    }
    if (stage === 'received') {
      const received = await http()
        .post(`${base}/${id}/receipt`)
        .set('Authorization', c.org.hrBearer)
        .send({})
        .expect(200);
      c.extra.receivedOn = received.body.receivedOn;
    }
    c.values.letterId = id;
    c.extra.letterVersion = version;
  };
/** A letter id for cells the guard refuses before any letter is made, and for another tenant's case. */
const NO_LETTER = randomUUID();
const letterValues = (c: CellContext) => ({ letterId: c.values.letterId ?? NO_LETTER });
/** Letters pass between the parties: experts and union officers have none (403), B.19. */
const LETTER_OUTSIDERS: Partial<Record<Who, number>> = { external_expert: 403, union: 403 };
const letterRead = (own: Partial<Record<Who, number>>): RouteExpectation => ({
  own: { ...LETTER_OUTSIDERS, ...own },
  prepare: councilLetter('sent'),
  values: letterValues,
});

// ---------------------------------------------------------------------------------------------
// Issue #19: the council's intake and the commitments

/** For cells that never reach the service (guard, other organisation): an id nobody has. */
const NO_SUCH_ID = '00000000-0000-4000-8000-0000000019ff';

/** A fresh signal of the cell's council, raised by a council member. */
async function freshSignal(c: CellContext): Promise<void> {
  const res = await c.w.t
    .http()
    .post(`/works-councils/${c.org.org.worksCouncilId}/signals`)
    .set('Authorization', c.org.memberBearer)
    .send({ text: 'We horen dat er een nieuwe planningsmodule komt.', sourceKind: 'heard' })
    .expect(201);
  c.values.signalId = res.body.id;
}

/** A fresh open council request outside any case, made by the chair. */
async function freshCouncilRequest(
  c: CellContext,
  kind: 'information' | 'case_opening' = 'information',
): Promise<void> {
  await freshSignal(c);
  const res = await c.w.t
    .http()
    .post(`/signals/${c.values.signalId}/requests`)
    .set('Authorization', c.org.chairBearer)
    .send({
      kind,
      subject: 'Welke systemen plannen roosters?',
      version: 1,
      ...(kind === 'case_opening' ? { aiSystemId: c.org.aiSystemId } : {}),
    })
    .expect(201);
  c.values.requestId = res.body.id;
  c.extra.requestVersion = res.body.version;
}

let commitmentNo = 0;
/** A fresh commitment on the cell's sent case, as a conditional consent would have left it. */
async function freshCommitment(c: CellContext, status: 'open' | 'broken' = 'open'): Promise<void> {
  commitmentNo += 1;
  const [{ id }] = await c.w.t.db.query<Array<{ id: string }>>(
    `INSERT INTO commitment (case_id, organisation_id, works_council_id, track, condition_no, condition, status, created_at, version)
     VALUES ($1, $2, $3, 'consent', $4, 'Geen individuele normen', $5, now(), 1) RETURNING id`,
    [
      c.aiCase.caseId,
      c.org.org.organisationId,
      c.org.org.worksCouncilId,
      100 + commitmentNo,
      status,
    ],
  );
  c.values.commitmentId = id;
}

const SIGNAL = (c: CellContext) => ({ signalId: c.values.signalId ?? NO_SUCH_ID });
const COUNCIL_REQUEST = (c: CellContext) => ({
  requestId: c.values.requestId ?? NO_SUCH_ID,
});
const COMMITMENT = (c: CellContext) => ({ commitmentId: c.values.commitmentId ?? NO_SUCH_ID });
/** Signals are the council's alone: everyone else is told they do not exist. */
const COUNCIL_ONLY_404 = { employer: 404, external_expert: 404, union: 404 } as const;

// ---------------------------------------------------------------------------------------------
// The table. Keys are route lines exactly as in test/route-permissions.txt.

const caseRead = (own: Partial<Record<Who, number>>): RouteExpectation => ({ own });

/** Who sees the organisation's sent case at all (the expert was added to it). */
const SEES_SENT_CASE: Partial<Record<Who, number>> = {
  employer: 200,
  council: 200,
  external_expert: 200,
  union: 200,
};
/** Monitoring after go-live (issue #19): like the dossier, but a status-only share answers 404. */
const MONITORING_READERS: Partial<Record<Who, number>> = {
  ...SEES_SENT_CASE,
  'union_officer:status': 404,
};
const COMPLAINT = {
  kind: 'complaint',
  legalBasis: 'gdpr_22',
  complainant: 'Piet Jansen',
  description: 'Besluit zonder menselijke blik',
  receivedOn: '2026-03-01',
};
/** Makes the acting employer-side user (own cells) or the other tenant's HR the system's contact. */
async function designateMe(c: CellContext): Promise<void> {
  if (!c.me.user || !c.me.role || !['hr_manager', 'employer_representative'].includes(c.me.role)) {
    return;
  }
  const contact = c.ownership === 'own' ? c.me.user.id : c.org.org.hr.id;
  await c.w.t
    .http()
    .put(`/ai-systems/${c.org.aiSystemId}/complaint-contact`)
    .set('Authorization', c.org.hrBearer)
    .send({ userId: contact })
    .expect(200);
}
/** The dossier: a status-scope union share shows status, track stages and deadlines only (issue #8). */
const DOSSIER_READERS: Partial<Record<Who, number>> = {
  ...SEES_SENT_CASE,
  'union_officer:status': 403,
};

function pdfUpload(fields: Record<string, string>): Upload {
  return { fields, file: { name: 'bijlage.pdf', content: PDF, type: 'application/pdf' } };
}

async function freshDocument(c: CellContext): Promise<void> {
  await freshSentCase(c);
  c.values.documentId = (await uploadDocument(c.w.t, c.org.hrBearer, c.aiCase.caseId)).id;
}

async function freshCaseComment(c: CellContext): Promise<void> {
  await freshSentCase(c);
  const res = await c.w.t
    .http()
    .post(`/cases/${c.aiCase.caseId}/comments`)
    .set('Authorization', c.org.memberBearer)
    .send({ body: 'Eerste versie' })
    .expect(201);
  c.values.commentId = res.body.id;
}

/** The cell's fresh survey; an unknown id for cells the guard refuses before any `prepare`. */
const surveyIdOf = (c: CellContext) => ({ surveyId: c.values.surveyId ?? randomUUID() });

/** A fresh open staff survey of the council on the cell's case (issue #19): version 1. */
async function freshSurvey(c: CellContext): Promise<void> {
  const res = await c.w.t
    .http()
    .post(`/cases/${c.aiCase.caseId}/surveys`)
    .set('Authorization', c.org.chairBearer)
    .send({ title: 'WarehouseInsight', councilQuestions: [] })
    .expect(201);
  c.values.surveyId = res.body.id;
}

/** A fresh survey with one invitation whose token the cell holds (as the e-mail would carry it). */
async function freshSurveyToken(c: CellContext): Promise<void> {
  await freshSurvey(c);
  const token = randomBytes(24).toString('base64url');
  await c.w.t.db.query(
    `INSERT INTO survey_invitation (survey_id, token_hash, used, sent_at) VALUES ($1, $2, false, now())`,
    [c.values.surveyId, createHash('sha256').update(token).digest('hex')],
  );
  await c.w.t.db.query(`UPDATE survey SET invitation_count = 1 WHERE id = $1`, [c.values.surveyId]);
  c.extra.surveyToken = token;
}

async function freshNote(c: CellContext): Promise<void> {
  await freshSentCase(c);
  const res = await c.w.t
    .http()
    .post(`/cases/${c.aiCase.caseId}/internal/notes`)
    .set('Authorization', c.org.memberBearer)
    .send({ kind: 'note', body: 'Eerste versie' })
    .expect(201);
  c.values.noteId = res.body.id;
}

async function freshVote(c: CellContext): Promise<void> {
  await freshSentCase(c);
  c.values.voteId = (await openVote(c.w.t, c.org.chairBearer, c.aiCase.caseId)).id;
}

/** A consultation meeting that started an hour ago (so it can be marked held), with one agenda item: version 2. */
async function freshMeeting(c: CellContext): Promise<void> {
  const meeting = await c.w.t
    .http()
    .post(`/works-councils/${c.org.org.worksCouncilId}/meetings`)
    .set('Authorization', c.org.hrBearer)
    .send({
      kind: 'consultation',
      title: 'Overleg',
      startsAt: '2026-03-02T08:00:00Z',
      location: 'Zaal 1',
      participantIds: [c.org.org.hr.id, c.org.org.chair.id],
    })
    .expect(201);
  const item = await c.w.t
    .http()
    .post(`/meetings/${meeting.body.id}/agenda-items`)
    .set('Authorization', c.org.hrBearer)
    .send({ title: 'WarehouseInsight', caseId: c.org.sentCase.caseId })
    .expect(201);
  c.values.meetingId = meeting.body.id;
  c.values.agendaItemId = item.body.agendaItems[0].id;
}

/** `freshMeeting` with its minutes written (version 3), and, for amendments, sent round (version 4). */
async function freshMeetingWithMinutes(c: CellContext): Promise<void> {
  await freshMeeting(c);
  await c.w.t
    .http()
    .put(`/meetings/${c.values.meetingId}/minutes`)
    .set('Authorization', c.org.hrBearer)
    .send({ version: 2, minutes: 'Aanwezig: bestuurder, OR.' })
    .expect(200);
}

async function freshCirculatedMinutes(c: CellContext): Promise<void> {
  await freshMeetingWithMinutes(c);
  await c.w.t
    .http()
    .post(`/meetings/${c.values.meetingId}/minutes/circulation`)
    .set('Authorization', c.org.hrBearer)
    .send({ version: 3, amendmentDays: 7 })
    .expect(200);
}

async function freshUnionShare(c: CellContext): Promise<void> {
  const union = await c.w.t.given.union();
  const res = await c.w.t
    .http()
    .post(`/works-councils/${c.org.org.worksCouncilId}/union-shares`)
    .set('Authorization', c.org.chairBearer)
    .send({ unionOrganisationId: union.organisationId, allCases: true, scope: 'status' })
    .expect(201);
  c.values.unionShareId = res.body.id;
}

async function freshWebhook(c: CellContext): Promise<void> {
  const webhook = await webhookWithDelivery(c.w.t, c.org);
  c.values.webhookEndpointId = webhook.endpointId;
  c.values.webhookDeliveryId = webhook.deliveryId;
}

const WEBHOOK_ADMIN = (status: number): Partial<RouteExpectation> => ({
  own: { org_admin: status },
  prepare: freshWebhook,
  values: (c) => ({
    webhookEndpointId: c.values.webhookEndpointId ?? c.org.webhookEndpointId,
    webhookDeliveryId: c.values.webhookDeliveryId ?? c.org.webhookDeliveryId,
  }),
});

function unionOf(c: CellContext): Record<string, string> {
  if (c.ownership === 'other') {
    return { unionOrganisationId: c.org.unionOrganisationId };
  }
  const union = c.me.name === 'union_officer:dossier' ? c.w.unions.dossier : c.w.unions.status;
  return { unionOrganisationId: union.organisationId };
}

export const EXPECTATIONS: Record<string, RouteExpectation> = {
  // --- health and authentication: no tenant resource
  'GET /health/live -> public': { own: { everyone: 200 }, other: 'none' },
  'GET /health/ready -> public': { own: { everyone: 200 }, other: 'none' },
  'POST /auth/login -> public': {
    own: { everyone: 200 },
    other: 'none',
    body: (c) => ({ email: (c.me.user ?? c.org.org.hr).email, password: TEST_PASSWORD }),
  },
  'POST /auth/refresh -> public': {
    own: { everyone: 200 },
    other: 'none',
    prepare: async (c) => {
      c.extra.refreshToken = await refreshTokenOf(c);
    },
    body: (c) => ({ refreshToken: c.extra.refreshToken }),
  },
  'POST /auth/logout -> public': {
    own: { everyone: 204 },
    other: 'none',
    prepare: async (c) => {
      c.extra.refreshToken = await refreshTokenOf(c);
    },
    body: (c) => ({ refreshToken: c.extra.refreshToken }),
  },
  'GET /auth/me -> authenticated': { own: { everyone: 200 }, other: 'none' },
  'PATCH /auth/me -> authenticated': {
    own: { everyone: 200 },
    other: 'none',
    body: () => ({ language: 'nl' }),
  },
  'POST /auth/password -> authenticated': {
    own: { everyone: 204 },
    other: 'none',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
  },
  'POST /auth/password-reset-requests -> public': {
    own: { everyone: 202 },
    other: 'none',
    body: (c) => ({ email: (c.me.user ?? c.org.org.hr).email }),
  },
  'POST /auth/password-resets -> public': {
    own: { everyone: 204 },
    other: 'none',
    // A throwaway account: a reset ends every session of its user.
    prepare: async (c) => {
      const user = await c.w.t.given.user(c.org.org.organisationId, 'hr_manager');
      const token = randomBytes(32).toString('base64url');
      await c.w.t.db.query(
        `INSERT INTO password_reset (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
        [
          user.id,
          createHash('sha256').update(token).digest('hex'),
          new Date(c.w.t.clock.now().getTime() + 3_600_000),
        ],
      );
      c.extra.resetToken = token;
    },
    body: (c) => ({ token: c.extra.resetToken, newPassword: TEST_PASSWORD }),
  },
  'POST /auth/second-factor/enrolment -> authenticated': { own: { everyone: 200 }, other: 'none' },
  'POST /auth/second-factor/activation -> authenticated': {
    own: { everyone: 200 },
    other: 'none',
    prepare: async (c) => {
      // A fresh enrolment (the cell's own user), so the code below is from the secret now pending.
      const enrolment = await c.w.t
        .http()
        .post('/auth/second-factor/enrolment')
        .set('Authorization', c.me.bearer ?? '');
      const secret = (enrolment.body as { secret?: string }).secret ?? '';
      c.extra.code = secret
        ? await generate({ secret, epoch: Math.floor(c.w.t.clock.now().getTime() / 1000) })
        : '000000';
    },
    body: (c) => ({ code: c.extra.code }),
  },
  'POST /auth/second-factor/deactivation -> authenticated': {
    own: { everyone: 204 },
    other: 'none',
    body: () => ({ password: TEST_PASSWORD }),
  },
  // No organisation signs in with this domain; a made-up state was never started (test/sso covers the way through).
  'POST /auth/sso/authorizations -> public': {
    own: { everyone: 404 },
    other: 'none',
    body: () => ({ email: 'someone@nowhere.test' }),
  },
  'POST /auth/sso/callback -> public': {
    own: { everyone: 401 },
    other: 'none',
    body: () => ({ code: 'a-code', state: `state-${randomUUID()}` }),
  },
  'POST /invitations/accept -> public': {
    own: { everyone: 200 },
    other: 'none',
    prepare: async (c) => {
      const res = await c.w.t
        .http()
        .post(`/organisations/${c.org.org.organisationId}/invitations`)
        .set('Authorization', c.org.chairBearer)
        .send({
          email: `invitee-${randomUUID()}@example.test`,
          roles: [{ role: 'council_member', worksCouncilId: c.org.org.worksCouncilId }],
        })
        .expect(201);
      c.extra.token = res.body.token;
    },
    body: (c) => ({
      token: c.extra.token,
      displayName: 'Nieuw lid',
      password: 'a long enough password',
    }),
  },

  // --- organisations, councils, memberships
  'GET /organisations/:organisationId -> organisation:read': { own: { everyone: 200, union: 404 } },
  'GET /organisations/:organisationId/memberships -> organisation:read': {
    own: { everyone: 200, union: 404 },
  },
  'GET /organisations/:organisationId/works-councils -> council:read': { own: { everyone: 200 } },
  'GET /organisations/:organisationId/auth-policy -> organisation:manage': {
    own: { org_admin: 200 },
  },
  // Left off: a required second factor would turn every later cell's login into an enrolment-only session.
  'PUT /organisations/:organisationId/auth-policy -> organisation:manage': {
    own: { org_admin: 200 },
    body: () => ({ secondFactorRequired: false }),
  },
  'GET /organisations/:organisationId/sso-connection -> organisation:manage': {
    own: { org_admin: 200 },
  },
  'PUT /organisations/:organisationId/sso-connection -> organisation:manage': {
    own: { org_admin: 200 },
    body: (c) => ({
      issuer: 'https://login.example.test/tenant/v2.0',
      clientId: 'overleg',
      clientSecret: 'a client secret',
      emailDomains: [`sso-${c.org.org.organisationId}.test`],
    }),
  },
  'DELETE /organisations/:organisationId/sso-connection -> organisation:manage': {
    own: { org_admin: 204 },
  },
  'GET /works-councils/:worksCouncilId -> council:read': { own: { everyone: 200 } },
  'POST /organisations/:organisationId/works-councils -> council:manage': {
    own: { org_admin: 201 },
    body: () => ({ name: 'Centrale OR', kind: 'cor' }),
  },
  'POST /works-councils/:worksCouncilId/committees -> council:manage': {
    own: { org_admin: 201 },
    body: () => ({ name: 'Commissie Arbo' }),
  },
  // Employer-side roles are the admin's to grant; the council board passes the guard (it grants council roles) and is refused here.
  'POST /organisations/:organisationId/memberships -> membership:manage': {
    own: { org_admin: 201, board: 403 },
    prepare: async (c) => {
      c.extra.userId = (await freshUser(c)).id;
    },
    body: (c) => ({ userId: c.extra.userId ?? c.org.org.hr.id, role: 'employer_representative' }),
  },
  'PATCH /memberships/:membershipId -> membership:manage': {
    own: { org_admin: 200, board: 403 },
    prepare: async (c) => {
      const user = await freshUser(c, 'employer_representative');
      const [{ id }] = await c.w.t.db.query<Array<{ id: string }>>(
        `SELECT id FROM membership WHERE user_id = $1`,
        [user.id],
      );
      c.values.membershipId = id;
    },
    values: (c) => ({ membershipId: c.values.membershipId ?? c.org.extraMembershipId }),
    body: () => ({ role: 'hr_manager' }),
  },
  'DELETE /memberships/:membershipId -> membership:manage': {
    own: { org_admin: 204, board: 403 },
    prepare: async (c) => {
      const user = await freshUser(c, 'employer_representative');
      const [{ id }] = await c.w.t.db.query<Array<{ id: string }>>(
        `SELECT id FROM membership WHERE user_id = $1`,
        [user.id],
      );
      c.values.membershipId = id;
    },
    values: (c) => ({ membershipId: c.values.membershipId ?? c.org.extraMembershipId }),
  },
  // An employer-side account: the admin's to deactivate; a council member's would be the board's (test/council-roles).
  'POST /organisations/:organisationId/users/:userId/deactivation -> membership:manage': {
    own: { org_admin: 204, board: 403 },
    prepare: async (c) => {
      c.values.userId = (await freshUser(c)).id;
    },
    values: (c) => ({ userId: c.values.userId ?? c.org.org.hr.id }),
  },
  // Leaving (issue #15): the organisation's admin takes the whole archive; test/organisation-archive checks its content.
  'GET /organisations/:organisationId/export -> organisation:export': {
    own: { org_admin: 200 },
  },
  // The platform operator's routes (issue #15): no organisation's role holds platform:manage, so
  // every principal here stops at the guard (403, anonymous 401); test/provisioning covers the operator.
  'GET /platform/organisations -> platform:manage': { own: {}, other: 'none' },
  'POST /platform/organisations -> platform:manage': {
    own: {},
    other: 'none',
    body: () => ({ name: 'Nieuwe Werkgever B.V.', kind: 'employer' }),
  },
  'POST /platform/organisations/:organisationId/admin-invitations -> platform:manage': {
    own: {},
    other: 'none',
    body: () => ({ email: `admin-${randomUUID()}@example.test` }),
  },
  'POST /platform/organisations/:organisationId/suspension -> platform:manage': {
    own: {},
    other: 'none',
  },
  'DELETE /platform/organisations/:organisationId/suspension -> platform:manage': {
    own: {},
    other: 'none',
  },
  'POST /platform/organisations/:organisationId/deletion -> platform:manage': {
    own: {},
    other: 'none',
  },
  // Council roles are the board's to grant by invitation (B.19); the admin only invites a new council's first chair.
  'POST /organisations/:organisationId/invitations -> invitation:create': {
    own: { board: 201, org_admin: 403 },
    body: (c) => ({
      email: `invitee-${randomUUID()}@example.test`,
      roles: [{ role: 'council_member', worksCouncilId: c.org.org.worksCouncilId }],
    }),
  },
  'GET /works-councils/:worksCouncilId/role-changes -> council:read': {
    own: { council: 200, employer: 403, org_admin: 403 },
  },
  // The council's own expert (art. 16): engaged by the board; the cost notice is the employer's to see too (art. 22(2)).
  'POST /works-councils/:worksCouncilId/expert-engagements -> invitation:create': {
    own: { board: 201, org_admin: 403 },
    body: () => ({
      email: `expert-${randomUUID()}@example.test`,
      purpose: 'Toets van de DPIA',
      expectedCostsCents: 250000,
    }),
  },
  'GET /works-councils/:worksCouncilId/expert-engagements -> council:read': {
    own: { council: 200, employer: 200, org_admin: 200 },
  },

  // --- AI register
  'GET /organisations/:organisationId/ai-systems -> ai_system:read': { own: { everyone: 200 } },
  'GET /ai-systems/:aiSystemId -> ai_system:read': { own: { everyone: 200 } },
  'GET /ai-systems/:aiSystemId/changes -> ai_system:read': { own: { everyone: 200 } },
  'POST /organisations/:organisationId/ai-systems -> ai_system:write': {
    own: { employer: 201 },
    body: () => ({
      name: 'RosterAI',
      vendor: 'Acme',
      purpose: 'Roosters',
      primaryPurpose: 'automate_task',
    }),
  },
  'PATCH /ai-systems/:aiSystemId -> ai_system:write': {
    own: { employer: 200 },
    prepare: async (c) => {
      const res = await c.w.t
        .http()
        .post(`/organisations/${c.org.org.organisationId}/ai-systems`)
        .set('Authorization', c.org.hrBearer)
        .send({
          name: 'RosterAI',
          vendor: 'Acme',
          purpose: 'Roosters',
          primaryPurpose: 'automate_task',
        })
        .expect(201);
      c.values.aiSystemId = res.body.id;
    },
    body: () => ({ version: 1, name: 'RosterAI 2' }),
  },

  // --- cases: reading
  'GET /cases -> case:read': {
    own: { everyone: 200 },
    // Another tenant's council as a filter: an empty page, exactly as for an unknown council.
    other: 200,
    query: (c) => ({ worksCouncilId: c.org.org.worksCouncilId }),
    check: (res, c) => {
      const ids = (res.body.items as Array<{ id: string }>).map((i) => i.id);
      if (c.ownership === 'other' && (ids.length > 0 || res.body.nextCursor !== null)) {
        return `lists ${ids.length} case(s) of another organisation`;
      }
      if (
        c.ownership === 'own' &&
        c.me.name !== 'union_officer:status' &&
        c.me.name !== 'union_officer:dossier' &&
        !ids.includes(c.org.sentCase.caseId)
      ) {
        return 'does not list the sent case';
      }
      return undefined;
    },
  },
  'GET /cases/:caseId -> case:read': caseRead(SEES_SENT_CASE),
  'GET /cases/:caseId/deadlines -> case:read': caseRead(SEES_SENT_CASE),
  'GET /cases/:caseId/events -> case:read': caseRead(SEES_SENT_CASE),
  // A status-scope share shows status, track stages and deadlines, not the dossier (issue #8).
  'GET /cases/:caseId/go-live-gate -> case:read': caseRead({
    ...SEES_SENT_CASE,
    'union_officer:status': 403,
  }),
  'GET /cases/:caseId/information-requests -> case:read': caseRead({
    ...SEES_SENT_CASE,
    'union_officer:status': 403,
  }),
  'GET /cases/:caseId/audit -> audit:read': caseRead({ employer: 200, council: 200 }),
  'GET /cases/:caseId/audit/verify -> audit:read': caseRead({ employer: 200, council: 200 }),

  // --- letters (issue #22): a party's drafts are its own (404 for the other side); the board or the employer signs and sends
  'GET /cases/:caseId/letters -> case:read': caseRead({
    ...LETTER_OUTSIDERS,
    employer: 200,
    council: 200,
  }),
  'POST /cases/:caseId/letters -> case:participate': {
    own: { ...LETTER_OUTSIDERS, council: 201, employer: 403 },
    body: () => ({ kind: 'initiative_proposal', fields: { proposal: 'Een algoritmeregister' } }),
  },
  'GET /cases/:caseId/letters/:letterId -> case:read': letterRead({ employer: 200, council: 200 }),
  'GET /cases/:caseId/letters/:letterId/versions -> case:read': letterRead({
    employer: 200,
    council: 200,
  }),
  'GET /cases/:caseId/letters/:letterId/diff -> case:read': {
    ...letterRead({ employer: 404, council: 200 }),
    query: () => ({ from: '1', to: '1' }),
  },
  'GET /cases/:caseId/letters/:letterId/pdf -> case:read': letterRead({
    employer: 200,
    council: 200,
  }),
  'GET /cases/:caseId/letters/:letterId/docx -> case:read': letterRead({
    employer: 200,
    council: 200,
  }),
  'GET /cases/:caseId/letters/:letterId/verification -> audit:read': letterRead({
    employer: 200,
    council: 200,
  }),
  'PUT /cases/:caseId/letters/:letterId -> case:participate': {
    own: { ...LETTER_OUTSIDERS, council: 200, employer: 404 },
    prepare: councilLetter('draft'),
    values: letterValues,
    body: (c) => ({ version: c.extra.letterVersion ?? 1, body: 'Toelichting' }),
  },
  'POST /cases/:caseId/letters/:letterId/sign-off -> case:participate': {
    own: { ...LETTER_OUTSIDERS, board: 200, members: 403, employer: 404 },
    prepare: councilLetter('draft'),
    values: letterValues,
    body: (c) => ({ version: c.extra.letterVersion ?? 1 }),
  },
  'POST /cases/:caseId/letters/:letterId/sending -> case:participate': {
    own: { ...LETTER_OUTSIDERS, board: 200, members: 403, employer: 404 },
    prepare: councilLetter('signed'),
    values: letterValues,
    body: (c) => ({ version: c.extra.letterVersion ?? 1, delivery: 'platform' }),
  },
  'POST /cases/:caseId/letters/:letterId/receipt -> case:participate': {
    own: { ...LETTER_OUTSIDERS, employer: 200, council: 403 },
    prepare: councilLetter('sent'),
    values: letterValues,
    body: () => ({}),
  },
  'POST /cases/:caseId/letters/:letterId/receipt-correction -> case:participate': {
    own: { ...LETTER_OUTSIDERS, employer: 200, council: 403 },
    prepare: councilLetter('received'),
    values: letterValues,
    body: (c) => ({ receivedOn: c.extra.receivedOn ?? '2026-03-02' }),
  },

  'POST /cases/:caseId/letters/:letterId/answer -> case:participate': {
    own: { ...LETTER_OUTSIDERS, employer: 200, council: 403 },
    prepare: async (c) => {
      await councilLetter('received')(c);
      // The receipt moved the letter's version on.
      const res = await c.w.t
        .http()
        .get(`/cases/${c.aiCase.caseId}/letters/${c.values.letterId}`)
        .set('Authorization', c.org.hrBearer)
        .expect(200);
      c.extra.letterVersion = res.body.version;
    },
    values: letterValues,
    body: (c) => ({ version: c.extra.letterVersion ?? 1, answer: 'Wij bespreken het voorstel.' }),
  },

  // --- cases: changing (every cell past the guard gets its own case)
  'POST /cases -> case:file': {
    own: { employer: 201 },
    body: (c) => ({
      aiSystemId: c.org.aiSystemId,
      worksCouncilId: c.org.org.worksCouncilId,
      title: 'Nieuwe zaak',
      contents: FULL_CONTENTS,
    }),
  },
  'PATCH /cases/:caseId -> case:file': {
    own: { employer: 200 },
    prepare: freshSentCase,
    body: (c) => ({ version: v(c), title: 'Nieuwe titel' }),
  },
  'GET /cases/:caseId/triage/prefill -> case:read': caseRead(DOSSIER_READERS),
  'GET /cases/:caseId/triage/questionnaire -> case:read': caseRead(SEES_SENT_CASE),
  'PUT /cases/:caseId/triage -> case:file': {
    own: { employer: 200 },
    prepare: freshDraftCase,
    body: (c) => ({ version: v(c), answers: monitoringTriageAnswers() }),
  },
  'POST /cases/:caseId/sending -> case:file': {
    own: { employer: 201 },
    prepare: freshDraftCase,
    body: (c) => ({ version: v(c) }),
  },
  'POST /cases/:caseId/triage-contests -> case:triage_contest': {
    own: { board: 201 },
    prepare: freshSentCase,
    body: (c) => ({ version: v(c), reasons: 'De triage mist art. 27 lid 1 sub l.' }),
  },
  // Issue #14: the council board answers the employer's re-triage proposal.
  'POST /cases/:caseId/triage-proposal/acceptance -> case:triage_contest': {
    own: { board: 201 },
    prepare: freshTriageProposal,
    body: (c) => ({ version: v(c) }),
  },
  'POST /cases/:caseId/triage-proposal/contest -> case:triage_contest': {
    own: { board: 201 },
    prepare: freshTriageProposal,
    body: (c) => ({
      version: v(c),
      reasons: 'Deze onderneming heeft een OR.',
      answers: ['councilType'],
    }),
  },
  'POST /cases/:caseId/use-reports -> case:participate': {
    own: { council: 201, employer: 403, external_expert: 403, union: 403 },
    prepare: freshSentCase,
    body: (c) => ({
      version: v(c),
      observedOn: '2026-03-02',
      note: 'Het systeem draait al in magazijn 3.',
    }),
  },
  'POST /cases/:caseId/experts -> case:council_position': {
    own: { board: 201 },
    prepare: freshSentCase,
    body: (c) => ({ version: v(c), userId: c.org.org.expert.id }),
  },
  // The council board hands a case to one of its council's committees (or clears it with null).
  'PUT /cases/:caseId/committee -> case:council_position': {
    own: { board: 200 },
    prepare: freshSentCase,
    body: (c) => ({ version: v(c), committeeId: c.org.org.committeeId }),
  },
  'POST /cases/:caseId/oversight-confirmations -> case:decide': {
    own: { employer: 201 },
    prepare: freshSentCase,
    body: (c) => ({ version: v(c), staffNamed: true, trained: true }),
  },
  'POST /cases/:caseId/tracks/:kind/transitions -> case:participate': {
    // Either side may ask for the consultation meeting (WOR art. 24); the board speaks for the council.
    own: { employer: 201, board: 201, members: 409, external_expert: 409, union: 403 },
    prepare: freshSentCase,
    body: (c) => ({
      version: v(c),
      action: { type: 'request_consultation', reasons: 'Voorgenomen besluit bespreken' },
    }),
  },
  'POST /cases/:caseId/information-requests -> case:participate': {
    own: { council: 201, employer: 403, external_expert: 403, union: 403 },
    prepare: freshSentCase,
    body: () => ({ question: 'Welke data gebruikt het systeem?' }),
  },
  'POST /cases/:caseId/information-requests/:requestId/answer -> case:decide': {
    own: { employer: 201 },
    prepare: async (c) => {
      await freshSentCase(c);
      const asked = await c.w.t
        .http()
        .post(`/cases/${c.aiCase.caseId}/information-requests`)
        .set('Authorization', c.org.memberBearer)
        .send({ question: 'Welke data?' })
        .expect(201);
      c.values.requestId = asked.body.id;
    },
    body: () => ({ answer: 'Pick rates en locaties.' }),
  },

  // --- the council's intake (issue #19): signals for the council only, requests to the employer
  'POST /works-councils/:worksCouncilId/signals -> case:participate': {
    own: { council: 201, ...COUNCIL_ONLY_404 },
    body: () => ({ text: 'Een collega meldt een nieuwe AI-functie.', sourceKind: 'staff_report' }),
  },
  'GET /works-councils/:worksCouncilId/signals -> case:read': {
    own: { council: 200, ...COUNCIL_ONLY_404 },
  },
  'GET /signals/:signalId -> case:read': {
    own: { council: 200, ...COUNCIL_ONLY_404 },
    prepare: freshSignal,
    values: SIGNAL,
  },
  'POST /signals/:signalId/requests -> case:participate': {
    own: { council: 201, ...COUNCIL_ONLY_404 },
    prepare: freshSignal,
    values: SIGNAL,
    body: () => ({ kind: 'information', subject: 'Welke data gebruikt de module?', version: 1 }),
  },
  'POST /signals/:signalId/dismissal -> case:participate': {
    own: { council: 201, ...COUNCIL_ONLY_404 },
    prepare: freshSignal,
    values: SIGNAL,
    body: () => ({ version: 1 }),
  },
  'GET /works-councils/:worksCouncilId/council-requests -> council:read': {
    own: { council: 200, employer: 200, org_admin: 404 },
  },
  'GET /council-requests/:requestId -> council:read': {
    own: { council: 200, employer: 200, org_admin: 404 },
    prepare: (c) => freshCouncilRequest(c),
    values: COUNCIL_REQUEST,
  },
  'POST /council-requests/:requestId/answer -> case:decide': {
    own: { employer: 201 },
    prepare: (c) => freshCouncilRequest(c),
    values: COUNCIL_REQUEST,
    body: (c) => ({ answer: 'Alleen de roosterplanner.', version: c.extra.requestVersion ?? 1 }),
  },
  'POST /council-requests/:requestId/case -> case:file': {
    own: { employer: 201 },
    prepare: (c) => freshCouncilRequest(c, 'case_opening'),
    values: COUNCIL_REQUEST,
    body: (c) => ({ title: 'Roosterplanner', version: c.extra.requestVersion ?? 1 }),
  },

  // --- commitments (issue #19): both sides see them; the employer records, the board decides
  'GET /cases/:caseId/commitments -> case:read': caseRead(SEES_SENT_CASE),
  'PATCH /commitments/:commitmentId -> case:decide': {
    own: { employer: 200 },
    prepare: (c) => freshCommitment(c),
    values: COMMITMENT,
    body: () => ({ dueDate: '2026-06-01', version: 1 }),
  },
  'POST /commitments/:commitmentId/evidence -> case:decide': {
    own: { employer: 201 },
    prepare: (c) => freshCommitment(c),
    values: COMMITMENT,
    body: () => ({ evidence: 'Werkinstructie v2', met: true, version: 1 }),
  },
  'POST /commitments/:commitmentId/breach -> case:council_position': {
    own: { board: 201 },
    prepare: (c) => freshCommitment(c),
    values: COMMITMENT,
    body: () => ({ note: 'Niet nagekomen', version: 1 }),
  },
  'POST /commitments/:commitmentId/waiver -> case:council_position': {
    own: { board: 201 },
    prepare: (c) => freshCommitment(c),
    values: COMMITMENT,
    body: () => ({ note: 'Niet meer nodig', version: 1 }),
  },
  // The world's sent case is not implemented, so the track refuses the change: 409 with what is missing.
  'POST /commitments/:commitmentId/reopening -> case:council_position': {
    own: { board: 409 },
    prepare: (c) => freshCommitment(c, 'broken'),
    values: COMMITMENT,
    body: () => ({ step: 'reopen', version: 1 }),
  },

  // --- notifications: the user's own inbox and settings, and the council's reminder rhythm
  'GET /notifications -> notification:read': { own: { everyone: 200 }, other: 'none' },
  'GET /notifications/unread-count -> notification:read': { own: { everyone: 200 }, other: 'none' },
  'POST /notifications/read-all -> notification:read': { own: { everyone: 200 }, other: 'none' },
  'POST /notifications/:notificationId/read -> notification:read': { own: { everyone: 200 } },
  'GET /me/notification-preferences -> profile:manage': { own: { everyone: 200 }, other: 'none' },
  'GET /me/agenda -> case:read': { own: { everyone: 200 }, other: 'none' },
  'GET /search -> case:read': {
    own: { everyone: 200 },
    other: 'none',
    query: () => ({ q: 'rooster' }),
  },
  'PUT /me/notification-preferences -> profile:manage': {
    own: { everyone: 200 },
    other: 'none',
    body: () => ({
      channels: {
        deadlineReminder: { inApp: true, email: true },
        deadlineOverdue: { inApp: true, email: true },
        deadlineEscalation: { inApp: true, email: true },
      },
      emailDelivery: 'immediate',
      leadDays: null,
    }),
  },
  'GET /me/calendar-feed -> profile:manage': { own: { everyone: 200 }, other: 'none' },
  'POST /me/calendar-feed -> profile:manage': { own: { everyone: 201 }, other: 'none' },
  'DELETE /me/calendar-feed -> profile:manage': { own: { everyone: 204 }, other: 'none' },
  'GET /calendar/:token.ics -> public': {
    own: { everyone: 200 },
    other: 200,
    distinguishable:
      'the secret feed URL is the credential: whoever holds a valid one gets that feed, an unknown one 404',
  },
  'GET /works-councils/:worksCouncilId/reminder-settings -> council:read': {
    own: { everyone: 200 },
  },
  'PUT /works-councils/:worksCouncilId/reminder-settings -> reminder_settings:manage': {
    own: { board: 200, org_admin: 200 },
    body: () => ({ leadDays: [14, 7, 2], escalationLeadDays: 2 }),
  },

  // --- the council's agreed terms (convenant): one party proposes, the other confirms (B.19)
  'GET /works-councils/:worksCouncilId/convenants -> council:read': { own: { everyone: 200 } },
  'POST /works-councils/:worksCouncilId/convenants -> convenant:manage': {
    own: { employer: 201, board: 201, org_admin: 201 },
    body: () => CONVENANT_TERMS,
  },
  'POST /works-councils/:worksCouncilId/convenants/:version/confirmation -> convenant:manage': {
    own: { employer: 200, board: 200, org_admin: 200 },
    // A fresh proposal by the other party, so that every cell can confirm one.
    prepare: async (c) => {
      const board = ['council_chair', 'council_secretary'].includes(c.me.name);
      c.extra.version = await proposeConvenant(c, board ? 'employer' : 'council');
    },
    // Another organisation's council answers 404 before any version is looked up.
    values: (c) => ({ version: String((c.extra.version as number | undefined) ?? 1) }),
  },

  // --- the case dossier: assessment (DPIA/FRIA), oversight, training, checklist, PDF
  'GET /cases/:caseId/assessment -> case:read': caseRead(DOSSIER_READERS),
  'GET /cases/:caseId/assessment/questionnaire -> case:read': caseRead(DOSSIER_READERS),
  'GET /cases/:caseId/assessment/versions -> case:read': caseRead(DOSSIER_READERS),
  'GET /cases/:caseId/assessment/versions/:seq -> case:read': {
    ...caseRead(DOSSIER_READERS),
    values: () => ({ seq: '1' }),
  },
  'GET /cases/:caseId/assessment/versions/:seq/diff -> case:read': {
    ...caseRead(DOSSIER_READERS),
    values: () => ({ seq: '1' }),
  },
  'GET /cases/:caseId/assessment/comments -> case:read': caseRead(DOSSIER_READERS),
  'PATCH /cases/:caseId/assessment -> case:file': {
    own: { employer: 200 },
    prepare: freshSentCase,
    body: () => ({ version: 0, answers: [ASSESSMENT_ANSWER] }),
  },
  'POST /cases/:caseId/assessment/submissions -> case:file': {
    own: { employer: 201 },
    prepare: async (c) => {
      await freshSentCase(c);
      await c.w.t
        .http()
        .patch(`/cases/${c.aiCase.caseId}/assessment`)
        .set('Authorization', c.org.hrBearer)
        .send({ version: 0, answers: [ASSESSMENT_ANSWER] })
        .expect(200);
    },
    body: () => ({ version: 1 }),
  },
  'POST /cases/:caseId/assessment/comments -> case:participate': {
    // The council and the experts it added comment; the employer answers in the assessment itself.
    own: { council: 201, external_expert: 201, employer: 403, union: 403 },
    prepare: async (c) => {
      await freshSentCase(c);
      await submitAssessment(c.w.t, c.org.hrBearer, c.aiCase.caseId);
    },
    body: () => ({ questionId: 'D1', body: 'Wie ziet de scores per persoon?' }),
  },
  'PATCH /cases/:caseId/assessment/comments/:commentId -> case:participate': {
    // Only the author edits a comment (the council member wrote it).
    own: { council_member: 200, council: 403, employer: 403, external_expert: 403, union: 403 },
    prepare: async (c) => {
      await freshSentCase(c);
      await submitAssessment(c.w.t, c.org.hrBearer, c.aiCase.caseId);
      const res = await c.w.t
        .http()
        .post(`/cases/${c.aiCase.caseId}/assessment/comments`)
        .set('Authorization', c.org.memberBearer)
        .send({ questionId: 'D1', body: 'Eerste versie' })
        .expect(201);
      c.values.commentId = res.body.id;
    },
    values: (c) => ({ commentId: c.values.commentId ?? c.org.assessmentCommentId }),
    body: () => ({ body: 'Tweede versie' }),
  },
  'GET /cases/:caseId/checklist -> case:read': caseRead(DOSSIER_READERS),
  'GET /cases/:caseId/dossier.pdf -> case:read': caseRead(DOSSIER_READERS),
  'GET /cases/:caseId/oversight -> case:read': caseRead(DOSSIER_READERS),
  'PUT /cases/:caseId/oversight -> case:file': {
    own: { employer: 200 },
    prepare: freshSentCase,
    body: () => ({ ...OVERSIGHT, version: 0 }),
  },
  'GET /cases/:caseId/training-plan -> case:read': caseRead(DOSSIER_READERS),
  // Issue #19: monitoring after go-live. A status-only union share does not open it (404).
  'GET /cases/:caseId/monitoring-plan -> case:read': caseRead(MONITORING_READERS),
  'PUT /cases/:caseId/monitoring-plan -> case:file': {
    own: { employer: 200 },
    prepare: freshSentCase,
    body: () => ({ version: 0, goals: [], indicators: ['C'] }),
  },
  'GET /cases/:caseId/evaluations -> case:read': caseRead(MONITORING_READERS),
  // The shared case never went live, so it has no evaluation 1: the parties that may record one
  // learn that; the others are refused first.
  'PUT /cases/:caseId/evaluations/:seq -> case:participate': {
    own: {
      employer: 404,
      board: 404,
      members: 403,
      external_expert: 403,
      'union_officer:dossier': 403,
      'union_officer:status': 404,
    },
    body: () => ({ ratings: [], goals: [], summary: '' }),
  },
  'GET /cases/:caseId/incidents -> case:read': caseRead(MONITORING_READERS),
  'POST /cases/:caseId/incidents -> case:participate': {
    own: {
      employer: 201,
      council: 201,
      external_expert: 201,
      'union_officer:dossier': 403,
      'union_officer:status': 404,
    },
    body: () => ({ kind: 'unforeseen_effect', description: 'Signaal', occurredOn: '2026-03-01' }),
  },
  'GET /cases/:caseId/follow-ups -> case:read': caseRead(SEES_SENT_CASE),
  // The complaints desk: only the system's designated contact sees it (issue #19).
  'GET /ai-systems/:aiSystemId/complaint-contact -> ai_system:write': { own: { employer: 200 } },
  'PUT /ai-systems/:aiSystemId/complaint-contact -> ai_system:write': {
    own: { employer: 200 },
    body: (c) => ({ userId: c.org.org.hr.id }),
  },
  'GET /ai-systems/:aiSystemId/complaints -> ai_system:write': {
    own: { employer: 200 },
    prepare: designateMe,
  },
  'POST /ai-systems/:aiSystemId/complaints -> ai_system:write': {
    own: { employer: 201 },
    prepare: designateMe,
    body: () => COMPLAINT,
  },
  'PATCH /complaints/:complaintId -> ai_system:write': {
    own: { employer: 200 },
    prepare: async (c) => {
      await designateMe(c);
      const bearer = c.ownership === 'own' ? c.me.bearer! : c.org.hrBearer;
      const res = await c.w.t
        .http()
        .post(`/ai-systems/${c.org.aiSystemId}/complaints`)
        .set('Authorization', bearer)
        .send(COMPLAINT)
        .expect(201);
      c.values.complaintId = res.body.id;
    },
    values: (c) => ({ complaintId: c.values.complaintId ?? randomUUID() }),
    body: () => ({ version: 1, outcome: 'Uitgelegd', explanation: 'Toelichting gegeven' }),
  },
  // Counts per system for the council's own people; the employer keeps the desk itself.
  'GET /works-councils/:worksCouncilId/complaint-counts -> council:read': {
    own: { council: 200, employer: 404, org_admin: 404 },
  },
  'PUT /cases/:caseId/training-plan -> case:file': {
    own: { employer: 200 },
    prepare: freshSentCase,
    body: () => ({ version: 0, ...TRAINING_PLAN }),
  },
  'POST /cases/:caseId/training-plan/completions -> case:file': {
    own: { employer: 201 },
    prepare: async (c) => {
      await freshSentCase(c);
      await c.w.t
        .http()
        .put(`/cases/${c.aiCase.caseId}/training-plan`)
        .set('Authorization', c.org.hrBearer)
        .send({ version: 0, ...TRAINING_PLAN })
        .expect(200);
    },
    body: () => ({ moduleKey: 'toezicht', name: 'Bob Jansen', completedOn: '2026-03-01' }),
  },
  'DELETE /cases/:caseId/training-plan/completions/:completionId -> case:file': {
    own: { employer: 204 },
    prepare: async (c) => {
      await freshSentCase(c);
      await c.w.t
        .http()
        .put(`/cases/${c.aiCase.caseId}/training-plan`)
        .set('Authorization', c.org.hrBearer)
        .send({ version: 0, ...TRAINING_PLAN })
        .expect(200);
      const res = await c.w.t
        .http()
        .post(`/cases/${c.aiCase.caseId}/training-plan/completions`)
        .set('Authorization', c.org.hrBearer)
        .send({ moduleKey: 'toezicht', name: 'Bob Jansen', completedOn: '2026-03-01' })
        .expect(201);
      c.values.completionId = (res.body.completions as Array<{ id: string }>)[0].id;
    },
    values: (c) => ({ completionId: c.values.completionId ?? randomUUID() }),
  },

  // --- union shares (issue #8): the council board decides
  // The union directory to share with: unions are public bodies, listed to whoever may grant a share.
  'GET /unions -> union_share:manage': {
    own: { board: 200, members: 403 },
    other: 'none',
    check: (res, c) => {
      const unions = res.body.items as Array<{ id: string; name: string }>;
      const union = unions.find((u) => u.id === c.org.unionOrganisationId);
      if (!union?.name || unions.some((u) => Object.keys(u).sort().join() !== 'id,name')) {
        return 'the directory lists every union with its id and name, and nothing else';
      }
      return unions.some((u) => u.id === c.org.org.organisationId)
        ? 'the directory lists an employer'
        : undefined;
    },
  },
  'GET /works-councils/:worksCouncilId/union-shares -> council:read': {
    own: { council: 200, employer: 404, org_admin: 404 },
  },
  'POST /works-councils/:worksCouncilId/union-shares -> union_share:manage': {
    own: { board: 201, members: 403 },
    prepare: async (c) => {
      c.extra.unionOrganisationId = (await c.w.t.given.union()).organisationId;
    },
    body: (c) => ({
      unionOrganisationId: c.extra.unionOrganisationId ?? c.org.unionOrganisationId,
      allCases: true,
      scope: 'status',
    }),
  },
  'PATCH /union-shares/:unionShareId -> union_share:manage': {
    own: { board: 200, members: 403 },
    prepare: freshUnionShare,
    values: (c) => ({ unionShareId: c.values.unionShareId ?? c.org.unionShareId }),
    body: () => ({ version: 1, scope: 'dossier' }),
  },
  'DELETE /union-shares/:unionShareId -> union_share:manage': {
    own: { board: 200, members: 403 },
    prepare: freshUnionShare,
    values: (c) => ({ unionShareId: c.values.unionShareId ?? c.org.unionShareId }),
  },

  // --- webhooks (issue #21): the organisation's own administrator only
  'GET /webhook-event-types -> webhook:manage': { own: { org_admin: 200 }, other: 'none' },
  'GET /organisations/:organisationId/webhook-endpoints -> webhook:manage': {
    own: { org_admin: 200 },
  },
  'POST /organisations/:organisationId/webhook-endpoints -> webhook:manage': {
    own: { org_admin: 201 },
    body: () => ({ url: 'https://hooks.example.test/cell', eventTypes: ['case.sent'] }),
  },
  'PATCH /webhook-endpoints/:webhookEndpointId -> webhook:manage': {
    ...WEBHOOK_ADMIN(200),
    body: () => ({ version: 1, description: 'Ons HR-systeem' }),
  } as RouteExpectation,
  'DELETE /webhook-endpoints/:webhookEndpointId -> webhook:manage': WEBHOOK_ADMIN(
    204,
  ) as RouteExpectation,
  'POST /webhook-endpoints/:webhookEndpointId/secret-rotations -> webhook:manage': WEBHOOK_ADMIN(
    201,
  ) as RouteExpectation,
  'GET /webhook-endpoints/:webhookEndpointId/deliveries -> webhook:manage': WEBHOOK_ADMIN(
    200,
  ) as RouteExpectation,
  'POST /webhook-deliveries/:webhookDeliveryId/redeliveries -> webhook:manage': WEBHOOK_ADMIN(
    202,
  ) as RouteExpectation,

  // --- overviews, dashboards and exports
  'GET /cases.csv -> case:read': { own: { everyone: 200 }, other: 'none' },
  'GET /cases/:caseId/deadlines.csv -> case:read': caseRead(SEES_SENT_CASE),
  'GET /cases/:caseId/audit.csv -> audit:read': caseRead({ employer: 200, council: 200 }),
  // The employer's overview of its organisation; to everyone else it is not there.
  'GET /organisations/:organisationId/overview -> case:read': {
    own: { employer: 200, everyone: 404 },
  },
  'GET /works-councils/:worksCouncilId/dashboard -> case:read': {
    own: { council: 200, employer: 404, external_expert: 404, union: 404 },
  },
  // --- documents (uploads)
  // Only the employer side and the council submit documents.
  'POST /cases/:caseId/documents -> case:participate': {
    own: { employer: 201, council: 201, external_expert: 403, union: 403 },
    prepare: freshSentCase,
    upload: () => pdfUpload({ title: 'Bijlage' }),
  },
  'GET /cases/:caseId/documents -> case:read': caseRead(DOSSIER_READERS),
  'GET /cases/:caseId/documents/:documentId -> case:read': caseRead(DOSSIER_READERS),
  'GET /cases/:caseId/documents/:documentId/versions/:seq/content -> case:read': {
    ...caseRead(DOSSIER_READERS),
    values: () => ({ seq: '1' }),
  },
  'POST /cases/:caseId/documents/:documentId/versions -> case:participate': {
    own: { employer: 201, council: 403, external_expert: 403, union: 403 },
    prepare: freshDocument,
    upload: () => pdfUpload({ version: '1' }),
  },
  // Either side may impose secrecy (WOR art. 20): the employer, or the council through its board.
  'PUT /cases/:caseId/documents/:documentId/confidentiality -> case:participate': {
    own: { employer: 200, board: 200, members: 403, external_expert: 403, union: 403 },
    prepare: freshDocument,
    body: () => ({ version: 1, scope: 'Prijzen van de leverancier' }),
  },
  // Only the council's board attaches, and only its expert's opinion: on the employer's ordinary
  // document the board gets the domain refusal (422), proof it got past the policy (issue #19).
  'PUT /cases/:caseId/documents/:documentId/position-attachment -> case:participate': {
    own: { board: 422, members: 403, employer: 403, external_expert: 403, union: 403 },
    prepare: freshDocument,
    body: () => ({ version: 1 }),
  },
  // Lifted by the side that imposed it (here the employer). The secret document itself is invisible
  // to the expert (not admitted) and to every union (never art. 20 items).
  'DELETE /cases/:caseId/documents/:documentId/confidentiality -> case:participate': {
    own: {
      employer: 200,
      council: 403,
      external_expert: 404,
      'union_officer:status': 403,
      'union_officer:dossier': 404,
    },
    prepare: async (c) => {
      await freshDocument(c);
      await c.w.t
        .http()
        .put(`/cases/${c.aiCase.caseId}/documents/${c.values.documentId}/confidentiality`)
        .set('Authorization', c.org.hrBearer)
        .send({ version: 1, scope: 'Prijzen' })
        .expect(200);
    },
  },
  'DELETE /cases/:caseId/documents/:documentId -> case:participate': {
    own: { employer: 204, council: 403, external_expert: 403, union: 403 },
    prepare: freshDocument,
  },

  // --- discussion on the case
  // Unions take no part in the case discussion: the list shows them nothing, a comment is not there.
  'GET /cases/:caseId/comments -> case:read': caseRead({ ...SEES_SENT_CASE }),
  // The case thread's readers; a union officer uses only the union thread.
  'GET /cases/:caseId/comments/mentionable -> case:read': caseRead({
    ...SEES_SENT_CASE,
    union: 404,
  }),
  'GET /cases/:caseId/comments/:commentId/revisions -> case:read': caseRead({
    ...SEES_SENT_CASE,
    union: 404,
  }),
  'POST /cases/:caseId/comments -> case:participate': {
    own: { employer: 201, council: 201, external_expert: 201, union: 404 },
    prepare: freshSentCase,
    body: () => ({ body: 'Graag een reactie.' }),
  },
  'PATCH /cases/:caseId/comments/:commentId -> case:participate': {
    // Only the author (the council member) edits or deletes a comment.
    own: {
      council_member: 200,
      employer: 403,
      board: 403,
      committee_member: 403,
      external_expert: 403,
      union: 404,
    },
    prepare: freshCaseComment,
    body: () => ({ version: 1, body: 'Aangepast' }),
  },
  'DELETE /cases/:caseId/comments/:commentId -> case:participate': {
    own: {
      council_member: 200,
      employer: 403,
      board: 403,
      committee_member: 403,
      external_expert: 403,
      union: 404,
    },
    prepare: freshCaseComment,
  },

  // --- the council's staff surveys (issue #19): council-internal until attached to its position.
  // The list answers those outside the council with the attached ones only (here none); a
  // status-scope union share does not cover the dossier.
  'GET /cases/:caseId/surveys -> case:participate': {
    own: { ...SEES_SENT_CASE, 'union_officer:status': 404 },
    prepare: freshSurvey,
    values: surveyIdOf,
  },
  'GET /cases/:caseId/surveys/:surveyId -> case:participate': {
    own: { council: 200, everyone: 404 },
    prepare: freshSurvey,
    values: surveyIdOf,
  },
  'POST /cases/:caseId/surveys -> case:participate': {
    own: { board: 201, members: 403, everyone: 404 },
    body: () => ({ title: 'WarehouseInsight', councilQuestions: [] }),
  },
  // No SMTP_URL in this world: the board gets the domain refusal, proof it got past the policy.
  'POST /cases/:caseId/surveys/:surveyId/invitations -> case:participate': {
    own: { board: 422, members: 403, everyone: 404 },
    prepare: freshSurvey,
    values: surveyIdOf,
    body: () => ({ emails: ['medewerker@magazijn.test'], language: 'nl' }),
  },
  'POST /cases/:caseId/surveys/:surveyId/closure -> case:participate': {
    own: { board: 200, members: 403, everyone: 404 },
    prepare: freshSurvey,
    values: surveyIdOf,
    body: () => ({ version: 1 }),
  },
  'PUT /cases/:caseId/surveys/:surveyId/position-attachment -> case:participate': {
    own: { board: 200, members: 403, everyone: 404 },
    prepare: freshSurvey,
    values: surveyIdOf,
    body: () => ({ version: 1 }),
  },
  // No account: the invitation's single-use token is the credential, whoever sends it.
  'POST /survey-questionnaires -> public': {
    own: { everyone: 200 },
    other: 'none',
    prepare: freshSurveyToken,
    body: (c) => ({ token: c.extra.surveyToken }),
  },
  'POST /survey-responses -> public': {
    own: { everyone: 204 },
    other: 'none',
    prepare: freshSurveyToken,
    body: (c) => ({
      token: c.extra.surveyToken,
      answers: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((questionId) => ({
        questionId,
        value: 0,
      })),
    }),
  },

  // --- the council's internal space: invisible (404) to everyone outside the council
  'GET /cases/:caseId/internal/notes -> case:participate': { own: { council: 200, everyone: 404 } },
  'POST /cases/:caseId/internal/notes -> case:participate': {
    own: { council: 201, everyone: 404 },
    prepare: freshSentCase,
    body: () => ({ kind: 'note', body: 'Achterban raadplegen' }),
  },
  // The author, or the board (chair, secretary), edits and removes a note.
  'PATCH /cases/:caseId/internal/notes/:noteId -> case:participate': {
    own: { council_member: 200, board: 200, committee_member: 403, everyone: 404 },
    prepare: freshNote,
    body: () => ({ version: 1, body: 'Aangepast' }),
  },
  'DELETE /cases/:caseId/internal/notes/:noteId -> case:participate': {
    own: { council_member: 204, board: 204, committee_member: 403, everyone: 404 },
    prepare: freshNote,
  },
  'GET /cases/:caseId/internal/votes -> case:participate': { own: { council: 200, everyone: 404 } },
  'GET /cases/:caseId/internal/votes/:voteId -> case:participate': {
    own: { council: 200, everyone: 404 },
  },
  'POST /cases/:caseId/internal/votes -> case:participate': {
    own: { board: 201, members: 403, everyone: 404 },
    prepare: freshSentCase,
    body: (c) => ({
      proposal: 'Welk advies?',
      options: ['positive', 'negative'],
      quorum: 2,
      closesAt: new Date(c.w.t.clock.now().getTime() + 86_400_000).toISOString(),
    }),
  },
  'PUT /cases/:caseId/internal/votes/:voteId/ballot -> case:participate': {
    own: { council: 200, everyone: 404 },
    prepare: freshVote,
    body: () => ({ option: 'positive' }),
  },
  'POST /cases/:caseId/internal/votes/:voteId/close -> case:participate': {
    own: { board: 200, members: 403, everyone: 404 },
    prepare: freshVote,
    body: () => ({ version: 1 }),
  },
  // Adopting needs a closed vote: on an open one the board gets the domain refusal, proof it got past the policy.
  'POST /cases/:caseId/internal/votes/:voteId/adopt -> case:participate': {
    own: { board: 409, members: 403, everyone: 404 },
    prepare: freshVote,
    body: () => ({ version: 1, track: 'advice' }),
  },

  // --- meetings (consultation meetings of employer and council; internal council meetings)
  // Meetings belong to the employer side and the council; the organisation's admin does not see them.
  'GET /works-councils/:worksCouncilId/meetings -> council:read': {
    own: { everyone: 200, org_admin: 404 },
  },
  'GET /meetings/:meetingId -> council:read': { own: { everyone: 200, org_admin: 404 } },
  'POST /works-councils/:worksCouncilId/meetings -> case:participate': {
    own: { employer: 201, board: 201, members: 403, external_expert: 404, union: 404 },
    body: (c) => ({
      kind: 'consultation',
      title: 'Overleg',
      startsAt: '2026-03-09T07:00:00Z',
      location: 'Zaal 1',
      participantIds: [c.org.org.hr.id, c.org.org.chair.id],
    }),
  },
  'PATCH /meetings/:meetingId -> case:participate': {
    own: { employer: 200, board: 200, members: 403, external_expert: 404, union: 404 },
    prepare: freshMeeting,
    body: () => ({ version: 2, location: 'Zaal 3' }),
  },
  'POST /meetings/:meetingId/agenda-items -> case:participate': {
    own: { employer: 201, board: 201, members: 403, external_expert: 404, union: 404 },
    prepare: freshMeeting,
    body: () => ({ title: 'Rondvraag' }),
  },
  'PATCH /meetings/:meetingId/agenda-items/:agendaItemId -> case:participate': {
    own: { employer: 200, board: 200, members: 403, external_expert: 404, union: 404 },
    prepare: freshMeeting,
    body: () => ({ decision: 'Geen individuele scores.' }),
  },
  'PUT /meetings/:meetingId/minutes -> case:participate': {
    own: { employer: 200, board: 200, members: 403, external_expert: 404, union: 404 },
    prepare: freshMeeting,
    body: () => ({ version: 2, minutes: 'Aanwezig: bestuurder, OR.' }),
  },
  // The organisers send the minutes round; the attendees (and organisers) propose amendments.
  'POST /meetings/:meetingId/minutes/circulation -> case:participate': {
    own: { employer: 200, board: 200, members: 403, external_expert: 404, union: 404 },
    prepare: freshMeetingWithMinutes,
    body: () => ({ version: 3, amendmentDays: 7 }),
  },
  'POST /meetings/:meetingId/minutes/amendments -> case:participate': {
    own: { employer: 201, board: 201, members: 403, external_expert: 404, union: 404 },
    prepare: freshCirculatedMinutes,
    body: () => ({ text: 'Graag de evaluatiedatum noemen.' }),
  },
  'POST /meetings/:meetingId/held -> case:participate': {
    own: { employer: 200, board: 200, members: 403, external_expert: 404, union: 404 },
    prepare: freshMeeting,
    body: () => ({ version: 2 }),
  },

  // A union's dashboard: its own officers only. `own` points at the principal's union (or, for
  // everyone else, at the union their council shares with); `other` at a union of another tenant.
  'GET /unions/:unionOrganisationId/dashboard -> case:read': {
    own: { union: 200, everyone: 404 },
    values: unionOf,
  },
  'GET /unions/:unionOrganisationId/dashboard.csv -> case:read': {
    own: { union: 200, everyone: 404 },
    values: unionOf,
  },
};

/** Path values of a cell, before the route's own `values`. */
export function defaultValues(c: CellContext): Record<string, string> {
  const o = c.org;
  const mine = c.me.user && c.ownership === 'own' ? o.notificationOf.get(c.me.user.id) : undefined;
  return {
    organisationId: o.org.organisationId,
    worksCouncilId: o.org.worksCouncilId,
    committeeId: o.org.committeeId,
    aiSystemId: o.aiSystemId,
    caseId: c.aiCase.caseId,
    requestId: o.informationRequestId,
    kind: 'advice',
    notificationId: mine ?? o.notificationOf.get(o.org.hr.id)!,
    membershipId: o.extraMembershipId,
    token: o.calendarToken,
    documentId: o.documentId,
    commentId: o.caseCommentId,
    noteId: o.noteId,
    voteId: o.voteId,
    meetingId: o.meetingId,
    agendaItemId: o.agendaItemId,
    unionShareId: o.unionShareId,
    webhookEndpointId: o.webhookEndpointId,
    webhookDeliveryId: o.webhookDeliveryId,
    seq: '1',
  };
}

async function refreshTokenOf(c: CellContext): Promise<string> {
  const user = c.me.user ?? c.org.org.hr;
  const res = await c.w.t
    .http()
    .post('/auth/login')
    .send({ email: user.email, password: user.password })
    .expect(200);
  return res.body.refreshToken as string;
}

/** Every id of an organisation's world, to swap for unknown ids in the indistinguishability check. */
export function idsOf(o: OrgWorld): string[] {
  return [
    o.org.organisationId,
    o.org.worksCouncilId,
    o.org.committeeId,
    o.aiSystemId,
    o.sentCase.caseId,
    o.draftCase.caseId,
    o.informationRequestId,
    o.extraMembershipId,
    o.unionOrganisationId,
    o.unionShareId,
    o.assessmentCommentId,
    o.documentId,
    o.caseCommentId,
    o.noteId,
    o.voteId,
    o.meetingId,
    o.agendaItemId,
    o.webhookEndpointId,
    o.webhookDeliveryId,
    ...o.notificationOf.values(),
    ...Object.values(o.org)
      .filter(
        (u): u is { id: string; email: string; password: string } =>
          typeof u === 'object' && u !== null && 'id' in u,
      )
      .map((u) => u.id),
  ];
}
