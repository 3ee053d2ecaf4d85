import { Injectable } from '@nestjs/common';

import { Clock } from '@wc/core';
import type { DeadlineView } from '@wc/deadlines';

import type { AiCaseEntity } from './ai-case.entity';
import { caseFactsOf, presentContents } from './case-facts';
import type { CaseState } from './case-state';
import { CaseRepository } from './case.repository';
import {
  type AllowedAction,
  allowedActionsFor,
  amsterdamDay,
  type CaseFacts,
  type CaseLevelBlock,
  caseDuties,
  type DutyFacts,
  type GoLiveGate,
  missingRequestContents,
  nextActionOf,
  type RecordedLate,
  type TrackKind,
  type TrackSnapshot,
} from './domain';
import type {
  AllowedActionResponse,
  CaseResponse,
  CaseSummaryResponse,
  GoLiveGateResponse,
  NextActionResponse,
} from './dto/case.dto';

/**
 * Assembles a `CaseResponse` from what the request read (`CaseState`): the tracks and the dossier
 * facts are not read again; the deadlines only when the request changed them.
 */
@Injectable()
export class CaseResponder {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  async respond(state: CaseState): Promise<CaseResponse> {
    const { aiCase, side } = state;
    const snapshots = state.snapshots();
    const deadlines = await state.deadlines();
    if (side === 'union' && state.unionScope === 'status') {
      return this.respondWithStatus(aiCase, snapshots, deadlines);
    }
    const outcome = aiCase.triage?.outcome;
    const missing = outcome
      ? (['advice', 'consent'] as const)
          .filter((k) => snapshots.some((t) => t.kind === k))
          .flatMap((k) =>
            missingRequestContents(
              k,
              presentContents(aiCase.contents, outcome.advice.letters.length > 0),
            ).map((item) => `${k}:${item}`),
          )
      : [];
    // Union officers follow; they act on nothing, so no action is offered to them.
    const allowed =
      side === 'union'
        ? new Map<TrackKind, AllowedAction[]>()
        : await this.allowedActionsOf(state, snapshots, deadlines);
    const requests = await this.cases.informationRequests(aiCase.id);
    return {
      ...toSummary(aiCase),
      contents: { ...aiCase.contents },
      triage: aiCase.triage ? { ...aiCase.triage } : null,
      tracks: state.tracks.map((t) => ({
        kind: t.kind,
        stage: t.stage,
        snapshot: { ...t.snapshot },
        allowedActions: toAllowedResponse(allowed.get(t.kind) ?? []),
      })),
      goLiveGate: toGateResponse(await state.gate()),
      deadlines,
      missingRequestContents: missing,
      expertIds: side === 'expert' || side === 'union' ? [] : aiCase.expertIds,
      sentAt: aiCase.sentAt?.toISOString() ?? null,
      committeeId: side === 'union' ? null : aiCase.committeeId,
      lateEntries: lateEntriesOf(snapshots),
      yourSide: side,
      nextAction: this.nextActionOf(
        aiCase,
        snapshots,
        deadlines,
        requests.map((r) => ({ id: r.id, dueDate: r.dueDate, answered: r.answer !== null })),
      ),
    };
  }

  /**
   * For each track, the actions the caller's side could take in its stage, open or with what is
   * missing; the facts are read once for the case.
   */
  private async allowedActionsOf(
    state: CaseState,
    tracks: readonly TrackSnapshot[],
    deadlines: readonly DeadlineView[],
  ): Promise<Map<TrackKind, AllowedAction[]>> {
    const { aiCase, side } = state;
    const now = this.clock.now();
    const caseBlock: CaseLevelBlock | undefined =
      aiCase.status !== 'sent'
        ? 'case_sent'
        : !aiCase.triage
          ? 'triage'
          : aiCase.blocked
            ? 'not_prohibited'
            : undefined;
    const base = aiCase.triage ? { aiCase, deadlines, dossier: await state.dossier() } : null;
    const result = new Map<TrackKind, AllowedAction[]>();
    for (const track of tracks) {
      // Without a triage the case block refuses every action before the facts are read.
      const facts = base
        ? caseFactsOf(base, tracks, track.kind, now)
        : ({
            triage: null,
            tracks: [...tracks],
            missingRequestContents: [],
          } as unknown as CaseFacts);
      result.set(
        track.kind,
        allowedActionsFor({ track, facts, side, now, ...(caseBlock ? { caseBlock } : {}) }),
      );
    }
    return result;
  }

  /** Who must act next on the case, on what, by when: the most urgent of its duties. */
  private nextActionOf(
    aiCase: AiCaseEntity,
    tracks: readonly TrackSnapshot[],
    deadlines: readonly DeadlineView[],
    informationRequests: DutyFacts['informationRequests'],
  ): NextActionResponse | null {
    return nextActionOf(
      caseDuties({
        status: aiCase.status,
        blocked: aiCase.blocked,
        tracks,
        deadlines,
        informationRequests,
        today: amsterdamDay(this.clock.now()),
      }),
    );
  }

  /**
   * A union's 'status' view (issue #8): the case's status, each track's stage with the dated
   * stage changes (no actions, reasons or sides), and the deadlines. Every other field is empty.
   */
  private respondWithStatus(
    aiCase: AiCaseEntity,
    tracks: TrackSnapshot[],
    deadlines: DeadlineView[],
  ): CaseResponse {
    return {
      ...toSummary(aiCase),
      contents: {},
      triage: null,
      tracks: tracks.map((t) => ({
        kind: t.kind,
        stage: t.stage,
        snapshot: {
          kind: t.kind,
          stage: t.stage,
          history: t.history.map((h) => ({ at: h.at, from: h.from, to: h.to })),
        },
        allowedActions: [],
      })),
      goLiveGate: null,
      deadlines,
      missingRequestContents: [],
      expertIds: [],
      sentAt: aiCase.sentAt?.toISOString() ?? null,
      committeeId: null,
      lateEntries: [],
      yourSide: 'union',
      nextAction: this.nextActionOf(aiCase, tracks, deadlines, []),
    };
  }
}

export function toSummary(c: AiCaseEntity): CaseSummaryResponse {
  return {
    id: c.id,
    title: c.title,
    organisationId: c.organisationId,
    worksCouncilId: c.worksCouncilId,
    aiSystemId: c.aiSystemId,
    status: c.status,
    stage: c.stage,
    blocked: c.blocked,
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toGateResponse(gate: GoLiveGate | null): GoLiveGateResponse | null {
  return gate
    ? {
        open: gate.open,
        conditions: gate.conditions.map((c) => ({ ...c, sources: [...c.sources] })),
      }
    : null;
}

function toAllowedResponse(actions: readonly AllowedAction[]): AllowedActionResponse[] {
  return actions.map((a) => ({
    action: a.action,
    allowed: a.allowed,
    missing: a.missing.map((m) => ({ ...m })),
  }));
}

/** Entries recorded more than two working days after the date they claim, both dates shown. */
function lateEntriesOf(
  tracks: readonly TrackSnapshot[],
): Array<{ track: string; action: string; at: string } & RecordedLate> {
  return tracks.flatMap((t) =>
    t.history
      .filter((h) => h.recordedLate)
      .map((h) => ({
        track: t.kind,
        action: h.action.type,
        at: h.at,
        ...(h.recordedLate as RecordedLate),
      })),
  );
}
