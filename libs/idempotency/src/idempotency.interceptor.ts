import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request, Response } from 'express';
import { catchError, defer, from, mergeMap, type Observable, of, throwError } from 'rxjs';

import type { Actor } from '@wc/auth';
import { BadRequest, Clock, Conflict, Unprocessable } from '@wc/core';

import { IdempotencyRepository } from './idempotency.repository';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** How long a key is remembered: a client retries within minutes, 24 h leaves room for outages. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

/**
 * `Idempotency-Key` on a creating POST (one answering 201): the first response is stored per
 * user and key, and a retry with the same key and the same request gets that response again
 * (marked `Idempotent-Replayed: true`) instead of creating a second resource. The same key with
 * another request is refused with 422 `idempotency.key_reused`; a retry while the first request
 * still runs gets 409 `idempotency.request_in_progress`. A first request that fails stores
 * nothing, so it may be retried with the same key. Multipart uploads are parsed after this
 * interceptor runs, so their bodies cannot be compared: the header is ignored on them.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const key = request.header(IDEMPOTENCY_KEY_HEADER);
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
    const creates =
      request.method === 'POST' && status === 201 && !request.is('multipart/form-data');
    if (key === undefined || !creates || !request.user) {
      return next.handle();
    }
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new BadRequest(
        'idempotency.key_invalid',
        `The ${IDEMPOTENCY_KEY_HEADER} header must have 1 to ${MAX_KEY_LENGTH} characters.`,
      );
    }
    const userId = request.user.userId;
    const response = context.switchToHttp().getResponse<Response>();
    const hash = requestFingerprint(request.method, request.originalUrl, request.body);
    return defer(() => this.claimOrReplay(userId, key, hash)).pipe(
      mergeMap((replay) => {
        if (replay) {
          response.status(replay.status).setHeader('Idempotent-Replayed', 'true');
          return of(replay.body);
        }
        return next.handle().pipe(
          mergeMap((body: unknown) =>
            from(this.keys.complete(userId, key, status, body).then(() => body)),
          ),
          catchError((error: unknown) =>
            from(this.keys.release(userId, key)).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  private async claimOrReplay(
    userId: string,
    key: string,
    hash: string,
  ): Promise<{ status: number; body: unknown } | null> {
    const now = this.clock.now();
    if (
      await this.keys.claim(
        userId,
        key,
        hash,
        now,
        new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS),
      )
    ) {
      return null;
    }
    const stored = await this.keys.find(userId, key);
    if (stored && stored.requestHash !== hash) {
      throw new Unprocessable(
        'idempotency.key_reused',
        `This ${IDEMPOTENCY_KEY_HEADER} was used for another request in the last 24 hours; use a new key.`,
      );
    }
    if (!stored || stored.responseStatus === null) {
      throw new Conflict(
        'idempotency.request_in_progress',
        `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry shortly.`,
      );
    }
    return { status: stored.responseStatus, body: stored.responseBody };
  }
}
