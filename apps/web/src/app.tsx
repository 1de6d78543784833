import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Provider } from 'urql';
import { createApiClient } from './api/client';
import { type Session, loadSession, signOut } from './api/session';
import { Layout } from './components/layout';
import { SignInPage } from './pages/sign-in';
import { LiveProvider, SessionContext } from './state';

const NationalPage = lazy(() => import('./pages/national'));
const DashboardPage = lazy(() => import('./pages/dashboard'));
const DocumentsPage = lazy(() => import('./pages/documents'));
const DocumentPage = lazy(() => import('./pages/document'));
const CorrespondencePage = lazy(() => import('./pages/correspondence'));
const OficioPage = lazy(() => import('./pages/oficio'));
const ReportsPage = lazy(() => import('./pages/reports'));
const RecordPage = lazy(() => import('./pages/record'));
const ReviewPage = lazy(() => import('./pages/review'));
const MailPage = lazy(() => import('./pages/mail'));

/** The console: the sign-in page, or the signed-in pages with their GraphQL client. */
export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();
  const refresh = useCallback(() => loadSession().then(setSession), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (session === undefined)
    return (
      <p className="loading" role="status">
        Cargando la consola…
      </p>
    );
  if (session === null) {
    const next = location.pathname === '/ingresar' ? '/' : location.pathname + location.search;
    return (
      <Routes>
        <Route path="/ingresar" element={<SignInPage onSignedIn={refresh} />} />
        <Route path="*" element={<Navigate to={`/ingresar?siguiente=${encodeURIComponent(next)}`} replace />} />
      </Routes>
    );
  }
  const end = () => {
    void signOut().then(() => {
      setSession(null);
      void navigate('/ingresar');
    });
  };
  return <SignedIn session={session} signOut={end} />;
}

function SignedIn({ session, signOut }: { session: Session; signOut: () => void }) {
  const [connected, setConnected] = useState(false);
  const client = useMemo(() => createApiClient(session, setConnected), [session]);
  const home = session.ople ? `/ople/${session.ople}` : '/nacional';
  return (
    <SessionContext.Provider value={{ session, signOut }}>
      <Provider value={client}>
        <LiveProvider connected={connected}>
          <Layout>
            <Suspense
              fallback={
                <p className="loading" role="status">
                  Cargando la página…
                </p>
              }
            >
              <Routes>
                <Route path="/" element={<Navigate to={home} replace />} />
                <Route path="/ingresar" element={<AfterSignIn home={home} />} />
                <Route path="/nacional" element={session.ople ? <Navigate to={home} replace /> : <NationalPage />} />
                <Route path="/ople/:ople" element={<DashboardPage />} />
                <Route path="/documentos" element={<DocumentsPage />} />
                <Route path="/documentos/:id" element={<DocumentPage />} />
                <Route path="/correspondencia" element={<CorrespondencePage />} />
                <Route path="/oficios/:number" element={<OficioPage />} />
                <Route path="/informes" element={<ReportsPage />} />
                <Route path="/registrar" element={<RecordPage />} />
                <Route path="/revision" element={<ReviewPage />} />
                <Route path="/correo" element={<MailPage />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </Layout>
        </LiveProvider>
      </Provider>
    </SessionContext.Provider>
  );
}

/** After signing in: the page the user was sent away from (only a path of this site), or their home page. */
function AfterSignIn({ home }: { home: string }) {
  const [params] = useSearchParams();
  const next = params.get('siguiente');
  const safe = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/ingresar') ? next : home;
  return <Navigate to={safe} replace />;
}

function NotFound() {
  return (
    <>
      <h1>Página no encontrada</h1>
      <p>Esta dirección no corresponde a ninguna página de la consola. Use el menú de arriba.</p>
    </>
  );
}
