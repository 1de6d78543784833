import { parse } from '../args';
import { connect } from '../connection';
import type { Io } from '../io';
import { EXIT, HELP, UsageError } from '../usage';

interface Contact {
  institution: string;
  role: string;
  email: string;
  name: string;
  preference: string;
}
const FIELDS = 'institution role email name preference';

const PREFERENCES: Record<string, string> = { IMMEDIATE: 'inmediato', DIGEST: 'solo resumen' };

/** `seguimiento directory list|set|remove`: who receives the escalations and the digest. */
export async function directory(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (!action || action === '--help' || action === '-h') {
    io.out(HELP.directory);
    return action ? EXIT.OK : EXIT.USAGE;
  }
  if (action === 'list') {
    const { values } = parse(rest, { institucion: { type: 'string' } });
    if (values.help) return help(io);
    const { directory: list } = await connect().request<{ directory: Contact[] }>(
      `query($institution: String) { directory(institution: $institution) { ${FIELDS} } }`,
      { institution: values.institucion ?? null },
    );
    if (list.length === 0) io.out('El directorio está vacío.');
    for (const c of list)
      io.out(`${c.institution}\t${c.role}\t${c.email}\t${c.name}\t${PREFERENCES[c.preference] ?? c.preference}`);
    return EXIT.OK;
  }
  if (action === 'set') {
    const { values } = parse(rest, {
      institucion: { type: 'string' },
      rol: { type: 'string' },
      correo: { type: 'string' },
      nombre: { type: 'string' },
      preferencia: { type: 'string' },
    });
    if (values.help) return help(io);
    const input = {
      institution: required(values.institucion, 'institucion', 'INE o la clave del OPLE, p. ej. --institucion GRO'),
      role: required(values.rol, 'rol', 'RESPONSABLE, AREA_RESPONSABLE, SECRETARIA_TECNICA, COMISION o UTSI'),
      email: required(values.correo, 'correo', 'la dirección, p. ej. --correo nombre@example.org'),
      name: required(values.nombre, 'nombre', 'el nombre de la persona o del área'),
      preference: preference(values.preferencia),
    };
    const { setDirectoryContact: c } = await connect(process.env, 'ADMIN').request<{ setDirectoryContact: Contact }>(
      `mutation($input: SetDirectoryContactInput!) { setDirectoryContact(input: $input) { ${FIELDS} } }`,
      { input },
    );
    io.out(`${c.institution}\t${c.role}\t${c.email}\t${c.name}\t${PREFERENCES[c.preference] ?? c.preference}`);
    return EXIT.OK;
  }
  if (action === 'remove') {
    const { values } = parse(rest, {
      institucion: { type: 'string' },
      rol: { type: 'string' },
      correo: { type: 'string' },
    });
    if (values.help) return help(io);
    const variables = {
      institution: required(values.institucion, 'institucion', 'INE o la clave del OPLE, p. ej. --institucion GRO'),
      role: required(values.rol, 'rol', 'el rol del que se quita'),
      email: required(values.correo, 'correo', 'la dirección que se quita'),
    };
    await connect(process.env, 'ADMIN').request(
      'mutation($input: RemoveDirectoryContactInput!) { removeDirectoryContact(input: $input) }',
      { input: variables },
    );
    io.out(`quitado: ${variables.institution} ${variables.role} ${variables.email}`);
    return EXIT.OK;
  }
  throw new UsageError(`acción desconocida "${action}" (list, set o remove; seguimiento directory --help)`);
}

function help(io: Io): number {
  io.out(HELP.directory);
  return EXIT.OK;
}

function required(value: string | undefined, name: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`falta --${name}: ${what}`);
  return value;
}

function preference(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'inmediato' || v === 'immediate') return 'IMMEDIATE';
  if (v === 'resumen' || v === 'digest') return 'DIGEST';
  throw new UsageError(`--preferencia: "${value}" debe ser inmediato (cada correo) o resumen (solo el resumen diario)`);
}
