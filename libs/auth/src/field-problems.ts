import type { ValidationError } from 'class-validator';

import type { FieldProblem } from '@wc/core';

/** Flattens nested class-validator errors into `{ path, message }` pairs. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...fieldProblems(error.children ?? [], path)];
  });
}
