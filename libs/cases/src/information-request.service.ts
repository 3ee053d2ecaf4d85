import { Injectable } from '@nestjs/common';

import { AccessService } from '@wc/access';
import { AuditService } from '@wc/audit';
import type { Actor } from '@wc/auth';
import { Clock, Conflict, Forbidden, NotFound } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';
import { addWorkingDays, councilTermSettings, resolveTermLength } from '@wc/deadlines';
import { type CursorPageQueryDto, type Page, pageOfSorted } from '@wc/pagination';

import { CaseReader } from './case-state';
import { CaseRepository } from './case.repository';
import { amsterdamDay } from './domain';
import type {
  AnswerInformationDto,
  AskInformationDto,
  InformationRequestResponse,
} from './dto/case.dto';
import type { InformationRequestEntity } from './information-request.entity';

/** WOR art. 31: the council asks, the employer answers within the agreed response time. */
@Injectable()
export class InformationRequestService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reader: CaseReader,
    private readonly cases: CaseRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async ask(
    actor: Actor,
    caseId: string,
    dto: AskInformationDto,
    /** The day a formal letter carrying the question reached the employer (issue #22). */
    receivedOn?: string,
  ): Promise<InformationRequestResponse> {
    return this.tx.run(async () => {
      const loaded = await this.reader.load(actor, caseId, true);
      if (loaded.side !== 'council_board' && loaded.side !== 'council_member') {
        throw new Forbidden(
          'case.council_only',
          'Only the council asks for information under art. 31.',
        );
      }
      // A request touches no track: the case's terms and events are all it needs.
      const state = this.reader.stateOf(loaded, []);
      const today = amsterdamDay(this.clock.now());
      const from = receivedOn ?? today;
      const term = resolveTermLength(
        'information_response_term',
        councilTermSettings(await state.councilSettings()),
      );
      const request = await this.cases.saveInformationRequest({
        caseId,
        question: dto.question,
        askedBy: actor.userId,
        askedAt: this.clock.now(),
        dueDate: addWorkingDays(from, term.workingDays ?? 10),
      });
      await state.applyDeadlines([
        {
          ruleId: 'information_response_term',
          track: `information:${request.id}`,
          triggerDate: from,
        },
      ]);
      await state.syncInformationClocks(today);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'case.information_requested',
        after: { requestId: request.id },
      });
      state.emit('case.information_requested', { requestId: request.id });
      await this.outbox.append(state.takeEvents(), actor.userId);
      return toInformationResponse(request);
    });
  }

  async answer(
    actor: Actor,
    caseId: string,
    requestId: string,
    dto: AnswerInformationDto,
  ): Promise<InformationRequestResponse> {
    return this.tx.run(async () => {
      const loaded = await this.reader.load(actor, caseId, true);
      if (loaded.side !== 'employer') {
        throw new Forbidden(
          'case.employer_only',
          'Only the employer answers information requests.',
        );
      }
      const request = await this.cases.getInformationRequest(caseId, requestId);
      if (!request) {
        throw new NotFound('information_request');
      }
      // The answer's date restarts a stopped agreed clock, so it is recorded once (legal-rules (d)2).
      if (request.answeredAt) {
        throw new Conflict(
          'information_request.already_answered',
          'This information request has already been answered.',
        );
      }
      const state = this.reader.stateOf(loaded, []);
      request.answer = dto.answer;
      request.answeredBy = actor.userId;
      request.answeredAt = this.clock.now();
      await this.cases.saveInformationRequest(request);
      await state.applyDeadlines(
        [],
        [{ track: `information:${request.id}`, ruleId: 'information_response_term' }],
      );
      await state.syncInformationClocks(amsterdamDay(this.clock.now()));
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'case.information_provided',
        after: { requestId },
      });
      state.emit('case.information_provided', { requestId });
      await this.outbox.append(state.takeEvents(), actor.userId);
      return toInformationResponse(request);
    });
  }

  /** One page of the case's requests, oldest first (a case has a few dozen at most). */
  async list(
    actor: Actor,
    caseId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<InformationRequestResponse>> {
    await this.reader.loadDossier(actor, caseId);
    const all = (await this.cases.informationRequests(caseId)).map(toInformationResponse);
    return pageOfSorted(all, query, (r) => [r.askedAt, r.id]);
  }

  /**
   * The unanswered art. 31 requests of those of these cases whose dossier the actor may read (as
   * `list`), in two statements whatever the number of cases.
   */
  async openOf(
    actor: Actor,
    caseIds: readonly string[],
  ): Promise<Array<InformationRequestResponse & { caseId: string }>> {
    const access = await this.access.cases(actor, caseIds);
    const readable = [...access.values()]
      .filter((a) => a.side !== 'union' || a.unionScope === 'dossier')
      .map((a) => a.caseId);
    return (await this.cases.openInformationRequestsOf(readable)).map((r) => ({
      ...toInformationResponse(r),
      caseId: r.caseId,
    }));
  }
}

function toInformationResponse(r: InformationRequestEntity): InformationRequestResponse {
  return {
    id: r.id,
    question: r.question,
    askedBy: r.askedBy,
    askedAt: r.askedAt.toISOString(),
    dueDate: r.dueDate,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}
