/** The languages every text of the app exists in: Dutch (the default) and English. */
export type TextLanguage = 'nl' | 'en';
