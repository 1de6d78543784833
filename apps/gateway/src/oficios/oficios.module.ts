import { Module } from '@nestjs/common';
import { OficiosResolver } from './oficios.resolver';

/** The single entry points for oficios, INE's and the OPLE's, routed to the cases they concern. */
@Module({ providers: [OficiosResolver] })
export class OficiosModule {}
