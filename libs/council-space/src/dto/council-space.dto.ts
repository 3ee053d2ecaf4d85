import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { CaseIdParams } from '@wc/cases';
import { PageResponseOf } from '@wc/pagination';

// eslint-disable-next-line no-restricted-imports -- the DTO beside its domain type
import type { PositionTrack, VoteStatus } from '../domain/votes';
// eslint-disable-next-line no-restricted-imports -- the DTO beside its entity's types
import type { InternalNoteKind, InternalNoteTrack } from '../internal-note.entity';

const NOTE_KINDS = ['note', 'draft_position'] as const;
const TRACKS = ['advice', 'consent'] as const;

export class NoteIdParams extends CaseIdParams {
  @IsUUID() noteId!: string;
}

export class VoteIdParams extends CaseIdParams {
  @IsUUID() voteId!: string;
}

export class CreateInternalNoteDto {
  @ApiProperty({ enum: NOTE_KINDS }) @IsIn(NOTE_KINDS) kind!: InternalNoteKind;
  @IsString() @MinLength(1) @MaxLength(50000) body!: string;
  @ApiPropertyOptional({
    enum: TRACKS,
    description: 'The track a draft position is for; required for a draft position.',
  })
  @ValidateIf((o: CreateInternalNoteDto) => o.kind === 'draft_position' || o.track !== undefined)
  @IsIn(TRACKS)
  track?: InternalNoteTrack;
}

export class UpdateInternalNoteDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(50000) body?: string;
  @ApiPropertyOptional({ enum: TRACKS }) @IsOptional() @IsIn(TRACKS) track?: InternalNoteTrack;
  /** The note version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class InternalNoteResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: NOTE_KINDS }) kind!: InternalNoteKind;
  @ApiProperty({ enum: TRACKS, nullable: true, type: String }) track!: InternalNoteTrack | null;
  @ApiProperty() body!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class OpenVoteDto {
  @IsString() @MinLength(1) @MaxLength(5000) proposal!: string;

  @ApiProperty({
    type: [String],
    description:
      'To adopt the result as the formal position, use the positions as options: positive/negative/conditional (advice), granted/refused/conditional (consent).',
  })
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ArrayUnique()
  options!: string[];

  @ApiProperty({ description: 'The minimum number of ballots for the result to count.' })
  @IsInt()
  @Min(1)
  @Max(500)
  quorum!: number;

  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) closesAt!: string;
}

export class CastBallotDto {
  @IsString() @MaxLength(200) option!: string;
}

export class CloseVoteDto {
  /** The vote version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class AdoptVoteDto extends CloseVoteDto {
  @ApiProperty({ enum: TRACKS }) @IsIn(TRACKS) track!: PositionTrack;
  @ApiPropertyOptional({
    description: 'Required for a negative or conditional advice and for every consent decision.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  reasons?: string;
  @ApiPropertyOptional({ type: [String], description: 'Required for a conditional position.' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(5000, { each: true })
  @ArrayMaxSize(50)
  conditions?: string[];
  @IsOptional() @IsBoolean() waivesSuspension?: boolean;
}

export class VoteResultResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) counts!: Record<
    string,
    number
  >;
  @ApiProperty() ballots!: number;
  @ApiProperty() quorum!: number;
  @ApiProperty() quorumMet!: boolean;
  @ApiProperty({ type: String, nullable: true }) winner!: string | null;
}

export class VoteResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() proposal!: string;
  @ApiProperty({ type: [String] }) options!: string[];
  @ApiProperty() quorum!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "The council's seats (active chair, secretary and members) that the quorum is set against; null in overviews across cases.",
  })
  councilSize!: number | null;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: VoteStatus;
  @ApiProperty() ballotsCast!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Your own ballot, if you cast one.' })
  yourBallot!: string | null;
  @ApiProperty({ type: VoteResultResponse, nullable: true, description: 'Set once closed.' })
  result!: VoteResultResponse | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty() adoptedAsPosition!: boolean;
  @ApiProperty({ enum: TRACKS, nullable: true, type: String }) adoptedTrack!: PositionTrack | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}

export class InternalNotePage extends PageResponseOf(InternalNoteResponse) {}
export class VotePage extends PageResponseOf(VoteResponse) {}
