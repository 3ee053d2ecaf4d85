import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, type ValidationError, type ValidatorOptions } from 'class-validator';

import { fieldProblems } from '@wc/auth';
import { BadRequest } from '@wc/core';

/**
 * The one validator (house style B.7): unknown fields are refused, not silently dropped. Text that
 * PostgreSQL cannot store is refused up front for every DTO, with a 400 naming the field: a NUL
 * character (not allowed in `text` or `jsonb`) and a lone UTF-16 surrogate (`jsonb` rejects its
 * `\udXXX` escape). Otherwise both fail inside the transaction as a 500.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const path = unstorableTextPath(value, metadata.type === 'body' ? '' : metadata.type);
      if (path !== undefined) {
        throw new BadRequest(
          'request.unstorable_text',
          'Text may not contain NUL characters or unpaired surrogates.',
          {},
          [
            {
              path,
              message: 'contains a NUL character or an unpaired surrogate',
              constraint: 'unstorable_text',
            },
          ],
        );
      }
    }
    return super.transform(value, metadata);
  }

  /**
   * `@ValidateNested()` skips a missing object unless the DTO also says `@IsDefined()`, and the
   * service then reads a property of `undefined` (a 500). Here a nested DTO property that is not
   * `@IsOptional()` (or `@ValidateIf`) is required, at any depth, whatever its DTO forgot.
   */
  protected override async validate(
    object: object,
    options?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const missing = missingNested(object);
    return missing.length > 0 ? missing : super.validate(object, options);
  }
}

function missingNested(object: object, depth = 0): ValidationError[] {
  if (depth > 16) {
    return [];
  }
  const metadata = getMetadataStorage().getTargetValidationMetadatas(
    object.constructor,
    '',
    true,
    false,
  );
  const errors: ValidationError[] = [];
  for (const property of new Set(
    metadata.filter((m) => m.type === 'nestedValidation').map((m) => m.propertyName),
  )) {
    const optional = metadata.some(
      (m) => m.propertyName === property && m.type === 'conditionalValidation',
    );
    const value = (object as Record<string, unknown>)[property];
    if (value === undefined || value === null) {
      if (!optional) {
        errors.push({
          property,
          value,
          constraints: { isDefined: `${property} should not be null or undefined` },
          children: [],
        });
      }
    } else if (typeof value === 'object' && !Array.isArray(value) && value.constructor !== Object) {
      const children = missingNested(value, depth + 1);
      if (children.length > 0) {
        errors.push({ property, value, constraints: {}, children });
      }
    }
  }
  return errors;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/** The path of the first string (or key) PostgreSQL cannot store, if any. */
function unstorableTextPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') {
    return storable(value) ? undefined : path;
  }
  if (value === null || typeof value !== 'object' || depth > 32) {
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (!storable(key)) {
      return childPath;
    }
    const found = unstorableTextPath(child, childPath, depth + 1);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BadRequest(
        'request.validation_failed',
        'The request has invalid fields.',
        {},
        fieldProblems(errors),
      ),
  });
}
