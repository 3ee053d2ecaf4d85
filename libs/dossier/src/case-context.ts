import { Injectable } from '@nestjs/common';

import { AccessService, type ActorSide } from '@wc/access';
import type { Actor } from '@wc/auth';
import type { EventPayload, EventTypeOf } from '@wc/contracts';
import { type CaseResponse, CaseService, type TriageOutcome } from '@wc/cases';
import { Forbidden } from '@wc/core';
import { domainEvent, Outbox } from '@wc/database';

/** The case a dossier request is about, as the case service lets this actor see it. */
/** The dossier's events: assessments, oversight and the training plan. */
type DossierEventType = EventTypeOf<'assessment' | 'oversight' | 'training_plan'>;

/** The parts of the dossier whose side rules name their own error codes. */
type DossierArea = 'assessment' | 'oversight' | 'training';

export interface CaseContext {
  readonly caseId: string;
  readonly organisationId: string;
  readonly worksCouncilId: string;
  readonly side: ActorSide;
  readonly triage: TriageOutcome | null;
  readonly aiCase: CaseResponse;
}

const COUNCIL_SIDES: readonly string[] = ['council_board', 'council_member', 'expert'];

/** Case visibility, locking and events for the dossier services; the case service stays the policy. */
@Injectable()
export class CaseContexts {
  constructor(
    private readonly cases: CaseService,
    private readonly access: AccessService,
    private readonly outbox: Outbox,
  ) {}

  /** 404 when the actor may not see the case, exactly as `GET /cases/:caseId`. */
  async read(actor: Actor, caseId: string): Promise<CaseContext> {
    const access = await this.access.requireCase(actor, caseId);
    // A union share limited to status and deadlines does not open the dossier (issue #8).
    if (access.side === 'union' && access.unionScope !== 'dossier') {
      throw new Forbidden(
        'case.not_shared',
        'The council shares only the status and deadlines of this case.',
      );
    }
    const aiCase = await this.cases.get(actor, caseId);
    const triage = (aiCase.triage as { outcome?: TriageOutcome } | null)?.outcome ?? null;
    return {
      caseId,
      organisationId: aiCase.organisationId,
      worksCouncilId: aiCase.worksCouncilId,
      side: aiCase.yourSide as ActorSide,
      triage,
      aiCase,
    };
  }

  /** For a mutation, inside its transaction: the case row lock first, then the visibility check. */
  async forMutation(actor: Actor, caseId: string): Promise<CaseContext> {
    await this.access.lockCases([caseId]);
    return this.read(actor, caseId);
  }

  assertEmployer(ctx: CaseContext, area: DossierArea): void {
    if (ctx.side !== 'employer') {
      throw new Forbidden(
        `${area}.employer_only`,
        'Only the employer side edits this part of the dossier.',
      );
    }
  }

  assertCouncil(ctx: CaseContext, area: DossierArea): void {
    if (!COUNCIL_SIDES.includes(ctx.side)) {
      throw new Forbidden(
        `${area}.council_only`,
        'Only the council side (board, members, its experts) comments here.',
      );
    }
  }

  async emit<T extends DossierEventType>(
    ctx: CaseContext,
    actor: Actor,
    type: T,
    payload: EventPayload<T>,
  ): Promise<void> {
    const { caseId, organisationId, worksCouncilId } = ctx;
    await this.outbox.append(
      [domainEvent(type, payload, { caseId, organisationId, worksCouncilId })],
      actor.userId,
    );
    // A dossier change can meet or unmeet a go-live condition (oversight trained, DPIA): say so.
    await this.cases.announceGoLiveGateChange(
      actor,
      ctx.caseId,
      ctx.aiCase.goLiveGate?.open ?? null,
    );
  }
}
