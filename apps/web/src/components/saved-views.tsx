import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { findOple } from '../catalogue';
import { DeleteViewMutation, SaveViewMutation, SavedViewsQuery } from '../operations';
import { useSession } from '../state';
import { fieldOf } from './mutation-form';

/**
 * The institution's saved views of this list: open one (its address holds every filter), save the
 * list as it is now under a name for the colleagues of the same institution, or delete one.
 */
export function SavedViews({ page }: { page: '/documentos' | '/correspondencia' }) {
  const { session } = useSession();
  const location = useLocation();
  const [{ data, error }, refetch] = useQuery({ query: SavedViewsQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching: saving }, save] = useMutation(SaveViewMutation);
  const [, remove] = useMutation(DeleteViewMutation);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const views = (data?.savedViews ?? []).filter((v) => v.path === page || v.path.startsWith(`${page}?`));
  const institution = session.ople ? (findOple(session.ople)?.acronym ?? session.ople) : 'INE';
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!name.trim()) {
      setProblem('Nombre de la vista: escriba un nombre.');
      return;
    }
    const answer = await save({ input: { name: name.trim(), path: `${location.pathname}${location.search}` } });
    if (answer.error) {
      const message = answer.error.graphQLErrors[0]?.message ?? answer.error.message;
      setProblem(fieldOf(answer.error) === 'path' ? `La dirección: ${message}` : `Nombre de la vista: ${message}`);
      return;
    }
    setProblem(null);
    setName('');
    setDone(`Vista «${answer.data!.saveView.name}» guardada para ${institution}.`);
    reload();
  };
  const drop = async (id: string, viewName: string) => {
    const answer = await remove({ input: { id } });
    setDone(
      answer.error
        ? `No se borró: ${answer.error.graphQLErrors[0]?.message ?? answer.error.message}`
        : `Vista «${viewName}» borrada.`,
    );
    reload();
  };

  return (
    <section className="saved-views" aria-labelledby="saved-views-title" data-testid="saved-views">
      <h2 id="saved-views-title">Vistas guardadas de {institution}</h2>
      {error ? <p className="muted">No se pudieron leer las vistas guardadas.</p> : null}
      {views.length ? (
        <ul>
          {views.map((v) => (
            <li key={v.id} data-view={v.name}>
              <Link to={v.path}>{v.name}</Link> <span className="muted">(guardó {v.createdBy})</span>{' '}
              <button type="button" className="link-button" onClick={() => void drop(v.id, v.name)}>
                Borrar<span className="sr-only"> la vista «{v.name}»</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Su institución aún no guarda vistas de esta lista.</p>
      )}
      <form onSubmit={submit} className="save-view" aria-label="Guardar esta vista" noValidate>
        <label htmlFor="view-name">Nombre de la vista</label>
        <input
          id="view-name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'view-name-error' : 'view-name-hint'}
        />
        <button type="submit" disabled={saving}>
          Guardar esta vista
        </button>
        <span id="view-name-hint" className="muted">
          Guarda los filtros de ahora; la ven sus colegas de {institution}.
        </span>
        {problem ? (
          <span id="view-name-error" className="field-error" role="alert">
            {problem}
          </span>
        ) : null}
        {done ? (
          <span role="status" className="ack-message">
            {done}
          </span>
        ) : null}
      </form>
    </section>
  );
}
