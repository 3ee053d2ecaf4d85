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

import type { PositionTrack, VoteResult, VoteStatus } from './domain/votes';

/**
 * A vote among the council's members on a case: a proposal with options, a quorum (the minimum
 * number of ballots) and a deadline. Closed by the board or at the deadline; the result is then
 * stored, and the board may adopt it as the council's formal position on a track.
 */
@Entity('vote')
@Check('ck_vote__status', `status IN ('open', 'closed')`)
@Check('ck_vote__quorum', `quorum >= 1`)
@Check('ck_vote__adopted_track', `adopted_track IN ('advice', 'consent')`)
@Index('ix_vote__case', ['caseId', 'createdAt'])
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_vote' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  proposal!: string;

  @Column({ type: 'jsonb', default: [] })
  options!: string[];

  @Column({ type: 'integer' })
  quorum!: number;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'text', default: 'open' })
  status!: VoteStatus;

  /** Set when the vote closes. */
  @Column({ type: 'jsonb', nullable: true })
  result!: VoteResult | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  adoptedAsPosition!: boolean;

  @Column({ type: 'text', nullable: true })
  adoptedTrack!: PositionTrack | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_vote__ai_case' })
  readonly aiCase?: never;

  @ManyToOne('AppUserEntity')
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_vote__created_by' })
  readonly creator?: never;
}
