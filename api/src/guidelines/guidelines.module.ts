import { Module } from '@nestjs/common';
import { GuidelinesController } from './guidelines.controller.js';
import { GuidelinesService } from './guidelines.service.js';

@Module({ controllers: [GuidelinesController], providers: [GuidelinesService], exports: [GuidelinesService] })
export class GuidelinesModule {}
