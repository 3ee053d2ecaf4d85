import { pdfSafe } from './dossier-pdf';

describe('pdfSafe', () => {
  it('keeps Dutch text and WinAnsi punctuation, and replaces what the standard fonts cannot draw', () => {
    expect(pdfSafe('egoïstisch, één, collega’s – “zo”… €5')).toBe(
      'egoïstisch, één, collega’s – “zo”… €5',
    );
    expect(pdfSafe('effect −2, logs ≥ 6 months, A → B')).toBe(
      'effect -2, logs >= 6 months, A -> B',
    );
    expect(pdfSafe('日本 🙂')).toBe('?? ?');
  });
});
