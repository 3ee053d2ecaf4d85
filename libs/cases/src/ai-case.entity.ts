import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import type { TriageAnswers, TriageOutcome } from './domain';

export type CaseStatus = 'draft' | 'sent';

/** What the employer writes in the advice and consent requests, legal-rules (b)1-2. */
export interface CaseContents {
  intendedDecision?: string;
  grounds?: string;
  reasons?: string;
  consequencesForStaff?: string;
  measures?: string;
  alternatives?: string;
  planning?: string;
  proposedDecisionDate?: string;
  regelingText?: string;
  employerCommitted?: boolean;
}

export interface CaseTriage {
  answers: TriageAnswers;
  outcome: TriageOutcome;
  recordedAt: string;
  contest?: { reasons: string; by: string; at: string; open: boolean };
  /** An employer re-triage awaiting the council board (issue #14); the outcome above stays in force. */
  proposal?: TriageProposal;
  /** The last proposal the board decided, for the record on the case page. */
  lastProposal?: TriageProposal;
}

/**
 * A re-triage of a sent case that would withdraw a track or rests on answers contradicting the
 * platform's facts. While `proposed` or `contested`, the rights in force stay (house style B.19).
 */
export interface TriageProposal {
  id: string;
  answers: TriageAnswers;
  outcome: TriageOutcome;
  by: string;
  at: string;
  status: 'proposed' | 'contested' | 'accepted';
  /** Stable codes: `withdraws_track:<kind>`, `contradicts:<answer>`, `lifts_block`. */
  reasons: string[];
  withdraws: string[];
  contradictions: Array<{ answer: string; given: unknown; known: unknown; source: string }>;
  contest?: { reasons: string; answers: string[]; by: string; at: string };
  decidedBy?: string;
  decidedAt?: string;
}

/** Manual go-live confirmations until the dossier feeds them (issue #5). */
export interface GateFacts {
  oversight?: {
    staffNamed: boolean;
    trained: boolean;
    confirmedOn: string;
    by: string;
    note?: string;
  };
}

@Entity('ai_case')
@Check('ck_ai_case__status', `status IN ('draft', 'sent')`)
@Index('ix_ai_case__organisation', ['organisationId'])
@Index('ix_ai_case__works_council', ['worksCouncilId'])
@Index('ix_ai_case__committee', ['committeeId'])
@Index('ix_ai_case__ai_system', ['aiSystemId'])
// GIN (jsonb_path_ops) for `expert_ids @> [userId]` in the case list; TypeORM cannot declare a GIN index, the migration creates it.
@Index('ix_ai_case__expert_ids', { synchronize: false })
export class AiCaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_ai_case' })
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'uuid' })
  aiSystemId!: string;

  /** The committee (commissie) of the competent council that prepares the case; its members see only such cases. */
  @Column({ type: 'uuid', nullable: true })
  committeeId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  /** Drafts are private to the employer side until sent to the council. */
  @Column({ type: 'text', default: 'draft' })
  status!: CaseStatus;

  /** Derived from the tracks on every save; stored for lists and filters. */
  @Column({ type: 'text', default: 'draft' })
  stage!: string;

  @Column({ type: 'boolean', default: false })
  blocked!: boolean;

  @Column({ type: 'jsonb', default: {} })
  contents!: CaseContents;

  @Column({ type: 'jsonb', nullable: true })
  triage!: CaseTriage | null;

  @Column({ type: 'jsonb', default: {} })
  gateFacts!: GateFacts;

  @Column({ type: 'jsonb', default: [] })
  expertIds!: string[];

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_ai_case__organisation' })
  readonly organisation?: never;

  @ManyToOne('WorksCouncilEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'works_council_id', foreignKeyConstraintName: 'fk_ai_case__works_council' })
  readonly worksCouncil?: never;

  @ManyToOne('CommitteeEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'fk_ai_case__committee' })
  readonly committee?: never;

  @ManyToOne('AiSystemEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ai_system_id', foreignKeyConstraintName: 'fk_ai_case__ai_system' })
  readonly aiSystem?: never;
}
