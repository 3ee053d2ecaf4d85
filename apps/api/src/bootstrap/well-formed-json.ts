/**
 * JSON may escape half of a surrogate pair (`"\udfff"`); such a string is not text in any
 * encoding, and libraries downstream (validator's `isEmail` via `encodeURI`, PostgreSQL) throw on it
 * instead of refusing it. The body parser's reviver stops it at the door with a 400.
 */
// Not a SyntaxError: Nest would turn that into a bare BadRequestException and lose the class.
export class IllFormedTextError extends Error {
  constructor() {
    super('The request body contains text that is not valid Unicode (a lone surrogate escape).');
  }
}

/** With the `u` flag a paired surrogate is one code point outside this range; only a lone one matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * A key that reaches an object's prototype when copied (class-transformer, spreads into a plain
 * object): refused like any unknown field, before any code copies it.
 */
export class ForbiddenKeyError extends Error {
  constructor(key: string) {
    super(`property ${key} should not exist`);
  }

  /** Read from the message: body-parser strips an error's own properties but keeps its message. */
  get key(): string {
    return /^property (\S+) /.exec(this.message)?.[1] ?? '';
  }
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function refuseIllFormedText(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) {
    throw new ForbiddenKeyError(key);
  }
  if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) {
    throw new IllFormedTextError();
  }
  return value;
}
