import { contentSecurityPolicy } from './security-headers';

describe('the Content-Security-Policy', () => {
  it('forbids framing and any other origin, and allows only this host’s own WebSocket', () => {
    const csp = contentSecurityPolicy('127.0.0.1:4000');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4000 wss://127.0.0.1:4000;");
    expect(contentSecurityPolicy('[::1]:4000')).toContain('ws://[::1]:4000 wss://[::1]:4000');
    expect(contentSecurityPolicy('seguimiento.ine.mx')).toContain('wss://seguimiento.ine.mx;');
  });

  it('writes no Host header that is not a plain host into the policy', () => {
    for (const host of [undefined, '', 'evil.example; script-src *', 'a b', "x'y", 'host:99999999', 'ws://x']) {
      expect(contentSecurityPolicy(host)).toContain("connect-src 'self';");
    }
  });
});
