import {
  COMMENT_TARGETS,
  DIMENSION_KEYS,
  DIMENSIONS,
  DPIA_ITEMS,
  FRIA_ITEMS,
  QUESTION_IDS,
  questionById,
} from './questionnaire';

describe('quality-of-work questionnaire (seed-requirements 1.3)', () => {
  it('has the twelve dimensions A to L of the SER advice', () => {
    expect(DIMENSION_KEYS).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
  });

  it.each(DIMENSIONS.map((d) => [d.key, d] as const))(
    'dimension %s has numbered questions in Dutch and English with seed sources',
    (key, d) => {
      expect(d.questions.length).toBeGreaterThanOrEqual(1);
      expect(d.questions.length).toBeLessThanOrEqual(5);
      d.questions.forEach((q, i) => {
        expect(q.id).toBe(`${key}${i + 1}`);
        expect(q.dimension).toBe(key);
        expect(q.text.nl.trim().length).toBeGreaterThan(10);
        expect(q.text.en.trim().length).toBeGreaterThan(10);
        expect(q.text.nl).not.toBe(q.text.en);
        expect(q.sources.length).toBeGreaterThan(0);
      });
      expect(d.title.nl && d.title.en).toBeTruthy();
      expect(d.sources.length).toBeGreaterThan(0);
    },
  );

  it('names the control dimension and emotion analysis questions the seeds stress', () => {
    expect(questionById('D1')?.text.en).toMatch(/behaviour, attendance or performance/);
    expect(questionById('F4')?.text.en).toMatch(/emotions/);
    expect(QUESTION_IDS).toHaveLength(42);
  });

  it('lists the DPIA items of GDPR 35(7)(a)-(d) and the FRIA items of AI Act 27(1)(a)-(f)', () => {
    expect(DPIA_ITEMS.filter((i) => i.required).map((i) => i.id)).toEqual([
      'DPIA.a',
      'DPIA.b',
      'DPIA.c',
      'DPIA.d',
    ]);
    expect(DPIA_ITEMS.map((i) => i.field)).toContain('councilViews');
    expect(FRIA_ITEMS.map((i) => i.id)).toEqual([
      'FRIA.a',
      'FRIA.b',
      'FRIA.c',
      'FRIA.d',
      'FRIA.e',
      'FRIA.f',
    ]);
  });

  it('has unique comment targets', () => {
    expect(new Set(COMMENT_TARGETS).size).toBe(COMMENT_TARGETS.length);
  });
});
