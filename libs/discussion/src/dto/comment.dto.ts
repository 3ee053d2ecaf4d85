import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto, PageResponseOf } from '@wc/pagination';

// eslint-disable-next-line no-restricted-imports -- the DTO beside its domain type
import {
  COMMENT_VISIBILITIES,
  type CommentVisibility,
  THREAD_KEY_PATTERN,
} from '../domain/threads';

export class CommentIdParams extends CaseIdParams {
  @IsUUID() commentId!: string;
}

const THREAD_DESCRIPTION =
  '`case` (the whole case), `union` (the council and the union officers it shares the case with), `assessment:<question id>` or `document:<uuid>`.';

export class ThreadQueryDto {
  @ApiPropertyOptional({
    description: `${THREAD_DESCRIPTION} Omitted: every thread you may see (GET) or \`case\` (POST).`,
  })
  @IsOptional()
  @Matches(THREAD_KEY_PATTERN, {
    message: 'thread must be case, union, assessment:<question id> or document:<uuid>',
  })
  thread?: string;
}

/** A page of a thread's comments (or of who may be mentioned in it). */
export class ThreadPageQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({
    description: `${THREAD_DESCRIPTION} Omitted: every thread you may see (GET) or \`case\` (POST).`,
  })
  @IsOptional()
  @Matches(THREAD_KEY_PATTERN, {
    message: 'thread must be case, union, assessment:<question id> or document:<uuid>',
  })
  thread?: string;
}

export class CreateCommentDto {
  @ApiProperty({
    description:
      'Markdown text; `@[Display name](userId)`, or a plain `@Display name` of someone who can read the thread, mentions and notifies a user.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Users to mention besides those named in the body.',
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(20)
  mentions?: string[];
}

export class UpdateCommentDto extends CreateCommentDto {
  /** The comment version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class CommentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: THREAD_DESCRIPTION }) thread!: string;
  @ApiProperty({ enum: COMMENT_VISIBILITIES }) visibility!: CommentVisibility;
  @ApiProperty() authorId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once deleted.' }) body!:
    string | null;
  @ApiProperty({ type: [String] }) mentions!: string[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) editedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) deletedAt!: string | null;
  @ApiProperty() version!: number;
}

export class CommentRevisionResponse {
  @ApiProperty({ description: '1 is the original text.' }) revision!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Null when the comment was deleted: its history is kept for the record, not shown.',
  })
  body!: string | null;
  @ApiProperty() revisedAt!: string;
}

/** Someone who can read the thread, offered after `@`. */
export class MentionableResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
}

export class CommentPage extends PageResponseOf(CommentResponse) {}
export class MentionablePage extends PageResponseOf(MentionableResponse) {}
export class CommentRevisionPage extends PageResponseOf(CommentRevisionResponse) {}
