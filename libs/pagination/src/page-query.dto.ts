import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

import { BadRequest } from '@wc/core';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/**
 * A limit above the maximum is refused with its own code rather than clamped, so a client that
 * asks for "everything" learns at once that it must follow `nextCursor`.
 */
function boundedLimit({ value }: { value: unknown }): unknown {
  const limit = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof limit === 'number' && limit > MAX_PAGE_LIMIT) {
    throw new BadRequest(
      'pagination.limit_too_large',
      `limit may be at most ${MAX_PAGE_LIMIT}; follow nextCursor for more.`,
      { maxLimit: MAX_PAGE_LIMIT },
      [{ path: 'limit', message: `must not be greater than ${MAX_PAGE_LIMIT}` }],
    );
  }
  return limit;
}

/** The one pagination convention of every collection: `?limit=&cursor=`, answered with a `Page`. */
export class CursorPageQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_LIMIT,
    default: DEFAULT_PAGE_LIMIT,
    description: 'Items per page.',
  })
  @IsOptional()
  @Transform(boundedLimit)
  @IsInt()
  @Min(1)
  limit?: number;

  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page; omit for the first page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
