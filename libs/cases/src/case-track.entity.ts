import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { AiCaseEntity } from './ai-case.entity';
import type { TrackKind, TrackSnapshot } from './domain';

/** One parallel legal track of a case; the snapshot is the pure domain's state. */
@Entity('case_track')
@Check('ck_case_track__kind', `kind IN ('advice', 'consent', 'ai_act', 'dpia', 'skills')`)
@Index('uq_case_track__case_kind', ['caseId', 'kind'], { unique: true })
export class CaseTrackEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_track' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: TrackKind;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'jsonb' })
  snapshot!: TrackSnapshot;

  /**
   * An advice or consent track's request-to-position days, derived from the snapshot by a trigger
   * (migration 1772000000000) for the union dashboard's medians: never written from here.
   */
  @Column({
    type: 'double precision',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  readonly procedureDays?: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => AiCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_track__ai_case' })
  readonly aiCase?: never;
}
