import {
  JoinColumn,
  ManyToOne,
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

import type { Role } from './roles';

@Entity('membership')
@Check(
  'ck_membership__role',
  `role IN ('hr_manager', 'employer_representative', 'council_chair', 'council_secretary', 'council_member', 'committee_member', 'external_expert', 'union_officer', 'org_admin', 'platform_admin')`,
)
@Index('ix_membership__user', ['userId'])
@Index('ix_membership__works_council', ['worksCouncilId'])
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_membership' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid', nullable: true })
  worksCouncilId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  committeeId!: string | null;

  @Column({ type: 'text' })
  role!: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne('AppUserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_membership__user' })
  readonly user?: never;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_membership__organisation' })
  readonly organisation?: never;

  @ManyToOne('WorksCouncilEntity', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({
    name: 'works_council_id',
    foreignKeyConstraintName: 'fk_membership__works_council',
  })
  readonly worksCouncil?: never;

  @ManyToOne('CommitteeEntity', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'fk_membership__committee' })
  readonly committee?: never;
}
