/** Where all code gets "now" from, so tests can move time (house style B.6). */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date(Date.now());
  }
}

/** A clock that only moves when told to. */
export class FakeClock extends Clock {
  private current: Date;

  constructor(start: Date | string = '2026-01-05T09:00:00Z') {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance({
    days = 0,
    hours = 0,
    minutes = 0,
  }: {
    days?: number;
    hours?: number;
    minutes?: number;
  }): void {
    this.current = new Date(this.current.getTime() + ((days * 24 + hours) * 60 + minutes) * 60_000);
  }
}
