import { type FindOperator, Raw } from 'typeorm';

let parameterCount = 0;

/**
 * A find condition `column = ANY(:values)` with the values as one array parameter. TypeORM's `In`
 * gives every value a parameter of its own, and its bookkeeping grows with the square of their
 * number (10,000 case ids cost a dashboard 0.6 s): use this for sets of ids of any size.
 */
export function anyOf<T>(values: readonly T[]): FindOperator<T> {
  // Unique per call, so two conditions in one query keep their own parameter.
  const name = `any_of_${(parameterCount = (parameterCount + 1) % 1_000_000)}`;
  return Raw((column) => `${column} = ANY(:${name})`, { [name]: [...values] }) as FindOperator<T>;
}
