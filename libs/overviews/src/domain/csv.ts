/** One CSV cell before encoding; objects are written as JSON. */
export type CsvValue =
  string | number | boolean | null | undefined | Record<string, unknown> | unknown[];

/**
 * A spreadsheet opening the file would run a cell that starts like a formula (CSV injection,
 * OWASP); such text cells get a leading apostrophe, which spreadsheets show as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** RFC 4180 text: a header row, CRLF line ends, quotes doubled, formula-like text neutralised. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return csvRows([header, ...rows]);
}

/** CSV lines, each ended by CRLF: a part of a file written page by page. */
export function csvRows(rows: ReadonlyArray<readonly CsvValue[]>): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
