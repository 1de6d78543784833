import { readFileSync } from 'fs';
import { join } from 'path';
import { recogniseDeliverable } from './deliverables';
import { fold } from './fold';

// IEEM's verbatim list of the 34 entregables of lineamiento 33 (shared/anexo13-entregables.txt),
// copied next to the tests so they run on a clean clone.
const ANEXO13 = readFileSync(join(__dirname, 'testing', 'anexo13-entregables.txt'), 'utf8');
const OFFICIAL: [number, string][] = ANEXO13.split('\n')
  .map((line) => /^([0-9]{1,2})\s*\|\s*([^|]+?)\s*(?:\||$)/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => [Number(m[1]), m[2]]);

const recognised = (text: string) => recogniseDeliverable(fold(text));

describe('the official titles of lineamiento 33', () => {
  it('reads the 34 titles of the list', () => {
    expect(OFFICIAL.map(([n]) => n)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(OFFICIAL[26][1]).toBe('Informe general del desempeño en todos los simulacros.');
  });

  it.each(OFFICIAL)('recognises entregable %i by its official title', (n, title) => {
    expect(recognised(title)).toMatchObject({ deliverable: n, deliverables: [n] });
  });

  it.each<[number, string]>([
    // The names INE and the OPLEs give them in oficios, and the OPLE's own document names.
    [1, 'el Acuerdo de creación de la Comisión del PREP'],
    [3, 'el Informe del mes de febrero sobre el avance en la implementación y operación del PREP'],
    [4, 'el Proyecto de Acuerdo de integración del Comité Técnico Asesor del PREP'],
    [5, 'el plan de trabajo y calendario de sesiones del COTAPREP'],
    [9, 'el Listado de candidatos a Entes Auditores del PREP'],
    [11, 'la versión preliminar del prototipo navegable del sitio de publicación y formato de bases de datos'],
    [
      13,
      'el acuerdo por el que se instruye a los consejos municipales para que supervisen las actividades del PREP en los CATD',
    ],
    [14, 'la designación y aceptación del ente auditor'],
    [
      15,
      'la versión preliminar del instrumento jurídico celebrado entre el OPL y el ente auditor, así como su anexo técnico',
    ],
    [16, 'la Versión Final del Plan de Seguridad y Plan de Continuidad'],
    [19, 'el número de actualizaciones por hora, de las bases de datos'],
    [25, 'la Lista de Difusores y Direcciones Electrónicas'],
    [
      26,
      'la dirección electrónica del prototipo navegable que se utilizará durante la ejecución de los simulacros del PREP',
    ],
    [27, 'el Informe de desempeño de todos los simulacros del PREP'],
    [27, 'el informe sobre los simulacros'],
    [28, 'el Acta Circunstanciada del cierre de la publicación'],
    [29, 'los informes final y de evaluación de la operación emitidos por el ente auditor'],
    [30, 'las Constancias con Fe Pública'],
    [30, 'las actas notariales'],
    [32, 'el informe final del COTAPREP'],
    [33, 'cualquier modificación a los documentos antes señalados'],
    [34, 'cualquier otro documento emitido en relación con la implementación y operación del PREP'],
  ])('recognises entregable %i by a usual short form: %s', (n, text) => {
    expect(recognised(text).deliverable).toBe(n);
  });

  it('recognises nothing where the text names no entregable', () => {
    for (const text of [
      'el documento “Entes auditores de los Organismos Públicos Locales”',
      'la reunión de trabajo del 5 de marzo',
      'cualquier otro asunto',
    ]) {
      expect(recognised(text)).toEqual({
        deliverable: null,
        deliverables: [],
        version: null,
        source: null,
        setAside: null,
      });
    }
  });
});

describe('explicit beats inferred', () => {
  it('takes "numeral 33, documento N" over the title, and notes the title’s number', () => {
    const text =
      'solicita remita a la UTSI el instrumento jurídico que se celebre con el tercero y su anexo técnico, a fin de dar cumplimiento con lo establecido en el numeral 33, documento 34 del Anexo 13 del RE';
    expect(recognised(text)).toEqual({
      deliverable: 34,
      deliverables: [34],
      version: null,
      source: 'EXPLICIT',
      setAside: 10,
    });
  });

  it.each<[string, number]>([
    ['remita el plan de seguridad conforme al lineamiento 33, documento 16 del Anexo 13', 16],
    ['en cumplimiento al documento 27 del numeral 33 del Anexo 13, remita el informe', 27],
    ['remita el entregable 27 a más tardar el 10 de junio', 27],
    ['la versión final del entregable núm. 15', 15],
    ['conforme al numeral 33, documento 33 del Anexo 13, informe la modificación al plan de trabajo', 33],
  ])('reads the number said in «%s»', (text, n) => {
    expect(recognised(text)).toMatchObject({ deliverable: n, source: 'EXPLICIT' });
  });

  it('says "entregable N, versión final" as the version', () => {
    expect(recognised('remita el entregable 16, versión final')).toMatchObject({ deliverable: 16, version: 'FINAL' });
  });

  it('keeps a plain "numeral N" weaker than a title, and takes it when nothing else is said', () => {
    expect(
      recognised('remite observaciones al prototipo navegable, conforme al numeral 12 del Anexo 13'),
    ).toMatchObject({ deliverable: 11, source: 'TITLE', setAside: 12 });
    expect(recognised('en términos del numeral 21 del Anexo 13')).toMatchObject({
      deliverable: 21,
      source: 'NUMERAL',
      setAside: null,
    });
  });

  it('ignores a number outside the catalogue and falls back to the title', () => {
    expect(recognised('el entregable 40, es decir el plan de seguridad')).toMatchObject({
      deliverable: 16,
      source: 'TITLE',
    });
  });

  it('does not take a date after the number for a second entregable', () => {
    expect(recognised('el entregable 15, 16 de marzo de 2024')).toMatchObject({ deliverable: 15, deliverables: [15] });
  });
});

describe('one text, several entregables', () => {
  it.each<[string, number[]]>([
    [
      'los acuerdos por los que se determina el número de actualizaciones por hora de los datos y de las bases de datos',
      [18, 19],
    ],
    ['el número de actualizaciones por hora de las bases de datos y de los datos', [19, 18]],
    ['los proyectos de acuerdo de los entregables 18 y 19 del lineamiento 33', [18, 19]],
    ['lo establecido en el numeral 33, documentos 17, 18, 19 y 20 del Anexo 13', [17, 18, 19, 20]],
    [
      'el acuerdo por el que se determina la fecha y hora de inicio de la publicación y la fecha y hora de la última actualización',
      [17, 20],
    ],
    [
      'el acuerdo por el que se determina la ubicación de los CATD y CCV, y por el que se instruye a los consejos distritales para que supervisen su instalación',
      [12, 13],
    ],
  ])('«%s» names %j', (text, numbers) => {
    expect(recognised(text)).toMatchObject({ deliverable: numbers[0], deliverables: numbers });
  });

  it('a title for one of them is one entregable', () => {
    expect(recognised('el número de actualizaciones por hora de los datos (al menos tres)').deliverables).toEqual([18]);
    expect(recognised('la fecha y hora de inicio de la publicación').deliverables).toEqual([17]);
  });
});
