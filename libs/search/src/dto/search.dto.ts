import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export const SEARCH_KINDS = ['case', 'ai_system', 'document', 'comment', 'meeting'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export class SearchQueryDto {
  /** Words to find, as in a web search: `"exact phrase"`, `or`, `-without`. Dutch and English stemming. */
  @IsString() @MinLength(1) @MaxLength(200) q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

/** A piece of a snippet; `match` marks the words that matched the query. */
export class SnippetPartResponse {
  @ApiProperty() text!: string;
  @ApiProperty() match!: boolean;
}

export class SearchHitResponse {
  @ApiProperty({ enum: SEARCH_KINDS }) kind!: SearchKind;
  @ApiProperty() id!: string;
  /** The case the item belongs to (documents, comments, the case itself); null for register entries and meetings. */
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseTitle!: string | null;
  /** Empty for comments, which have no title of their own. */
  @ApiProperty() title!: string;
  @ApiProperty({ type: [SnippetPartResponse] }) snippet!: SnippetPartResponse[];
  @ApiProperty() rank!: number;
}

export class SearchResponse {
  @ApiProperty() query!: string;
  @ApiProperty({ type: [SearchHitResponse] }) items!: SearchHitResponse[];
}
