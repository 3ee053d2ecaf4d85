import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One member's ballot in a vote; one per member, changed in place until the vote closes. */
@Entity('ballot')
@Unique('uq_ballot__vote_member', ['voteId', 'memberId'])
export class BallotEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_ballot' })
  id!: string;

  @Column({ type: 'uuid' })
  voteId!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  option!: string;

  @Column({ type: 'timestamptz' })
  castAt!: Date;

  @ManyToOne('VoteEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'fk_ballot__vote' })
  readonly vote?: never;

  @ManyToOne('AppUserEntity')
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'fk_ballot__member' })
  readonly member?: never;
}
