import { entryHash, GENESIS_HASH, verifyChain } from './audit-chain';

function chain(n: number) {
  const rows = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = { caseId: 'c1', seq, actorId: 'u1', action: `a${seq}`, occurredAt: new Date(Date.UTC(2026, 0, seq)), before: { x: seq }, after: { x: seq + 1 }, prevHash };
    const hash = entryHash(fields);
    rows.push({ ...fields, hash });
    prevHash = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('accepts an untouched chain', () => {
    expect(verifyChain(chain(3))).toEqual({ valid: true, entries: 3, firstInvalidSeq: null });
  });

  it.each([
    ['an edited payload', (rows: ReturnType<typeof chain>) => (rows[1].after = { x: 99 })],
    ['an edited action', (rows: ReturnType<typeof chain>) => (rows[1].action = 'forged')],
    ['a removed row', (rows: ReturnType<typeof chain>) => rows.splice(1, 1)],
  ])('detects %s at the first broken entry', (_name, tamper) => {
    const rows = chain(3);
    tamper(rows);
    expect(verifyChain(rows)).toMatchObject({ valid: false, firstInvalidSeq: expect.any(Number) });
  });

  it('hashes independently of key order', () => {
    const base = { caseId: 'c', seq: 1, actorId: null, action: 'x', occurredAt: new Date(0), prevHash: GENESIS_HASH };
    expect(entryHash({ ...base, before: { a: 1, b: 2 }, after: null })).toBe(entryHash({ ...base, before: { b: 2, a: 1 }, after: null }));
  });
});
