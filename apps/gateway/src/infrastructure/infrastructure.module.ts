import { Global, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { EventStore, openDatabase } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { ReadYourWrites } from './read-your-writes';
import { WorkflowCommands } from './workflow-commands';

/** Closes the connections the gateway opened when Nest shuts down. */
@Injectable()
class ConnectionsCloser implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.connection.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The gateway's edges: PostgreSQL (with migrations applied), the Temporal client, and the application's ports over them. */
@Global()
@Module({})
export class InfrastructureModule {
  static forConfig(config: GatewayConfig) {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: () => openDatabase(config.databaseUrl, { applicationName: 'seguimiento-gateway' }),
        },
        {
          provide: Client,
          useFactory: async () =>
            new Client({
              connection: await Connection.connect({ address: config.temporalAddress, tls: config.temporalTls }),
              namespace: config.namespace,
            }),
        },
        { provide: EventStore, inject: [DataSource], useFactory: (ds: DataSource) => new EventStore(ds) },
        ConnectionsCloser,
        WorkflowCommands,
        ReadYourWrites,
      ],
      exports: [GATEWAY_CONFIG, DataSource, Client, EventStore, WorkflowCommands, ReadYourWrites],
    };
  }
}
