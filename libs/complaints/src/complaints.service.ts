import { Injectable } from '@nestjs/common';

import { type Actor, COUNCIL_ROLES, EMPLOYER_ROLES, hasRoleIn } from '@wc/auth';
import { type AiSystemResponse, AiSystemsService } from '@wc/ai-systems';
import { Clock, Forbidden, NotFound, Unprocessable, VersionConflict } from '@wc/core';
import { CouncilsService } from '@wc/councils';
import { TransactionHost } from '@wc/database';
import { addTerm, toAmsterdamDate } from '@wc/deadlines';
import {
  type CursorPageQueryDto,
  decodeCursor,
  limitOf,
  mapPage,
  type Page,
  pageFrom,
} from '@wc/pagination';

import { ComplaintContactEntity, ComplaintEntity } from './complaint.entity';
import type {
  AnswerComplaintDto,
  ComplaintContactResponse,
  ComplaintResponse,
  ListComplaintsQueryDto,
  LogComplaintDto,
  SystemComplaintCountsResponse,
} from './dto/complaint.dto';

/** Counts of one system's complaints, for the council and the evaluation: no names, no texts. */
export interface ComplaintCounts {
  complaints: number;
  explanationRequests: number;
  open: number;
  overdue: number;
}

// GDPR art. 12(3): the controller answers a data subject's request within one month of receipt;
// the AI Act art. 86 explanation and a complaint take the same term here (issue #19).
const ANSWER_TERM = { months: 1 } as const;

interface CursorKey {
  r: string;
  i: string;
}
const isCursorKey = (v: unknown): v is CursorKey =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as CursorKey).r === 'string' &&
  typeof (v as CursorKey).i === 'string';

/**
 * The complaints desk of a system (issue #19; seed-requirements 2 `complaintProcedure`: always
 * open to anyone affected, a human contact, an explanation of the outcome). Only the system's
 * designated contact sees the desk; to everyone else its complaints do not exist (404). The
 * council gets counts per system.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly systems: AiSystemsService,
    private readonly councils: CouncilsService,
  ) {}

  async contact(actor: Actor, aiSystemId: string): Promise<ComplaintContactResponse> {
    const system = await this.systems.requireVisible(actor, aiSystemId);
    this.assertEmployer(actor, system);
    const row = await this.tx.manager.findOne(ComplaintContactEntity, { where: { aiSystemId } });
    const members = row ? await this.councils.allMembers(actor, system.organisationId) : [];
    return {
      aiSystemId,
      userId: row?.userId ?? null,
      displayName: members.find((m) => m.userId === row?.userId)?.displayName ?? null,
      isYou: row?.userId === actor.userId,
    };
  }

  async designate(
    actor: Actor,
    aiSystemId: string,
    userId: string,
  ): Promise<ComplaintContactResponse> {
    const system = await this.systems.requireVisible(actor, aiSystemId);
    this.assertEmployer(actor, system);
    const members = await this.councils.allMembers(actor, system.organisationId);
    // The desk holds workers' names and texts: it stays on the employer side (B.19).
    const employerSide = members.some(
      (m) => m.userId === userId && !m.deactivated && EMPLOYER_ROLES.includes(m.role as never),
    );
    if (!employerSide) {
      throw new Unprocessable(
        'complaint.contact_not_employer',
        'The contact must be an active employer-side user of the organisation.',
        {},
        [{ path: 'userId', message: 'is not an employer-side user of this organisation' }],
      );
    }
    await this.tx.manager.upsert(
      ComplaintContactEntity,
      { aiSystemId, userId, designatedBy: actor.userId, designatedAt: this.clock.now() },
      ['aiSystemId'],
    );
    return this.contact(actor, aiSystemId);
  }

  async list(
    actor: Actor,
    aiSystemId: string,
    query: ListComplaintsQueryDto,
  ): Promise<Page<ComplaintResponse>> {
    await this.requireDesk(actor, aiSystemId);
    const limit = limitOf(query);
    const after = query.cursor ? decodeCursor(query.cursor, isCursorKey) : null;
    const qb = this.tx.manager
      .createQueryBuilder(ComplaintEntity, 'c')
      .where('c.ai_system_id = :aiSystemId', { aiSystemId })
      .orderBy('c.received_on', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (after) {
      qb.andWhere('(c.received_on, c.id) < (:r, :i)', after);
    }
    const today = this.today();
    return pageFrom(
      await qb.getMany(),
      limit,
      (c) => ({ r: c.receivedOn, i: c.id }),
      (c) => toComplaintResponse(c, today),
    );
  }

  async log(actor: Actor, aiSystemId: string, dto: LogComplaintDto): Promise<ComplaintResponse> {
    return this.tx.run(async () => {
      await this.requireDesk(actor, aiSystemId);
      if (dto.receivedOn > this.today()) {
        throw new Unprocessable(
          'complaint.received_in_future',
          'A complaint cannot be received after today.',
          {},
          [{ path: 'receivedOn', message: 'is after today' }],
        );
      }
      const saved = await this.tx.manager.save(
        this.tx.manager.create(ComplaintEntity, {
          aiSystemId,
          kind: dto.kind,
          legalBasis: dto.legalBasis,
          complainant: dto.complainant,
          description: dto.description,
          receivedOn: dto.receivedOn,
          dueOn: addTerm(dto.receivedOn, ANSWER_TERM),
          status: 'open',
          outcome: null,
          explanation: null,
          answeredOn: null,
          loggedBy: actor.userId,
          createdAt: this.clock.now(),
        }),
      );
      return toComplaintResponse(saved, this.today());
    });
  }

  async answer(
    actor: Actor,
    complaintId: string,
    dto: AnswerComplaintDto,
  ): Promise<ComplaintResponse> {
    return this.tx.run(async () => {
      const complaint = await this.tx.manager.findOne(ComplaintEntity, {
        where: { id: complaintId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!complaint || !(await this.isContact(actor, complaint.aiSystemId))) {
        throw new NotFound('complaint');
      }
      if (complaint.version !== dto.version) {
        throw new VersionConflict('complaint', dto.version, complaint.version);
      }
      const today = this.today();
      const answeredOn = dto.answeredOn ?? today;
      if (answeredOn < complaint.receivedOn || answeredOn > today) {
        throw new Unprocessable(
          'complaint.answer_date_invalid',
          'The answer date lies between receipt and today.',
          { receivedOn: complaint.receivedOn },
          [{ path: 'answeredOn', message: 'is before receipt or after today' }],
        );
      }
      complaint.status = 'answered';
      complaint.outcome = dto.outcome;
      complaint.explanation = dto.explanation;
      complaint.answeredOn = answeredOn;
      return toComplaintResponse(await this.tx.manager.save(complaint), today);
    });
  }

  /** The council's view: per system of its employer (a page of the register), counts only. */
  async countsForCouncil(
    actor: Actor,
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<SystemComplaintCountsResponse>> {
    if (!hasRoleIn(actor, COUNCIL_ROLES, { worksCouncilId })) {
      throw new NotFound('works_council');
    }
    const council = await this.councils.councilFacts(worksCouncilId);
    if (!council) {
      throw new NotFound('works_council');
    }
    const systems = await this.systems.list(actor, council.organisationId, query);
    const counts = await this.countsBySystem(
      systems.items.map((s) => s.id),
      this.today(),
    );
    return mapPage(systems, (s) => ({
      aiSystemId: s.id,
      name: s.name,
      ...(counts.get(s.id) ?? EMPTY_COUNTS),
    }));
  }

  /** For the evaluation: a system's counts received up to and including `until`. */
  async countsFor(aiSystemId: string, until: string): Promise<ComplaintCounts> {
    return (await this.countsBySystem([aiSystemId], until)).get(aiSystemId) ?? EMPTY_COUNTS;
  }

  private async countsBySystem(
    aiSystemIds: readonly string[],
    until: string,
  ): Promise<Map<string, ComplaintCounts>> {
    if (aiSystemIds.length === 0) {
      return new Map();
    }
    const today = this.today();
    const rows = await this.tx.query<{
      ai_system_id: string;
      complaints: number;
      explanation_requests: number;
      open: number;
      overdue: number;
    }>(
      `SELECT ai_system_id,
              count(*) FILTER (WHERE kind = 'complaint')::int AS complaints,
              count(*) FILTER (WHERE kind = 'explanation_request')::int AS explanation_requests,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'open' AND due_on < $3)::int AS overdue
         FROM complaint WHERE ai_system_id = ANY($1) AND received_on <= $2
        GROUP BY ai_system_id`,
      [aiSystemIds, until, today],
    );
    return new Map(
      rows.map((r) => [
        r.ai_system_id,
        {
          complaints: r.complaints,
          explanationRequests: r.explanation_requests,
          open: r.open,
          overdue: r.overdue,
        },
      ]),
    );
  }

  private async requireDesk(actor: Actor, aiSystemId: string): Promise<void> {
    const system = await this.systems.requireVisible(actor, aiSystemId);
    if (!(await this.isContact(actor, system.id))) {
      // Only the designated contact keeps the desk; to anyone else it does not exist.
      throw new NotFound('complaint');
    }
  }

  private async isContact(actor: Actor, aiSystemId: string): Promise<boolean> {
    const row = await this.tx.manager.findOne(ComplaintContactEntity, { where: { aiSystemId } });
    return row?.userId === actor.userId;
  }

  private assertEmployer(actor: Actor, system: AiSystemResponse): void {
    if (!hasRoleIn(actor, EMPLOYER_ROLES, { organisationId: system.organisationId })) {
      throw new Forbidden(
        'ai_system.employer_only',
        'Only the employer side designates the contact for complaints.',
      );
    }
  }

  private today(): string {
    return toAmsterdamDate(this.clock.now());
  }
}

const EMPTY_COUNTS: ComplaintCounts = {
  complaints: 0,
  explanationRequests: 0,
  open: 0,
  overdue: 0,
};

function toComplaintResponse(c: ComplaintEntity, today: string): ComplaintResponse {
  return {
    id: c.id,
    aiSystemId: c.aiSystemId,
    kind: c.kind,
    legalBasis: c.legalBasis,
    complainant: c.complainant,
    description: c.description,
    receivedOn: c.receivedOn,
    dueOn: c.dueOn,
    status: c.status,
    overdue: c.status === 'open' && c.dueOn < today,
    outcome: c.outcome,
    explanation: c.explanation,
    answeredOn: c.answeredOn,
    version: c.version,
  };
}
