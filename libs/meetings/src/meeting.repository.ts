import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { type AgendaLineContext, agendaLineSql, amsterdamDaySql } from '@wc/access';
import { TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, keysetPage, type Page } from '@wc/pagination';

import { AgendaItemEntity } from './agenda-item.entity';
import type { MeetingKind } from './domain/meeting-policy';
import { MeetingEntity } from './meeting.entity';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MinutesAmendmentEntity } from './minutes-amendment.entity';

/** The only file that queries `meeting`, `meeting_participant`, `agenda_item` and `minutes_amendment`. */
@Injectable()
export class MeetingRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(fields: Partial<MeetingEntity>): MeetingEntity {
    return this.tx.manager.create(MeetingEntity, fields);
  }

  save(meeting: MeetingEntity): Promise<MeetingEntity> {
    return this.tx.manager.save(meeting);
  }

  get(id: string): Promise<MeetingEntity | null> {
    return this.tx.manager.findOneBy(MeetingEntity, { id });
  }

  getForUpdate(id: string): Promise<MeetingEntity | null> {
    return this.tx.manager.findOne(MeetingEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** For changes outside the meeting row (agenda, participants); returns the new version. */
  async bumpVersion(id: string): Promise<number> {
    const [rows] = await this.tx.manager.query<[Array<{ version: number }>, number]>(
      `UPDATE meeting SET version = version + 1 WHERE id = $1 RETURNING version`,
      [id],
    );
    return rows[0].version;
  }

  listForCouncil(worksCouncilId: string, kinds: readonly MeetingKind[]): Promise<MeetingEntity[]> {
    return this.tx.manager.find(MeetingEntity, {
      where: { worksCouncilId, kind: In([...kinds]) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** The planned meetings from `now` on, visible by `visible`, as agenda lines (see the service). */
  plannedMeetingLinesSql({ param, now, cases }: AgendaLineContext, visible: string): string {
    return agendaLineSql(
      {
        kind: `'meeting'`,
        side: `CASE WHEN ac.employer THEN 'employer' ELSE 'council' END`,
        yours: 'true',
        action: `'attend_meeting'`,
        due_date: amsterdamDaySql('m.starts_at'),
        subject: 'm.title',
        meeting_id: 'm.id',
        path: `'/meetings/' || m.id`,
        anchor: `'meeting-title'`,
      },
      `FROM meeting m
       JOIN (SELECT works_council_id, bool_or(side = 'employer') AS employer FROM ${cases}
              WHERE side IN ('employer', 'council_board', 'council_member') GROUP BY works_council_id) ac
         ON ac.works_council_id = m.works_council_id
      WHERE m.status = 'planned' AND m.starts_at >= ${param(now)} AND ${visible}`,
    );
  }

  /** One page of the council's meetings of these kinds, by start time. */
  pageForCouncil(
    worksCouncilId: string,
    kinds: readonly MeetingKind[],
    query: CursorPageQueryDto,
  ): Promise<Page<MeetingEntity>> {
    return keysetPage(
      this.tx.manager
        .createQueryBuilder(MeetingEntity, 'mt')
        .where('mt.works_council_id = :worksCouncilId AND mt.kind IN (:...kinds)', {
          worksCouncilId,
          kinds: [...kinds],
        }),
      query,
      { column: 'starts_at', property: 'startsAt', direction: 'ASC' },
    );
  }

  async participantsOf(meetingIds: readonly string[]): Promise<Map<string, string[]>> {
    const byMeeting = new Map<string, string[]>(meetingIds.map((id) => [id, []]));
    if (meetingIds.length > 0) {
      const rows = await this.tx.manager.find(MeetingParticipantEntity, {
        where: { meetingId: In([...meetingIds]) },
        order: { userId: 'ASC' },
      });
      for (const row of rows) {
        byMeeting.get(row.meetingId)?.push(row.userId);
      }
    }
    return byMeeting;
  }

  async replaceParticipants(meetingId: string, userIds: readonly string[]): Promise<void> {
    await this.tx.manager.delete(MeetingParticipantEntity, { meetingId });
    if (userIds.length > 0) {
      await this.tx.manager.insert(
        MeetingParticipantEntity,
        userIds.map((userId) => ({ meetingId, userId })),
      );
    }
  }

  async agendaOf(meetingIds: readonly string[]): Promise<Map<string, AgendaItemEntity[]>> {
    const byMeeting = new Map<string, AgendaItemEntity[]>(meetingIds.map((id) => [id, []]));
    if (meetingIds.length > 0) {
      const rows = await this.tx.manager.find(AgendaItemEntity, {
        where: { meetingId: In([...meetingIds]) },
        order: { position: 'ASC' },
      });
      for (const row of rows) {
        byMeeting.get(row.meetingId)?.push(row);
      }
    }
    return byMeeting;
  }

  /** Appends an item at the end of the agenda; callers hold the meeting row lock. */
  async addAgendaItem(fields: {
    meetingId: string;
    title: string;
    caseId: string | null;
  }): Promise<AgendaItemEntity> {
    const [row] = await this.tx.manager.query<Array<{ max: number | null }>>(
      `SELECT max(position) AS max FROM agenda_item WHERE meeting_id = $1`,
      [fields.meetingId],
    );
    return this.tx.manager.save(
      this.tx.manager.create(AgendaItemEntity, {
        ...fields,
        position: (row?.max ?? 0) + 1,
        decision: null,
      }),
    );
  }

  agendaItem(meetingId: string, id: string): Promise<AgendaItemEntity | null> {
    return this.tx.manager.findOneBy(AgendaItemEntity, { id, meetingId });
  }

  saveAgendaItem(item: AgendaItemEntity): Promise<AgendaItemEntity> {
    return this.tx.manager.save(item);
  }

  async amendmentsOf(
    meetingIds: readonly string[],
  ): Promise<Map<string, MinutesAmendmentEntity[]>> {
    const byMeeting = new Map<string, MinutesAmendmentEntity[]>(meetingIds.map((id) => [id, []]));
    if (meetingIds.length > 0) {
      const rows = await this.tx.manager.find(MinutesAmendmentEntity, {
        where: { meetingId: In([...meetingIds]) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      for (const row of rows) {
        byMeeting.get(row.meetingId)?.push(row);
      }
    }
    return byMeeting;
  }

  addAmendment(fields: {
    meetingId: string;
    authorId: string;
    text: string;
    createdAt: Date;
  }): Promise<MinutesAmendmentEntity> {
    return this.tx.manager.save(this.tx.manager.create(MinutesAmendmentEntity, fields));
  }
}
