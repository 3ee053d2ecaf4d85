import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { Observable } from 'rxjs';

import { runWithCorrelationId } from '@wc/core';

/**
 * Runs each HTTP handler with the request's correlation id (the one pino-http gave the request
 * and its logs, from `X-Correlation-Id` when well-formed), so the events it writes carry it.
 */
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const id =
      context.getType() === 'http'
        ? (context.switchToHttp().getRequest<{ id?: unknown }>().id as string | number | undefined)
        : undefined;
    if (id === undefined) {
      return next.handle();
    }
    // The request's span (when tracing is on) is findable by the id a user quotes from an error.
    trace.getActiveSpan()?.setAttribute('overleg.correlation_id', String(id));
    // The handler runs when the observable is subscribed, so subscribe inside the context.
    return new Observable((subscriber) =>
      runWithCorrelationId(String(id), () => next.handle().subscribe(subscriber)),
    );
  }
}
