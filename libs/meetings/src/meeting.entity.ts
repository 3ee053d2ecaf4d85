import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

import type { MeetingKind, MeetingStatus } from './domain/meeting-policy';

/**
 * A meeting of a works council: a consultation meeting with the employer (overlegvergadering,
 * WOR 23/24) or the council's internal meeting. Agenda items may concern cases; a held
 * consultation meeting counts as the consultation those cases' advice and consent tracks need.
 */
@Entity('meeting')
@Check('ck_meeting__kind', `kind IN ('consultation', 'internal')`)
@Check('ck_meeting__status', `status IN ('planned', 'held', 'cancelled')`)
@Check('ck_meeting__duration_minutes', `duration_minutes BETWEEN 5 AND 1440`)
@Check(
  'ck_meeting__minutes_window',
  `(minutes_circulated_at IS NULL) = (minutes_amendments_until IS NULL)`,
)
@Index('ix_meeting__works_council_starts_at', ['worksCouncilId', 'startsAt'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meeting' })
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'text' })
  kind!: MeetingKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'text', default: '' })
  location!: string;

  /** How long it lasts: the end (DTEND) of the e-mailed invitation. */
  @Column({ type: 'integer', default: 90 })
  durationMinutes!: number;

  /** The invitation's iCalendar SEQUENCE: raised by each move, change of attendees or cancellation. */
  @Column({ type: 'integer', default: 0 })
  invitationSequence!: number;

  @Column({ type: 'text', default: 'planned' })
  status!: MeetingStatus;

  /** The Amsterdam calendar day it was held on, once held. */
  @Column({ type: 'date', nullable: true })
  heldOn!: string | null;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ type: 'boolean', default: false })
  minutesApproved!: boolean;

  /** When the minutes went round the attendees for amendments; null while they are a draft. */
  @Column({ type: 'timestamptz', nullable: true })
  minutesCirculatedAt!: Date | null;

  /** The end of the amendment window; from then on (by the clock) the minutes are locked. */
  @Column({ type: 'timestamptz', nullable: true })
  minutesAmendmentsUntil!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  /** Touched by every change, agenda and participants included, so `version` moves with them. */
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_meeting__organisation' })
  readonly organisation?: never;

  @ManyToOne('WorksCouncilEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'works_council_id', foreignKeyConstraintName: 'fk_meeting__works_council' })
  readonly worksCouncil?: never;

  @ManyToOne('AppUserEntity')
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_meeting__created_by' })
  readonly creator?: never;
}
