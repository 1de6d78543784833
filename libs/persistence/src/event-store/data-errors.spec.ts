import { dataRefusalOf } from './data-errors';

describe('dataRefusalOf', () => {
  it('recognises data exceptions (class 22) and integrity violations (class 23)', () => {
    expect(dataRefusalOf({ code: '22P05', message: 'unsupported Unicode escape sequence' })).toEqual({
      sqlState: '22P05',
      message: 'unsupported Unicode escape sequence',
    });
    expect(dataRefusalOf({ code: '23514', message: 'violates check constraint' })?.sqlState).toBe('23514');
  });

  it('reads the code of a TypeORM QueryFailedError from its driver error', () => {
    expect(dataRefusalOf({ message: 'query failed', driverError: { code: '22003' } })?.sqlState).toBe('22003');
  });

  it('leaves everything else to be retried: connection failures, serialization, shutdown, plain errors', () => {
    for (const error of [
      { code: '08006' },
      { code: '40001' },
      { code: '57P01' },
      { code: 'ECONNREFUSED' },
      new Error('boom'),
      null,
      'text',
    ])
      expect(dataRefusalOf(error)).toBeNull();
  });
});
