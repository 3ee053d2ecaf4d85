import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { OrganisationEntity } from './organisation.entity';

export type CouncilKind = 'or' | 'cor' | 'gor' | 'pvt' | 'none';

/** An ondernemingsraad (or its small-company variant) of an employer organisation. */
@Entity('works_council')
@Check('ck_works_council__kind', `kind IN ('or', 'cor', 'gor', 'pvt', 'none')`)
@Index('ix_works_council__organisation', ['organisationId'])
export class WorksCouncilEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_works_council' })
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: CouncilKind;

  /** Agreed terms and reminder settings (convenant), validated by the deadlines lib. */
  @Column({ type: 'jsonb', default: {} })
  settings!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_works_council__organisation',
  })
  readonly organisation?: never;
}
