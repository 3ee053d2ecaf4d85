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

export type SignalSourceKind = 'heard' | 'software_update' | 'staff_report';
export type SignalStatus = 'open' | 'acted' | 'dismissed';

/**
 * What a council member heard or saw ("we hear that…", a feature that came with a software
 * update, a report from staff). Council-internal until the council acts on it (issue #19).
 */
@Entity('council_signal')
@Check(
  'ck_council_signal__source_kind',
  `source_kind IN ('heard', 'software_update', 'staff_report')`,
)
@Check('ck_council_signal__status', `status IN ('open', 'acted', 'dismissed')`)
@Index('ix_council_signal__works_council', ['worksCouncilId'])
export class CouncilSignalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_council_signal' })
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  sourceKind!: SignalSourceKind;

  @Column({ type: 'uuid', nullable: true })
  aiSystemId!: string | null;

  @Column({ type: 'uuid' })
  raisedBy!: string;

  @Column({ type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ type: 'text' })
  status!: SignalStatus;

  @VersionColumn()
  version!: number;

  @ManyToOne('WorksCouncilEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'works_council_id',
    foreignKeyConstraintName: 'fk_council_signal__works_council',
  })
  readonly worksCouncil?: never;
}
