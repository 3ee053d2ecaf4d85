import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** Who is invited to (and, once held, attended) a meeting. */
@Entity('meeting_participant')
export class MeetingParticipantEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_meeting_participant' })
  meetingId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_meeting_participant' })
  userId!: string;

  @ManyToOne('MeetingEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_participant__meeting' })
  readonly meeting?: never;

  @ManyToOne('AppUserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_meeting_participant__user' })
  readonly user?: never;
}
