import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { PageResponseOf } from '@wc/pagination';

const STATUSES = ['open', 'met', 'broken', 'waived'] as const;
const STEPS = ['reopen', 'legal_step'] as const;

export class CommitmentIdParams {
  @IsUUID() commitmentId!: string;
}

export class AssignCommitmentDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'An employer-side user of the case.',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsISO8601({ strict: true })
  dueDate?: string | null;

  @IsInt() @Min(1) version!: number;
}

export class RecordEvidenceDto {
  @IsString() @MinLength(1) @MaxLength(20000) evidence!: string;

  @ApiPropertyOptional({ description: 'A document of the case that shows it.' })
  @IsOptional()
  @IsUUID()
  documentId?: string;

  /** The employer says the condition is now met. */
  @IsBoolean() met!: boolean;

  @IsInt() @Min(1) version!: number;
}

export class CouncilCommitmentDecisionDto {
  /** Why the council declares it broken, or waives it. */
  @IsString() @MinLength(1) @MaxLength(5000) note!: string;
  @IsInt() @Min(1) version!: number;
}

export class ReopenFromCommitmentDto {
  /**
   * `reopen`: the change goes back to screening (`propose_change`, for an implemented track);
   * `legal_step`: invoke nullity (consent, WOR art. 27(5)) or appeal (advice, art. 26).
   */
  @ApiProperty({ enum: STEPS })
  @IsIn(STEPS)
  step!: (typeof STEPS)[number];
  @IsInt() @Min(1) version!: number;
}

export class CommitmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['advice', 'consent'] }) track!: 'advice' | 'consent';
  @ApiProperty() conditionNo!: number;
  /** Null for a union whose share shows the status only. */
  @ApiProperty({ type: String, nullable: true }) condition!: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dueDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) evidence!: string | null;
  @ApiProperty({ type: String, nullable: true }) evidenceDocumentId!: string | null;
  @ApiProperty({ enum: STATUSES }) status!: (typeof STATUSES)[number];
  @ApiProperty({ type: String, nullable: true }) statusNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) statusChangedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reopenedAt!: string | null;
  /** What the asking user may do now (the web shows only these). */
  @ApiProperty({
    type: [String],
    enum: ['assign', 'record_evidence', 'declare_broken', 'waive', 'reopen'],
  })
  allowedActions!: Array<'assign' | 'record_evidence' | 'declare_broken' | 'waive' | 'reopen'>;
  @ApiProperty() version!: number;
}

export class CommitmentPage extends PageResponseOf(CommitmentResponse) {}

export class CommitmentCountsResponse {
  @ApiProperty() open!: number;
  @ApiProperty() met!: number;
  @ApiProperty() broken!: number;
  @ApiProperty() waived!: number;
}
