import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

export type ComplaintKind = 'complaint' | 'explanation_request';
export type LegalBasis = 'ai_act_86' | 'gdpr_15' | 'gdpr_22' | 'other';
export type ComplaintStatus = 'open' | 'answered';

/** The designated human contact of a system (seed-requirements 2 `complaintProcedure`). */
@Entity('complaint_contact')
export class ComplaintContactEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_complaint_contact' })
  aiSystemId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  designatedBy!: string;

  @Column({ type: 'timestamptz' })
  designatedAt!: Date;

  @ManyToOne('AiSystemEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ai_system_id', foreignKeyConstraintName: 'fk_complaint_contact__ai_system' })
  readonly aiSystem?: never;
}

/**
 * A complaint or a request for explanation by an affected worker (AI Act art. 86, GDPR art. 15
 * and 22). Its texts and the complainant's name stay with the system's contact; the council sees
 * counts only.
 */
@Entity('complaint')
@Check('ck_complaint__kind', `kind IN ('complaint', 'explanation_request')`)
@Check('ck_complaint__legal_basis', `legal_basis IN ('ai_act_86', 'gdpr_15', 'gdpr_22', 'other')`)
@Check('ck_complaint__status', `status IN ('open', 'answered')`)
@Check(
  'ck_complaint__answered',
  `status <> 'answered' OR (outcome IS NOT NULL AND explanation IS NOT NULL AND answered_on IS NOT NULL)`,
)
@Index('ix_complaint__ai_system', ['aiSystemId', 'receivedOn'])
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_complaint' })
  id!: string;

  @Column({ type: 'uuid' })
  aiSystemId!: string;

  @Column({ type: 'text' })
  kind!: ComplaintKind;

  @Column({ type: 'text' })
  legalBasis!: LegalBasis;

  @Column({ type: 'text' })
  complainant!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'date' })
  receivedOn!: string;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'text' })
  status!: ComplaintStatus;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  @Column({ type: 'date', nullable: true })
  answeredOn!: string | null;

  @Column({ type: 'uuid' })
  loggedBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;

  @ManyToOne('AiSystemEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ai_system_id', foreignKeyConstraintName: 'fk_complaint__ai_system' })
  readonly aiSystem?: never;
}
