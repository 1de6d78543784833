import { Module } from '@nestjs/common';
import { ObligationsResolver } from './obligations.resolver';

@Module({ providers: [ObligationsResolver] })
export class ObligationsModule {}
