import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/** One item on a meeting's agenda, in order; it may concern a case, and records the decision taken. */
@Entity('agenda_item')
@Unique('uq_agenda_item__meeting_position', ['meetingId', 'position'])
@Index('ix_agenda_item__case', ['caseId'])
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agenda_item' })
  id!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  /** 1-based order on the agenda. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @ManyToOne('MeetingEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_agenda_item__meeting' })
  readonly meeting?: never;

  @ManyToOne('AiCaseEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_agenda_item__ai_case' })
  readonly aiCase?: never;
}
