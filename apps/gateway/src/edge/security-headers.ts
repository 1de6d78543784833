import type { EdgeRequest, EdgeResponse, Next } from './http-types';

/** A Host header we are willing to write into the CSP: a name or address and an optional port, nothing else. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The Content-Security-Policy of every answer. Everything the explorer loads comes from this
 * gateway ('self'); it may connect back to it over HTTP and to its own WebSocket (ws:// and wss://
 * of the host the browser asked for, so it works behind a TLS proxy too), nowhere else; no page
 * may frame it. The explorer page carries the same policy in a <meta> (minus what a <meta> cannot
 * say: frame-ancestors).
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const sockets = host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Express middleware: the CSP and the other protective headers, on every answer of the gateway. */
export function securityHeaders() {
  return (req: EdgeRequest, res: EdgeResponse, next: Next): void => {
    const host = req.headers.host;
    res.setHeader('content-security-policy', contentSecurityPolicy(typeof host === 'string' ? host : undefined));
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  };
}
