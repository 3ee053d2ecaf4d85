import { MAX_ATTEMPTS, nextAttemptAt } from './retry-schedule';

describe('webhook retry schedule', () => {
  const failedAt = new Date('2026-03-02T09:00:00Z');

  it.each([
    [1, '2026-03-02T09:01:00.000Z'],
    [2, '2026-03-02T09:05:00.000Z'],
    [3, '2026-03-02T09:30:00.000Z'],
    [4, '2026-03-02T11:00:00.000Z'],
    [5, '2026-03-02T17:00:00.000Z'],
    [6, '2026-03-03T09:00:00.000Z'],
  ])('after %i failed attempts the next is at %s', (attempts, expected) => {
    expect(nextAttemptAt(attempts, failedAt)?.toISOString()).toBe(expected);
  });

  it('gives up after the seventh attempt', () => {
    expect(MAX_ATTEMPTS).toBe(7);
    expect(nextAttemptAt(7, failedAt)).toBeNull();
  });
});
