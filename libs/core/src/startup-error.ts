/**
 * A start-up failure the operator fixes: its message is one sentence saying what is wrong and
 * how to fix it, printed without a stack trace before the process exits with 1.
 */
export class StartupError extends Error {
  override readonly name: string = 'StartupError';
}
