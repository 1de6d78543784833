import { Counter, Registry } from 'prom-client';
import { AddressRateLimiter, TokenRateLimiter } from './rate-limit';

describe('per-token rate limit', () => {
  const operator = { subject: 'operador@iepc-gro', role: 'OPERATOR' as const, institution: 'GRO' };
  const counter = () =>
    new Counter({ name: 'refused', help: 'refused', labelNames: ['transport'], registers: [new Registry()] });

  it('admits a burst of the whole allowance, then refuses with 429, Retry-After and the seconds to wait', async () => {
    const refused = counter();
    const limiter = new TokenRateLimiter(3, refused);
    for (let i = 0; i < 3; i++) expect(await limiter.refusal(operator, 'http')).toBeNull();
    const error = await limiter.refusal(operator, 'http');
    expect(error?.message).toMatch(/3 operaciones por minuto/);
    const { http, ...extensions } = error!.extensions as {
      http: { status: number; headers: Map<string, string> };
      retryAfterSeconds: number;
    };
    expect(extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(http.status).toBe(429);
    expect(http.headers.get('retry-after')).toBe(String(extensions.retryAfterSeconds));
    expect((await refused.get()).values).toEqual([{ labels: { transport: 'http' }, value: 1 }]);
  });

  it('counts each user apart, and leaves HTTP details out of WebSocket errors', async () => {
    const limiter = new TokenRateLimiter(1, counter());
    expect(await limiter.refusal(operator, 'ws')).toBeNull();
    expect(await limiter.refusal({ ...operator, role: 'SUPERVISOR' }, 'ws')).toBeNull();
    expect(await limiter.refusal({ ...operator, subject: 'otro@iepc-gro' }, 'ws')).toBeNull();
    expect((await limiter.refusal(operator, 'ws'))?.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
  });

  it('counts requests without a token per address, with their own allowance', async () => {
    const limiter = new AddressRateLimiter(2);
    expect(await limiter.refusal('10.0.0.1')).toBeNull();
    expect(await limiter.refusal('10.0.0.1')).toBeNull();
    expect(await limiter.refusal('10.0.0.2')).toBeNull();
    const error = await limiter.refusal('10.0.0.1');
    expect(error?.message).toMatch(/sin un token válido desde esta dirección: se permiten 2 por minuto/);
    expect(error?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });
});
