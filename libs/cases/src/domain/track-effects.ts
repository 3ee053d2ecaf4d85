import { deadline, TRACK_DEADLINE_RULES } from './deadline-requests';
import { evaluateGoLiveGate } from './go-live-gate';
import type { ActionOf, TrackActionType } from './track-actions';
import type { Effect, EffectContext } from './transition-effect';
import { INITIAL_STAGE, isWorTrack } from './tracks';

type Ctx<T extends TrackActionType> = EffectContext<ActionOf<T>>;

export function sendNotice(ctx: Ctx<'send_notice'>): Effect {
  // AI Act 26(7): the workers' representatives *and* the affected workers; with no representative
  // body, all affected workers, legal-rules (d)11 [E4]
  const missing = ctx.facts.triage.aiAct.noticeRecipients
    .filter((r) => !ctx.action.recipients.includes(r))
    .map((r) => `notice_recipient:${r}`);
  return {
    missing,
    to: 'notice_sent',
    patch: { noticeSentOn: ctx.trigger },
    event: {
      type: 'case.ai_act_notice_sent',
      payload: { sentOn: ctx.trigger, recipients: [...ctx.action.recipients] },
    },
  };
}

export function startFria(ctx: Ctx<'start_fria'>): Effect {
  // AI Act 27(1): only public bodies and private entities providing public services [E12]
  return {
    missing: ctx.facts.triage.aiAct.fria ? [] : ['triage:fria_required'],
    to: 'fria_in_progress',
  };
}

export function markReady(ctx: Ctx<'mark_ready'>): Effect {
  const friaOutstanding = ctx.facts.triage.aiAct.fria && ctx.track.stage !== 'fria_done';
  return { missing: friaOutstanding ? ['fria_done'] : [], to: 'ready' };
}

export function completeDpia(ctx: Ctx<'complete_dpia'>): Effect {
  // GDPR 36: residual high risk means the AP is consulted before processing [G3]
  const residual = ctx.action.residualHighRisk;
  return {
    to: residual ? 'prior_consultation' : 'done',
    event: { type: 'case.dpia_completed', payload: { residualHighRisk: residual } },
  };
}

export function markImplemented(ctx: Ctx<'mark_implemented'>): Effect {
  const gate = evaluateGoLiveGate(ctx.facts);
  const missing = gate.conditions.filter((c) => !c.met).map((c) => `gate:${c.key}`);
  const wor = isWorTrack(ctx.track.kind);
  return {
    missing,
    to: wor ? 'implemented' : 'in_use',
    // AI Act 26(6) logs and 26(5) monitoring start running here [E7, E9]; the evaluation moment is
    // agreed, typically 6-12 months after go-live [P].
    deadlines: wor ? [deadline('evaluation_date', ctx.track.kind, ctx.today)] : [],
    event: { type: 'case.implemented', payload: { on: ctx.today } },
  };
}

export function proposeChange(ctx: Ctx<'propose_change'>): Effect {
  // Any change of the facility is a new 25(1)(k) "wijziging" and maybe a new 27 regeling, so the
  // procedure starts over; the history keeps the earlier round [S23].
  return {
    to: INITIAL_STAGE[ctx.track.kind],
    patch: {
      consultationsHeld: 0,
      consultationRequestedOn: undefined,
      councilPosition: undefined,
      employerDecision: undefined,
      suspensionWaiver: undefined,
      substitutePermission: undefined,
      noticeSentOn: undefined,
      nullityInvokedOn: undefined,
      returnStage: undefined,
    },
    event: { type: 'case.change_proposed', payload: {} },
  };
}

export function withdraw(ctx: Ctx<'withdraw'>): Effect {
  return {
    to: 'withdrawn',
    patch: { returnStage: undefined },
    cancel: TRACK_DEADLINE_RULES[ctx.track.kind],
    event: { type: 'case.track_withdrawn', payload: { reason: ctx.action.reason } },
  };
}

export function putOnHold(ctx: Ctx<'put_on_hold'>): Effect {
  // Parking a track stops no statutory clock (23(1), 26(2), 27(5) run on); whether an agreed term
  // pauses is a council setting, legal-rules (d)2. Suspension and appeal cannot be parked at all.
  return {
    to: 'on_hold',
    patch: { returnStage: ctx.track.stage },
    event: { type: 'case.track_put_on_hold', payload: { reason: ctx.action.reason } },
  };
}

export function resume(ctx: Ctx<'resume'>): Effect {
  const back = ctx.track.returnStage;
  return {
    missing: back === undefined ? ['return_stage'] : [],
    to: back,
    patch: { returnStage: undefined },
    event: { type: 'case.track_resumed', payload: { to: back } },
  };
}
