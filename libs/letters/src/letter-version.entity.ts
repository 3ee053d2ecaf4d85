import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import type { LetterStructured } from './domain';

/** One saved version of a letter: the author's text and the structured part composed from the case. */
@Entity('letter_version')
@Check('ck_letter_version__seq', `seq >= 1`)
export class LetterVersionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_letter_version' })
  letterId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_letter_version' })
  seq!: number;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb' })
  structured!: LetterStructured;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne('LetterEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_letter_version__letter' })
  readonly letter?: never;
}
