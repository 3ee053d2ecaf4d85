import { Column, Entity, PrimaryColumn } from 'typeorm';

/** AI Act application dates as data, switchable without a redeploy (legal-rules (d)6). */
@Entity('regulatory_calendar')
export class RegulatoryCalendarEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_regulatory_calendar' })
  ruleKey!: string;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', default: '' })
  note!: string;
}
