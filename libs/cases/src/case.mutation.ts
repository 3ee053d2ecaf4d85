import { Injectable } from '@nestjs/common';

import { AuditService } from '@wc/audit';
import type { Actor } from '@wc/auth';
import type { CaseAction } from '@wc/contracts';
import { Forbidden, VersionConflict } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';

import { CaseReader, type CaseState } from './case-state';
import { CaseRepository } from './case.repository';
import { CaseResponder } from './case.responder';
import { type ActorSide, deriveCaseStage } from './domain';
import type { CaseResponse, VersionDto } from './dto/case.dto';

/** What a change reports for the audit trail and the `case.updated` event. */
export interface CaseChange {
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  event?: Record<string, unknown>;
  /** The audited action when it is not the mutation's own (e.g. a re-triage that only proposes). */
  action?: CaseAction;
}

/**
 * The one template every case mutation follows: lock, authorise, check the version, change, save,
 * audit and emit, in one transaction; then the response from what the request already read.
 */
@Injectable()
export class CaseMutation {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reader: CaseReader,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly responder: CaseResponder,
  ) {}

  async run(
    actor: Actor,
    caseId: string,
    dto: VersionDto,
    sides: ActorSide[] | null,
    action: CaseAction,
    change: (state: CaseState) => CaseChange | Promise<CaseChange>,
  ): Promise<CaseResponse> {
    const state = await this.tx.run(async () => {
      const loaded = await this.reader.load(actor, caseId, true);
      const { aiCase, side } = loaded;
      if (side === 'union') {
        throw new Forbidden(
          'case.read_only',
          'Union officers follow shared cases; they do not change them.',
        );
      }
      if (sides && !sides.includes(side)) {
        throw new Forbidden(
          'case.action_not_allowed',
          'Your role on this case does not allow this action.',
          { allowed: sides },
        );
      }
      if (aiCase.version !== dto.version) {
        throw new VersionConflict('case', dto.version, aiCase.version);
      }
      const state = await this.reader.withTracks(loaded);
      const before = this.cases.columnsOf(aiCase);
      const stageBefore = aiCase.stage;
      const gateBefore = (await state.gate())?.open ?? null;
      const { before: was, after, event, action: actionDone = action } = await change(state);
      aiCase.stage =
        aiCase.status === 'draft' && !aiCase.blocked
          ? 'draft'
          : deriveCaseStage(state.snapshots(), aiCase.blocked);
      await this.cases.saveChanges(aiCase, before);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: actionDone,
        before: was,
        after,
      });
      state.emit('case.updated', { action: actionDone, ...event });
      if (aiCase.stage !== stageBefore) {
        state.emit('case.stage_changed', { from: stageBefore, to: aiCase.stage });
      }
      await this.emitGateChange(state, gateBefore);
      await this.outbox.append(state.takeEvents(), actor.userId);
      return state;
    });
    return this.responder.respond(state);
  }

  /**
   * After a change to the case dossier (oversight, training, assessment), inside the caller's
   * transaction: tells both sides when that change opened or closed the go-live gate (issue #16).
   * `openBefore` is the gate as the caller read it, after locking the case, before its change.
   */
  async announceGoLiveGateChange(
    actor: Actor,
    caseId: string,
    openBefore: boolean | null,
  ): Promise<void> {
    const state = await this.reader.withTracks(await this.reader.load(actor, caseId, false));
    await this.emitGateChange(state, openBefore);
    await this.outbox.append(state.takeEvents(), actor.userId);
  }

  /** Both sides are told when the go-live gate opens or closes again (issue #16), in the same transaction. */
  private async emitGateChange(state: CaseState, openBefore: boolean | null): Promise<void> {
    const gate = await state.gate();
    if (
      openBefore !== null &&
      gate !== null &&
      state.aiCase.status === 'sent' &&
      gate.open !== openBefore
    ) {
      state.emit(gate.open ? 'case.go_live_gate_opened' : 'case.go_live_gate_closed', {
        unmet: gate.conditions.filter((c) => !c.met).map((c) => c.key),
      });
    }
  }
}
