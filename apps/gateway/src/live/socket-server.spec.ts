import { bytesOf, closeReason, withoutSuggestions } from './socket-server';
import { MAX_BODY } from '../errors/query-limits';

describe('the WebSocket server’s pieces', () => {
  it('takes the HTTP body limit in bytes, as body-parser reads it', () => {
    expect(bytesOf(MAX_BODY)).toBe(1024 * 1024);
    expect(bytesOf('100kb')).toBe(102_400);
    expect(() => bytesOf('mucho')).toThrow();
  });

  it('cuts a close reason to the 123 bytes a WebSocket allows, at a character', () => {
    const reason = closeReason('Token no válido: '.repeat(20));
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(reason.startsWith('Token no válido: Token')).toBe(true);
    expect(closeReason('corto')).toBe('corto');
  });

  it('drops graphql-js’ suggestions, which name the schema', () => {
    expect(
      withoutSuggestions('Cannot query field "documentz" on type "Query". Did you mean "document" or "documents"?'),
    ).toBe('Cannot query field "documentz" on type "Query".');
    expect(withoutSuggestions('Unknown argument "x".')).toBe('Unknown argument "x".');
  });
});
