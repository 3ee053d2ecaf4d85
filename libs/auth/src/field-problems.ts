import { getMetadataStorage, type ValidationError } from 'class-validator';

import type { FieldProblem } from '@wc/core';

/**
 * Flattens nested class-validator errors into `{ path, message, constraint, args }`: the English
 * message for old clients and logs, the constraint and its limits (from the DTO's metadata) for a
 * text in the reader's language at the field it concerns.
 */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const args = constraintArgs(error, constraint);
      return { path, message, constraint, ...(args.length > 0 ? { args } : {}) };
    });
    return [...own, ...fieldProblems(error.children ?? [], path)];
  });
}

/** The primitive limits a constraint was declared with (`@MaxLength(300)` → `[300]`). */
function constraintArgs(error: ValidationError, constraint: string): Array<string | number> {
  const target = error.target;
  if (!target || typeof target !== 'object') {
    return [];
  }
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  return (metadata?.constraints ?? []).filter(
    (c): c is string | number =>
      (typeof c === 'number' && Number.isFinite(c)) || typeof c === 'string',
  );
}
