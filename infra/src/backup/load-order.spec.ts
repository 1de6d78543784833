import { loadOrder } from './load-order';

describe('loadOrder', () => {
  it('puts every parent before the tables that refer to it, whatever the alphabet says', () => {
    const tables = ['case_oficios', 'events', 'source_file_oficios', 'source_files', 'users'];
    const order = loadOrder(tables, [{ child: 'source_file_oficios', parent: 'source_files' }]);
    expect(order.indexOf('source_files')).toBeLessThan(order.indexOf('source_file_oficios'));
    expect([...order].sort()).toEqual(tables);
  });

  it('follows chains, ignores a table referring to itself and keys to tables not in the copy', () => {
    expect(
      loadOrder(
        ['a', 'b', 'c'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'c' },
          { child: 'c', parent: 'c' },
          { child: 'a', parent: 'elsewhere' },
        ],
      ),
    ).toEqual(['c', 'b', 'a']);
  });

  it('refuses a cycle between tables, naming them', () => {
    expect(() =>
      loadOrder(
        ['a', 'b', 'z'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow('las tablas a, b se refieren unas a otras en ciclo');
  });
});
