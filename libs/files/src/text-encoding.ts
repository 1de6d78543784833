/** Text as UTF-8, or Windows-1252 when it is not valid UTF-8 (as Excel and old editors save in Mexico). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
