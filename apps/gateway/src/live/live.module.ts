import { Module } from '@nestjs/common';
import { ChangeFeed } from './change-feed';
import { LiveResolver } from './live.resolver';

@Module({ providers: [ChangeFeed, LiveResolver] })
export class LiveModule {}
