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

import type { UnionShareScope } from './domain/union-share-scope';

/**
 * A works council's share with a union organisation (model.md "UnionShare"): one chosen case, or
 * all the council's cases when `caseId` is null, at a scope, until revoked. Revoked rows are kept.
 */
@Entity('union_share')
@Check('ck_union_share__scope', `scope IN ('status', 'dossier')`)
@Index('ix_union_share__works_council', ['worksCouncilId'])
@Index('ix_union_share__union_organisation', ['unionOrganisationId'])
@Index('uq_union_share__active_case', ['worksCouncilId', 'unionOrganisationId', 'caseId'], {
  unique: true,
  where: 'revoked_at IS NULL AND case_id IS NOT NULL',
})
@Index('uq_union_share__active_all', ['worksCouncilId', 'unionOrganisationId'], {
  unique: true,
  where: 'revoked_at IS NULL AND case_id IS NULL',
})
export class UnionShareEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_union_share' })
  id!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'uuid' })
  unionOrganisationId!: string;

  /** Null: every case of the council, including cases sent after the grant. */
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text' })
  scope!: UnionShareScope;

  @Column({ type: 'uuid' })
  grantedBy!: string;

  @Column({ type: 'timestamptz' })
  grantedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  revokedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @ManyToOne('WorksCouncilEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'works_council_id',
    foreignKeyConstraintName: 'fk_union_share__works_council',
  })
  readonly worksCouncil?: never;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'union_organisation_id',
    foreignKeyConstraintName: 'fk_union_share__union_organisation',
  })
  readonly unionOrganisation?: never;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_union_share__ai_case' })
  readonly aiCase?: never;
}
