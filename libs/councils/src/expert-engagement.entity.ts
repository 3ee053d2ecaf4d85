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

import { InvitationEntity } from './invitation.entity';
import { WorksCouncilEntity } from './works-council.entity';

/**
 * The council's own expert (WOR art. 16), invited by its board. The purpose and expected costs are
 * the cost notice the employer sees (art. 22(2)); the expert's work stays in the council's space.
 * The invitation is accepted only with the art. 20 confidentiality acknowledged.
 */
@Entity('council_expert_engagement')
@Check('ck_council_expert_engagement__expected_costs', `expected_costs_cents >= 0`)
@Check(
  'ck_council_expert_engagement__acknowledged',
  `user_id IS NULL OR confidentiality_acknowledged_at IS NOT NULL`,
)
@Index('uq_council_expert_engagement__invitation', ['invitationId'], { unique: true })
@Index('ix_council_expert_engagement__works_council', ['worksCouncilId'])
export class ExpertEngagementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_council_expert_engagement' })
  id!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'uuid' })
  invitationId!: string;

  @Column({ type: 'text' })
  email!: string;

  /** The expert's account, once the invitation is accepted. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({
    type: 'bigint',
    transformer: {
      to: (v: number) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  expectedCostsCents!: number;

  @Column({ type: 'timestamptz', nullable: true })
  confidentialityAcknowledgedAt!: Date | null;

  @Column({ type: 'uuid' })
  engagedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => WorksCouncilEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'works_council_id',
    foreignKeyConstraintName: 'fk_council_expert_engagement__works_council',
  })
  readonly worksCouncil?: never;

  @ManyToOne(() => InvitationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'invitation_id',
    foreignKeyConstraintName: 'fk_council_expert_engagement__invitation',
  })
  readonly invitation?: never;

  @ManyToOne('AppUserEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_council_expert_engagement__user' })
  readonly user?: never;
}
