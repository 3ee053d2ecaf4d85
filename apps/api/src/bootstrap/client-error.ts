import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

import { Logger } from '@nestjs/common';

import type { ErrorCode } from '@wc/contracts';

/**
 * Requests Node's HTTP parser refuses before the application sees them (headers or a URL over
 * 16 kB, a broken request line, an incomplete request at the request timeout). Node's own answer
 * is a bare status line; this writes the same status as application/problem+json with a stable
 * code, straight on the socket: there is no request or response object at this point.
 */
export interface ClientErrorProblem {
  readonly status: number;
  readonly title: string;
  readonly code: ErrorCode;
  readonly detail: string;
}

const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};

/** The problem for a parser error, by Node's error code (`HPE_*` from llhttp). */
export function clientErrorProblem(code: string | undefined): ClientErrorProblem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        title: 'Request header fields too large',
        code: 'request.headers_too_large',
        detail:
          'The request line and headers together exceed 16 kB: shorten the URL (query string) or the headers.',
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        title: 'Payload too large',
        code: 'request.too_large',
        detail: 'The chunk extensions of the request body are too large.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        title: 'Request timeout',
        code: 'request.timeout',
        detail: 'The request was not received completely in time.',
      };
    default:
      return {
        status: 400,
        title: 'Bad request',
        code: 'request.malformed',
        detail: 'The request could not be parsed as HTTP/1.1.',
      };
  }
}

/** The full HTTP/1.1 response for a problem: status line, headers, JSON body; the connection closes. */
export function clientErrorResponse(problem: ClientErrorProblem, correlationId: string): string {
  const body = JSON.stringify({
    type: `urn:overleg:problem:${problem.code}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    correlationId,
  });
  return [
    `HTTP/1.1 ${problem.status} ${REASON_PHRASES[problem.status] ?? 'Error'}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Correlation-Id: ${correlationId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

// The parser keeps reporting errors for the rest of a refused request's bytes; answer once.
const answered = new WeakSet<Duplex>();
// How long a refused connection may stay open for the client to read the answer and close.
const LINGER_MS = 5_000;

/**
 * Answers the HTTP server's 'clientError' events with problem+json (Node docs, http 'clientError').
 * With a listener Node writes nothing itself, so every branch either answers or destroys.
 */
export function answerClientErrors(server: Pick<Server, 'on'>): void {
  const logger = new Logger('HttpClientError');
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (answered.has(socket)) {
      return;
    }
    // A reset connection has no one to answer; a socket with a response under way must not get
    // a second status line in the middle of it.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })
      ._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    answered.add(socket);
    const problem = clientErrorProblem(error.code);
    const correlationId = randomUUID();
    logger.debug(
      { code: error.code, status: problem.status, correlationId },
      'refused before routing',
    );
    // end(), not destroy(): closing with the rest of the request unread would send a TCP reset,
    // and the client could lose the answer. The client closes after reading (Connection: close).
    socket.end(clientErrorResponse(problem, correlationId));
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
