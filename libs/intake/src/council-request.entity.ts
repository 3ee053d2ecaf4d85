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

import { CouncilSignalEntity } from './council-signal.entity';

/**
 * `information`: WOR art. 31 outside any case; `case_opening`: the council asks the employer to
 * put a system before it; `initiative`: a written proposal under art. 23(3).
 */
export type CouncilRequestKind = 'information' | 'case_opening' | 'initiative';
export type CouncilRequestStatus = 'open' | 'answered' | 'case_opened';

/** What the council asks of the employer outside any case, with its term and the answer. */
@Entity('council_request')
@Check('ck_council_request__kind', `kind IN ('information', 'case_opening', 'initiative')`)
@Check('ck_council_request__status', `status IN ('open', 'answered', 'case_opened')`)
@Check('ck_council_request__case', `status <> 'case_opened' OR case_id IS NOT NULL`)
@Index('ix_council_request__works_council', ['worksCouncilId'])
@Index('ix_council_request__signal', ['signalId'])
export class CouncilRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_council_request' })
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'uuid', nullable: true })
  signalId!: string | null;

  @Column({ type: 'text' })
  kind!: CouncilRequestKind;

  /** The question, the system to put before the council and why, or the proposal. */
  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'uuid', nullable: true })
  aiSystemId!: string | null;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  /** The last day of the response term (the `deadline` row's strict date). */
  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'text' })
  status!: CouncilRequestStatus;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  /** The case the employer opened on a `case_opening` request. */
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @VersionColumn()
  version!: number;

  @ManyToOne('WorksCouncilEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'works_council_id',
    foreignKeyConstraintName: 'fk_council_request__works_council',
  })
  readonly worksCouncil?: never;

  @ManyToOne(() => CouncilSignalEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_council_request__council_signal' })
  readonly signal?: never;
}
