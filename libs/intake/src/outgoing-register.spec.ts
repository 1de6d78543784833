import { planIngest } from './ingest-plan';
import { parseCorrespondence } from './parse-correspondence';

/** The OPLE's register of oficios sent (issue 15, rule 8): planned through its door by what each cites. */
const planned = (entry: string) => {
  const [oficio] = parseCorrespondence(`Oficios enviados a la UTSI:\n1. ${entry}`, { ople: 'GRO' }).oficios;
  return planIngest(oficio, 'GRO');
};

describe('the OPLE’s outgoing register', () => {
  it('an answer to a request, whose kind INE’s vocabulary does not name, goes through the OPLE’s door by what it cites', () => {
    expect(
      planned(
        '25 de marzo de 2024, oficio IEPC/GRO/SE/0140/2024, mediante el cual se informa a la UTSI el estatus del proceso de contratación, en atención al oficio INE/UTSI/1221/2024.',
      ),
    ).toEqual({
      door: 'OPLE',
      input: {
        ople: 'GRO',
        oficioNumber: 'IEPC/GRO/SE/0140/2024',
        date: '2024-03-25',
        references: ['INE/UTSI/1221/2024'],
        deliverable: undefined,
        versionKind: undefined,
      },
      assumptions: [],
    });
  });

  it('a new version answering observations carries its entregable and version', () => {
    const step = planned(
      '22 de marzo de 2024, oficio IEPC/GRO/SE/0131/2024, mediante el cual se remiten los proyectos de plan de seguridad y plan de continuidad del PREP, con la atención a las observaciones remitidas mediante oficio INE/UTSI/1489/2024.',
    );
    expect(step).toMatchObject({ door: 'OPLE', input: { deliverable: 16, versionKind: 'PROYECTO' } });
  });

  it('one that cites no INE oficio and names no entregable waits for a person, with the reason', () => {
    expect(
      planned('26 de marzo de 2024, oficio IEPC/GRO/SE/0141/2024, mediante el cual se remite información diversa.'),
    ).toEqual({
      door: 'NONE',
      reasons: [expect.stringMatching(/^no se puede asociar: el oficio del OPLE no cita oficios del INE/)],
    });
  });

  it('a doubt other than its kind still needs a person', () => {
    const step = planned(
      '31 de febrero de 2024, oficio IEPC/GRO/SE/0142/2024, mediante el cual se da respuesta al oficio INE/UTSI/1221/2024.',
    );
    expect(step.door).toBe('NONE');
  });
});
