import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { AiCaseEntity } from './ai-case.entity';

/** A council question under WOR art. 31 and the employer's answer. */
@Entity('information_request')
@Index('ix_information_request__case', ['caseId'])
export class InformationRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_information_request' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'uuid' })
  askedBy!: string;

  @Column({ type: 'timestamptz' })
  askedAt!: Date;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @ManyToOne(() => AiCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_information_request__ai_case' })
  readonly aiCase?: never;
}
