/**
 * The explorer's own browser script: a token bar above GraphiQL. The token is kept in the
 * browser's localStorage and sent as `Authorization: Bearer …` on HTTP and in the graphql-ws
 * connection parameters; changing it rebuilds the fetcher, so GraphiQL reloads the schema.
 */
export const EXPLORER_SCRIPT = String.raw`(function () {
  'use strict';
  var KEY = 'seguimiento.token';
  var endpoint = location.pathname;
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + endpoint;
  var input = document.getElementById('token');
  var status = document.getElementById('token-status');
  input.value = localStorage.getItem(KEY) || '';
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));

  function render() {
    var token = input.value.trim();
    var auth = token ? { authorization: 'Bearer ' + token } : {};
    status.textContent = token ? 'token cargado' : 'sin token: pegue uno de los que imprime npm start';
    var fetcher = GraphiQL.createFetcher({ url: endpoint, subscriptionUrl: wsUrl, headers: auth, wsConnectionParams: auth });
    root.render(React.createElement(GraphiQL, {
      key: token,
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
      defaultQuery: '# Explorador de seguimiento: escriba una consulta y pulse Ejecutar (Ctrl-Enter).\n' +
        '{\n  dashboard {\n    overdueCount\n    byBallInCourt { key count }\n  }\n}\n'
    }));
  }

  document.getElementById('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    localStorage.setItem(KEY, input.value.trim());
    render();
  });
  render();
})();
`;
