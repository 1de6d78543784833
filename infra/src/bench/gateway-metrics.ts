/**
 * The value of an unlabelled counter in a Prometheus text exposition (`name value` on a line of
 * its own, after its # HELP and # TYPE), or null when the text has no such sample.
 */
export function counterValue(exposition: string, name: string): number | null {
  for (const line of exposition.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{\})?\s+(\S+)/.exec(line);
    if (m && m[1] === name) {
      const value = Number(m[2]);
      return Number.isFinite(value) ? value : null;
    }
  }
  return null;
}

/** The gateway's /metrics beside its /graphql, scraped with an ADMIN's token. */
export async function scrapeCounter(graphqlUrl: string, token: string, name: string): Promise<number | null> {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/graphql\/?$/, 'metrics');
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) return null;
  return counterValue(await response.text(), name);
}
