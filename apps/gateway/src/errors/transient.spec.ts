import { isTransient } from './transient';

describe('isTransient', () => {
  const wrapped = (cause: unknown) => Object.assign(new Error('query failed'), { driverError: cause });

  it('recognizes PostgreSQL down or restarting, directly or wrapped by TypeORM', () => {
    expect(isTransient(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(
      isTransient(
        wrapped(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
      ),
    ).toBe(true);
    expect(isTransient(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('recognizes Temporal unreachable through the client’s wrapping', () => {
    const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    expect(isTransient(Object.assign(new Error('Failed to start update'), { name: 'ServiceError', cause: grpc }))).toBe(
      true,
    );
  });

  it('does not excuse defects or refusals', () => {
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isTransient(wrapped(Object.assign(new Error('duplicate key value'), { code: '23505' })))).toBe(false);
    expect(isTransient(Object.assign(new Error('5 NOT_FOUND'), { code: 5 }))).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });
});
