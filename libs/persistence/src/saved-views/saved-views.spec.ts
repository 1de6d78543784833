import { SavedViewInputError, checkViewId, checkViewName, checkViewPath } from './saved-views';

const refusal = (work: () => unknown): { field: string; message: string } | null => {
  try {
    work();
    return null;
  } catch (error) {
    if (error instanceof SavedViewInputError) return { field: error.field, message: error.message };
    throw error;
  }
};

describe('a saved view’s input', () => {
  it('takes a name and an address of the console’s lists, trimmed', () => {
    expect(checkViewName('  Observados de GRO ')).toBe('Observados de GRO');
    expect(checkViewPath('/documentos?ople=GRO&status=OBSERVED')).toBe('/documentos?ople=GRO&status=OBSERVED');
    expect(checkViewPath('/correspondencia')).toBe('/correspondencia');
    expect(checkViewId('42')).toBe('42');
  });

  it('refuses what is not one, naming the field and the reason in Spanish', () => {
    expect(refusal(() => checkViewName(''))).toEqual({
      field: 'name',
      message: 'el nombre de la vista es obligatorio',
    });
    expect(refusal(() => checkViewName('x'.repeat(81)))?.field).toBe('name');
    expect(refusal(() => checkViewName('a\u0000b'))?.field).toBe('name');
    expect(refusal(() => checkViewName('a\uD800'))?.field).toBe('name');
    // Other sites, other pages, fragments and spaces are not views of the console's lists.
    for (const path of [
      'https://evil.example/documentos',
      '//evil.example/documentos',
      '/documentosx',
      '/nacional',
      'documentos',
      '/documentos?x=1#a',
      '/documentos?search=a b',
      `/documentos?${'a'.repeat(2000)}`,
    ])
      expect(refusal(() => checkViewPath(path))?.field).toBe('path');
    expect(refusal(() => checkViewId('1 OR 1=1'))?.field).toBe('id');
    expect(refusal(() => checkViewId('0'))?.field).toBe('id');
  });
});
