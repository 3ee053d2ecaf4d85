import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto, PageResponseOf } from '@wc/pagination';

/** `<area>:<key>`, linking a document to a part of the dossier, e.g. `assessment:A1`. */
export const DOSSIER_ITEM_PATTERN = /^[a-z][a-z_]*:[A-Za-z0-9_.:-]{1,100}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class DocumentParams extends CaseIdParams {
  @IsUUID() documentId!: string;
}

export class DocumentVersionParams extends DocumentParams {
  @Type(() => Number) @IsInt() @Min(1) @Max(2147483647) seq!: number;
}

export class ListDocumentsQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: 'assessment:A1' })
  @IsOptional()
  @Matches(DOSSIER_ITEM_PATTERN)
  dossierItem?: string;
}

/** The text fields of the multipart upload; the file itself goes in the part named `file`. */
export class UploadDocumentDto {
  @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiPropertyOptional({ example: 'assessment:A1' })
  @IsOptional()
  @Matches(DOSSIER_ITEM_PATTERN)
  dossierItem?: string;
  /** Impose WOR art. 20 secrecy at upload, so the document is never visible without it. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) confidentialScope?: string;
  /** Last day of the secrecy (Europe/Amsterdam); needs `confidentialScope`. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  confidentialUntil?: string;
  /**
   * `expert_opinion`: the opinion of the council's expert (issue #19), uploaded by the council with
   * the expert's engagement; the employer side reads it only once the council attaches it to its
   * position. Default `document`.
   */
  @ApiPropertyOptional({ enum: ['document', 'expert_opinion'] })
  @IsOptional()
  @IsIn(['document', 'expert_opinion'])
  kind?: 'document' | 'expert_opinion';
  /** Required for an expert opinion: the council's engagement of the expert (an engaged one). */
  @ValidateIf(
    (dto: UploadDocumentDto) =>
      dto.kind === 'expert_opinion' || dto.expertEngagementId !== undefined,
  )
  @IsUUID()
  expertEngagementId?: string;
}

export class AttachToPositionDto {
  /** The document version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class AddDocumentVersionDto {
  /** The document version the client last saw; a stale one is refused with 409. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

/** WOR art. 20 notice for one document (legal-rules (b)10): which data, how long, who is exempted. */
export class ConfidentialityDto {
  /** The document version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
  /** Which data the secrecy covers. */
  @IsString() @MinLength(1) @MaxLength(2000) scope!: string;
  /** Last day of the secrecy (Europe/Amsterdam); absent for no end date. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  until?: string;
  /** The persons exempted from the secrecy, as the notice names them; recorded, not an access list. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  exemptedUserIds?: string[];
  /** Experts on the case admitted to this document (bound by the secrecy themselves). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  allowedExpertIds?: string[];
}

export class DocumentVersionResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() filename!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() uploadedBy!: string;
  @ApiProperty() uploadedAt!: string;
}

export class ConfidentialityResponse {
  /** False once the `until` day has passed: the document is ordinary again. */
  @ApiProperty() active!: boolean;
  @ApiProperty() scope!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) until!: string | null;
  @ApiProperty({ enum: ['employer', 'council'] }) imposedBySide!: string;
  @ApiProperty() imposedAt!: string;
  /** Only for the employer side and the council. */
  @ApiPropertyOptional() imposedBy?: string;
  @ApiPropertyOptional({ type: [String] }) exemptedUserIds?: string[];
  @ApiPropertyOptional({ type: [String] }) allowedExpertIds?: string[];
}

export class DocumentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) dossierItem!: string | null;
  @ApiProperty({ enum: ['employer', 'council'] }) origin!: string;
  @ApiProperty({ enum: ['document', 'expert_opinion'] }) kind!: string;
  /** For an expert opinion: the council's engagement of the expert. */
  @ApiProperty({ type: String, nullable: true }) expertEngagementId!: string | null;
  /** For an expert opinion: when the council attached it to its position (null: council only). */
  @ApiProperty({ type: String, nullable: true }) attachedToPositionAt!: string | null;
  /** WOR art. 20 secrecy in force: show it, and never pass the document on. */
  @ApiProperty() confidential!: boolean;
  @ApiProperty({ type: ConfidentialityResponse, nullable: true })
  confidentiality!: ConfidentialityResponse | null;
  @ApiProperty({ type: DocumentVersionResponse }) latestVersion!: DocumentVersionResponse;
  @ApiProperty() versionCount!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}

export class DocumentDetailResponse extends DocumentResponse {
  @ApiProperty({ type: [DocumentVersionResponse] }) versions!: DocumentVersionResponse[];
}

export class DocumentPage extends PageResponseOf(DocumentResponse) {}
