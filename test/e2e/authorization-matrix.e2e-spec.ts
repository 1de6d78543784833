import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import type { Role } from '@seguimiento/auth';
import { graphql } from '@seguimiento/infra/graphql-client';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The authorization matrix, exhaustively: every operation of the schema (queries, mutations,
 * subscriptions) × every role × no institution, INE, the OPLE concerned and another OPLE. The
 * rule: no token, or an expired or forged one (of an ADMIN, even) → UNAUTHENTICATED, over HTTP
 * before the body is read and over the WebSocket by closing it (4401); SUPERVISOR reads, OPERATOR and ADMIN also write; INE's users
 * reach every OPLE, an OPLE's users only their own. "Allowed" means the operation got past
 * authorization (it may still answer NOT_FOUND or CONFLICT about the data). The console's session
 * cookie follows the same rule as the bearer it holds, from the console's own page; from another
 * site (no CSRF header over HTTP, another Origin over WebSocket) it is refused (FORBIDDEN, 403 or 4403).
 */
/** own: the user's institution's own things (saved views), open to every role of every institution. */
type Kind = 'read' | 'write' | 'admin' | 'subscribe' | 'own';
interface Operation {
  name: string;
  kind: Kind;
  query: string;
  variables?: Record<string, unknown>;
  /** What a user of another OPLE gets instead of FORBIDDEN, where the rule is "it does not exist for you". */
  othersGet?: string;
}

const GRO_DOC = 'document:GRO:e6-proyecto';
const n = (() => {
  let i = 5000;
  return () => ++i;
})();

const OPERATIONS: Array<Operation | (() => Operation)> = [
  { name: 'documents', kind: 'read', query: `{ documents(filter: { ople: "GRO" }) { totalCount } }` },
  { name: 'document', kind: 'read', query: `{ document(id: "${GRO_DOC}") { id } }` },
  { name: 'dashboard', kind: 'read', query: `{ dashboard(ople: "GRO") { overdueCount } }` },
  { name: 'documentMatrix', kind: 'read', query: `{ documentMatrix(ople: "GRO") { documents } }` },
  { name: 'obligations', kind: 'read', query: `{ obligations(ople: "GRO") { id } }` },
  { name: 'escalations', kind: 'read', query: `{ escalations(ople: "GRO") { key } }` },
  { name: 'correspondence', kind: 'read', query: `{ correspondence(ople: "GRO") { oficioNumber } }` },
  {
    name: 'oficio',
    kind: 'read',
    query: `{ oficio(number: "IEPC/GRO/SE/0100/2024") { number } }`,
    othersGet: 'NOT_FOUND',
  },
  { name: 'request', kind: 'read', query: `{ request(id: "request:GRO:ine-utsi-3000-2024") { id } }` },
  { name: 'directory', kind: 'read', query: `{ directory(institution: "GRO") { email } }` },
  { name: 'mailDeliveries', kind: 'read', query: `{ mailDeliveries(ople: "GRO") { messageId } }` },
  {
    name: 'setDirectoryContact',
    kind: 'admin',
    query: `mutation { setDirectoryContact(input: { institution: "GRO", role: "COMISION", email: "matriz@example.org", name: "Matriz" }) { email } }`,
  },
  {
    name: 'removeDirectoryContact',
    kind: 'admin',
    query: `mutation { removeDirectoryContact(input: { institution: "GRO", role: "COMISION", email: "nadie@example.org" }) }`,
  },
  { name: 'notice', kind: 'read', query: `{ notice(id: "notice:GRO:ine-utsi-3001-2024") { id } }` },
  { name: 'reviewQueue', kind: 'read', query: `{ reviewQueue(ople: "GRO", status: PENDING) { id } }` },
  { name: 'reviewItem', kind: 'read', query: `{ reviewItem(id: "review:GRO:00000000000000000000") { id } }` },
  {
    name: 'resolveReview',
    kind: 'write',
    query: `mutation { resolveReview(input: { id: "review:GRO:00000000000000000000", deliverable: 3 }) { id } }`,
  },
  {
    name: 'dismissReview',
    kind: 'write',
    query: `mutation { dismissReview(input: { id: "review:GRO:00000000000000000000", reason: "matriz" }) { id } }`,
  },
  {
    name: 'correspondenceReport',
    kind: 'read',
    query: `{ correspondenceReport(ople: "GRO", from: "2024-03-01", to: "2024-03-31", format: TXT) { fileName } }`,
  },
  {
    name: 'ingestCorrespondence',
    kind: 'write',
    query: `mutation($t: String!) { ingestCorrespondence(text: $t, ople: "GRO", dryRun: true) { needsReview } }`,
    variables: {
      t: '1. 5 de marzo de 2024, oficio INE/UTSI/3009/2024, mediante el cual remite el calendario de simulacros.',
    },
  },
  {
    name: 'ingestFile',
    kind: 'write',
    query: `mutation($i: IngestFileInput!) { ingestFile(input: $i) { needsReview file { sha256 } } }`,
    variables: {
      i: {
        ople: 'GRO',
        fileName: 'matriz.txt',
        dryRun: true,
        contentBase64: Buffer.from(
          '1. 5 de marzo de 2024, oficio INE/UTSI/3010/2024, mediante el cual remite el calendario de simulacros.',
        ).toString('base64'),
      },
    },
  },
  () => ({
    name: 'submitDocument',
    kind: 'write',
    query: `mutation($i: SubmitDocumentInput!) { submitDocument(input: $i) { alreadyRecorded } }`,
    variables: {
      i: {
        ople: 'GRO',
        deliverable: 7,
        versionKind: 'PROYECTO',
        documentKey: `m-${n()}`,
        oficioNumber: `IEPC/GRO/SE/${n()}/2024`,
        submittedOn: '2024-03-01',
      },
    },
  }),
  () => ({
    name: 'recordIneOficio',
    kind: 'write',
    query: `mutation($i: RecordIneOficioInput!) { recordIneOficio(input: $i) { alreadyRecorded } }`,
    variables: {
      i: { ople: 'GRO', kind: 'NOTICE', oficioNumber: `INE/UTSI/${n()}/2024`, date: '2024-03-01', subject: 'Aviso' },
    },
  }),
  () => ({
    name: 'recordOpleOficio',
    kind: 'write',
    query: `mutation($i: RecordOpleOficioInput!) { recordOpleOficio(input: $i) { alreadyRecorded } }`,
    variables: {
      i: {
        ople: 'GRO',
        oficioNumber: `IEPC/GRO/SE/${n()}/2024`,
        date: '2024-03-01',
        deliverable: 8,
        versionKind: 'PROYECTO',
        documentKey: `m-${n()}`,
      },
    },
  }),
  () => ({
    name: 'recordIneRequest',
    kind: 'write',
    query: `mutation($i: RecordIneRequestInput!) { recordIneRequest(input: $i) { alreadyRecorded } }`,
    variables: {
      i: {
        ople: 'GRO',
        oficioNumber: `INE/UTSI/${n()}/2024`,
        date: '2024-03-01',
        subject: 'Solicitud',
        dueDate: '2099-01-10',
      },
    },
  }),
  () => ({
    name: 'recordIneReminder',
    kind: 'write',
    query: `mutation($i: RecordIneReminderInput!) { recordIneReminder(input: $i) { oficioNumber } }`,
    variables: {
      i: {
        ople: 'GRO',
        oficioNumber: `INE/UTSI/${n()}/2024`,
        date: '2024-03-01',
        items: [{ deliverable: 9, versionKind: 'PROYECTO', documentKey: `m-${n()}`, dueDate: '2099-01-10' }],
      },
    },
  }),
  () => ({
    name: 'fulfillRequest',
    kind: 'write',
    query: `mutation($i: FulfillRequestInput!) { fulfillRequest(input: $i) { alreadyRecorded } }`,
    variables: {
      i: {
        requestId: 'request:GRO:ine-utsi-3000-2024',
        oficioNumber: 'IEPC/GRO/SE/3002/2024',
        date: '2024-03-02',
        by: 'OPLE',
      },
    },
  }),
  {
    name: 'extendDeadline',
    kind: 'write',
    query: `mutation($i: ExtendDeadlineInput!) { extendDeadline(input: $i) { alreadyRecorded } }`,
    variables: { i: { documentId: GRO_DOC, dueDate: '2099-01-10', reason: 'prórroga' } },
  },
  {
    name: 'withdrawDocument',
    kind: 'write',
    query: `mutation($i: WithdrawDocumentInput!) { withdrawDocument(input: $i) { alreadyRecorded } }`,
    variables: { i: { documentId: 'document:GRO:inexistente', date: '2024-03-03', reason: 'retiro' } },
  },
  {
    name: 'acknowledgeEscalation',
    kind: 'write',
    query: `mutation($i: AcknowledgeEscalationInput!) { acknowledgeEscalation(input: $i) { key } }`,
    variables: { i: { streamId: GRO_DOC, key: 'no-such-escalation' } },
  },
  { name: 'savedViews', kind: 'own', query: `{ savedViews { id name } }` },
  () => ({
    name: 'saveView',
    kind: 'own',
    query: `mutation($i: SaveViewInput!) { saveView(input: $i) { id } }`,
    variables: { i: { name: `Matriz ${n()}`, path: '/documentos?ople=GRO' } },
  }),
  {
    name: 'deleteView',
    kind: 'own',
    query: `mutation($i: DeleteViewInput!) { deleteView(input: $i) }`,
    variables: { i: { id: '999999' } },
  },
  { name: 'documentChanged', kind: 'subscribe', query: `subscription { documentChanged(ople: "GRO") { id } }` },
  { name: 'escalationRaised', kind: 'subscribe', query: `subscription { escalationRaised(ople: "GRO") { streamId } }` },
];

interface Who {
  label: string;
  role: Role | null;
  institution: string | null;
  /** A token that must not be accepted, whatever it claims. */
  bad?: 'expired' | 'forged';
  /** The token in the session cookie, as the console sends it, or as a page of another site would make the browser send it. */
  cookie?: 'console' | 'another site';
}
const PRINCIPALS: Who[] = [
  { label: 'no token', role: null, institution: null },
  { label: 'expired ADMIN', role: 'ADMIN', institution: 'INE', bad: 'expired' },
  { label: 'forged ADMIN', role: 'ADMIN', institution: 'INE', bad: 'forged' },
  ...(['SUPERVISOR', 'OPERATOR', 'ADMIN'] as Role[]).flatMap((role) =>
    ['INE', 'GRO', 'MEX'].map((institution) => ({ label: `${role}@${institution}`, role, institution })),
  ),
  { label: 'cookie SUPERVISOR@GRO', role: 'SUPERVISOR', institution: 'GRO', cookie: 'console' },
  { label: 'cookie OPERATOR@MEX', role: 'OPERATOR', institution: 'MEX', cookie: 'console' },
  { label: 'cookie expired ADMIN', role: 'ADMIN', institution: 'INE', bad: 'expired', cookie: 'console' },
  { label: 'cookie ADMIN@INE, another site', role: 'ADMIN', institution: 'INE', cookie: 'another site' },
];

function expected(op: Operation, who: Who): string {
  if (!who.role || who.bad) return 'UNAUTHENTICATED';
  if (who.cookie === 'another site') return 'FORBIDDEN';
  if (op.kind === 'own') return 'ALLOWED';
  if (op.kind === 'write' && who.role === 'SUPERVISOR') return 'FORBIDDEN';
  if (op.kind === 'admin' && who.role !== 'ADMIN') return 'FORBIDDEN';
  if (who.institution === 'INE' || who.institution === 'GRO') return 'ALLOWED';
  return op.othersGet ?? 'FORBIDDEN';
}

/** Past authorization, an operation may still be told its data is wrong; any other error is reported as is. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ABOUT_THE_DATA = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']);
const outcome = (errors: Array<{ extensions?: { code?: string } }> | undefined, op: Operation): string => {
  if (!errors?.length) return 'ALLOWED';
  const code = errors[0].extensions?.code ?? 'NO_CODE';
  return ABOUT_THE_DATA.has(code) && code !== op.othersGet ? 'ALLOWED' : code;
};

describe('the authorization matrix: role × OPLE × operation', () => {
  let stack: TestStack;
  const clients: Client[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    const setup = [
      stack.gql(
        `mutation { submitDocument(input: { ople: "GRO", deliverable: 6, versionKind: PROYECTO, oficioNumber: "IEPC/GRO/SE/0100/2024", submittedOn: "2024-02-01" }) { alreadyRecorded } }`,
      ),
      stack.gql(
        `mutation { recordIneRequest(input: { ople: "GRO", oficioNumber: "INE/UTSI/3000/2024", date: "2024-03-01", subject: "Informe", dueDate: "2099-01-10" }) { alreadyRecorded } }`,
      ),
      stack.gql(
        `mutation { recordIneOficio(input: { ople: "GRO", kind: NOTICE, oficioNumber: "INE/UTSI/3001/2024", date: "2024-03-01", subject: "Aviso" }) { alreadyRecorded } }`,
      ),
    ];
    for (const answer of await Promise.all(setup)) expect(answer.errors).toBeUndefined();
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack?.stop();
  });

  /** What the request carries: the token as a bearer, or in the session cookie (with the console's CSRF header over HTTP and its Origin over WebSocket). */
  const credentials = (
    who: Who,
  ): { http: Record<string, string>; upgrade: Record<string, string>; params: Record<string, string> } => {
    const t = token(who);
    if (!t) return { http: {}, upgrade: {}, params: {} };
    if (!who.cookie)
      return { http: { authorization: `Bearer ${t}` }, upgrade: {}, params: { authorization: `Bearer ${t}` } };
    const cookie = `seguimiento_session=${t}`;
    const fromConsole = who.cookie === 'console';
    return {
      http: fromConsole ? { cookie, 'x-seguimiento-csrf': '1' } : { cookie },
      upgrade: { cookie, origin: fromConsole ? stack.graphqlUrl.replace(/\/graphql$/, '') : 'https://evil.example' },
      params: {},
    };
  };

  const token = (who: Who) => {
    if (!who.role) return null;
    const claims = { subject: `${who.label.toLowerCase()}`, role: who.role, institution: who.institution! };
    if (who.bad === 'forged')
      return jwt.sign({ role: claims.role, institution: claims.institution }, 'y'.repeat(64), {
        subject: claims.subject,
        issuer: 'seguimiento',
      });
    return stack.tokens.issue(claims, who.bad === 'expired' ? -10 : '1h');
  };

  /** A connection the gateway acknowledged must not be one without a valid token. */
  const acknowledged = (got: string) => (got === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED after connection_ack' : got);

  /**
   * What makes each subscription speak: a change in GRO that it reports. Allowed means a first
   * payload came (silence proves nothing: a refused subscription may also stay silent), so the
   * change is made again every moment until the payload or a refusal arrives.
   */
  const SPEAKERS: Record<string, () => Promise<unknown>> = {
    documentChanged: () =>
      stack.gql(`mutation($input: RecordOpleOficioInput!) { recordOpleOficio(input: $input) { alreadyRecorded } }`, {
        input: {
          ople: 'GRO',
          oficioNumber: `IEPC/GRO/SE/${n()}/2024`,
          date: '2024-03-01',
          deliverable: 6,
          versionKind: 'PROYECTO',
          documentKey: `matriz-${n()}`,
        },
      }),
    // Entered long overdue: its ladder raises an escalation at once.
    escalationRaised: () =>
      stack.gql(
        `mutation { recordIneRequest(input: { ople: "GRO", oficioNumber: "INE/UTSI/${n()}/2024", date: "2024-03-01", subject: "Informe", dueDate: "2024-03-04" }) { alreadyRecorded } }`,
      ),
  };

  /** A subscription's first answer: an error code, ALLOWED for a first payload, or SILENT when neither came. */
  async function subscribeOutcome(op: Operation, who: Who): Promise<string> {
    const { upgrade, params } = credentials(who);
    const client = createClient({
      url: stack.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: upgrade });
        }
      },
      connectionParams: params,
      retryAttempts: 0,
    });
    clients.push(client);
    const speak = SPEAKERS[op.name];
    if (!speak) throw new Error(`no change makes ${op.name} speak: add it to SPEAKERS`);
    let answered = false;
    let settle: (got: string) => void = () => undefined;
    const got = new Promise<string>((resolve) => {
      settle = resolve;
      const timer = setTimeout(() => resolve('SILENT'), 15_000);
      client.subscribe(
        { query: op.query },
        {
          next: (value) => {
            clearTimeout(timer);
            resolve(
              acknowledged(outcome((value as { errors?: Array<{ extensions?: { code?: string } }> }).errors, op)),
            );
          },
          error: (error) => {
            clearTimeout(timer);
            // A connection without a valid token is closed (4401) before any operation is read.
            if ((error as { code?: number }).code === 4401) return resolve('UNAUTHENTICATED');
            // The session cookie from another origin: closed (4403) before any operation is read.
            if ((error as { code?: number }).code === 4403) return resolve('FORBIDDEN');
            const errors = Array.isArray(error) ? error : [error];
            resolve(acknowledged(outcome(errors as Array<{ extensions?: { code?: string } }>, op)));
          },
          complete: () => undefined,
        },
      );
    }).finally(() => (answered = true));
    void (async () => {
      for (await sleep(300); !answered; await sleep(700)) {
        const made = (await speak()) as { errors?: unknown };
        if (made.errors) settle(`the change that makes it speak was refused: ${JSON.stringify(made.errors)}`);
      }
    })().catch((error) => settle(`the change that makes it speak failed: ${String(error)}`));
    return got;
  }

  it('covers every operation the schema has', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../../apps/gateway/schema.gql'), 'utf8'));
    const inSchema = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .flatMap((t) => Object.keys(t!.getFields()))
      .sort();
    const inMatrix = OPERATIONS.map((o) => (typeof o === 'function' ? o() : o).name).sort();
    expect(inMatrix).toEqual(inSchema);
  });

  it('gives each principal exactly what the rule says, for every operation', async () => {
    const table: string[] = [];
    const mismatches: string[] = [];
    for (const entry of OPERATIONS) {
      for (const who of PRINCIPALS) {
        const op = typeof entry === 'function' ? entry() : entry;
        const got =
          op.kind === 'subscribe'
            ? await subscribeOutcome(op, who)
            : outcome(
                (await graphql(stack.graphqlUrl, op.query, op.variables, credentials(who).http)).errors as
                  Array<{ extensions?: { code?: string } }> | undefined,
                op,
              );
        const want = expected(op, who);
        table.push(`${op.name.padEnd(22)} ${who.label.padEnd(16)} ${got}`);
        if (got !== want) mismatches.push(`${op.name} as ${who.label}: got ${got}, want ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(table).toHaveLength(OPERATIONS.length * PRINCIPALS.length);
  });
});
