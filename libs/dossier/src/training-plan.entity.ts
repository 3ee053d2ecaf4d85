import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn } from 'typeorm';

import type { Audience, TrainingModule } from './domain';

/** The training plan of a case (BW 7:611a, AI Act art. 4): audiences and modules. */
@Entity('training_plan')
export class TrainingPlanEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_training_plan' })
  caseId!: string;

  @Column({ type: 'jsonb', default: [] })
  audiences!: Audience[];

  @Column({ type: 'jsonb', default: [] })
  modules!: TrainingModule[];

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @VersionColumn()
  version!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_training_plan__ai_case' })
  readonly aiCase?: never;
}
