import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ChecklistItemResponse {
  /** `request:advice`, `request:consent`, or `dossier:<item>` such as `dossier:assessment_submitted`. */
  @ApiProperty() key!: string;
  @ApiProperty() done!: boolean;
  /** Missing, it refuses `submit_request` on the advice and consent tracks. */
  @ApiProperty() blocksSubmission!: boolean;
  /** What is missing, machine-readable (`missing:reasons,measures`); empty when done. */
  @ApiProperty() detail!: string;
  @ApiProperty({ type: [String], description: 'Rule ids from legal-rules.md' }) sources!: string[];
}

export class ChecklistResponse {
  @ApiProperty() caseId!: string;
  /** Nothing that blocks submission is missing. */
  @ApiProperty() ready!: boolean;
  @ApiProperty({ type: [ChecklistItemResponse] }) items!: ChecklistItemResponse[];
}

export class DossierPdfQueryDto {
  /** Defaults to the reader's language. */
  @ApiPropertyOptional({ enum: ['nl', 'en'] }) @IsOptional() @IsIn(['nl', 'en']) language?:
    'nl' | 'en';
}
