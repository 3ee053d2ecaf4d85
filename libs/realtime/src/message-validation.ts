import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

import { BadRequest, type FieldProblem } from '@wc/core';

/**
 * Socket payloads are checked by the same rules as HTTP bodies (house style B.7): class-validator
 * with unknown fields refused. Done in the handler rather than by the global pipe, because a pipe
 * failure cannot answer through the message's ack.
 */
export async function validateMessage<T extends object>(
  dto: new () => T,
  body: unknown,
): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequest('request.validation_failed', 'The message must be an object.');
  }
  const instance = plainToInstance(dto, body);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new BadRequest(
      'request.validation_failed',
      'The message has invalid fields.',
      {},
      problemsOf(errors),
    );
  }
  return instance;
}

function problemsOf(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...problemsOf(error.children ?? [], path)];
  });
}
