import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Tokens } from '@seguimiento/auth';
import { UserRevocations } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { SocketServer } from '../live/socket-server';

/**
 * `users disable`, `users passwd` and signing out take effect in this gateway at once: every token of the user issued until then
 * — the console's session cookie and any bearer — is refused over HTTP (401), by /auth/me and at
 * the WebSocket's connection_init, and the user's open WebSockets are closed (4401); signing out withdraws that session's token alone. The users
 * table is followed through its NOTIFY (UserRevocations); checking a token costs no query.
 */
@Injectable()
export class Revocations implements OnModuleInit, OnModuleDestroy {
  private readonly revocations: UserRevocations;
  private readonly logger = new Logger('revocations');
  private unfollow: (() => void) | null = null;

  constructor(
    dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly tokens: Tokens,
    private readonly sockets: SocketServer,
  ) {
    this.revocations = new UserRevocations(dataSource, config.databaseUrl, (error) => this.logger.warn(String(error)));
  }

  async onModuleInit(): Promise<void> {
    await this.revocations.start();
    this.tokens.checkRevocations(
      (subject) => this.revocations.get(subject),
      (tokenId) => this.revocations.isWithdrawn(tokenId),
    );
    this.unfollow = this.revocations.onChange((usernames) => this.sockets.closeWithdrawn(usernames));
  }

  async onModuleDestroy(): Promise<void> {
    this.unfollow?.();
    await this.revocations.stop();
  }
}
