import { Injectable } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import {
  byUrgency,
  type CaseAgenda,
  CaseService,
  daysBetween,
  type Duty,
  type DutySide,
} from '@wc/cases';
import { CommitmentService } from '@wc/commitments';
import { Clock, orNullIfHidden } from '@wc/core';
import { VoteService } from '@wc/council-space';
import { toAmsterdamDate } from '@wc/deadlines';
import { TrainingDutiesQuery } from '@wc/dossier';
import { IntakeService } from '@wc/intake';
import { MeetingsService } from '@wc/meetings';
import { type CursorPageQueryDto, pageOfOrdered } from '@wc/pagination';

import type { PersonalAgendaItemResponse, PersonalAgendaResponse } from './dto/agenda.dto';

type CaseSide = CaseAgenda['side'];

/**
 * The personal agenda (issue #16): one list across every case the person may see, of what they or
 * their side must do, on what, by when, most urgent first. The cases, their tracks, terms and
 * information requests come from `CaseService.agendaOf` by the case policy in a fixed number of
 * statements; votes in one more; meetings once per council of those cases; the training the person
 * must complete in three more.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly cases: CaseService,
    private readonly votes: VoteService,
    private readonly meetings: MeetingsService,
    private readonly training: TrainingDutiesQuery,
    private readonly intake: IntakeService,
    private readonly commitments: CommitmentService,
    private readonly clock: Clock,
  ) {}

  async agendaOf(actor: Actor, query: CursorPageQueryDto): Promise<PersonalAgendaResponse> {
    const now = this.clock.now();
    const today = toAmsterdamDate(now);
    const cases = await this.cases.agendaOf(actor);
    const items: PersonalAgendaItemResponse[] = cases.flatMap((c) =>
      c.duties.map((d) => caseItem(c, d)),
    );
    // Votes are council-internal: only cases where the actor sits on the council side.
    const internal = cases.filter((c) => c.side === 'council_board' || c.side === 'council_member');
    const titles = new Map(cases.map((c) => [c.caseId, c.title]));
    for (const vote of await this.votes.awaitingBallotOf(
      actor,
      internal.map((c) => c.caseId),
    )) {
      const dueDate = toAmsterdamDate(new Date(vote.closesAt));
      items.push({
        ...blank(),
        kind: 'vote',
        side: 'council',
        yours: true,
        action: 'cast_vote',
        caseId: vote.caseId,
        caseTitle: titles.get(vote.caseId) ?? null,
        dueDate,
        daysLeft: daysBetween(today, dueDate),
        subject: vote.proposal,
        voteId: vote.id,
        path: `/cases/${vote.caseId}/council`,
        anchor: `vote-${vote.id}`,
      });
    }
    items.push(...(await this.meetingItems(actor, cases, now, today)));
    items.push(...(await this.trainingItems(actor, cases, today)));
    items.push(...(await this.intakeItems(actor, today)));
    items.push(...(await this.commitmentItems(actor, cases, today)));
    // Ties: the person's own duties first, then by case and action, and last by what the line is
    // about, so the order is total and never depends on the read: the page cursor relies on it.
    const ordered = items
      .map((item) => ({ item, identity: agendaItemIdentity(item) }))
      .sort(
        (a, b) =>
          byUrgency(a.item, b.item) ||
          Number(b.item.yours) - Number(a.item.yours) ||
          (a.item.caseTitle ?? '').localeCompare(b.item.caseTitle ?? '') ||
          a.item.action.localeCompare(b.item.action) ||
          (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0),
      )
      .map(({ item }) => item);
    return { today, ...pageOfOrdered(ordered, query, agendaItemIdentity) };
  }

  /** The training modules the person must still complete, on the cases where they act (not as follower). */
  private async trainingItems(
    actor: Actor,
    cases: readonly CaseAgenda[],
    today: string,
  ): Promise<PersonalAgendaItemResponse[]> {
    const acting = cases.filter((c) => c.side !== 'union');
    const byId = new Map(acting.map((c) => [c.caseId, c]));
    const duties = await this.training.pendingFor(
      actor.userId,
      acting.map((c) => ({
        caseId: c.caseId,
        onCouncil: c.side === 'council_board' || c.side === 'council_member',
      })),
    );
    return duties.map((d) => {
      const c = byId.get(d.caseId)!;
      return {
        ...blank(),
        kind: 'training',
        side: c.side === 'employer' ? 'employer' : 'council',
        yours: true,
        action: 'follow_training',
        caseId: d.caseId,
        caseTitle: c.title,
        dueDate: d.deadline,
        daysLeft: daysBetween(today, d.deadline),
        subject: d.title,
        path: `/cases/${d.caseId}/dossier`,
        anchor: 'training-title',
      };
    });
  }

  /** Issue #19: the council's open requests outside any case; the employer must answer them. */
  private async intakeItems(actor: Actor, today: string): Promise<PersonalAgendaItemResponse[]> {
    return (await this.intake.openRequestsFor(actor)).map((r) => ({
      ...blank(),
      kind: 'council_request',
      side: 'employer',
      yours: r.side === 'employer',
      action: 'answer_council_request',
      ruleId: r.ruleId,
      dueDate: r.dueDate,
      daysLeft: daysBetween(today, r.dueDate),
      subject: r.subject,
      path: '/intake',
      anchor: `council-request-${r.id}`,
    }));
  }

  /** Issue #19: the open commitments the person owns, with their due date. */
  private async commitmentItems(
    actor: Actor,
    cases: readonly CaseAgenda[],
    today: string,
  ): Promise<PersonalAgendaItemResponse[]> {
    const employer = cases.filter((c) => c.side === 'employer');
    const titles = new Map(employer.map((c) => [c.caseId, c.title]));
    const owned = await this.commitments.ownedBy(
      actor,
      employer.map((c) => c.caseId),
    );
    return owned.map((c) => ({
      ...blank(),
      kind: 'commitment',
      side: 'employer',
      yours: true,
      action: 'meet_commitment',
      caseId: c.caseId,
      caseTitle: titles.get(c.caseId) ?? null,
      track: c.track,
      dueDate: c.dueDate,
      daysLeft: c.dueDate ? daysBetween(today, c.dueDate) : null,
      subject: c.condition,
      path: `/cases/${c.caseId}/commitments`,
      anchor: `commitment-${c.id}`,
    }));
  }

  /** Planned meetings of the councils of the actor's cases that the actor takes part in. */
  private async meetingItems(
    actor: Actor,
    cases: readonly CaseAgenda[],
    now: Date,
    today: string,
  ): Promise<PersonalAgendaItemResponse[]> {
    const councils = [
      ...new Set(
        cases
          .filter(
            (c) =>
              c.side === 'employer' || c.side === 'council_board' || c.side === 'council_member',
          )
          .map((c) => c.worksCouncilId),
      ),
    ];
    const items: PersonalAgendaItemResponse[] = [];
    for (const councilId of councils) {
      const meetings = (await orNullIfHidden(this.meetings.all(actor, councilId))) ?? [];
      for (const m of meetings.filter(
        (x) => x.status === 'planned' && new Date(x.startsAt).getTime() >= now.getTime(),
      )) {
        const dueDate = toAmsterdamDate(new Date(m.startsAt));
        const employer = cases.some((c) => c.worksCouncilId === councilId && c.side === 'employer');
        items.push({
          ...blank(),
          kind: 'meeting',
          side: employer ? 'employer' : 'council',
          yours: true,
          action: 'attend_meeting',
          dueDate,
          daysLeft: daysBetween(today, dueDate),
          subject: m.title,
          meetingId: m.id,
          path: `/meetings/${m.id}`,
          anchor: 'meeting-title',
        });
      }
    }
    return items;
  }
}

/** Whose duty it is, from the person's side on the case: experts and union officers follow. */
function isYours(side: CaseSide, duty: DutySide): boolean {
  return (
    (side === 'employer' && duty === 'employer') ||
    ((side === 'council_board' || side === 'council_member') && duty === 'council')
  );
}

function caseItem(c: CaseAgenda, d: Duty): PersonalAgendaItemResponse {
  const kind = d.informationRequestId
    ? 'information_request'
    : d.action === 'observe_term'
      ? 'term'
      : d.action === 'send_case'
        ? 'case'
        : 'track';
  return {
    ...blank(),
    kind,
    side: d.side,
    yours: isYours(c.side, d.side),
    action: d.action,
    caseId: c.caseId,
    caseTitle: c.title,
    track: d.track,
    ruleId: d.ruleId,
    dueDate: d.dueDate,
    daysLeft: d.daysLeft,
    fatal: d.fatal,
    subject: d.informationRequestId ? (c.questions.get(d.informationRequestId) ?? null) : null,
    informationRequestId: d.informationRequestId,
    deadlineId: d.deadlineId,
    path: d.tab === 'overview' ? `/cases/${c.caseId}` : `/cases/${c.caseId}/${d.tab}`,
    anchor: d.anchor,
  };
}

function blank(): PersonalAgendaItemResponse {
  return {
    kind: 'track',
    side: 'employer',
    yours: false,
    action: '',
    caseId: null,
    caseTitle: null,
    track: null,
    ruleId: null,
    dueDate: null,
    daysLeft: null,
    fatal: false,
    subject: null,
    informationRequestId: null,
    deadlineId: null,
    voteId: null,
    meetingId: null,
    path: '/',
    anchor: '',
  };
}

/** What an agenda line is about, for the page cursor: the same duty keeps it across reads. */
function agendaItemIdentity(item: PersonalAgendaItemResponse): string {
  return JSON.stringify([
    item.kind,
    item.action,
    item.caseId,
    item.track,
    item.ruleId,
    item.informationRequestId,
    item.deadlineId,
    item.voteId,
    item.meetingId,
    item.anchor,
    // A training module has no id of its own on the agenda: its title and date tell it apart.
    item.kind === 'training' ? [item.subject, item.dueDate] : null,
  ]);
}
