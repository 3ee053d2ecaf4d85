import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import type { ErrorCode, ProblemDetails } from '@wc/contracts';
import { DomainError, TooManyRequests } from '@wc/core';

import { ForbiddenKeyError, IllFormedTextError } from './well-formed-json';

type Problem = ProblemDetails & { detail: string; instance: string };

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

/** Codes for errors raised by the framework or body parser rather than by our code. */
const FRAMEWORK_CODES: Record<number, ErrorCode> = {
  // Our code throws DomainErrors; a bare 400 comes from Nest mapping a body-parser SyntaxError
  // (broken JSON) or a URIError (bad percent-encoding in the path).
  400: 'request.malformed',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'route.not_found',
  405: 'route.method_not_allowed',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
  429: 'request.rate_limited',
  503: 'service.unavailable',
};

/**
 * Writes every error as RFC 9457 application/problem+json with a stable `code`. Unknown errors
 * become a generic 500 and are logged once with the correlation id; no internals leave.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(error, request);
    // A deliberate 5xx (an identity provider down) was logged with its cause where it was thrown.
    if (problem.status >= 500 && !(error instanceof DomainError)) {
      this.logger.error({ err: error, correlationId: problem.correlationId }, 'unhandled error');
    }
    if (error instanceof TooManyRequests) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(error: unknown, request: Request & { id?: string }): Problem {
    const base = {
      instance: request.originalUrl ?? request.url,
      correlationId: request.id ? String(request.id) : undefined,
    };
    if (error instanceof ForbiddenKeyError) {
      const code: ErrorCode = 'request.validation_failed';
      return {
        type: `urn:overleg:problem:${code}`,
        title: TITLES[400],
        status: 400,
        detail: 'The request has invalid fields.',
        code,
        ...base,
        errors: [{ path: error.key, message: error.message }],
      };
    }
    if (error instanceof DomainError) {
      return {
        type: `urn:overleg:problem:${error.code}`,
        title: TITLES[error.status] ?? 'Error',
        status: error.status,
        detail: error.detail,
        code: error.code,
        ...base,
        ...error.meta,
        ...(error.errors.length > 0 ? { errors: error.errors } : {}),
      };
    }
    const status = statusOf(error);
    // A deliberate 503 (the readiness probe) must stay a 503, so load balancers take the
    // instance out of rotation instead of seeing a generic server error.
    const deliberate503 = status === 503 && error instanceof HttpException;
    if (status !== undefined && (status < 500 || deliberate503)) {
      const code = bodyParserCode(error) ?? FRAMEWORK_CODES[status] ?? 'request.rejected';
      return {
        type: `urn:overleg:problem:${code}`,
        title: TITLES[status] ?? 'Error',
        status,
        detail: publicDetail(error, status),
        code,
        ...base,
      };
    }
    return {
      type: 'urn:overleg:problem:server.internal_error',
      title: TITLES[500],
      status: 500,
      detail: 'Something went wrong on our side.',
      code: 'server.internal_error',
      ...base,
    };
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) {
    return error.getStatus();
  }
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function bodyParserCode(error: unknown): ErrorCode | undefined {
  if (error instanceof IllFormedTextError) {
    return 'request.invalid_unicode';
  }
  switch ((error as { type?: unknown } | null)?.type) {
    case 'entity.too.large':
      return 'request.too_large';
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return 'request.unsupported_encoding';
    default:
      return undefined;
  }
}

function publicDetail(error: unknown, status: number): string {
  if (error instanceof IllFormedTextError) {
    return error.message;
  }
  if (status === 400) {
    return 'The request could not be parsed: check that the body is valid JSON and the path is well encoded.';
  }
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    if (typeof message === 'string') {
      return message;
    }
  }
  return TITLES[status] ?? 'The request was rejected.';
}
