import { HeaderMap } from '@apollo/server';
import { type Principal, userKey } from '@seguimiento/auth';
import type { GraphQLError } from 'graphql';
import { rateLimitedError } from '../errors/graphql-errors';
import type { Counter } from 'prom-client';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type Transport = 'http' | 'ws';

/**
 * At most `perMinute` GraphQL operations per user and minute on this gateway (a fixed window
 * that opens at the user's first operation, so a burst of the whole allowance is fine). The user
 * is the token's subject, role and institution: a new token for the same user shares the
 * allowance. The counts live in this process's memory (rate-limiter-flexible's
 * RateLimiterMemory): with several gateways, each one allows `perMinute`.
 */
export class TokenRateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(
    readonly perMinute: number,
    private readonly refused: Counter<'transport'>,
  ) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** Null when the principal may go on; otherwise the RATE_LIMITED error to answer (over HTTP with 429 and Retry-After). */
  async refusal(principal: Principal, transport: Transport): Promise<GraphQLError | null> {
    try {
      await this.limiter.consume(userKey(principal));
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.refused.inc({ transport });
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return rateLimitedError(
        `Demasiadas solicitudes con este token: se permiten ${this.perMinute} operaciones por minuto; vuelva a intentar en ${retryAfterSeconds} s`,
        retryAfterSeconds,
        transport === 'http'
          ? { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) }
          : undefined,
      );
    }
  }
}

/**
 * Requests without a valid token (none, forged, expired), counted per client address: at most
 * `perMinute` of them a minute, refused with 429 past that. They are refused anyway (401), so
 * this only bounds what a client without a token can make the gateway do. Requests with a valid
 * token never count here (they count per user): a shared address (a proxy, an office NAT) cannot
 * lock its users out by sending garbage.
 */
export class AddressRateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** Null while `address` is within its allowance; otherwise the RATE_LIMITED error, with the seconds to wait. */
  async refusal(address: string | undefined): Promise<GraphQLError | null> {
    try {
      await this.limiter.consume(address ?? 'unknown');
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return rateLimitedError(
        `Demasiadas solicitudes sin un token válido desde esta dirección: se permiten ${this.perMinute} por minuto; vuelva a intentar en ${retryAfterSeconds} s`,
        retryAfterSeconds,
      );
    }
  }
}

/** The gateway's two limits: per user (valid tokens) and per address (everything else). Null: no limit. */
export class RateLimits {
  constructor(
    readonly perUser: TokenRateLimiter | null,
    readonly perAddress: AddressRateLimiter | null,
  ) {}
}
