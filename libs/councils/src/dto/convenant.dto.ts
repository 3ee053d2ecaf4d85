import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { PageResponseOf } from '@wc/pagination';

/** The agreed terms of a convenant (legal-rules W5, W13, W19, (d)2, (c) IMPLEMENTED→EVALUATION). */
export class ConvenantTermsDto {
  /** The agreed advice term (W5): none is statutory; 6 weeks is typical [P]. */
  @IsInt()
  @Min(1)
  @Max(52)
  adviceTermWeeks!: number;

  /** The agreed consent term (W13). */
  @IsInt()
  @Min(1)
  @Max(52)
  consentTermWeeks!: number;

  /** The employer's response time for art. 31 information requests (W19 "tijdig"). */
  @IsInt()
  @Min(1)
  @Max(60)
  informationResponseWorkingDays!: number;

  /** Whether the agreed advice and consent clocks stand still while information is open, (d)2. */
  @IsBoolean()
  stopClockWhileInformationOpen!: boolean;

  /** Months from go-live to the agreed evaluation. */
  @IsInt()
  @Min(1)
  @Max(36)
  evaluationIntervalMonths!: number;
}

export class ConvenantVersionParams {
  @IsUUID()
  worksCouncilId!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  version!: number;
}

export class ConvenantResponse extends ConvenantTermsDto {
  @ApiProperty() id!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['proposed', 'confirmed', 'superseded'] })
  status!: 'proposed' | 'confirmed' | 'superseded';
  /** The side that proposed this version; the other side confirms it (B.19). */
  @ApiProperty({ enum: ['employer', 'council'] }) proposedSide!: 'employer' | 'council';
  @ApiProperty() proposedBy!: string;
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ type: String, nullable: true }) confirmedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) confirmedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) supersededAt!: string | null;
  /** Whether the reader may confirm this version: an open proposal of the other party (B.19, B.20). */
  @ApiProperty() mayConfirm!: boolean;
}

export class ConvenantPage extends PageResponseOf(ConvenantResponse) {}
