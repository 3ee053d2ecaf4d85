import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { OrganisationEntity } from './organisation.entity';

export interface InvitedRole {
  role: string;
  worksCouncilId: string | null;
  committeeId: string | null;
}

/** A one-time, expiring invitation to join an organisation with given roles. */
@Entity('invitation')
@Index('uq_invitation__token_hash', ['tokenHash'], { unique: true })
@Index('ix_invitation__organisation', ['organisationId'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_invitation' })
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'jsonb' })
  roles!: InvitedRole[];

  /** SHA-256 of the token; the token itself only travels to the invitee. */
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  invitedBy!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_invitation__organisation' })
  readonly organisation?: never;
}
