import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** An attendee's proposed amendment or comment on circulated minutes, during the amendment window. */
@Entity('minutes_amendment')
@Index('ix_minutes_amendment__meeting', ['meetingId', 'createdAt'])
export class MinutesAmendmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_minutes_amendment' })
  id!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne('MeetingEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_minutes_amendment__meeting' })
  readonly meeting?: never;

  @ManyToOne('AppUserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_minutes_amendment__author' })
  readonly author?: never;
}
