import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OrganisationKind = 'employer' | 'union' | 'operator';

/**
 * The tenant: an employer, or a union whose officers monitor shared cases; or the platform
 * operator itself, whose platform admins provision the others.
 */
@Entity('organisation')
@Check('ck_organisation__kind', `kind IN ('employer', 'union', 'operator')`)
@Index('ix_organisation__deletion_due_at', ['deletionDueAt'], {
  where: 'deletion_due_at IS NOT NULL',
})
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organisation' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganisationKind;

  /** Headcount matters for the small-undertaking rules of WOR 35b-d. */
  @Column({ type: 'integer', nullable: true })
  headcount!: number | null;

  /** Its people cannot sign in or use their tokens while set. */
  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  /** Scheduled deletion: the worker's sweep deletes the organisation once this has passed. */
  @Column({ type: 'timestamptz', nullable: true })
  deletionDueAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
