import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { JobsService } from './jobs.service.js';

/** The one scheduler of the process, and the clock its scheduled work reads: every feature module may register jobs. */
@Global()
@Module({ providers: [JobsService, Clock], exports: [JobsService, Clock] })
export class JobsModule {}
