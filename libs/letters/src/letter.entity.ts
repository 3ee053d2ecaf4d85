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

import {
  LETTER_KINDS,
  type LetterFields,
  type LetterKind,
  type LetterLanguage,
  type LetterParty,
  type LetterStatus,
  type LetterTrack,
} from './domain';

/**
 * What a letter's receipt did on the case (legal-rules (c)): the track action it ran, the go-live
 * item it met, the internal term it started, or, where the law sets no term, the duty it records.
 */
export interface TermEffect {
  recorded: boolean;
  action: string;
  effect?: 'term' | 'go_live_item' | 'internal_term' | 'no_term';
  /** Why the action could not be recorded (the track's own error code). */
  code?: string;
  /** internal_term: the rule that started and its last day; `statutory` false says it is not law. */
  ruleId?: string;
  dueDate?: string;
  statutory?: boolean;
  /** go_live_item: the gate condition the receipt meets. */
  gateItem?: string;
  /** no_term: the answer the other side owes, without a term. */
  duty?: string;
}

/** The written answer a letter's recipient gives, and who gave it when. */
export interface LetterAnswer {
  text: string;
  on: string;
  userId: string;
  at: string;
}

/** One recorded receipt claim: the first opening, an acknowledgement, an outside delivery, a correction. */
export interface ReceiptRecord {
  readonly on: string;
  readonly via: 'opened' | 'acknowledged' | 'outside' | 'corrected';
  readonly side: LetterParty;
  readonly userId: string;
  readonly at: string;
}

/**
 * A formal letter of a case (issue #22). No foreign key to users: the record outlives the
 * accounts. The versions hold the text; this row holds who signed, sent and received it.
 */
@Entity('letter')
@Check('ck_letter__status', `status IN ('draft', 'signed', 'sent', 'received')`)
@Check('ck_letter__sender_side', `sender_side IN ('employer', 'council')`)
@Check('ck_letter__language', `language IN ('nl', 'en')`)
@Check('ck_letter__kind', `kind IN (${LETTER_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('ck_letter__track', `track IS NULL OR track IN ('advice', 'consent', 'ai_act')`)
@Check('ck_letter__delivery', `delivery IS NULL OR delivery IN ('platform', 'outside')`)
@Check(
  'ck_letter__signed',
  `status = 'draft' OR (signed_by IS NOT NULL AND signed_version IS NOT NULL)`,
)
@Check(
  'ck_letter__sent',
  `status NOT IN ('sent', 'received') OR (sent_at IS NOT NULL AND delivery IS NOT NULL)`,
)
@Check('ck_letter__received', `status <> 'received' OR received_on IS NOT NULL`)
@Index('ix_letter__case', ['caseId', 'createdAt', 'id'])
export class LetterEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_letter' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'text' })
  kind!: LetterKind;

  @Column({ type: 'text', nullable: true })
  track!: LetterTrack | null;

  @Column({ type: 'text' })
  senderSide!: LetterParty;

  @Column({ type: 'text' })
  language!: LetterLanguage;

  @Column({ type: 'text', default: 'draft' })
  status!: LetterStatus;

  @Column({ type: 'jsonb', default: {} })
  fields!: LetterFields;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'integer', nullable: true })
  signedVersion!: number | null;

  @Column({ type: 'uuid', nullable: true })
  signedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  sentBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  delivery!: 'platform' | 'outside' | null;

  @Column({ type: 'date', nullable: true })
  receivedOn!: string | null;

  @Column({ type: 'jsonb', default: [] })
  receipt!: ReceiptRecord[];

  /** What the receipt did on the case: the track action it recorded, or why it could not. */
  @Column({ type: 'jsonb', nullable: true })
  termEffect!: TermEffect | null;

  /** The receiving party's written answer, for a kind that owes one (initiative, cost notice). */
  @Column({ type: 'jsonb', nullable: true })
  answer!: LetterAnswer | null;

  @VersionColumn()
  version!: number;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_letter__ai_case' })
  readonly aiCase?: never;
}
