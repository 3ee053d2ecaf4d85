/** Legal terms are counted in Dutch calendar days (house style B.6). */
export const AMSTERDAM_TIME_ZONE = 'Europe/Amsterdam';

// en-CA formats as yyyy-MM-dd; one formatter, built once (the zone lookup is the cost).
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: AMSTERDAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Europe/Amsterdam calendar day (`yyyy-MM-dd`) an instant falls on: "today" for a legal term
 * is the Dutch day of the clock's instant, never the UTC day. The one copy of this rule.
 */
export function amsterdamDay(instant: Date): string {
  return AMSTERDAM_DAY.format(instant);
}
