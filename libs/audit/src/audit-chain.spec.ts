import { entryHash, GENESIS_HASH, verifyChain } from './audit-chain';

function chain(n: number) {
  const rows = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      caseId: 'c1',
      seq,
      actorId: 'u1',
      action: `a${seq}`,
      occurredAt: new Date(Date.UTC(2026, 0, seq)),
      before: { x: seq },
      after: { x: seq + 1 },
      prevHash,
    };
    const hash = entryHash(fields);
    rows.push({ ...fields, hash });
    prevHash = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('accepts an untouched chain', () => {
    const rows = chain(3);
    expect(verifyChain(rows, { seq: 3, hash: rows[2].hash })).toEqual({
      valid: true,
      entries: 3,
      firstInvalidSeq: null,
      reason: null,
      expectedSeq: 3,
      foundSeq: 3,
    });
  });

  it('accepts an empty chain without a head', () => {
    expect(verifyChain([], null)).toMatchObject({ valid: true, entries: 0 });
  });

  it.each([1, 2, 3])(
    'detects the newest %i entries removed against the anchored head',
    (removed) => {
      const rows = chain(5);
      const head = { seq: 5, hash: rows[4].hash };
      expect(verifyChain(rows.slice(0, 5 - removed), head)).toEqual({
        valid: false,
        entries: 5 - removed,
        firstInvalidSeq: 6 - removed,
        reason: 'truncated',
        expectedSeq: 5,
        foundSeq: 5 - removed,
      });
    },
  );

  it('detects a whole chain removed', () => {
    const rows = chain(2);
    expect(verifyChain([], { seq: 2, hash: rows[1].hash })).toMatchObject({
      valid: false,
      reason: 'truncated',
      expectedSeq: 2,
      foundSeq: 0,
    });
  });

  it('detects the newest entry replaced by a re-hashed forgery', () => {
    const rows = chain(3);
    const head = { seq: 3, hash: rows[2].hash };
    const forged = { ...rows[2], action: 'forged' };
    const tampered = [...rows.slice(0, 2), { ...forged, hash: entryHash(forged) }];
    expect(verifyChain(tampered, head)).toMatchObject({
      valid: false,
      reason: 'edited',
      firstInvalidSeq: 3,
    });
  });

  it('detects an entry appended beside the anchor', () => {
    const rows = chain(3);
    expect(verifyChain(rows, { seq: 2, hash: rows[1].hash })).toMatchObject({
      valid: false,
      reason: 'edited',
      firstInvalidSeq: 3,
    });
  });

  it.each([
    ['an edited payload', (rows: ReturnType<typeof chain>) => (rows[1].after = { x: 99 })],
    ['an edited action', (rows: ReturnType<typeof chain>) => (rows[1].action = 'forged')],
    ['a removed row', (rows: ReturnType<typeof chain>) => rows.splice(1, 1)],
  ])('detects %s at the first broken entry', (_name, tamper) => {
    const rows = chain(3);
    const head = { seq: 3, hash: rows[2].hash };
    tamper(rows);
    expect(verifyChain(rows, head)).toMatchObject({
      valid: false,
      reason: 'edited',
      firstInvalidSeq: expect.any(Number),
    });
  });

  it('hashes independently of key order', () => {
    const base = {
      caseId: 'c',
      seq: 1,
      actorId: null,
      action: 'x',
      occurredAt: new Date(0),
      prevHash: GENESIS_HASH,
    };
    expect(entryHash({ ...base, before: { a: 1, b: 2 }, after: null })).toBe(
      entryHash({ ...base, before: { b: 2, a: 1 }, after: null }),
    );
  });
});
