import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createSocketClient } from 'graphql-ws';
import { CSRF_HEADER, type Session } from './session';

/**
 * The console's GraphQL client: queries and mutations over HTTP to /graphql, subscriptions over
 * graphql-ws on the same path. With the cookie session the browser sends the cookie itself (on the
 * WebSocket upgrade too); with a bearer token, it goes in the Authorization header and in the
 * socket's connection parameters.
 */
export function createApiClient(session: Session, onSocket: (connected: boolean) => void): Client {
  const authorization: Record<string, string> = session.bearer ? { authorization: `Bearer ${session.bearer}` } : {};
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const sockets = createSocketClient({
    url: socketUrl,
    connectionParams: () => ({ ...authorization }),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: () => onSocket(true),
      closed: () => onSocket(false),
    },
  });
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { ...CSRF_HEADER, ...authorization },
    }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = sockets.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
