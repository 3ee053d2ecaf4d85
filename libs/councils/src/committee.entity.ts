import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { WorksCouncilEntity } from './works-council.entity';

/** A council working group, e.g. the commissie Technologie & Digitalisering. */
@Entity('committee')
@Index('ix_committee__works_council', ['worksCouncilId'])
export class CommitteeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_committee' })
  id!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => WorksCouncilEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'works_council_id', foreignKeyConstraintName: 'fk_committee__works_council' })
  readonly worksCouncil?: never;
}
