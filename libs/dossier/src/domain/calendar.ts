const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Europe/Amsterdam calendar day (`yyyy-MM-dd`) of an instant: Dutch days, never UTC ones. */
export function amsterdamDay(instant: Date): string {
  return AMSTERDAM_DAY.format(instant);
}
