import { Module } from '@nestjs/common';
import { ReviewsResolver } from './reviews.resolver';

/** The review queue: what the intake left for a person (issue 15, rule 6). */
@Module({ providers: [ReviewsResolver] })
export class ReviewsModule {}
