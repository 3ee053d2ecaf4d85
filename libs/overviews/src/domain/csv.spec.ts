import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain text', 'WarehouseInsight', 'WarehouseInsight'],
    ['a comma', 'Route, picking', '"Route, picking"'],
    ['quotes', 'the "best" tool', '"the ""best"" tool"'],
    ['a line break', 'line 1\nline 2', '"line 1\nline 2"'],
    ['a CRLF', 'a\r\nb', '"a\r\nb"'],
    ['leading space', ' padded', '" padded"'],
    ['a formula', '=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a plus', '+31 20 123', "'+31 20 123"],
    ['a minus', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\t=1', "'\t=1"],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['a number, even negative', -3, '-3'],
    ['a boolean', true, 'true'],
    ['an object as JSON', { title: 'a,b' }, '"{""title"":""a,b""}"'],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['id', 'title'],
        [
          ['1', 'A'],
          ['2', '=cmd'],
        ],
      ),
    ).toBe("id,title\r\n1,A\r\n2,'=cmd\r\n");
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['id'], [])).toBe('id\r\n');
  });
});
