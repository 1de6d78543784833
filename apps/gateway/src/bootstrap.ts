import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { GatewayConfig } from './config';
import { GraphQLExceptionFilter } from './errors/graphql-exception.filter';
import { MAX_BODY } from './errors/query-limits';
import { requestLog } from './observability/request-log';
import { validationPipe } from './errors/validation';
import { installEdge } from './edge/install';
import { uploadBody } from './edge/upload-body';
import { lastErrorHandler } from './edge/http-errors';

/** Builds and starts the gateway; `listen` resolves once it accepts connections. */
export async function startGateway(
  config: GatewayConfig,
  options: { schemaFile?: string; logger?: false; requestLog?: (line: string) => void } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config, options), {
    logger: options.logger === false ? false : ['error', 'warn'],
    bodyParser: false,
  });
  app.use(requestLog(options.requestLog));
  // Headers, the token and the rate limits: all before a body is read (edge/install.ts).
  installEdge(app, config);
  // An ingestFile body may be larger (a file of 25 MiB in base64): read apart, for writers only.
  app.use('/graphql', uploadBody());
  app.useBodyParser('json', { limit: MAX_BODY });
  // Errors before GraphQL (a body too large, malformed JSON) answer in GraphQL's shape, never as a stack trace.
  app.use(
    (
      error: { status?: number; type?: string },
      _req: unknown,
      res: { status(n: number): { json(body: unknown): void } },
      next: (e?: unknown) => void,
    ) => {
      if (!error) return next();
      const status = error.status ?? 400;
      const message =
        error.type === 'entity.too.large'
          ? `La solicitud excede el tamaño permitido (${MAX_BODY})`
          : 'La solicitud no es JSON válido';
      res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    },
  );
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new GraphQLExceptionFilter());
  app.enableShutdownHooks();
  await app.init();
  // After Nest's routes: whatever error is left is answered as JSON, never as Express's HTML page.
  app.use(lastErrorHandler());
  await app.listen(config.port, config.host);
  return app;
}
