/**
 * Dates as people in the Netherlands read them: in Europe/Amsterdam, Dutch or British wording.
 * Calendar days (`YYYY-MM-DD`, the API's `format: date`) are days, not instants: they are shown
 * as they are, never shifted by a time zone.
 */
export type Language = 'nl' | 'en';

const TIME_ZONE = 'Europe/Amsterdam';
const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');

function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  // Noon UTC is the same calendar day in Amsterdam all year round.
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** `2 maart 2026` / `2 March 2026`. */
export function formatDay(day: string | null | undefined, language: Language): string {
  if (!day) {
    return '–';
  }
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(dayToDate(day));
}

/** `ma 2 mrt 2026` for compact lists. */
export function formatDayShort(day: string | null | undefined, language: Language): string {
  if (!day) {
    return '–';
  }
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(dayToDate(day));
}

/** `2 maart 2026 om 10:00` (an instant, shown in Amsterdam time). */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) {
    return '–';
  }
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** Today's calendar day in Amsterdam. */
export function todayInAmsterdam(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: TIME_ZONE,
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is past. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / 86_400_000);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** A stored answer or field value as text: lists joined, anything structured as JSON, never `[object Object]`. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '–';
  }
  if (Array.isArray(value)) {
    return value.map(formatValue).join(', ') || '–';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
