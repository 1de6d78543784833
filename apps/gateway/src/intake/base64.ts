import { userError } from '../errors/graphql-errors';

/**
 * The bytes of `contentBase64`: standard base64 (RFC 4648; line breaks and spaces allowed, as
 * MIME writes it). Anything else is refused naming the field: Node's decoder would skip it silently.
 */
export function decodeBase64(text: string, field = 'contentBase64'): Buffer {
  const compact = text.replace(/[\r\n\t ]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
    throw userError('BAD_USER_INPUT', `${field}: no es base64 válido (A-Z, a-z, 0-9, + y /, con = al final)`, field);
  return Buffer.from(compact, 'base64');
}

/** Where a kept original is downloaded, relative to the gateway. */
export const downloadUrl = (sha256: string): string => `/files/${sha256}`;
