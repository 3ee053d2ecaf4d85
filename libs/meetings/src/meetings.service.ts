import { Injectable } from '@nestjs/common';

import {
  AccessService,
  type AgendaLineContext,
  keepOnVisibleCases,
  meetingVisibleSql,
} from '@wc/access';
import { type Actor, AuthService } from '@wc/auth';
import { TrackTransitionService } from '@wc/cases';
import { CouncilsService } from '@wc/councils';
import {
  amsterdamDay,
  Clock,
  Conflict,
  Forbidden,
  NotFound,
  Unprocessable,
  VersionConflict,
} from '@wc/core';
import type { MeetingInvitation } from '@wc/contracts';
import { type DomainEventDraft, Outbox, TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, type Page } from '@wc/pagination';

import type { AgendaItemEntity } from './agenda-item.entity';
import {
  mayManageMeeting,
  type MeetingKind,
  type MeetingScope,
  type MeetingSide,
  meetingSideOf,
  seesOnlySomeCases,
} from './domain/meeting-policy';
import { meetingWarnings, minutesStatusOf } from './domain/minutes';
import type {
  CirculateMinutesDto,
  CreateAgendaItemDto,
  CreateMeetingDto,
  MarkHeldDto,
  MeetingHeldResponse,
  MeetingResponse,
  MinutesAmendmentDto,
  MinutesDto,
  RecordedConsultationResponse,
  UpdateAgendaItemDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import type { MeetingEntity } from './meeting.entity';
import type { MinutesAmendmentEntity } from './minutes-amendment.entity';
import type { InternalMeetingEventType, MeetingChangeEventType } from './meeting.events';
import { MeetingRepository } from './meeting.repository';

/**
 * Meetings of a works council (issue #6): consultation meetings with the employer and the
 * council's internal meetings, with participants, an agenda linked to cases, minutes and
 * decisions. Marking a consultation meeting held records it as the consultation on the advice and
 * consent tracks of the cases on its agenda, through the case workflow.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly meetings: MeetingRepository,
    private readonly tracks: TrackTransitionService,
    private readonly access: AccessService,
    private readonly councils: CouncilsService,
    private readonly auth: AuthService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async create(
    actor: Actor,
    worksCouncilId: string,
    dto: CreateMeetingDto,
  ): Promise<MeetingResponse> {
    const council = await this.councils.councilFacts(worksCouncilId);
    const scope = council
      ? { organisationId: council.organisationId, worksCouncilId, kind: dto.kind }
      : null;
    const side = scope ? meetingSideOf(actor, scope) : null;
    if (!scope || !side) {
      if (scope && meetingSideOf(actor, { ...scope, kind: 'consultation' })) {
        throw new Forbidden(
          'meeting.council_only',
          "Internal meetings are the works council's own.",
        );
      }
      throw new NotFound('works_council');
    }
    assertManager(side);
    const participantIds = dto.participantIds ?? [];
    await this.assertParticipants(scope, participantIds);
    const meeting = await this.tx.run(async () => {
      const now = this.clock.now();
      const saved = await this.meetings.save(
        this.meetings.create({
          ...scope,
          title: dto.title,
          startsAt: new Date(dto.startsAt),
          location: dto.location ?? '',
          durationMinutes: dto.durationMinutes ?? 90,
          invitationSequence: 0,
          status: 'planned',
          heldOn: null,
          minutes: null,
          minutesApproved: false,
          minutesCirculatedAt: null,
          minutesAmendmentsUntil: null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.meetings.replaceParticipants(saved.id, participantIds);
      await this.emit(actor, saved, 'meeting.scheduled', []);
      await this.invite(actor, saved, 'REQUEST', participantIds);
      return saved;
    });
    return this.respondOne(actor, meeting);
  }

  /** The council sees all its meetings; the employer side of its organisation, the consultation meetings. */
  /** One page of the council's meetings the actor may see, by start time. */
  async list(
    actor: Actor,
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<MeetingResponse>> {
    const kinds = await this.visibleKinds(actor, worksCouncilId);
    const page = await this.meetings.pageForCouncil(worksCouncilId, kinds, query);
    return { items: await this.respond(actor, page.items), nextCursor: page.nextCursor };
  }

  /** Every meeting of the council the actor may see (unpaged): for the dashboards and the agenda. */
  async all(actor: Actor, worksCouncilId: string): Promise<MeetingResponse[]> {
    const kinds = await this.visibleKinds(actor, worksCouncilId);
    return this.respond(actor, await this.meetings.listForCouncil(worksCouncilId, kinds));
  }

  /**
   * The planned meetings ahead that the actor takes part in, of the councils of the cases on their
   * agenda where they act (not as expert or union), as lines of the personal agenda's one
   * statement (issue #13). A meeting is the employer side's when the actor acts for the employer
   * on a case of that council.
   */
  agendaLinesSql(ctx: AgendaLineContext): string {
    return this.meetings.plannedMeetingLinesSql(ctx, meetingVisibleSql(ctx.actor, ctx.param));
  }

  private async visibleKinds(actor: Actor, worksCouncilId: string): Promise<MeetingKind[]> {
    const council = await this.councils.councilFacts(worksCouncilId);
    if (!council) {
      throw new NotFound('works_council');
    }
    const kinds: MeetingKind[] = (['internal', 'consultation'] as const).filter(
      (kind) =>
        meetingSideOf(actor, { organisationId: council.organisationId, worksCouncilId, kind }) !==
        null,
    );
    if (kinds.length === 0) {
      throw new NotFound('works_council');
    }
    return kinds;
  }

  async get(actor: Actor, meetingId: string): Promise<MeetingResponse> {
    const meeting = await this.meetings.get(meetingId);
    if (!meeting || !meetingSideOf(actor, meeting)) {
      throw new NotFound('meeting');
    }
    return this.respondOne(actor, meeting);
  }

  /**
   * Edits, moves, cancels or plans again. What the attendees' calendars hold changes with a move
   * (time, duration, place, title), a change of attendees, a cancellation or a new plan: then the
   * invitation's SEQUENCE goes up and every attendee is e-mailed the new revision (METHOD:REQUEST,
   * same UID), those taken off the list or of a cancelled meeting a METHOD:CANCEL.
   */
  async update(actor: Actor, meetingId: string, dto: UpdateMeetingDto): Promise<MeetingResponse> {
    if (dto.participantIds) {
      const meeting = await this.meetings.get(meetingId);
      if (meeting && meetingSideOf(actor, meeting)) {
        await this.assertParticipants(meeting, dto.participantIds);
      }
    }
    let reissue: { before: string[]; after: string[]; wasStatus: string } | null = null;
    const meeting = await this.change(
      actor,
      meetingId,
      dto.version,
      async (current) => {
        const rescheduled =
          dto.startsAt !== undefined &&
          new Date(dto.startsAt).getTime() !== current.startsAt.getTime();
        if (current.status === 'held' && (rescheduled || dto.status !== undefined)) {
          throw new Conflict(
            'meeting.already_held',
            'A held meeting can no longer be moved or cancelled.',
          );
        }
        const before = (await this.meetings.participantsOf([current.id])).get(current.id) ?? [];
        const after = dto.participantIds ? [...dto.participantIds].sort() : before;
        const moved =
          rescheduled ||
          (dto.title !== undefined && dto.title !== current.title) ||
          (dto.location !== undefined && dto.location !== current.location) ||
          (dto.durationMinutes !== undefined && dto.durationMinutes !== current.durationMinutes);
        const attendeesChanged = before.join() !== after.join();
        const wasStatus = current.status;
        current.title = dto.title ?? current.title;
        current.location = dto.location ?? current.location;
        current.durationMinutes = dto.durationMinutes ?? current.durationMinutes;
        current.startsAt = dto.startsAt ? new Date(dto.startsAt) : current.startsAt;
        const cancelled = dto.status === 'cancelled' && current.status !== 'cancelled';
        current.status = dto.status ?? current.status;
        if (dto.participantIds) {
          await this.meetings.replaceParticipants(current.id, dto.participantIds);
        }
        const statusChanged = wasStatus !== current.status;
        if (
          current.status !== 'held' &&
          (statusChanged || (current.status === 'planned' && (moved || attendeesChanged)))
        ) {
          current.invitationSequence += 1;
          reissue = { before, after, wasStatus };
        }
        return cancelled ? 'meeting.cancelled' : 'meeting.updated';
      },
      async (saved) => {
        if (!reissue) {
          return;
        }
        const { before, after, wasStatus } = reissue;
        if (saved.status === 'cancelled') {
          // Everyone who held the invitation is told it is off.
          const told = wasStatus === 'cancelled' ? [] : [...new Set([...before, ...after])];
          await this.invite(actor, saved, 'CANCEL', told);
          return;
        }
        await this.invite(actor, saved, 'REQUEST', after);
        await this.invite(
          actor,
          saved,
          'CANCEL',
          wasStatus === 'cancelled' ? [] : before.filter((id) => !after.includes(id)),
        );
      },
    );
    return this.respondOne(actor, meeting);
  }

  async addAgendaItem(
    actor: Actor,
    meetingId: string,
    dto: CreateAgendaItemDto,
  ): Promise<MeetingResponse> {
    const visible = await this.meetings.get(meetingId);
    if (visible && dto.caseId && mayManageMeeting(meetingSideOf(actor, visible))) {
      await this.assertAgendaCase(actor, visible, dto.caseId);
    }
    const meeting = await this.change(actor, meetingId, null, async (current) => {
      if (current.status === 'cancelled') {
        throw new Conflict('meeting.cancelled', 'This meeting was cancelled.');
      }
      await this.meetings.addAgendaItem({
        meetingId: current.id,
        title: dto.title,
        caseId: dto.caseId ?? null,
      });
      // A meeting is usually planned before its agenda: for the case it now takes up, it is
      // scheduled from here on, and both sides of that case are told (issue #16).
      if (dto.caseId && current.kind === 'consultation' && current.status === 'planned') {
        await this.emit(actor, current, 'meeting.scheduled', [dto.caseId], { caseOnly: true });
      }
      return 'meeting.agenda_item_added';
    });
    return this.respondOne(actor, meeting);
  }

  /** Renames an item or records the decision taken on it. */
  async updateAgendaItem(
    actor: Actor,
    meetingId: string,
    agendaItemId: string,
    dto: UpdateAgendaItemDto,
  ): Promise<MeetingResponse> {
    const meeting = await this.change(actor, meetingId, null, async (current) => {
      const item = await this.meetings.agendaItem(current.id, agendaItemId);
      if (!item) {
        throw new NotFound('agenda_item');
      }
      item.title = dto.title ?? item.title;
      item.decision = dto.decision ?? item.decision;
      await this.meetings.saveAgendaItem(item);
      return 'meeting.agenda_item_updated';
    });
    return this.respondOne(actor, meeting);
  }

  /** Writes the draft, or works amendments in during the window; refused once locked. */
  async putMinutes(actor: Actor, meetingId: string, dto: MinutesDto): Promise<MeetingResponse> {
    const meeting = await this.change(actor, meetingId, dto.version, (current) => {
      if (current.status === 'cancelled') {
        throw new Conflict('meeting.cancelled', 'This meeting was cancelled.');
      }
      this.assertMinutesNotLocked(current);
      current.minutes = dto.minutes;
      current.minutesApproved = dto.approved ?? current.minutesApproved;
      return Promise.resolve<MeetingChangeEventType>('meeting.minutes_recorded');
    });
    return this.respondOne(actor, meeting);
  }

  /**
   * Sends the minutes round the attendees: for `amendmentDays` they may propose amendments or
   * comment; then the minutes lock by the clock, with no further edits.
   */
  async circulateMinutes(
    actor: Actor,
    meetingId: string,
    dto: CirculateMinutesDto,
  ): Promise<MeetingResponse> {
    const meeting = await this.change(actor, meetingId, dto.version, (current) => {
      if (current.status === 'cancelled') {
        throw new Conflict('meeting.cancelled', 'This meeting was cancelled.');
      }
      this.assertMinutesNotLocked(current);
      if (current.minutesCirculatedAt) {
        throw new Conflict(
          'meeting.minutes_already_circulated',
          'These minutes are already with the attendees for amendments.',
          { amendmentsUntil: current.minutesAmendmentsUntil?.toISOString() },
        );
      }
      if (!current.minutes?.trim()) {
        throw new Unprocessable(
          'meeting.minutes_empty',
          'Write the minutes before sending them round.',
          {},
          [{ path: 'minutes', message: 'must not be empty' }],
        );
      }
      const now = this.clock.now();
      current.minutesCirculatedAt = now;
      current.minutesAmendmentsUntil = new Date(now.getTime() + dto.amendmentDays * 86_400_000);
      return Promise.resolve<MeetingChangeEventType>('meeting.minutes_circulated');
    });
    return this.respondOne(actor, meeting);
  }

  /** An attendee (or an organiser) proposes an amendment or comments, during the window only. */
  async amendMinutes(
    actor: Actor,
    meetingId: string,
    dto: MinutesAmendmentDto,
  ): Promise<MeetingResponse> {
    const meeting = await this.tx.run(async () => {
      const current = await this.meetings.getForUpdate(meetingId);
      const side = current ? meetingSideOf(actor, current) : null;
      if (!current || !side) {
        throw new NotFound('meeting');
      }
      const attendees = (await this.meetings.participantsOf([current.id])).get(current.id) ?? [];
      if (!attendees.includes(actor.userId) && !mayManageMeeting(side)) {
        throw new Forbidden(
          'meeting.attendees_only',
          "Only the meeting's attendees propose amendments to its minutes.",
        );
      }
      this.assertMinutesNotLocked(current);
      if (minutesStatusOf(current, this.clock.now()) === 'draft') {
        throw new Conflict(
          'meeting.minutes_not_circulated',
          'The minutes have not been sent round for amendments yet.',
        );
      }
      const now = this.clock.now();
      await this.meetings.addAmendment({
        meetingId: current.id,
        authorId: actor.userId,
        text: dto.text,
        createdAt: now,
      });
      current.updatedAt = now;
      const saved = await this.meetings.save(current);
      const agenda = (await this.meetings.agendaOf([saved.id])).get(saved.id) ?? [];
      await this.emit(actor, saved, 'meeting.minutes_amended', caseIdsOf(agenda));
      return saved;
    });
    return this.respondOne(actor, meeting);
  }

  private assertMinutesNotLocked(meeting: MeetingEntity): void {
    if (minutesStatusOf(meeting, this.clock.now()) === 'locked') {
      throw new Conflict(
        'meeting.minutes_locked',
        'The amendment window has ended: these minutes are locked.',
        { lockedAt: meeting.minutesAmendmentsUntil?.toISOString() },
      );
    }
  }

  /**
   * Marks the meeting held. For a consultation meeting, every case on its agenda records
   * `record_consultation_held { heldOn, meetingId }` on each advice and consent track whose
   * request was on the table (the case decides which, issue #14), in the same transaction: the
   * meeting is the overlegvergadering WOR 25(4) / 27(2) require before the council's position
   * [W4, W13]. A date before the case was sent or before the meeting was asked for is refused.
   */
  async markHeld(actor: Actor, meetingId: string, dto: MarkHeldDto): Promise<MeetingHeldResponse> {
    const recorded: RecordedConsultationResponse[] = [];
    const meeting = await this.change(actor, meetingId, dto.version, async (current, agenda) => {
      if (current.status !== 'planned') {
        throw new Conflict(
          current.status === 'held' ? 'meeting.already_held' : 'meeting.cancelled',
          `This meeting is ${current.status}.`,
        );
      }
      const now = this.clock.now();
      const today = amsterdamDay(now);
      const heldOn = dto.heldOn ?? amsterdamDay(current.startsAt);
      if (current.startsAt.getTime() > now.getTime() || heldOn > today) {
        throw new Unprocessable(
          'meeting.not_yet_held',
          'A meeting can only be marked held once it has taken place.',
          { startsAt: current.startsAt.toISOString(), heldOn, today },
          [{ path: 'heldOn', message: 'must not lie in the future' }],
        );
      }
      current.status = 'held';
      current.heldOn = heldOn;
      if (current.kind === 'consultation') {
        for (const caseId of caseIdsOf(agenda)) {
          recorded.push(...(await this.recordConsultation(actor, caseId, heldOn, current.id)));
        }
      }
      return 'meeting.held';
    });
    return { ...(await this.respondOne(actor, meeting)), consultationsRecorded: recorded };
  }

  /** One meeting, every track it covers: the case records it on each WOR track whose request was on the table. */
  private async recordConsultation(
    actor: Actor,
    caseId: string,
    heldOn: string,
    meetingId: string,
  ): Promise<RecordedConsultationResponse[]> {
    const { tracks } = await this.tracks.recordConsultation(actor, caseId, heldOn, meetingId);
    return tracks.map((track) => ({ caseId, track }));
  }

  /**
   * One change to a meeting by a manager: lock it (and the cases on its agenda, for their event
   * sequence), check the version when given, change, touch, save, and emit to the council and
   * to each case on the agenda.
   */
  private async change(
    actor: Actor,
    meetingId: string,
    version: number | null,
    work: (meeting: MeetingEntity, agenda: AgendaItemEntity[]) => Promise<MeetingChangeEventType>,
    afterSave: (saved: MeetingEntity) => Promise<void> = () => Promise.resolve(),
  ): Promise<MeetingEntity> {
    return this.tx.run(async () => {
      const meeting = await this.meetings.getForUpdate(meetingId);
      const side = meeting ? meetingSideOf(actor, meeting) : null;
      if (!meeting || !side) {
        throw new NotFound('meeting');
      }
      assertManager(side);
      if (version !== null && meeting.version !== version) {
        throw new VersionConflict('meeting', version, meeting.version);
      }
      const before = meeting.version;
      const type = await work(
        meeting,
        (await this.meetings.agendaOf([meeting.id])).get(meeting.id) ?? [],
      );
      meeting.updatedAt = this.clock.now();
      const saved = await this.meetings.save(meeting);
      if (saved.version === before) {
        // Only the agenda or the participants changed: the meeting's version still moves.
        saved.version = await this.meetings.bumpVersion(saved.id);
      }
      const agenda = (await this.meetings.agendaOf([saved.id])).get(saved.id) ?? [];
      await this.emit(actor, saved, type, caseIdsOf(agenda));
      await afterSave(saved);
      return saved;
    });
  }

  /**
   * Queues the invitation revision for e-mail, through the outbox (the worker's notification
   * relay renders the ICS and sends it after commit). UID: the meeting id; SEQUENCE: the meeting's.
   */
  private async invite(
    actor: Actor,
    meeting: MeetingEntity,
    method: MeetingInvitation['method'],
    recipientIds: readonly string[],
  ): Promise<void> {
    if (recipientIds.length === 0) {
      return;
    }
    const payload: MeetingInvitation = {
      meetingId: meeting.id,
      kind: meeting.kind,
      status: meeting.status,
      version: meeting.version,
      method,
      sequence: meeting.invitationSequence,
      recipientIds: [...recipientIds].sort(),
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000).toISOString(),
      location: meeting.location,
    };
    await this.outbox.append(
      [
        {
          type: 'meeting.invitation_issued',
          organisationId: meeting.organisationId,
          worksCouncilId: meeting.worksCouncilId,
          payload,
        },
      ],
      actor.userId,
    );
  }

  private async emit(
    actor: Actor,
    meeting: MeetingEntity,
    type: MeetingChangeEventType,
    caseIds: readonly string[],
    { caseOnly = false }: { caseOnly?: boolean } = {},
  ): Promise<void> {
    const scope = {
      organisationId: meeting.organisationId,
      worksCouncilId: meeting.worksCouncilId,
    };
    const payload = {
      meetingId: meeting.id,
      kind: meeting.kind,
      status: meeting.status,
      version: meeting.version,
    };
    // An internal meeting's events about a case stay in the council-internal room.
    const caseType =
      meeting.kind === 'internal'
        ? (`internal.meeting_${type.slice('meeting.'.length)}` as InternalMeetingEventType)
        : type;
    const events: DomainEventDraft[] = [
      ...(caseOnly ? [] : [{ type, ...scope, payload }]),
      ...caseIds.map((caseId) => ({ type: caseType, ...scope, caseId, payload })),
    ];
    await this.outbox.append(events, actor.userId);
  }

  /** The item's case must be one of this council's that the actor sees, and sent (the council sees no drafts). */
  private async assertAgendaCase(
    actor: Actor,
    meeting: MeetingScope,
    caseId: string,
  ): Promise<void> {
    const visible = await this.access.requireCase(actor, caseId);
    if (visible.worksCouncilId !== meeting.worksCouncilId) {
      throw new Unprocessable(
        'meeting.case_not_of_council',
        "Only this works council's cases can be on its agenda.",
        {},
        [{ path: 'caseId', message: 'is not a case of this works council' }],
      );
    }
    if (visible.status !== 'sent') {
      throw new Unprocessable(
        'meeting.case_not_sent',
        'A case goes on the agenda once it has been sent to the council.',
        {},
        [{ path: 'caseId', message: 'has not been sent to the council' }],
      );
    }
  }

  /** Participants must be able to see the meeting themselves. */
  private async assertParticipants(scope: MeetingScope, userIds: readonly string[]): Promise<void> {
    const refused: string[] = [];
    for (const userId of userIds) {
      const participant = await this.auth.actorFor(userId);
      if (!participant || !meetingSideOf(participant, scope)) {
        refused.push(userId);
      }
    }
    if (refused.length > 0) {
      throw new Unprocessable(
        'meeting.participant_not_allowed',
        'Participants must belong to the council or, for a consultation meeting, to the employer side.',
        { userIds: refused },
        refused.map((id) => ({
          path: 'participantIds',
          message: `${id} cannot take part in this meeting`,
        })),
      );
    }
  }

  private async respondOne(actor: Actor, meeting: MeetingEntity): Promise<MeetingResponse> {
    const [response] = await this.respond(actor, [meeting]);
    return response;
  }

  private async respond(
    actor: Actor,
    meetings: readonly MeetingEntity[],
  ): Promise<MeetingResponse[]> {
    const ids = meetings.map((m) => m.id);
    const [participants, agendas, amendments] = await Promise.all([
      this.meetings.participantsOf(ids),
      this.meetings.agendaOf(ids),
      this.meetings.amendmentsOf(ids),
    ]);
    const now = this.clock.now();
    // One visibility query for the agenda cases of all meetings the actor sees only partly.
    const partial = meetings.filter((m) => seesOnlySomeCases(actor, m));
    const visible = await this.access.checkCaseAccess(
      actor,
      caseIdsOf(partial.flatMap((m) => agendas.get(m.id) ?? [])),
    );
    return meetings.map((m) => {
      const agenda = agendas.get(m.id) ?? [];
      return toMeetingResponse(
        m,
        participants.get(m.id) ?? [],
        seesOnlySomeCases(actor, m) ? keepOnVisibleCases(agenda, visible) : agenda,
        amendments.get(m.id) ?? [],
        now,
      );
    });
  }
}

function assertManager(side: MeetingSide): void {
  if (!mayManageMeeting(side)) {
    throw new Forbidden(
      'meeting.board_only',
      "Only the council's chair or secretary (or, for a consultation meeting, the employer side) organises meetings.",
    );
  }
}

function caseIdsOf(agenda: readonly AgendaItemEntity[]): string[] {
  return [
    ...new Set(agenda.map((item) => item.caseId).filter((id): id is string => id !== null)),
  ].sort();
}

export function toMeetingResponse(
  m: MeetingEntity,
  participantIds: readonly string[],
  agenda: readonly AgendaItemEntity[],
  amendments: readonly MinutesAmendmentEntity[],
  now: Date,
): MeetingResponse {
  return {
    id: m.id,
    organisationId: m.organisationId,
    worksCouncilId: m.worksCouncilId,
    kind: m.kind,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    location: m.location,
    durationMinutes: m.durationMinutes,
    invitationSequence: m.invitationSequence,
    status: m.status,
    heldOn: m.heldOn,
    minutes: m.minutes,
    minutesApproved: m.minutesApproved,
    minutesStatus: minutesStatusOf(m, now),
    minutesCirculatedAt: m.minutesCirculatedAt?.toISOString() ?? null,
    minutesAmendmentsUntil: m.minutesAmendmentsUntil?.toISOString() ?? null,
    amendments: amendments.map((a) => ({
      id: a.id,
      authorId: a.authorId,
      text: a.text,
      createdAt: a.createdAt.toISOString(),
    })),
    warnings: meetingWarnings(m, now),
    participantIds: [...participantIds],
    agendaItems: agenda.map((a) => ({
      id: a.id,
      position: a.position,
      title: a.title,
      caseId: a.caseId,
      decision: a.decision,
    })),
    createdBy: m.createdBy,
    createdAt: m.createdAt.toISOString(),
    version: m.version,
  };
}
