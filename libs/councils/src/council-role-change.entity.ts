import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { WorksCouncilEntity } from './works-council.entity';

export type CouncilRoleChangeKind = 'granted' | 'changed' | 'removed' | 'deactivated';

/**
 * The council's own record of every grant, change and removal of a council role (B.19), written in
 * the same transaction as the membership change. Append-only: a trigger refuses UPDATE and DELETE.
 * No foreign key to users or memberships: the record outlives both.
 */
@Entity('council_role_change')
@Check(
  'ck_council_role_change__change',
  `change IN ('granted', 'changed', 'removed', 'deactivated')`,
)
@Check(
  'ck_council_role_change__role',
  `role IN ('council_chair', 'council_secretary', 'council_member', 'committee_member', 'external_expert')`,
)
@Index('ix_council_role_change__works_council_occurred_at', ['worksCouncilId', 'occurredAt'])
export class CouncilRoleChangeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_council_role_change' })
  id!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'uuid' })
  subjectUserId!: string;

  @Column({ type: 'uuid', nullable: true })
  membershipId!: string | null;

  @Column({ type: 'text' })
  change!: CouncilRoleChangeKind;

  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'text', nullable: true })
  previousRole!: string | null;

  @Column({ type: 'uuid', nullable: true })
  committeeId!: string | null;

  /** Who made the change; null for the demo seed. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @ManyToOne(() => WorksCouncilEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'works_council_id',
    foreignKeyConstraintName: 'fk_council_role_change__works_council',
  })
  readonly worksCouncil?: never;
}
