import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

import { CursorPageQueryDto, PageResponseOf } from '@wc/pagination';

export const SEARCH_KINDS = ['case', 'ai_system', 'document', 'comment', 'meeting'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export class SearchQueryDto extends CursorPageQueryDto {
  /** Words to find, as in a web search: `"exact phrase"`, `or`, `-without`. Dutch and English stemming. */
  @IsString() @MinLength(1) @MaxLength(200) q!: string;
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

/** One page of hits, best first. */
export class SearchResponse extends PageResponseOf(SearchHitResponse) {
  @ApiProperty() query!: string;
}
