import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

import type { AiSystemMaterialChange } from '@wc/ai-systems';
import type { Actor } from '@wc/auth';
import { type CaseResponse, CaseService } from '@wc/cases';
import { Clock } from '@wc/core';
import { domainEvent, Outbox, TransactionHost } from '@wc/database';
import { DossierFollowUps } from '@wc/dossier';

import { CaseFollowUpEntity } from './monitoring.entities';

/** Stages in which a case is over: a register change opens no follow-up of it. */
const ENDED: readonly string[] = ['closed', 'withdrawn'];

/**
 * P5 (seed-requirements 0, 4 stage 4 "loop back when a material change happens"): a material
 * change of a system with an open or implemented case opens a follow-up case linked to it, filed
 * by the employer who changed the register and sent to the same council at once, with the
 * earlier case's contents, triage answers and dossier as its starting point. The council hears of
 * the change on the earlier case (`ai_system.changed_materially`) and of the new case
 * (`case.sent`). Runs in the register update's transaction.
 */
@Injectable()
export class FollowUpsService implements AiSystemMaterialChange {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    private readonly dossier: DossierFollowUps,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Looked up at call time: the case service depends on the register, whose service takes this
   * one as its material-change port, so a constructor dependency would be a cycle.
   */
  private get cases(): CaseService {
    return this.moduleRef.get(CaseService, { strict: false });
  }

  async changed(actor: Actor, aiSystemId: string, fields: readonly string[]): Promise<void> {
    const candidates = await this.casesOfSystem(actor, aiSystemId);
    for (const earlier of candidates) {
      await this.openFollowUp(actor, earlier, fields);
    }
  }

  private async casesOfSystem(actor: Actor, aiSystemId: string): Promise<CaseResponse[]> {
    // A case already followed up is followed up by its latest follow-up instead.
    const followed = new Set(
      (
        await this.tx.query<{ follows_case_id: string }>(
          `SELECT follows_case_id FROM case_follow_up WHERE ai_system_id = $1`,
          [aiSystemId],
        )
      ).map((r) => r.follows_case_id),
    );
    const summaries = await this.cases.visibleSummaries(actor, { status: 'sent' });
    const result: CaseResponse[] = [];
    for (const summary of summaries) {
      if (
        summary.aiSystemId !== aiSystemId ||
        summary.status !== 'sent' ||
        ENDED.includes(summary.stage) ||
        followed.has(summary.id)
      ) {
        continue;
      }
      result.push(await this.cases.get(actor, summary.id));
    }
    return result;
  }

  private async openFollowUp(
    actor: Actor,
    earlier: CaseResponse,
    fields: readonly string[],
  ): Promise<void> {
    const created = await this.cases.create(actor, {
      aiSystemId: earlier.aiSystemId,
      worksCouncilId: earlier.worksCouncilId,
      title: `${earlier.title} (${FOLLOW_UP_SUFFIX})`,
      contents: earlier.contents,
    });
    let version = created.version;
    const answers = (earlier.triage as { answers?: unknown } | null)?.answers;
    if (answers) {
      version = (
        await this.cases.setTriage(actor, created.id, {
          version,
          answers: answers as never,
        })
      ).version;
    }
    await this.dossier.carryOver(earlier.id, created.id);
    await this.tx.manager.save(
      this.tx.manager.create(CaseFollowUpEntity, {
        caseId: created.id,
        followsCaseId: earlier.id,
        aiSystemId: earlier.aiSystemId,
        fields: [...fields],
        openedAt: this.clock.now(),
      }),
    );
    if (answers) {
      await this.cases.send(actor, created.id, { version });
    }
    await this.outbox.append(
      [
        domainEvent(
          'case_follow_up.opened',
          { followUpCaseId: created.id, fields: [...fields] },
          {
            caseId: earlier.id,
            organisationId: earlier.organisationId,
            worksCouncilId: earlier.worksCouncilId,
          },
        ),
      ],
      actor.userId,
    );
  }
}

/** The follow-up's title says what it is; the case page links both ways. */
const FOLLOW_UP_SUFFIX = 'vervolg na wijziging';
