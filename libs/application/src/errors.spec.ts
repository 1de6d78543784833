import { DomainError } from '@seguimiento/domain';
import { Conflict, InvalidInput, checked } from './errors';

describe('domain errors', () => {
  it('writes an invalid input as "field: reason", naming the field', () => {
    expect(new InvalidInput('date', 'no es una fecha')).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'date',
      message: 'date: no es una fecha',
      name: 'InvalidInput',
    });
    expect(new Conflict('ya está cerrada')).toMatchObject({ code: 'CONFLICT', field: undefined });
  });

  it('given a domain rule broken, checked() refuses with its field, under the name the caller sent it', () => {
    const rule = () => {
      throw new DomainError('INVALID_INPUT', 'sourceDate: no es una fecha', 'sourceDate');
    };
    expect(() => checked(rule)).toThrow(
      expect.objectContaining({ field: 'sourceDate', message: 'sourceDate: no es una fecha' }),
    );
    expect(() => checked(rule, { sourceDate: 'date' })).toThrow(
      expect.objectContaining({ field: 'date', message: 'date: no es una fecha' }),
    );
  });

  it('lets anything that is not a domain rule through untouched', () => {
    const bug = new TypeError('boom');
    expect(() =>
      checked(() => {
        throw bug;
      }),
    ).toThrow(bug);
  });
});
