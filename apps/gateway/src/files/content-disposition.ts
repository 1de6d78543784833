/**
 * `attachment` with the file's name: an ASCII fallback (`filename`, quotes and backslashes and
 * anything beyond ASCII replaced) and the exact name in UTF-8 (`filename*`, RFC 6266 / RFC 8187).
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
