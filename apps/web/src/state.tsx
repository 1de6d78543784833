import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type AnyVariables, type TypedDocumentNode, useQuery, useSubscription } from 'urql';
import type { Session } from './api/session';
import { DocumentChangedSubscription, EscalationRaisedSubscription } from './operations';
import { caseName } from './cases';
import { groupKey } from './matrix';
import { ago, dayInMexico, formatClock, isDay } from './format';

export const SessionContext = createContext<{ session: Session; signOut: () => void } | null>(null);

export function useSession(): { session: Session; signOut: () => void } {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession fuera de la sesión');
  return value;
}

/** Time travel: `asOf` in the URL (a day, YYYY-MM-DD), or null for the present. */
export function useAsOf(): string | null {
  const [params] = useSearchParams();
  const asOf = params.get('asOf');
  return asOf && isDay(asOf) ? asOf : null;
}

/** The day the page's data speaks of: the time-travel day, or today in Mexico City. */
export function useToday(): string {
  const asOf = useAsOf();
  return asOf ?? dayInMexico(Date.now());
}

/** A link to `path` that keeps time travel on. */
export function useTo(): (path: string, extra?: Record<string, string>) => string {
  const asOf = useAsOf();
  return useCallback(
    (path: string, extra: Record<string, string> = {}) => {
      const params = new URLSearchParams(extra);
      if (asOf) params.set('asOf', asOf);
      const query = params.toString();
      return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
    },
    [asOf],
  );
}

interface Live {
  connected: boolean;
  /** Grows with every change the subscriptions announce. */
  version: number;
  /** Case ids that changed, with when (ms). */
  changed: Map<string, number>;
  /** The last thing that changed, in words. */
  last: string | null;
}

const LiveContext = createContext<Live>({ connected: false, version: 0, changed: new Map(), last: null });

export const useLive = (): Live => useContext(LiveContext);

/** How long after a change the open page re-reads its data (changes in between are read together). */
export const REREAD_AFTER_MS = 750;

/** How long a change stays highlighted. */
export const HIGHLIGHT_MS = 20_000;

/** Listens to documentChanged and escalationRaised (of the user's OPLE, or all for INE). */
export function LiveProvider({ connected, children }: { connected: boolean; children: ReactNode }) {
  const { session } = useSession();
  const [state, setState] = useState<Omit<Live, 'connected'>>({ version: 0, changed: new Map(), last: null });
  // A burst of changes (an ingest touches dozens of cases) re-reads the pages once, not once per change.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  const note = useCallback((ids: string[], words: string) => {
    setState((previous) => {
      const changed = new Map(previous.changed);
      const now = Date.now();
      for (const [key, at] of changed) if (now - at > HIGHLIGHT_MS) changed.delete(key);
      for (const id of ids) changed.set(id, now);
      return { ...previous, changed, last: words };
    });
    pending.current ??= setTimeout(() => {
      pending.current = null;
      setState((previous) => ({ ...previous, version: previous.version + 1 }));
    }, REREAD_AFTER_MS);
  }, []);
  const variables = useMemo(() => ({ ople: session.ople }), [session.ople]);
  useSubscription({ query: DocumentChangedSubscription, variables }, (_previous, data) => {
    const d = data.documentChanged;
    // The document, and its group of the national view (whose cells show groups, not documents).
    note([d.id, groupKey(d)], `${d.title} (${d.ople})`);
    return data;
  });
  useSubscription({ query: EscalationRaisedSubscription, variables }, (_previous, data) => {
    const e = data.escalationRaised;
    note([e.streamId], `escalamiento en ${caseName(e.streamId).name}`);
    return data;
  });
  const value = useMemo(() => ({ ...state, connected }), [state, connected]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Whether a case changed in the last seconds (re-rendered every few seconds by useNow). */
export function useRecentlyChanged(): (id: string) => boolean {
  const { changed } = useLive();
  const now = useNow(5_000);
  return useCallback((id: string) => now - (changed.get(id) ?? 0) < HIGHLIGHT_MS, [changed, now]);
}

/** The current time, refreshed every `ms`. */
export function useNow(ms = 1_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * A query that follows the live feed: re-run whenever a change is announced (not while time
 * travelling: the past does not change), and remembers when its data arrived.
 */
export function useLiveQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  pause = false,
) {
  const asOf = useAsOf();
  const { version } = useLive();
  const [result, reexecute] = useQuery({ query, variables, pause });
  const [fetchedAt, setFetchedAt] = useState<number | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!asOf && !pause) reexecute({ requestPolicy: 'network-only' });
  }, [version, asOf, pause, reexecute]);
  useEffect(() => {
    if (result.data && !result.fetching && !result.stale) setFetchedAt(Date.now());
  }, [result.data, result.fetching, result.stale]);
  return { result, fetchedAt, refetch: () => reexecute({ requestPolicy: 'network-only' }) };
}

/** «Datos al 10:15:03 (hace 5 s), en vivo» — every page says how fresh its data is. */
export function Freshness({ fetchedAt, fetching }: { fetchedAt: number | null; fetching?: boolean }) {
  const now = useNow();
  const asOf = useAsOf();
  const { connected, last } = useLive();
  let text: string;
  if (fetchedAt === null) text = 'Cargando datos…';
  else if (asOf)
    text = `Datos consultados a las ${formatClock(fetchedAt)}; muestran el pasado, no se actualizan solos.`;
  else
    text = `Datos al ${formatClock(fetchedAt)} (${ago((now - fetchedAt) / 1000)}). ${
      connected ? 'En vivo: se actualizan solos cuando algo cambia.' : 'Sin conexión en vivo: recargue para actualizar.'
    }`;
  return (
    <p className="freshness" data-testid="freshness">
      <span aria-hidden="true">{asOf ? '↺' : connected ? '●' : '○'}</span> {text}
      {fetching && fetchedAt !== null ? ' Actualizando…' : ''}
      {!asOf && last ? <span className="last-change"> Último cambio: {last}.</span> : null}
    </p>
  );
}
