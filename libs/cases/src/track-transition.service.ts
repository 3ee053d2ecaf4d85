import { Inject, Injectable, Optional } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { Clock, NotFound, Unprocessable } from '@wc/core';
import { addWorkingDays } from '@wc/deadlines';

import type { AiCaseEntity } from './ai-case.entity';
import { caseFactsOf } from './case-facts';
import { CaseReader, type CaseState } from './case-state';
import { CaseMutation } from './case.mutation';
import { CaseRepository } from './case.repository';
import { CASE_CONDITIONS_SINK, type CaseConditionsSink } from './conditions-sink.port';
import {
  type ActorSide,
  activeTracks,
  amsterdamDay,
  DateBeforeEvent,
  isCalendarDay,
  notBefore,
  newTrack,
  planTrackTransition,
  type TrackAction,
  tracksCoveredByConsultation,
  type TrackKind,
  type TrackSnapshot,
  type TrackTransitionPlan,
  TransitionRefused,
  type TriageOutcome,
  type WorTrackKind,
} from './domain';
import type { CaseResponse, TrackTransitionDto } from './dto/case.dto';

/** The tracks of a case: one action on a track through the stage machine, and what follows from it. */
@Injectable()
export class TrackTransitionService {
  constructor(
    private readonly mutation: CaseMutation,
    private readonly reader: CaseReader,
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    @Optional() @Inject(CASE_CONDITIONS_SINK) private readonly conditions?: CaseConditionsSink,
  ) {}

  async transition(
    actor: Actor,
    caseId: string,
    kind: TrackKind,
    dto: TrackTransitionDto,
  ): Promise<CaseResponse> {
    return this.mutation.run(actor, caseId, dto, null, 'case.track_transitioned', async (state) => {
      assertNotBlocked(state.aiCase);
      const track = state.track(kind);
      if (!track || !state.aiCase.triage) {
        throw new NotFound('track');
      }
      const stageBefore = track.stage;
      const action: TrackAction = stripUndefined({ ...dto.action });
      const plan = await this.moveTrack(state, kind, action, dto.action.receivedOn);
      // Issue #19: each condition of a conditional advice or consent becomes a commitment.
      const position = plan.next.councilPosition;
      if (
        action.type === 'record_council_position' &&
        position?.position === 'conditional' &&
        (kind === 'advice' || kind === 'consent')
      ) {
        await this.conditions?.conditionsRecorded({
          caseId,
          organisationId: state.aiCase.organisationId,
          worksCouncilId: state.aiCase.worksCouncilId,
          track: kind,
          conditions: position.conditions,
          recordedBy: actor.userId,
        });
      }
      const alsoCounted: WorTrackKind[] = [];
      if (action.type === 'record_consultation_held') {
        // One overlegvergadering counts for every WOR track whose request was on the table; a
        // track it cannot count for (dated before its own request for a meeting) is left as is.
        const others = tracksCoveredByConsultation(
          state.snapshots().filter((t) => t.kind !== kind),
          action.heldOn,
          action.meetingId,
        );
        for (const other of others) {
          try {
            await this.moveTrack(state, other, action, undefined);
            alsoCounted.push(other);
          } catch (error) {
            if (!(error instanceof TransitionRefused) && !(error instanceof DateBeforeEvent)) {
              throw error;
            }
          }
        }
      }
      return {
        before: { track: kind, stage: stageBefore },
        after: {
          track: kind,
          stage: plan.next.stage,
          action: dto.action.type,
          ...(alsoCounted.length > 0 ? { alsoCountedFor: alsoCounted } : {}),
          ...(plan.recordedLate ? { recordedLate: plan.recordedLate } : {}),
        },
      };
    });
  }

  /**
   * A track action whose receipt date comes from a formal letter (issue #22): run at the case's
   * current version inside the caller's transaction, which holds the letter's lock. The receipt
   * date, not a hand-typed one, starts the action's terms.
   */
  async transitionReceived(
    actor: Actor,
    caseId: string,
    kind: TrackKind,
    action: Record<string, unknown> & { type: string },
    receivedOn: string,
  ): Promise<CaseResponse> {
    const { aiCase } = await this.reader.load(actor, caseId, true);
    return this.transition(actor, caseId, kind, {
      version: aiCase.version,
      action: { ...action, receivedOn },
    } as unknown as TrackTransitionDto);
  }

  /**
   * The receiving side corrects the day a written act actually reached it (issue #22): the
   * council the day it received the employer's decision, request or AI Act notice, the employer
   * the day it received the council's position or its invocation of nullity. The track's record
   * keeps the corrected day and every open term that act started runs again from it; the audit
   * trail keeps both days.
   */
  async correctReceipt(
    actor: Actor,
    caseId: string,
    kind: TrackKind,
    act: ReceiptCorrectionAct,
    receivedOn: string,
  ): Promise<CaseResponse> {
    const { aiCase } = await this.reader.load(actor, caseId, true);
    const receiver = RECEIVER_OF[act];
    return this.mutation.run(
      actor,
      caseId,
      { version: aiCase.version },
      [receiver],
      'case.receipt_corrected',
      async (state) => {
        const track = state.track(kind);
        if (!track) {
          throw new NotFound('track');
        }
        const snapshot = track.snapshot;
        const previous = receivedOnOf(snapshot, act);
        if (previous === undefined) {
          throw new Unprocessable(
            'case.nothing_to_correct',
            'This track has no receipt of that act to correct.',
            { act },
          );
        }
        const today = amsterdamDay(this.clock.now());
        if (!isCalendarDay(receivedOn) || receivedOn > today) {
          throw new Unprocessable('case.date_in_future', 'The receipt date lies in the future.', {
            receivedOn,
          });
        }
        const sentOn = state.aiCase.sentAt ? amsterdamDay(state.aiCase.sentAt) : undefined;
        const conflicts = [
          ...notBefore('receivedOn', receivedOn, 'case_sent', sentOn),
          ...(act === 'invoke_nullity'
            ? // WOR 27(5): nullity is invoked against a decision already communicated [W15]
              notBefore(
                'receivedOn',
                receivedOn,
                'employer_decision_received',
                snapshot.employerDecision?.receivedOn,
              )
            : []),
        ];
        if (conflicts.length > 0) {
          throw new DateBeforeEvent(conflicts);
        }
        track.snapshot = withReceivedOn(snapshot, act, receivedOn);
        await this.cases.updateTrack(track);
        // Every open term this act started runs again from the corrected day.
        const rerun = (await state.deadlines()).filter(
          (d) =>
            d.track === kind &&
            d.status === 'open' &&
            d.triggerDate === previous &&
            RULES_OF[act].includes(d.ruleId),
        );
        await state.applyDeadlines(
          rerun.map((d) => ({ ruleId: d.ruleId, track: kind, triggerDate: receivedOn })),
        );
        return {
          before: { track: kind, act, receivedOn: previous },
          after: { track: kind, act, receivedOn, terms: rerun.map((d) => d.ruleId) },
        };
      },
    );
  }

  /**
   * A held consultation meeting (libs/meetings) on the case's agenda: recorded on every WOR track
   * it covers, in the caller's transaction. A date before the case was sent, or before a track's
   * request for the meeting, is refused with `case.date_before_event`.
   */
  async recordConsultation(
    actor: Actor,
    caseId: string,
    heldOn: string,
    meetingId: string,
  ): Promise<{ tracks: WorTrackKind[] }> {
    const { aiCase } = await this.reader.load(actor, caseId, false);
    const covered = (state: Pick<CaseState, 'aiCase' | 'snapshots'>) =>
      state.aiCase.blocked || !state.aiCase.triage
        ? []
        : tracksCoveredByConsultation(state.snapshots(), heldOn, meetingId);
    const tracks = await this.cases.tracksOf(caseId);
    if (covered({ aiCase, snapshots: () => tracks.map((t) => t.snapshot) }).length === 0) {
      return { tracks: [] };
    }
    const recorded: WorTrackKind[] = [];
    await this.mutation.run(
      actor,
      caseId,
      { version: aiCase.version },
      null,
      'case.track_transitioned',
      async (state) => {
        const action: TrackAction = { type: 'record_consultation_held', heldOn, meetingId };
        for (const kind of covered(state)) {
          await this.moveTrack(state, kind, action, undefined);
          recorded.push(kind);
        }
        return {
          before: null,
          after: { action: action.type, heldOn, meetingId, tracks: [...recorded] },
        };
      },
    );
    return { tracks: recorded };
  }

  /**
   * A new triage opens the tracks it now requires and withdraws those it no longer does, as far
   * as their stage still allows (a decided track keeps its history rather than vanish).
   */
  async alignTracks(state: CaseState, outcome: TriageOutcome): Promise<void> {
    const { aiCase } = state;
    const active = activeTracks(outcome);
    const existing = [...state.tracks];
    const facts = {
      triage: outcome,
      tracks: existing.map((t) => t.snapshot),
      missingRequestContents: [],
    };
    for (const kind of active.filter((k) => !existing.some((t) => t.kind === k))) {
      const track = newTrack(kind);
      state.tracks.push(
        await this.cases.addTrack({ caseId: aiCase.id, kind, stage: track.stage, snapshot: track }),
      );
    }
    for (const track of existing.filter(
      (t) => !active.includes(t.kind) && t.stage !== 'withdrawn',
    )) {
      try {
        const plan = planTrackTransition({
          caseFacts: facts,
          track: track.snapshot,
          action: { type: 'withdraw' },
          actorSide: 'employer',
          now: this.clock.now(),
        });
        await this.saveTrack(state, track.kind, plan);
        await state.applyDeadlines(
          [],
          plan.cancelDeadlines.map((ruleId) => ({ track: track.kind, ruleId })),
        );
        state.emitTrackEvents(plan.events, track.kind);
      } catch (error) {
        if (!(error instanceof TransitionRefused)) {
          throw error;
        }
      }
    }
  }

  /** Plans one action on one track and persists its snapshot, deadlines and events. */
  private async moveTrack(
    state: CaseState,
    kind: TrackKind,
    action: TrackAction,
    receivedOn: string | undefined,
  ): Promise<TrackTransitionPlan> {
    const track = state.track(kind);
    if (!track) {
      throw new NotFound('track');
    }
    const now = this.clock.now();
    const facts = caseFactsOf(
      { aiCase: state.aiCase, deadlines: await state.deadlines(), dossier: await state.dossier() },
      state.snapshots(),
      kind,
      now,
    );
    // "Recorded late": more than two Dutch working days after the date claimed (holidays count).
    const lateBefore = addWorkingDays(amsterdamDay(now), -2);
    const plan = planTrackTransition({
      caseFacts: facts,
      track: track.snapshot,
      action,
      actorSide: state.side,
      now,
      receivedOn,
      lateBefore,
    });
    await this.saveTrack(state, kind, plan);
    await state.applyDeadlines(
      plan.deadlines.map((d) => ({ ruleId: d.ruleId, track: d.track, triggerDate: d.triggerDate })),
      plan.cancelDeadlines.map((ruleId) => ({ track: kind, ruleId })),
    );
    // A term agreed to stop while information is open starts stopped if a request is open.
    if (plan.deadlines.length > 0) {
      await state.syncInformationClocks(amsterdamDay(now));
    }
    if (state.tracks.every((t) => ['withdrawn', 'closed'].includes(t.stage))) {
      await state.cancelAllDeadlines();
    }
    state.emitTrackEvents(plan.events, kind);
    return plan;
  }

  /** Saves the track's next snapshot and keeps the request's copy of the tracks current. */
  private async saveTrack(
    state: CaseState,
    kind: TrackKind,
    plan: TrackTransitionPlan,
  ): Promise<void> {
    const track = state.track(kind)!;
    track.stage = plan.next.stage;
    track.snapshot = plan.next;
    await this.cases.updateTrack(track);
  }
}

/** The written acts whose receipt date the receiving side may correct (issue #22). */
export type ReceiptCorrectionAct =
  | 'submit_request'
  | 'record_council_position'
  | 'record_employer_decision'
  | 'send_notice'
  | 'invoke_nullity';

const RECEIVER_OF: Record<ReceiptCorrectionAct, ActorSide> = {
  submit_request: 'council_board',
  record_council_position: 'employer',
  record_employer_decision: 'council_board',
  send_notice: 'council_board',
  invoke_nullity: 'employer',
};

/**
 * The terms each act starts from its receipt (see wor-effects.ts). The AI Act notice starts none:
 * its day is the go-live item's [E4]; the invocation of nullity ends the month it was due in [W15].
 */
const RULES_OF: Record<ReceiptCorrectionAct, readonly string[]> = {
  submit_request: ['advice_response_term', 'consent_response_term'],
  record_council_position: ['employer_decision_sla'],
  record_employer_decision: ['suspension_term', 'appeal_term', 'nullity_term'],
  send_notice: [],
  invoke_nullity: [],
};

function receivedOnOf(track: TrackSnapshot, act: ReceiptCorrectionAct): string | undefined {
  switch (act) {
    case 'submit_request':
      return track.requestReceivedOn;
    case 'record_council_position':
      return track.councilPosition?.receivedOn;
    case 'record_employer_decision':
      return track.employerDecision?.receivedOn;
    case 'send_notice':
      return track.noticeSentOn;
    case 'invoke_nullity':
      return track.stage === 'nullity_invoked'
        ? (track.nullityInvokedOn ?? invokedOnOfHistory(track))
        : undefined;
  }
}

/** The day of an invocation recorded before the track kept `nullityInvokedOn`: its history entry. */
function invokedOnOfHistory(track: TrackSnapshot): string | undefined {
  const entry = [...track.history].reverse().find((h) => h.action.type === 'invoke_nullity');
  if (!entry) {
    return undefined;
  }
  const { receivedOn } = entry.action as { receivedOn?: string };
  return receivedOn ?? amsterdamDay(new Date(entry.at));
}

function withReceivedOn(
  track: TrackSnapshot,
  act: ReceiptCorrectionAct,
  receivedOn: string,
): TrackSnapshot {
  switch (act) {
    case 'submit_request':
      return { ...track, requestReceivedOn: receivedOn };
    case 'record_council_position':
      return { ...track, councilPosition: { ...track.councilPosition!, receivedOn } };
    case 'record_employer_decision':
      return { ...track, employerDecision: { ...track.employerDecision!, receivedOn } };
    case 'send_notice':
      return { ...track, noticeSentOn: receivedOn };
    case 'invoke_nullity':
      return { ...track, nullityInvokedOn: receivedOn };
  }
}

function assertNotBlocked(aiCase: AiCaseEntity): void {
  if (aiCase.blocked) {
    throw new Unprocessable(
      'case.prohibited',
      'This AI system is prohibited at work (AI Act art. 5(1)(f)); the case is blocked.',
      { reason: aiCase.triage?.outcome.blockReason },
    );
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
