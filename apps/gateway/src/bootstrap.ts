import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import type { GatewayConfig } from './config';
import { GraphQLExceptionFilter } from './errors/graphql-exception.filter';
import { validationPipe } from './errors/validation';

/** Builds and starts the gateway; `listen` resolves once it accepts connections. */
export async function startGateway(config: GatewayConfig, options: { schemaFile?: string; logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forConfig(config, options), {
    logger: options.logger === false ? false : ['error', 'warn'],
    bodyParser: true,
  });
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new GraphQLExceptionFilter());
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  return app;
}
