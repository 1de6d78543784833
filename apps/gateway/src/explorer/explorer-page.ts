import { contentSecurityPolicy } from '../edge/security-headers';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The explorer page served at GET /graphql to a browser (Apollo's landing-page hook).
 * Everything it loads comes from /graphql-explorer/* on the same gateway; the CSP (header and
 * <meta>) forbids any other origin, so a page that reached for a CDN would break visibly rather
 * than silently, and no other site may frame it.
 */
function explorerPage(assetsPath: string): string {
  // The policy the gateway sends in its Content-Security-Policy header (edge/security-headers.ts),
  // minus frame-ancestors, which a <meta> cannot carry; 'self' covers this gateway's own WebSocket.
  const csp = contentSecurityPolicy(undefined)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return `<!DOCTYPE html>
<html lang="es">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <title>seguimiento — explorador GraphQL</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${assetsPath}/graphiql.css">
  <style>
    html, body { height: 100%; margin: 0; }
    body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
    #token-form { display: flex; gap: .5rem; align-items: center; padding: .4rem .8rem; background: #f3f4f6; border-bottom: 1px solid #d1d5db; }
    #token { flex: 1; font-family: monospace; }
    #token-status { color: #4b5563; font-size: .85rem; }
    #graphiql { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <form id="token-form">
    <label for="token">Token (Bearer)</label>
    <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" placeholder="eyJhbGciOi…">
    <button type="submit" id="token-apply">Usar token</button>
    <span id="token-status"></span>
  </form>
  <div id="graphiql">Cargando el explorador…</div>
  <script src="${assetsPath}/react.js"></script>
  <script src="${assetsPath}/react-dom.js"></script>
  <script src="${assetsPath}/graphiql.js"></script>
  <script src="${assetsPath}/explorer.js"></script>
</body>
</html>
`;
}

export const EXPLORER_ASSETS_PATH = '/graphql-explorer';

/** What GET /graphql shows a browser when introspection, and so the explorer, is off. */
const EXPLORER_OFF_PAGE = `<!DOCTYPE html>
<html lang="es">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'">
  <title>seguimiento — explorador desactivado</title>
</head>
<body>
  <p>El explorador GraphQL está desactivado en este servidor: la introspección del esquema está apagada (así es por omisión en modo producción).</p>
  <p>Las operaciones se envían con POST a esta dirección, con el encabezado <code>Authorization: Bearer &lt;token&gt;</code>.</p>
</body>
</html>
`;

/**
 * Apollo's landing-page hook for GET /graphql with Accept: text/html: the explorer, or, when it
 * is off, a page that says so (without any landing page Apollo would answer a browser with a
 * CSRF error).
 */
export function explorerLandingPage(enabled: boolean): ApolloServerPlugin {
  const html = enabled ? explorerPage(EXPLORER_ASSETS_PATH) : EXPLORER_OFF_PAGE;
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
