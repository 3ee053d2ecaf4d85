import { Global, Module } from '@nestjs/common';

import { Clock, SystemClock } from '@wc/core';

/** Provides the Clock port; tests override it with a FakeClock. */
@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
