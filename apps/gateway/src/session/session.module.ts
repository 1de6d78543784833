import { type DynamicModule, Module } from '@nestjs/common';
import { Tokens } from '@seguimiento/auth';
import { UserStore } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './session-settings';

/** The console's sign-in, sign-out and "who am I" (HTTP routes under /auth), with the gateway's token issuer. */
@Module({})
export class SessionModule {
  static forConfig(tokens: Tokens, settings: SessionSettings = DEFAULT_SESSION_SETTINGS): DynamicModule {
    return {
      module: SessionModule,
      controllers: [SessionController],
      providers: [
        { provide: Tokens, useValue: tokens },
        { provide: UserStore, inject: [DataSource], useFactory: (db: DataSource) => new UserStore(db) },
        {
          provide: SessionService,
          inject: [UserStore],
          useFactory: (users: UserStore) => new SessionService(users, tokens, settings),
        },
      ],
    };
  }
}
