import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The two doors every oficio comes through: recordIneOficio (reviews, requests, reminders,
 * invitations, notices) and recordOpleOficio (deliverables, new versions answering
 * observations, answers to requests), routed by the oficios they cite.
 */
const INE = `mutation($input: RecordIneOficioInput!) { recordIneOficio(input: $input) {
  kind alreadyRecorded
  document { id status ballInCourt submissions }
  documents { id status deadline { dueDate } }
  request { id status fulfilledBy { oficioNumber by } }
  notice { id kind subject meetingAt references deliverable }
} }`;
const OPLE = `mutation($input: RecordOpleOficioInput!) { recordOpleOficio(input: $input) {
  alreadyRecorded
  document { id status ballInCourt submissions rounds { number submittedBy answeredBy } }
  request { id status fulfilledBy { oficioNumber by } }
} }`;

type Recorded = Record<string, unknown> & { alreadyRecorded: boolean };

describe('recording oficios through their two doors', () => {
  let stack: TestStack;
  const ine = async (input: Record<string, unknown>) =>
    stack.gql<{ recordIneOficio: Recorded }>(INE, { input: { ople: 'GRO', ...input } });
  const ople = async (input: Record<string, unknown>) =>
    stack.gql<{ recordOpleOficio: Recorded }>(OPLE, { input: { ople: 'GRO', ...input } });
  const eventCount = async () => Number((await stack.db.query('SELECT count(*) AS n FROM events'))[0].n);

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('follows a document through both doors: first version, observations, a new version that cites them', async () => {
    const first = await ople({
      oficioNumber: 'IEPC/GRO/SE/0088/2024',
      date: '2024-01-20',
      deliverable: 11,
      versionKind: 'PROYECTO',
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordOpleOficio).toMatchObject({
      alreadyRecorded: false,
      request: null,
      document: { id: 'document:GRO:e11-proyecto', status: 'UNDER_REVIEW', ballInCourt: 'INE' },
    });

    const review = await ine({
      oficioNumber: 'INE/UTSI/0451/2024',
      date: '2024-01-26',
      outcome: 'OBSERVATIONS',
      references: ['IEPC/GRO/SE/0088/2024'],
    });
    expect(review.errors).toBeUndefined();
    expect(review.data!.recordIneOficio).toMatchObject({
      kind: 'REVIEW',
      document: { id: 'document:GRO:e11-proyecto', status: 'OBSERVED', ballInCourt: 'OPLE' },
      documents: [],
      request: null,
      notice: null,
    });

    // No entregable given: the INE oficio it cites leads to the document.
    const answer = await ople({
      oficioNumber: 'IEPC/GRO/SE/0120/2024',
      date: '2024-02-02',
      references: ['INE/UTSI/0451/2024'],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordOpleOficio.document).toMatchObject({
      id: 'document:GRO:e11-proyecto',
      status: 'UNDER_REVIEW',
      submissions: 2,
      rounds: [
        { number: 1, submittedBy: 'IEPC/GRO/SE/0088/2024', answeredBy: 'INE/UTSI/0451/2024' },
        { number: 2, submittedBy: 'IEPC/GRO/SE/0120/2024', answeredBy: null },
      ],
    });
    const oficio = await stack.gql<{ oficio: { citedBy: string[] } }>(
      `query { oficio(number: "INE/UTSI/0451/2024") { citedBy } }`,
    );
    expect(oficio.data!.oficio.citedBy).toEqual(['IEPC/GRO/SE/0120/2024']);

    const again = await ople({
      oficioNumber: 'IEPC/GRO/SE/0120/2024',
      date: '2024-02-02',
      references: ['INE/UTSI/0451/2024'],
    });
    expect(again.data!.recordOpleOficio).toMatchObject({ alreadyRecorded: true, document: { submissions: 2 } });
  });

  it('opens a request through the INE door and closes it with the OPLE’s answer that cites it', async () => {
    const opened = await ine({
      kind: 'REQUEST',
      oficioNumber: 'INE/UTSI/1221/2024',
      date: '2024-02-29',
      dueDate: '2024-03-04',
      subject: 'Informar el estatus de la contratación',
    });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.recordIneOficio).toMatchObject({
      kind: 'REQUEST',
      document: null,
      request: { id: 'request:GRO:ine-utsi-1221-2024', status: 'OPEN' },
    });

    const answered = await ople({
      oficioNumber: 'IEPC/GRO/SE/0160/2024',
      date: '2024-03-04',
      references: ['INE/UTSI/1221/2024'],
    });
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.recordOpleOficio).toMatchObject({
      alreadyRecorded: false,
      document: null,
      request: { status: 'FULFILLED', fulfilledBy: { oficioNumber: 'IEPC/GRO/SE/0160/2024', by: 'OPLE' } },
    });
    expect(
      (await ople({ oficioNumber: 'IEPC/GRO/SE/0160/2024', date: '2024-03-04', references: ['INE/UTSI/1221/2024'] }))
        .data!.recordOpleOficio.alreadyRecorded,
    ).toBe(true);

    // Another answer to a closed request is a conflict, and writes nothing.
    const before = await eventCount();
    const late = await ople({
      oficioNumber: 'IEPC/GRO/SE/0170/2024',
      date: '2024-03-05',
      references: ['INE/UTSI/1221/2024'],
    });
    expect(late.errors![0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/ya está cerrada/),
    });
    expect(await eventCount()).toBe(before);
  });

  it('records a reminder’s expected deliverables, and the OPLE delivering one', async () => {
    const reminder = await ine({
      kind: 'REMINDER',
      oficioNumber: 'INE/UTSI/1654/2024',
      date: '2024-03-19',
      items: [
        { deliverable: 16, versionKind: 'FINAL', dueDate: '2024-04-08' },
        { deliverable: 21, versionKind: 'PROYECTO', dueDate: '2024-03-25' },
      ],
    });
    expect(reminder.errors).toBeUndefined();
    expect(reminder.data!.recordIneOficio).toMatchObject({
      kind: 'REMINDER',
      alreadyRecorded: false,
      documents: [
        { id: 'document:GRO:e16-final', status: 'EXPECTED', deadline: { dueDate: '2024-04-08' } },
        { id: 'document:GRO:e21-proyecto', status: 'EXPECTED', deadline: { dueDate: '2024-03-25' } },
      ],
    });
    const delivered = await ople({
      oficioNumber: 'IEPC/GRO/SE/0190/2024',
      date: '2024-03-22',
      deliverable: 21,
      versionKind: 'PROYECTO',
      references: ['INE/UTSI/1654/2024'],
    });
    expect(delivered.errors).toBeUndefined();
    expect(delivered.data!.recordOpleOficio.document).toMatchObject({
      id: 'document:GRO:e21-proyecto',
      status: 'UNDER_REVIEW',
      ballInCourt: 'INE',
    });
  });

  it('lands a review that says "versión final" on the final version, even when it cites the proyecto’s observations (issue 15, rule 2)', async () => {
    const DOC = `query($id: ID!) { document(id: $id) { id status ballInCourt resolution openObservations deadline { party kind dueDate } rounds { submittedBy answeredBy outcome } } }`;
    const doc = async (id: string) =>
      (await stack.gql<{ document: Record<string, unknown> }>(DOC, { id })).data!.document;
    // The proyecto of entregable 15 is observed (0801); a reminder expects its final version.
    expect(
      (
        await ople({
          oficioNumber: 'IEPC/GRO/SE/0101/2024',
          date: '2024-02-09',
          deliverable: 15,
          versionKind: 'PROYECTO',
        })
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await ine({
          oficioNumber: 'INE/UTSI/0801/2024',
          date: '2024-02-15',
          outcome: 'OBSERVATIONS',
          references: ['IEPC/GRO/SE/0101/2024'],
        })
      ).errors,
    ).toBeUndefined();
    const reminded = await ine({
      kind: 'REMINDER',
      oficioNumber: 'INE/UTSI/1660/2024',
      date: '2024-03-19',
      items: [{ deliverable: 15, versionKind: 'FINAL', dueDate: '2024-04-05' }],
    });
    expect(reminded.data!.recordIneOficio).toMatchObject({
      documents: [{ id: 'document:GRO:e15-final', status: 'EXPECTED' }],
    });
    const proyecto = await doc('document:GRO:e15-proyecto');
    expect(proyecto).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE' });
    const proyectoEvents = await stack.db.query(
      "SELECT count(*) AS n FROM events WHERE stream_id = 'document:GRO:e15-proyecto'",
    );

    // "En relación a la versión final …, se tienen por atendidas las observaciones remitidas mediante oficio INE/UTSI/0801/2024 y no se generan adicionales."
    const review = await ine({
      oficioNumber: 'INE/UTSI/1590/2024',
      date: '2024-03-21',
      outcome: 'ADDRESSED',
      references: ['INE/UTSI/0801/2024'],
      deliverable: 15,
      versionKind: 'FINAL',
    });
    expect(review.errors).toBeUndefined();
    expect(review.data!.recordIneOficio.document).toMatchObject({
      id: 'document:GRO:e15-final',
      status: 'RESOLVED',
      ballInCourt: 'NONE',
    });
    expect(await doc('document:GRO:e15-final')).toMatchObject({
      status: 'RESOLVED',
      resolution: 'ADDRESSED',
      deadline: null,
      rounds: [{ submittedBy: null, answeredBy: 'INE/UTSI/1590/2024', outcome: 'ADDRESSED' }],
    });
    // The proyecto stays as it was.
    expect(await doc('document:GRO:e15-proyecto')).toEqual(proyecto);
    expect(
      await stack.db.query("SELECT count(*) AS n FROM events WHERE stream_id = 'document:GRO:e15-proyecto'"),
    ).toEqual(proyectoEvents);

    // The final version now links 0801 too (inferred); the OPLE's answer to 0801 still belongs to
    // the proyecto, whose observations 0801 made — not a CONFLICT between the two.
    const links = await stack.db.query(
      "SELECT stream_id, role FROM case_oficios WHERE oficio_number = 'INE/UTSI/0801/2024' ORDER BY stream_id, role",
    );
    expect(links).toEqual([
      { stream_id: 'document:GRO:e15-final', role: 'INFERRED' },
      { stream_id: 'document:GRO:e15-proyecto', role: 'ANSWER' },
    ]);
    const answer = await ople({
      oficioNumber: 'IEPC/GRO/SE/0140/2024',
      date: '2024-03-25',
      references: ['INE/UTSI/0801/2024'],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordOpleOficio).toMatchObject({
      document: { id: 'document:GRO:e15-proyecto', status: 'UNDER_REVIEW' },
    });
  });

  it('lets the cited chain decide when the version is only the intake’s assumption', async () => {
    // The final version of entregable 16 is under observation (1710); its proyecto was sent too.
    expect(
      (await ople({ oficioNumber: 'IEPC/GRO/SE/0400/2024', date: '2024-03-20', deliverable: 16, versionKind: 'FINAL' }))
        .errors,
    ).toBeUndefined();
    expect(
      (
        await ine({
          oficioNumber: 'INE/UTSI/1710/2024',
          date: '2024-03-21',
          outcome: 'OBSERVATIONS',
          references: ['IEPC/GRO/SE/0400/2024'],
        })
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await ople({
          oficioNumber: 'IEPC/GRO/SE/0401/2024',
          date: '2024-03-20',
          deliverable: 16,
          versionKind: 'PROYECTO',
        })
      ).errors,
    ).toBeUndefined();
    // The oficio does not say which version: the intake assumes the proyecto, and says so.
    const text = `1. 22 de marzo de 2024, oficio INE/UTSI/1810/2024, mediante el cual informa que, relativo al plan de seguridad y plan de continuidad del PREP, se tienen por atendidas las observaciones remitidas mediante oficio INE/UTSI/1710/2024 y no se generan observaciones adicionales.\n`;
    const ingested = await stack.gql<{
      ingestCorrespondence: { oficios: Array<{ result: string; targets: string[]; assumptions: string[] }> };
    }>(
      `mutation($text: String!) { ingestCorrespondence(text: $text, ople: "GRO", dryRun: false) { oficios { result targets assumptions } } }`,
      { text },
    );
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data!.ingestCorrespondence.oficios).toEqual([
      {
        result: 'CREATED',
        targets: ['document:GRO:e16-final'],
        assumptions: [expect.stringMatching(/se supone el proyecto del entregable 16/)],
      },
    ]);
    const status = async (id: string) =>
      (await stack.gql<{ document: { status: string } }>(`query($id: ID!) { document(id: $id) { status } }`, { id }))
        .data!.document.status;
    expect(await status('document:GRO:e16-final')).toBe('RESOLVED');
    expect(await status('document:GRO:e16-proyecto')).toBe('UNDER_REVIEW');
  });

  it('keeps invitations and notices in the correspondence, once', async () => {
    const input = {
      kind: 'INVITATION',
      oficioNumber: 'INE/UTSI/1500/2024',
      date: '2024-03-05',
      subject: 'Reunión de trabajo sobre el simulacro del PREP',
      meetingAt: '2024-03-12T10:00:00-06:00',
      references: ['IEPC/GRO/SE/0088/2024'],
      deliverable: 21,
    };
    const invited = await ine(input);
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.recordIneOficio).toMatchObject({
      kind: 'INVITATION',
      alreadyRecorded: false,
      notice: {
        id: 'notice:GRO:ine-utsi-1500-2024',
        kind: 'INVITATION',
        meetingAt: '2024-03-12T10:00:00-06:00',
        references: ['IEPC/GRO/SE/0088/2024'],
        deliverable: 21,
      },
    });
    expect((await ine(input)).data!.recordIneOficio).toMatchObject({
      alreadyRecorded: true,
      notice: { id: 'notice:GRO:ine-utsi-1500-2024' },
    });
    const notice = await ine({
      kind: 'NOTICE',
      oficioNumber: 'INE/UTSI/1510/2024',
      date: '2024-03-06',
      subject: 'Se comunica el calendario de simulacros',
    });
    expect(notice.data!.recordIneOficio.notice).toMatchObject({ kind: 'NOTICE', meetingAt: null });

    const register = await stack.gql<{ correspondence: Array<Record<string, unknown>> }>(
      `query { correspondence(ople: "GRO", from: "2024-03-05", to: "2024-03-06") { oficioNumber role subject meetingAt cites } }`,
    );
    expect(register.data!.correspondence).toEqual([
      {
        oficioNumber: 'INE/UTSI/1500/2024',
        role: 'INVITATION',
        subject: input.subject,
        meetingAt: '2024-03-12T10:00:00-06:00',
        cites: ['IEPC/GRO/SE/0088/2024'],
      },
      {
        oficioNumber: 'INE/UTSI/1510/2024',
        role: 'NOTICE',
        subject: 'Se comunica el calendario de simulacros',
        meetingAt: null,
        cites: [],
      },
    ]);
    const one = await stack.gql<{ notice: { subject: string } }>(
      `query { notice(id: "notice:GRO:ine-utsi-1510-2024") { subject } }`,
    );
    expect(one.data!.notice.subject).toBe('Se comunica el calendario de simulacros');
  });

  it.each<[string, 'ine' | 'ople', Record<string, unknown>, string, RegExp]>([
    [
      'a review without outcome',
      'ine',
      { oficioNumber: 'INE/UTSI/2001/2024', date: '2024-03-01', deliverable: 6, versionKind: 'PROYECTO' },
      'outcome',
      /obligatorio/,
    ],
    [
      'a reminder without items',
      'ine',
      { kind: 'REMINDER', oficioNumber: 'INE/UTSI/2002/2024', date: '2024-03-01' },
      'items',
      /al menos un entregable/,
    ],
    [
      'items on a review',
      'ine',
      {
        oficioNumber: 'INE/UTSI/2003/2024',
        date: '2024-03-01',
        outcome: 'ACCEPTED',
        items: [{ deliverable: 1, versionKind: 'PROYECTO', dueDate: '2024-04-01' }],
      },
      'items',
      /no aplica a un oficio REVIEW/,
    ],
    [
      'a request without subject',
      'ine',
      { kind: 'REQUEST', oficioNumber: 'INE/UTSI/2004/2024', date: '2024-03-01' },
      'subject',
      /obligatorio/,
    ],
    [
      'a meeting without its zone',
      'ine',
      {
        kind: 'INVITATION',
        oficioNumber: 'INE/UTSI/2005/2024',
        date: '2024-03-01',
        subject: 'Reunión',
        meetingAt: '2024-03-12T10:00',
      },
      'meetingAt',
      /con su zona/,
    ],
    [
      'an impossible date',
      'ine',
      { kind: 'NOTICE', oficioNumber: 'INE/UTSI/2006/2024', date: '2024-02-30', subject: 'Aviso' },
      'date',
      /fecha válida/,
    ],
    [
      'an OPLE oficio that leads nowhere',
      'ople',
      { oficioNumber: 'IEPC/GRO/SE/0999/2024', date: '2024-03-01', references: ['INE/UTSI/9999/2024'] },
      'references',
      /no cita ninguna solicitud ni documento/,
    ],
    [
      'an OPLE oficio citing a malformed number',
      'ople',
      {
        oficioNumber: 'IEPC/GRO/SE/0998/2024',
        date: '2024-03-01',
        deliverable: 5,
        versionKind: 'PROYECTO',
        references: ['no es oficio'],
      },
      'references[0]',
      /número de oficio/,
    ],
    [
      'a new document with no entregable',
      'ople',
      { oficioNumber: 'IEPC/GRO/SE/0997/2024', date: '2024-03-01', documentId: 'document:GRO:nuevo' },
      'deliverable',
      /no existe/,
    ],
  ])(
    'refuses %s (through the %s door), naming the field, and writes nothing',
    async (_name, door, input, field, reason) => {
      const before = await eventCount();
      const answer = door === 'ine' ? await ine(input) : await ople(input);
      expect(answer.errors![0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field },
        message: expect.stringMatching(reason),
      });
      expect(await eventCount()).toBe(before);
    },
  );

  it('lets an OPLE’s operator record only its own OPLE’s oficios, and a supervisor none', async () => {
    const operator = stack.tokens.issue({ subject: 'operador@iepc-gro', role: 'OPERATOR', institution: 'GRO' });
    const supervisor = stack.tokens.issue({ subject: 'supervisor@ine', role: 'SUPERVISOR', institution: 'INE' });
    const foreign = {
      ople: 'MEX',
      oficioNumber: 'IEEM/SE/0001/2024',
      date: '2024-03-01',
      deliverable: 5,
      versionKind: 'PROYECTO',
    };
    expect((await stack.gqlAs(operator, OPLE, { input: foreign })).errors![0].extensions).toEqual({
      code: 'FORBIDDEN',
    });
    expect((await stack.gqlAs(supervisor, OPLE, { input: foreign })).errors![0].extensions).toEqual({
      code: 'FORBIDDEN',
    });
    const own = await stack.gqlAs<{ recordOpleOficio: Recorded }>(operator, OPLE, {
      input: { ...foreign, ople: 'GRO', oficioNumber: 'IEPC/GRO/SE/0300/2024' },
    });
    expect(own.errors).toBeUndefined();
    const [event] = await stack.db.query(
      "SELECT metadata->>'actor' AS actor FROM events WHERE stream_id = 'document:GRO:e5-proyecto' AND type = 'DocumentSubmitted'",
    );
    expect(event.actor).toBe('operador@iepc-gro');
  });
});
