import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** One person completed one module of the plan. */
@Entity('training_completion')
@Index('uq_training_completion__case_module_person', ['caseId', 'moduleKey', 'personKey'], {
  unique: true,
})
export class TrainingCompletionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_training_completion' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  moduleKey!: string;

  /** `user:<id>` or `name:<normalised name>`: one completion per person and module. */
  @Column({ type: 'text' })
  personKey!: string;

  @Column({ type: 'uuid', nullable: true })
  personUserId!: string | null;

  @Column({ type: 'text' })
  personName!: string;

  @Column({ type: 'date' })
  completedOn!: string;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_training_completion__ai_case' })
  readonly aiCase?: never;
}
