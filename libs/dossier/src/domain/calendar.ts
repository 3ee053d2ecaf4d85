/** The Europe/Amsterdam calendar day (`yyyy-MM-dd`) of an instant: Dutch days, never UTC ones. */
export { amsterdamDay } from '@wc/core';
