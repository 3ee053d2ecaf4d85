import { MATCH_END, MATCH_START } from './search.repository';
import { snippetParts } from './search.service';

const m = (word: string) => `${MATCH_START}${word}${MATCH_END}`;

describe('snippetParts', () => {
  it.each([
    ['no match at all', 'de leverancier', [{ text: 'de leverancier', match: false }]],
    [
      'a match in the middle',
      `het ${m('rooster')} van maart`,
      [
        { text: 'het ', match: false },
        { text: 'rooster', match: true },
        { text: ' van maart', match: false },
      ],
    ],
    [
      'matches at both ends',
      `${m('AI')} en ${m('rooster')}`,
      [
        { text: 'AI', match: true },
        { text: ' en ', match: false },
        { text: 'rooster', match: true },
      ],
    ],
    [
      'markup in the text stays text',
      `<b>${m('x')}</b>`,
      [
        { text: '<b>', match: false },
        { text: 'x', match: true },
        { text: '</b>', match: false },
      ],
    ],
  ])('%s', (_name, headline, parts) => {
    expect(snippetParts(headline)).toEqual(parts);
  });
});
