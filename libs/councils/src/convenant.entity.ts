import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { WorksCouncilEntity } from './works-council.entity';

export type ConvenantStatus = 'proposed' | 'confirmed' | 'superseded';
export type ConvenantSide = 'employer' | 'council';

/**
 * One version of a council's agreed terms (convenant), legal-rules W5, W13, (d)2: proposed by one
 * side, confirmed by the other (B.19). A version is never deleted; a newer one supersedes it. No
 * foreign key to users: the record outlives the accounts.
 */
@Entity('convenant')
@Check('ck_convenant__status', `status IN ('proposed', 'confirmed', 'superseded')`)
@Check('ck_convenant__proposed_side', `proposed_side IN ('employer', 'council')`)
@Check(
  'ck_convenant__confirmed',
  `status <> 'confirmed' OR (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL)`,
)
@Check(
  'ck_convenant__terms',
  `advice_term_weeks BETWEEN 1 AND 52 AND consent_term_weeks BETWEEN 1 AND 52 AND information_response_working_days BETWEEN 1 AND 60 AND evaluation_interval_months BETWEEN 1 AND 36`,
)
@Index('uq_convenant__works_council_version', ['worksCouncilId', 'version'], { unique: true })
@Index('uq_convenant__works_council_proposed', ['worksCouncilId'], {
  unique: true,
  where: `status = 'proposed'`,
})
@Index('uq_convenant__works_council_confirmed', ['worksCouncilId'], {
  unique: true,
  where: `status = 'confirmed'`,
})
export class ConvenantEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_convenant' })
  id!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: ConvenantStatus;

  @Column({ type: 'integer' })
  adviceTermWeeks!: number;

  @Column({ type: 'integer' })
  consentTermWeeks!: number;

  @Column({ type: 'integer' })
  informationResponseWorkingDays!: number;

  @Column({ type: 'boolean' })
  stopClockWhileInformationOpen!: boolean;

  @Column({ type: 'integer' })
  evaluationIntervalMonths!: number;

  @Column({ type: 'uuid' })
  proposedBy!: string;

  @Column({ type: 'text' })
  proposedSide!: ConvenantSide;

  @Column({ type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @ManyToOne(() => WorksCouncilEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'works_council_id', foreignKeyConstraintName: 'fk_convenant__works_council' })
  readonly worksCouncil?: never;
}
