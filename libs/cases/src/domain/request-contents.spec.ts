import { missingRequestContents } from './request-contents';

describe('missingRequestContents', () => {
  it.each([
    [
      'advice',
      [],
      [
        'written_document',
        'intended_decision',
        'grounds',
        'reasons',
        'consequences_for_staff',
        'measures',
      ],
    ],
    [
      'advice',
      ['written_document', 'intended_decision', 'grounds', 'reasons', 'consequences_for_staff'],
      ['measures'],
    ],
    ['consent', ['written_document', 'reasons'], ['regeling_text', 'consequences_for_staff']],
    // WOR 27(2) asks no "measures" [W12]
    ['consent', ['written_document', 'regeling_text', 'reasons', 'consequences_for_staff'], []],
  ] as const)('%s request with %j misses %j', (kind, present, missing) => {
    expect(missingRequestContents(kind, present)).toEqual(missing);
  });
});
