import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The tenant: an employer, or a union whose officers monitor shared cases. */
@Entity('organisation')
@Check('ck_organisation__kind', `kind IN ('employer', 'union')`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organisation' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: 'employer' | 'union';

  /** Headcount matters for the small-undertaking rules of WOR 35b-d. */
  @Column({ type: 'integer', nullable: true })
  headcount!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
