import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { Tokens } from '@seguimiento/auth';
import { AuthGuard } from './auth/auth.guard';
import { Revocations } from './auth/revocations';
import { GraphQLModule } from '@nestjs/graphql';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import {
  DEFAULT_SUBSCRIPTIONS_PER_CONNECTION,
  DEFAULT_SUBSCRIPTIONS_PER_USER,
  type GatewayConfig,
  introspectionEnabled,
} from './config';
import { DocumentsModule } from './documents/documents.module';
import { formatError } from './errors/graphql-errors';
import { MAX_BODY, MAX_TOKENS, complexityPlugin, validationRules } from './errors/query-limits';
import { OperationSlots } from './errors/operation-slots';
import { settledExecute } from './auth/subscription-admission';
import { trackResolvers } from './errors/settled-resolvers';
import { Metrics } from './observability/metrics';
import { ObservabilityModule } from './observability/observability.module';
import type { GraphQLSchema } from 'graphql';
import { HealthController } from './health/health.controller';
import { ExplorerController } from './explorer/explorer.controller';
import { explorerLandingPage } from './explorer/explorer-page';
import { requireTokenPlugin } from './auth/require-token.plugin';
import { AddressRateLimiter, RateLimits, TokenRateLimiter } from './auth/rate-limit';
import { subscriptionAdmission } from './auth/subscription-admission';
import { SocketServer, bytesOf } from './live/socket-server';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ApplicationModule } from './infrastructure/application.module';
import { LiveModule } from './live/live.module';
import { OficiosModule } from './oficios/oficios.module';
import { IntakeModule } from './intake/intake.module';
import { ReportsModule } from './reports/reports.module';
import { ObligationsModule } from './obligations/obligations.module';
import { SupervisionModule } from './supervision/supervision.module';
import { DirectoryModule } from './directory/directory.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SavedViewsModule } from './saved-views/saved-views.module';
import { SessionModule } from './session/session.module';
import { ConsoleModule } from './console/console.module';
import { FilesModule } from './files/files.module';

/** Where the generated schema is written; committed so reviewers see every change to the API. */
const schemaFile = (): string => join(repoRoot(), 'apps', 'gateway', 'schema.gql');

@Module({})
export class AppModule {
  /** `schemaFile`: where to write the generated schema (default: the committed apps/gateway/schema.gql). */
  static forConfig(config: GatewayConfig, options: { schemaFile?: string } = {}): DynamicModule {
    const tokens = new Tokens(config.jwtSecret);
    const introspection = introspectionEnabled(config);
    const rules = validationRules(introspection);
    /** This gateway's built schema, for the cost estimate and WebSocket operations (known only once Nest has generated it). */
    const schemaHolder: { schema: GraphQLSchema | null } = { schema: null };
    /** Each user's expensive operations, counted across HTTP and WebSocket. */
    const slots = new OperationSlots();
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forConfig(config),
        ObservabilityModule,
        ApplicationModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [Metrics],
          useFactory: (metrics: Metrics) => {
            const schema = () => schemaHolder.schema!;
            return {
              autoSchemaFile: options.schemaFile ?? schemaFile(),
              sortSchema: true,
              playground: false,
              includeStacktraceInErrorResponses: false,
              // Our rule refuses introspection when it is off (validationRules), in Spanish and over WebSocket too.
              introspection: true,
              formatError,
              // Without introspection, no "Did you mean …?" either (it names the schema's fields and types).
              hideSchemaDetailsFromClientErrors: !introspection,
              // The request carries the token, verified and counted by graphqlGate before its body
              // was read. WebSockets are served by SocketServer (below), not by @nestjs/graphql.
              context: ({ req }: { req: unknown }) => ({ req }),
              // Parsing stops at MAX_TOKENS: a document of thousands of aliases never reaches validation.
              parseOptions: { maxTokens: MAX_TOKENS },
              validationRules: rules,
              plugins: [
                requireTokenPlugin(tokens),
                complexityPlugin(schema, slots),
                metrics.plugin(),
                explorerLandingPage(introspection),
              ],
              transformSchema: (built: GraphQLSchema) => {
                // Every resolver is tracked, so that an answer waits for all the work its operation started.
                schemaHolder.schema = trackResolvers(built);
                return built;
              },
            };
          },
        }),
        DocumentsModule,
        ObligationsModule,
        SupervisionModule,
        LiveModule,
        OficiosModule,
        IntakeModule,
        ReportsModule,
        DirectoryModule,
        ReviewsModule,
        SavedViewsModule,
        SessionModule.forConfig(tokens, config.session),
        FilesModule,
        ConsoleModule,
      ],
      // The explorer needs introspection: its files are served only when it is on.
      controllers: introspection ? [HealthController, ExplorerController] : [HealthController],
      providers: [
        { provide: Tokens, useValue: tokens },
        {
          provide: RateLimits,
          inject: [Metrics],
          useFactory: (metrics: Metrics) =>
            new RateLimits(
              config.rateLimitPerMinute ? new TokenRateLimiter(config.rateLimitPerMinute, metrics.rateLimited) : null,
              config.anonymousRateLimitPerMinute ? new AddressRateLimiter(config.anonymousRateLimitPerMinute) : null,
            ),
        },
        {
          provide: SocketServer,
          inject: [HttpAdapterHost, RateLimits, Metrics],
          useFactory: (host: HttpAdapterHost, limits: RateLimits, metrics: Metrics) =>
            new SocketServer(host, {
              path: '/graphql',
              tokens,
              limits,
              schema: () => schemaHolder.schema!,
              admission: subscriptionAdmission(tokens, limits.perUser, () => schemaHolder.schema!, rules, slots),
              // An operation's answer waits for every resolver it started, then gives back its slot for expensive work.
              execute: settledExecute(),
              introspection,
              maxPayload: bytesOf(MAX_BODY),
              perConnection: config.subscriptionsPerConnection ?? DEFAULT_SUBSCRIPTIONS_PER_CONNECTION,
              perUser: config.subscriptionsPerUser ?? DEFAULT_SUBSCRIPTIONS_PER_USER,
              anonymous: metrics.anonymous,
            }),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        Revocations,
      ],
    };
  }
}
