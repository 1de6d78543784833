import { Module } from '@nestjs/common';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';

@Module({ providers: [SupervisionResolver, SupervisionService] })
export class SupervisionModule {}
