import { GraphQLError } from 'graphql';
import { decodeBase64 } from './base64';

describe('decoding contentBase64', () => {
  it('decodes standard base64, with MIME line breaks', () => {
    const bytes = Buffer.from('Correspondencia recibida: oficio INE/UTSI/1121/2024 — atendidas');
    const mime = bytes.toString('base64').replace(/.{20}/g, '$&\r\n');
    expect(decodeBase64(mime).equals(bytes)).toBe(true);
    expect(decodeBase64('').length).toBe(0);
  });

  it.each([['no-base64!'], ['abc'], ['ab=c'], ['YWJj-_'], ['YW==Jj']])('refuses %p naming the field', (text) => {
    let error: unknown;
    try {
      decodeBase64(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64' });
    expect((error as GraphQLError).message).toMatch(/^contentBase64: no es base64 válido/);
  });
});
