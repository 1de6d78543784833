import { validateExtension, validateWithdrawal } from './document.validation';

describe('an extension or a withdrawal without an oficio', () => {
  it('accepts the oficio number absent or null (as GraphQL sends an explicit null), and checks it when given', () => {
    const extension = { dueDate: '2024-03-20', reason: 'Prórroga concedida' };
    const withdrawal = { date: '2024-03-20', reason: 'Retirado por el OPLE' };
    for (const oficioNumber of [undefined, null]) {
      expect(() => validateExtension({ ...extension, oficioNumber } as never)).not.toThrow();
      expect(() => validateWithdrawal({ ...withdrawal, oficioNumber } as never)).not.toThrow();
    }
    expect(() => validateExtension({ ...extension, oficioNumber: 'null' })).toThrow(/oficioNumber/);
    expect(() => validateWithdrawal({ ...withdrawal, oficioNumber: 'nada' })).toThrow(/oficioNumber/);
  });
});
