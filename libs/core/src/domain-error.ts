import type { ErrorCode, FieldProblem, NotFoundSubject, VersionedResource } from '@wc/contracts';

export type { ErrorCode, FieldProblem };

/**
 * Every error the domain throws on purpose. The code is stable (`<area>.<snake_reason>`) and
 * clients may rely on it; the HTTP status is declared by the subclass.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly meta: Record<string, unknown> = {},
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  readonly status = 404;
  constructor(what: NotFoundSubject, meta: Record<string, unknown> = {}) {
    super(`${what}.not_found`, `The ${what.replace(/_/g, ' ')} does not exist.`, meta);
  }
}

export class Forbidden extends DomainError {
  readonly status = 403;
  constructor(code: ErrorCode, detail: string, meta: Record<string, unknown> = {}) {
    super(code, detail, meta);
  }
}

export class Conflict extends DomainError {
  readonly status = 409;
}

export class Unprocessable extends DomainError {
  readonly status = 422;
}

export class BadRequest extends DomainError {
  readonly status = 400;
}

export class Unauthorized extends DomainError {
  readonly status = 401;
  constructor(code: ErrorCode = 'auth.unauthenticated', detail = 'Authentication is required.') {
    super(code, detail);
  }
}

export class TooManyRequests extends DomainError {
  readonly status = 429;
  constructor(
    code: ErrorCode,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, detail, { retryAfterSeconds });
  }
}

/** Optimistic concurrency: the client edited an older version than the one stored. */
export class VersionConflict extends Conflict {
  constructor(resource: VersionedResource, expected: number, actual: number) {
    super(`${resource}.version_conflict`, `The ${resource} was changed by someone else.`, {
      expectedVersion: expected,
      currentVersion: actual,
    });
  }
}

/** Null for a 404 (the policy hides it from this caller); any other error propagates. */
export async function orNullIfHidden<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFound) {
      return null;
    }
    throw error;
  }
}
