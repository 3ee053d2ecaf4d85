import { VALUE_LABELS } from '@wc/texts';

import type { Language } from './domain';

/**
 * The enum values the dossier PDF shows, in the reader's language (issue #18): the texts the web
 * shows for the same values (@wc/texts VALUE_LABELS), plus what only the PDF shows. A value no
 * table knows prints as "-", never as its raw key.
 */

/** What only the PDF shows (the web has no label for these values). */
export const PDF_ONLY_LABELS: Record<Language, Record<string, Record<string, string>>> = {
  nl: {
    caseStatus: { draft: 'concept', sent: 'verstuurd naar de OR' },
    evidenceType: {
      vendor_info: 'informatie van de leverancier',
      pilot: 'pilot',
      survey: 'enquête',
      assumption: 'aanname',
    },
  },
  en: {
    caseStatus: { draft: 'draft', sent: 'sent to the works council' },
    evidenceType: {
      vendor_info: 'vendor information',
      pilot: 'pilot',
      survey: 'survey',
      assumption: 'assumption',
    },
  },
};

/** The label of one value; "-" for a value no table knows (a raw key is never printed). */
export function pdfLabel(
  language: Language,
  group: string,
  value: string | null | undefined,
): string {
  if (value === null || value === undefined || value === '') {
    return '-';
  }
  const tables = [
    (VALUE_LABELS[language] as Record<string, Record<string, string>>)[group],
    PDF_ONLY_LABELS[language][group],
  ];
  for (const table of tables) {
    if (table && Object.prototype.hasOwnProperty.call(table, value)) {
      return table[value];
    }
  }
  return '-';
}
