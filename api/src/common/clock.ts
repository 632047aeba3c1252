import { Injectable } from '@nestjs/common';
import { isoDateOf } from './dates.js';

/**
 * The time as the installation's scheduled work reads it. One injectable
 * place, so that an end-to-end test can move it (three years on, say) and
 * watch the real date logic on the real database answer.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's date where the installation is (TZ). */
  today(): string {
    return isoDateOf(this.now());
  }
}
