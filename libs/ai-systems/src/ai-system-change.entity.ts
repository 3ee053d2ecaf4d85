import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { AiSystemEntity } from './ai-system.entity';

/** One edit of a register entry: what changed, and whether it is material (reopens screening). */
@Entity('ai_system_change')
@Index('ix_ai_system_change__ai_system', ['aiSystemId'])
export class AiSystemChangeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_ai_system_change' })
  id!: string;

  @Column({ type: 'uuid' })
  aiSystemId!: string;

  @Column({ type: 'uuid' })
  changedBy!: string;

  @Column({ type: 'timestamptz' })
  changedAt!: Date;

  @Column({ type: 'jsonb' })
  changes!: Record<string, { from: unknown; to: unknown }>;

  @Column({ type: 'boolean' })
  material!: boolean;

  @ManyToOne(() => AiSystemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ai_system_id', foreignKeyConstraintName: 'fk_ai_system_change__ai_system' })
  readonly aiSystem?: never;
}
