import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Tokens } from '@seguimiento/auth';
import { AuthGuard } from './auth/auth.guard';
import { GraphQLModule } from '@nestjs/graphql';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import type { GatewayConfig } from './config';
import { DocumentsModule } from './documents/documents.module';
import { formatError } from './errors/graphql-errors';
import { complexityPlugin, depthRule } from './errors/query-limits';
import { Metrics } from './observability/metrics';
import { ObservabilityModule } from './observability/observability.module';
import type { GraphQLSchema } from 'graphql';
import { HealthController } from './health/health.controller';
import { ExplorerController } from './explorer/explorer.controller';
import { explorerLandingPage } from './explorer/explorer-page';
import { requireTokenPlugin } from './auth/require-token.plugin';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { LiveModule } from './live/live.module';
import { OficiosModule } from './oficios/oficios.module';
import { IntakeModule } from './intake/intake.module';
import { ReportsModule } from './reports/reports.module';
import { ObligationsModule } from './obligations/obligations.module';
import { SupervisionModule } from './supervision/supervision.module';

/** Where the generated schema is written; committed so reviewers see every change to the API. */
export const schemaFile = (): string => join(repoRoot(), 'apps', 'gateway', 'schema.gql');

/** The built schema, for the complexity estimator (it is known only once Nest has generated it). */
const schemaHolder: { schema: GraphQLSchema | null } = { schema: null };

@Module({})
export class AppModule {
  /** `schemaFile`: where to write the generated schema (default: the committed apps/gateway/schema.gql). */
  static forConfig(config: GatewayConfig, options: { schemaFile?: string } = {}): DynamicModule {
    const tokens = new Tokens(config.jwtSecret);
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forConfig(config),
        ObservabilityModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [Metrics],
          useFactory: (metrics: Metrics) => ({
            autoSchemaFile: options.schemaFile ?? schemaFile(),
            sortSchema: true,
            playground: false,
            includeStacktraceInErrorResponses: false,
            formatError,
            // Over HTTP the request carries the token; over graphql-ws, the connection parameters do.
            context: ({ req, connectionParams }: { req?: unknown; connectionParams?: Record<string, unknown> }) =>
              req ? { req } : { req: { headers: { authorization: connectionParams?.authorization ?? connectionParams?.Authorization } } },
            subscriptions: { 'graphql-ws': { path: '/graphql' } },
            validationRules: [depthRule],
            plugins: [requireTokenPlugin(tokens), complexityPlugin(() => schemaHolder.schema!), metrics.plugin(), explorerLandingPage()],
            transformSchema: (schema: GraphQLSchema) => {
              schemaHolder.schema = schema;
              return schema;
            },
          }),
        }),
        DocumentsModule,
        ObligationsModule,
        SupervisionModule,
        LiveModule,
        OficiosModule,
        IntakeModule,
        ReportsModule,
      ],
      controllers: [HealthController, ExplorerController],
      providers: [
        { provide: Tokens, useValue: tokens },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
