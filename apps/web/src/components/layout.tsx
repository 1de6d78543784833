import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { NavLink, useLocation, useNavigate, useNavigationType, useSearchParams } from 'react-router-dom';
import { findOple } from '../catalogue';
import { dayProblem } from '../calendar';
import { USER_ROLE, formatLongDay } from '../format';
import { DateField } from './date-field';
import { useAsOf, useSession, useTo } from '../state';

/** Every signed-in page: skip link, header with the menu, the time-travel bar, the page, a footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const to = useTo();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  // Following a link to another page moves the focus to its content, so keyboard and screen-reader
  // users start there (not on the first load, nor on a redirect).
  const navigation = useNavigationType();
  const shown = useRef(location.pathname);
  useEffect(() => {
    if (shown.current === location.pathname) return;
    shown.current = location.pathname;
    if (navigation !== 'REPLACE') main.current?.focus();
  }, [location.pathname, navigation]);
  const ople = session.ople ? findOple(session.ople) : null;
  return (
    <>
      <a className="skip" href="#contenido">
        Saltar al contenido
      </a>
      <header className="top">
        <div className="brand">
          <span className="brand-name">Seguimiento del PREP</span>
          <span className="brand-sub">Consola de supervisión</span>
        </div>
        <nav aria-label="Principal">
          <ul>
            {session.ople ? null : (
              <li>
                <NavLink to={to('/nacional')}>Vista nacional</NavLink>
              </li>
            )}
            <li>
              <NavLink to={to(session.ople ? `/ople/${session.ople}` : '/ople/GRO')}>Tablero del OPLE</NavLink>
            </li>
            <li>
              <NavLink to={to('/documentos')} end={false}>
                Documentos
              </NavLink>
            </li>
            <li>
              <NavLink to={to('/correspondencia')}>Correspondencia</NavLink>
            </li>
            <li>
              <NavLink to={to('/informes')}>Informes</NavLink>
            </li>
            {session.role === 'OPERATOR' || session.role === 'ADMIN' ? (
              <li>
                <NavLink to={to('/registrar')}>Registrar correspondencia</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/revision">Revisión</NavLink>
            </li>
            <li>
              <NavLink to="/correo">Correo enviado</NavLink>
            </li>
          </ul>
        </nav>
        <div className="user">
          <span>
            <strong>{session.displayName}</strong>
            <br />
            {USER_ROLE[session.role] ?? session.role} · {ople ? `${ople.acronym} (${ople.id})` : 'INE'}
          </span>
          <button type="button" onClick={signOut}>
            Salir
          </button>
        </div>
      </header>
      <TimeTravel />
      <main id="contenido" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="bottom">
        <p>
          Fechas y horas en tiempo del centro (America/Mexico_City). Datos del API GraphQL de este servidor (
          <code>/graphql</code>).
        </p>
      </footer>
    </>
  );
}

/** «Cómo estaba el …»: a date picker that puts `asOf` in the URL, and a banner while it is on. */
function TimeTravel() {
  const asOf = useAsOf();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [day, setDay] = useState(asOf ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDay(asOf ?? ''), [asOf]);
  const go = (event: FormEvent) => {
    event.preventDefault();
    const problem = dayProblem(day, 'Cómo estaba el', true);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    const next = new URLSearchParams(params);
    next.set('asOf', day);
    setParams(next);
  };
  const back = () => {
    const next = new URLSearchParams(params);
    next.delete('asOf');
    const query = next.toString();
    void navigate(`${location.pathname}${query ? `?${query}` : ''}`);
  };
  return (
    <section className={asOf ? 'time-travel active' : 'time-travel'} aria-label="Viaje en el tiempo">
      {asOf ? (
        <p className="time-banner" role="status" data-testid="time-banner">
          <span aria-hidden="true">↺ </span>
          <strong>Está viendo el pasado:</strong> cómo estaban las cosas al cierre del {formatLongDay(asOf)}. Nada de
          esta página es el estado actual.
        </p>
      ) : null}
      <form onSubmit={go} className="time-form">
        <DateField
          id="as-of"
          label="Cómo estaba el"
          className="inline"
          value={day}
          onChange={(value) => {
            setDay(value);
            setError(null);
          }}
          error={error}
        />
        <button type="submit">Ver</button>
        {asOf ? (
          <button type="button" onClick={back} className="primary">
            Volver al presente
          </button>
        ) : null}
      </form>
    </section>
  );
}

/** An OPLE user may see only their OPLE: other OPLEs' pages say so (the API refuses them too). */
export function OpleFence({ ople, children }: { ople: string | null | undefined; children: ReactNode }) {
  const { session } = useSession();
  if (session.ople && ople && ople !== session.ople)
    return (
      <>
        <h1>Sin acceso a este OPLE</h1>
        <p role="alert" className="notice error">
          Su cuenta pertenece a {findOple(session.ople)?.acronym ?? session.ople}: solo puede consultar la información
          de ese OPLE, no la de {findOple(ople)?.acronym ?? ople}.
        </p>
      </>
    );
  return <>{children}</>;
}

/** A GraphQL error, in the words the API gave. */
export function ApiError({
  error,
}: {
  error: { message: string; graphQLErrors?: Array<{ message: string }> } | undefined;
}) {
  if (!error) return null;
  const messages = error.graphQLErrors?.length ? error.graphQLErrors.map((e) => e.message) : [error.message];
  return (
    <div role="alert" className="notice error">
      <p>
        <strong>El servidor no pudo responder:</strong> {messages.join(' · ')}
      </p>
    </div>
  );
}
