import type { EntityManager } from 'typeorm';

/**
 * The console's saved views (issue 17): a named address of a filtered list — the documents or
 * the correspondence register — shared within one institution (INE, or one OPLE): its users list,
 * save and delete its views, and never see another institution's.
 */
export interface SavedView {
  id: string;
  institution: string;
  name: string;
  path: string;
  createdBy: string;
  createdAt: string;
}

/** A refusal of a view's input, naming its field. */
export class SavedViewInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The lists a view may point at (the console's pages whose whole state is in their address). */
export const VIEW_PAGES = ['/documentos', '/correspondencia'] as const;

const MAX_NAME = 80;
const MAX_PATH = 2000;
/** Control characters (C0, DEL, C1) and lone UTF-16 surrogates: no name or address carries them. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const NOT_TEXT = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A view's name, trimmed and checked. */
export function checkViewName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (!name) throw new SavedViewInputError('name', 'el nombre de la vista es obligatorio');
  if (name.length > MAX_NAME)
    throw new SavedViewInputError('name', `el nombre de la vista admite hasta ${MAX_NAME} caracteres`);
  if (NOT_TEXT.test(name))
    throw new SavedViewInputError('name', 'el nombre de la vista lleva caracteres de control o no válidos');
  return name;
}

/** A view's address: a path of the console's lists with its query (no host, no fragment), checked. */
export function checkViewPath(raw: unknown): string {
  const path = typeof raw === 'string' ? raw.trim() : '';
  const page = path.split('?')[0];
  if (!VIEW_PAGES.includes(page as (typeof VIEW_PAGES)[number]))
    throw new SavedViewInputError(
      'path',
      `la vista debe ser una dirección de la consola que empiece por ${VIEW_PAGES.join(' o ')} (p. ej. /documentos?ople=GRO)`,
    );
  if (path.length > MAX_PATH)
    throw new SavedViewInputError('path', `la dirección de la vista admite hasta ${MAX_PATH} caracteres`);
  if (NOT_TEXT.test(path) || /[\s#\\]/.test(path))
    throw new SavedViewInputError('path', 'la dirección de la vista lleva espacios, # o caracteres no válidos');
  return path;
}

/** A view's id (a positive whole number, as text). */
export function checkViewId(raw: unknown): string {
  const id = typeof raw === 'string' ? raw.trim() : '';
  if (!/^[1-9]\d{0,17}$/.test(id))
    throw new SavedViewInputError('id', `"${String(raw).slice(0, 40)}" no es el identificador de una vista`);
  return id;
}

interface ViewRow {
  id: string;
  institution: string;
  name: string;
  path: string;
  created_by: string;
  created_at: Date;
}
const toView = (r: ViewRow): SavedView => ({
  id: String(r.id),
  institution: r.institution,
  name: r.name,
  path: r.path,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The views of one institution, by name. */
export async function listViews(db: EntityManager, institution: string): Promise<SavedView[]> {
  const rows: ViewRow[] = await db.query(
    'SELECT id, institution, name, path, created_by, created_at FROM saved_views WHERE institution = $1 ORDER BY lower(name), id',
    [institution],
  );
  return rows.map(toView);
}

/** Saves a view for the institution; a view of the same name (any case) takes the new address. */
export async function saveView(
  db: EntityManager,
  view: { institution: string; name: unknown; path: unknown; createdBy: string },
): Promise<SavedView> {
  const name = checkViewName(view.name);
  const path = checkViewPath(view.path);
  const [row]: ViewRow[] = await db.query(
    `INSERT INTO saved_views (institution, name, path, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (institution, lower(name)) DO UPDATE SET name = EXCLUDED.name, path = EXCLUDED.path,
       created_by = EXCLUDED.created_by, updated_at = now()
     RETURNING id, institution, name, path, created_by, created_at`,
    [view.institution, name, path, view.createdBy],
  );
  return toView(row);
}

/** Deletes one of the institution's views; false when it has none with that id. */
export async function deleteView(db: EntityManager, institution: string, id: unknown): Promise<boolean> {
  const checked = checkViewId(id);
  const [, count]: [unknown, number] = await db.query('DELETE FROM saved_views WHERE institution = $1 AND id = $2', [
    institution,
    checked,
  ]);
  return count > 0;
}
