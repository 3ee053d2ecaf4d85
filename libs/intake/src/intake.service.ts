import { Injectable } from '@nestjs/common';

import type { AgendaLineContext } from '@wc/access';
import { AiSystemsService } from '@wc/ai-systems';
import { type Actor, COUNCIL_BOARD_ROLES, EMPLOYER_ROLES, hasRoleIn, Role } from '@wc/auth';
import { CaseService } from '@wc/cases';
import { Clock, Conflict, Forbidden, NotFound, Unprocessable, VersionConflict } from '@wc/core';
import { domainEvent, Outbox, TransactionHost } from '@wc/database';
import { DeadlinesService, type DeadlineScope, toAmsterdamDate } from '@wc/deadlines';
import { CouncilsService } from '@wc/councils';
import {
  type CursorPageQueryDto,
  decodeCursor,
  limitOf,
  type Page,
  pageFrom,
} from '@wc/pagination';

import type { CouncilRequestEntity, CouncilRequestKind } from './council-request.entity';
import type { CouncilSignalEntity } from './council-signal.entity';
import type {
  ActOnSignalDto,
  AnswerCouncilRequestDto,
  CouncilRequestResponse,
  CouncilSignalResponse,
  DismissSignalDto,
  OpenCaseForRequestDto,
  RaiseSignalDto,
} from './dto/intake.dto';
import { IntakeRepository, type KeysetAfter } from './intake.repository';

/** Council roles that hold the council's intake: its own members, never experts (issue #19). */
const INTAKE_ROLES: readonly Role[] = [
  Role.CouncilChair,
  Role.CouncilSecretary,
  Role.CouncilMember,
  Role.CommitteeMember,
];

/**
 * WOR art. 31(1) says only "tijdig": the convenant's information term, or the internal SLA; for a
 * case opening and an art. 23(3) proposal the internal SLA of `initiative_response_term`.
 */
const RULE_OF: Record<
  CouncilRequestKind,
  'information_response_term' | 'initiative_response_term'
> = {
  information: 'information_response_term',
  case_opening: 'initiative_response_term',
  initiative: 'initiative_response_term',
};

export const requestTrack = (requestId: string) => `council_request:${requestId}`;

/**
 * The council's intake and initiative (issue #19): signals the council keeps to itself until it
 * acts, and what it then asks of the employer outside any case, each with its term.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repo: IntakeRepository,
    private readonly councils: CouncilsService,
    private readonly systems: AiSystemsService,
    private readonly cases: CaseService,
    private readonly deadlines: DeadlinesService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async raise(
    actor: Actor,
    worksCouncilId: string,
    dto: RaiseSignalDto,
  ): Promise<CouncilSignalResponse> {
    const council = await this.councilOfMember(actor, worksCouncilId);
    if (dto.aiSystemId) {
      await this.systemOf(actor, dto.aiSystemId, council.organisationId);
    }
    return this.tx.run(async () => {
      const signal = await this.repo.saveSignal({
        organisationId: council.organisationId,
        worksCouncilId,
        text: dto.text,
        sourceKind: dto.sourceKind,
        aiSystemId: dto.aiSystemId ?? null,
        raisedBy: actor.userId,
        raisedAt: this.clock.now(),
        status: 'open',
      });
      await this.outbox.append(
        [
          domainEvent(
            'council_signal.raised',
            { signalId: signal.id, version: signal.version },
            { worksCouncilId },
          ),
        ],
        actor.userId,
      );
      return toSignalResponse(signal, []);
    });
  }

  async listSignals(
    actor: Actor,
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<CouncilSignalResponse>> {
    await this.councilOfMember(actor, worksCouncilId);
    const limit = limitOf(query);
    const rows = await this.repo.signalsOf(worksCouncilId, limit, afterOf(query));
    const requests = await this.repo.requestsOfSignals(rows.slice(0, limit).map((r) => r.id));
    return pageFrom(
      rows,
      limit,
      (s) => ({ at: s.raisedAt.toISOString(), id: s.id }),
      (s) =>
        toSignalResponse(
          s,
          requests.filter((r) => r.signalId === s.id),
        ),
    );
  }

  async getSignal(actor: Actor, signalId: string): Promise<CouncilSignalResponse> {
    const signal = await this.visibleSignal(actor, signalId);
    return toSignalResponse(signal, await this.repo.requestsOfSignals([signal.id]));
  }

  /** The council acts on a signal: an art. 31 request, a request to open a case, or a proposal. */
  async act(actor: Actor, signalId: string, dto: ActOnSignalDto): Promise<CouncilRequestResponse> {
    const seen = await this.visibleSignal(actor, signalId);
    // WOR art. 31: any member may ask [W19]; opening a case or a proposal is the board's act.
    if (
      dto.kind !== 'information' &&
      !hasRoleIn(actor, COUNCIL_BOARD_ROLES, { worksCouncilId: seen.worksCouncilId })
    ) {
      throw new Forbidden(
        'council_signal.council_only',
        "Only the council's chair or secretary asks for a case or makes a proposal.",
      );
    }
    const aiSystemId = dto.aiSystemId ?? seen.aiSystemId;
    if (dto.kind === 'case_opening' && !aiSystemId) {
      throw new Unprocessable(
        'council_request.system_required',
        'A request to open a case names the system of the register it is about.',
        {},
        [{ path: 'aiSystemId', message: 'is required for a case opening' }],
      );
    }
    if (aiSystemId && aiSystemId !== seen.aiSystemId) {
      await this.systemOf(actor, aiSystemId, seen.organisationId);
    }
    const council = await this.councils.councilFacts(seen.worksCouncilId);
    return this.tx.run(async () => {
      const signal = await this.repo.signalForUpdate(signalId);
      if (!signal) {
        throw new NotFound('council_signal');
      }
      if (signal.version !== dto.version) {
        throw new VersionConflict('council_signal', dto.version, signal.version);
      }
      if (signal.status === 'dismissed') {
        throw new Conflict('council_signal.already_closed', 'This signal was dismissed.');
      }
      const now = this.clock.now();
      const today = toAmsterdamDate(now);
      const ruleId = RULE_OF[dto.kind];
      // The term is computed before the row exists so the row can carry its last day.
      const request = await this.repo.saveRequest({
        organisationId: signal.organisationId,
        worksCouncilId: signal.worksCouncilId,
        signalId: signal.id,
        kind: dto.kind,
        subject: dto.subject,
        aiSystemId: aiSystemId ?? null,
        requestedBy: actor.userId,
        requestedAt: now,
        dueDate: today,
        status: 'open',
      });
      const scope = this.scopeOf(request, council?.settings ?? {});
      await this.deadlines.apply(
        scope,
        [{ ruleId, track: requestTrack(request.id), triggerDate: today }],
        [],
      );
      const [term] = await this.deadlines.forCaselessTracks([requestTrack(request.id)]);
      request.dueDate = term.strictDate;
      const saved = await this.repo.saveRequest(request);
      signal.status = 'acted';
      await this.repo.saveSignal(signal);
      await this.outbox.append(
        [
          domainEvent(
            'council_signal.updated',
            { signalId: signal.id, version: signal.version },
            { worksCouncilId: signal.worksCouncilId },
          ),
          requestEvent('council_request.made', saved),
        ],
        actor.userId,
      );
      return toRequestResponse(saved);
    });
  }

  async dismiss(
    actor: Actor,
    signalId: string,
    dto: DismissSignalDto,
  ): Promise<CouncilSignalResponse> {
    await this.visibleSignal(actor, signalId);
    return this.tx.run(async () => {
      const signal = (await this.repo.signalForUpdate(signalId))!;
      if (signal.version !== dto.version) {
        throw new VersionConflict('council_signal', dto.version, signal.version);
      }
      signal.status = 'dismissed';
      const saved = await this.repo.saveSignal(signal);
      await this.outbox.append(
        [
          domainEvent(
            'council_signal.updated',
            { signalId: saved.id, version: saved.version },
            { worksCouncilId: saved.worksCouncilId },
          ),
        ],
        actor.userId,
      );
      return toSignalResponse(saved, await this.repo.requestsOfSignals([saved.id]));
    });
  }

  /** Both parties see the council's requests; a union or an outsider does not (404). */
  async listRequests(
    actor: Actor,
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<CouncilRequestResponse>> {
    await this.councilOfParty(actor, worksCouncilId);
    const limit = limitOf(query);
    const rows = await this.repo.requestsOf(worksCouncilId, limit, afterOf(query));
    return pageFrom(
      rows,
      limit,
      (r) => ({ at: r.requestedAt.toISOString(), id: r.id }),
      toRequestResponse,
    );
  }

  async getRequest(actor: Actor, requestId: string): Promise<CouncilRequestResponse> {
    return toRequestResponse(await this.visibleRequest(actor, requestId));
  }

  /** The employer answers in writing (art. 31, art. 23(3)); the term is met. */
  async answer(
    actor: Actor,
    requestId: string,
    dto: AnswerCouncilRequestDto,
  ): Promise<CouncilRequestResponse> {
    const seen = await this.visibleRequest(actor, requestId);
    this.assertEmployerOf(actor, seen);
    return this.tx.run(async () => {
      const request = await this.openForUpdate(requestId, dto.version);
      request.status = 'answered';
      request.answer = dto.answer;
      request.answeredBy = actor.userId;
      request.answeredAt = this.clock.now();
      const saved = await this.close(request);
      await this.outbox.append([requestEvent('council_request.answered', saved)], actor.userId);
      return toRequestResponse(saved);
    });
  }

  /**
   * The employer opens the case the council asked for: a draft case for the request's system, in
   * the same transaction, linked to the request (and through it to the signal).
   */
  async openCase(
    actor: Actor,
    requestId: string,
    dto: OpenCaseForRequestDto,
  ): Promise<CouncilRequestResponse> {
    const seen = await this.visibleRequest(actor, requestId);
    this.assertEmployerOf(actor, seen);
    if (seen.kind !== 'case_opening' || !seen.aiSystemId) {
      throw new Conflict(
        'council_request.not_case_opening',
        'Only a request to open a case is answered with a case.',
      );
    }
    const aiSystemId = seen.aiSystemId;
    return this.tx.run(async () => {
      const request = await this.openForUpdate(requestId, dto.version);
      const created = await this.cases.create(actor, {
        aiSystemId,
        worksCouncilId: request.worksCouncilId,
        title: dto.title,
      });
      request.status = 'case_opened';
      request.caseId = created.id;
      request.answeredBy = actor.userId;
      request.answeredAt = this.clock.now();
      const saved = await this.close(request);
      await this.outbox.append(
        [
          domainEvent(
            'council_request.case_opened',
            { ...changeOf(saved), caseId: created.id },
            { worksCouncilId: saved.worksCouncilId, organisationId: saved.organisationId },
          ),
        ],
        actor.userId,
      );
      return toRequestResponse(saved);
    });
  }

  /**
   * The open requests of the actor's councils and of the councils of their employers, as lines of
   * the personal agenda's one statement (issue #13): the employer answers, the council waits.
   */
  agendaLinesSql({ actor, param }: AgendaLineContext): string {
    const councilIds = actor.memberships
      .filter((m) => m.worksCouncilId !== null && INTAKE_ROLES.includes(m.role))
      .map((m) => m.worksCouncilId as string);
    const employerOf = actor.memberships
      .filter((m) => EMPLOYER_ROLES.includes(m.role))
      .map((m) => m.organisationId);
    return this.repo.openRequestLinesSql({
      councilIds: param(councilIds),
      employerOrganisationIds: param(employerOf),
      ruleOfKind: param(JSON.stringify(RULE_OF)),
    });
  }

  private async openForUpdate(requestId: string, version: number): Promise<CouncilRequestEntity> {
    const request = (await this.repo.requestForUpdate(requestId))!;
    if (request.version !== version) {
      throw new VersionConflict('council_request', version, request.version);
    }
    if (request.status !== 'open') {
      throw new Conflict(
        'council_request.already_answered',
        'This request has already been answered.',
      );
    }
    return request;
  }

  /** Saves the answered request and meets its term. */
  private async close(request: CouncilRequestEntity): Promise<CouncilRequestEntity> {
    const saved = await this.repo.saveRequest(request);
    await this.deadlines.apply(
      this.scopeOf(saved, {}),
      [],
      [{ track: requestTrack(saved.id), ruleId: RULE_OF[saved.kind] }],
    );
    return saved;
  }

  private scopeOf(request: CouncilRequestEntity, settings: Record<string, unknown>): DeadlineScope {
    return {
      caseId: null,
      organisationId: request.organisationId,
      worksCouncilId: request.worksCouncilId,
      councilSettings: settings,
    };
  }

  private assertEmployerOf(actor: Actor, request: CouncilRequestEntity): void {
    if (!hasRoleIn(actor, EMPLOYER_ROLES, { organisationId: request.organisationId })) {
      throw new Forbidden(
        'council_request.employer_only',
        "Only the employer answers the council's requests.",
      );
    }
  }

  /** The council's own members only; everyone else is told the council does not exist (404). */
  private async councilOfMember(
    actor: Actor,
    worksCouncilId: string,
  ): Promise<{ organisationId: string }> {
    const council = await this.councils.councilFacts(worksCouncilId);
    if (!council || !hasRoleIn(actor, INTAKE_ROLES, { worksCouncilId })) {
      throw new NotFound('works_council');
    }
    return council;
  }

  /** The council's own members and the employer side of its organisation. */
  private async councilOfParty(
    actor: Actor,
    worksCouncilId: string,
  ): Promise<{ organisationId: string }> {
    const council = await this.councils.councilFacts(worksCouncilId);
    if (
      !council ||
      (!hasRoleIn(actor, INTAKE_ROLES, { worksCouncilId }) &&
        !hasRoleIn(actor, EMPLOYER_ROLES, { organisationId: council.organisationId }))
    ) {
      throw new NotFound('works_council');
    }
    return council;
  }

  private async visibleSignal(actor: Actor, signalId: string): Promise<CouncilSignalEntity> {
    const signal = await this.repo.signal(signalId);
    // Council-internal: the employer side and unions are told it does not exist.
    if (!signal || !hasRoleIn(actor, INTAKE_ROLES, { worksCouncilId: signal.worksCouncilId })) {
      throw new NotFound('council_signal');
    }
    return signal;
  }

  private async visibleRequest(actor: Actor, requestId: string): Promise<CouncilRequestEntity> {
    const request = await this.repo.request(requestId);
    if (
      !request ||
      (!hasRoleIn(actor, INTAKE_ROLES, { worksCouncilId: request.worksCouncilId }) &&
        !hasRoleIn(actor, EMPLOYER_ROLES, { organisationId: request.organisationId }))
    ) {
      throw new NotFound('council_request');
    }
    return request;
  }

  private async systemOf(actor: Actor, aiSystemId: string, organisationId: string): Promise<void> {
    const system = await this.systems.requireVisible(actor, aiSystemId);
    if (system.organisationId !== organisationId) {
      throw new NotFound('ai_system');
    }
  }
}

function afterOf(query: CursorPageQueryDto): KeysetAfter | null {
  return query.cursor ? decodeCursor(query.cursor, isKeyset) : null;
}

function isKeyset(value: unknown): value is KeysetAfter {
  const v = value as Partial<KeysetAfter> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.at === 'string' &&
    !Number.isNaN(Date.parse(v.at)) &&
    typeof v.id === 'string' &&
    /^[0-9a-f-]{36}$/i.test(v.id)
  );
}

function changeOf(r: CouncilRequestEntity) {
  return {
    requestId: r.id,
    kind: r.kind,
    worksCouncilId: r.worksCouncilId,
    organisationId: r.organisationId,
    dueDate: r.dueDate,
    version: r.version,
  };
}

function requestEvent(
  type: 'council_request.made' | 'council_request.answered',
  r: CouncilRequestEntity,
) {
  return domainEvent(type, changeOf(r), {
    worksCouncilId: r.worksCouncilId,
    organisationId: r.organisationId,
  });
}

function toRequestResponse(r: CouncilRequestEntity): CouncilRequestResponse {
  return {
    id: r.id,
    worksCouncilId: r.worksCouncilId,
    signalId: r.signalId,
    kind: r.kind,
    subject: r.subject,
    aiSystemId: r.aiSystemId,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    dueDate: r.dueDate,
    ruleId: RULE_OF[r.kind],
    status: r.status,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    caseId: r.caseId,
    version: r.version,
  };
}

function toSignalResponse(
  s: CouncilSignalEntity,
  requests: readonly CouncilRequestEntity[],
): CouncilSignalResponse {
  return {
    id: s.id,
    worksCouncilId: s.worksCouncilId,
    text: s.text,
    sourceKind: s.sourceKind,
    aiSystemId: s.aiSystemId,
    raisedBy: s.raisedBy,
    raisedAt: s.raisedAt.toISOString(),
    status: s.status,
    requests: requests.map(toRequestResponse),
    version: s.version,
  };
}
