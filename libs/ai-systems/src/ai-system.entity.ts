import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export type PrimaryPurpose =
  'support' | 'automate_task' | 'control_monitor' | 'decide_about_people' | 'other';
export type AiSystemStatus = 'planned' | 'pilot' | 'live' | 'retired';

/** An entry in the employer's AI register. */
@Entity('ai_system')
@Check('ck_ai_system__status', `status IN ('planned', 'pilot', 'live', 'retired')`)
@Check(
  'ck_ai_system__primary_purpose',
  `primary_purpose IN ('support', 'automate_task', 'control_monitor', 'decide_about_people', 'other')`,
)
@Index('ix_ai_system__organisation', ['organisationId'])
export class AiSystemEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_ai_system' })
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  vendor!: string;

  @Column({ type: 'text', default: '' })
  modelName!: string;

  @Column({ type: 'text', default: '' })
  modelVersion!: string;

  @Column({ type: 'text' })
  purpose!: string;

  /** Support tends to improve quality of work, control to worsen it (SER 004 l.747, P2). */
  @Column({ type: 'text' })
  primaryPurpose!: PrimaryPurpose;

  @Column({ type: 'text', default: '' })
  decisions!: string;

  @Column({ type: 'jsonb', default: [] })
  dataCategories!: string[];

  @Column({ type: 'jsonb', default: [] })
  affectedGroups!: string[];

  @Column({ type: 'integer', default: 0 })
  affectedHeadcount!: number;

  @Column({ type: 'boolean', default: false })
  monitoringCapability!: boolean;

  @Column({ type: 'date', nullable: true })
  goLiveDate!: string | null;

  @Column({ type: 'text', default: 'planned' })
  status!: AiSystemStatus;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_ai_system__organisation' })
  readonly organisation?: never;
}
