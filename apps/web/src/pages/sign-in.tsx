import { type FormEvent, useRef, useState } from 'react';
import { signIn } from '../api/session';

/** Sign-in with user and password; the gateway answers with the session cookie. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ message: string; field?: 'username' | 'password' } | null>(null);
  const [busy, setBusy] = useState(false);
  const userInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) {
      setError({ message: 'Escriba su usuario.', field: 'username' });
      userInput.current?.focus();
      return;
    }
    if (!password) {
      setError({ message: 'Escriba su contraseña.', field: 'password' });
      passwordInput.current?.focus();
      return;
    }
    setBusy(true);
    const result = await signIn(username.trim(), password);
    setBusy(false);
    if (result.ok) {
      setError(null);
      await onSignedIn();
      return;
    }
    setError({ message: result.message, field: result.field });
    setPassword('');
    (result.field === 'username' ? userInput : passwordInput).current?.focus();
  };

  const fieldError = (field: 'username' | 'password') =>
    error?.field === field ? (
      <span id={`${field}-error`} className="field-error">
        {error.message}
      </span>
    ) : null;

  return (
    <main id="contenido" className="sign-in">
      <h1>Seguimiento del PREP</h1>
      <p className="lead">
        Consola de supervisión de los entregables del lineamiento 33 (Anexo 13) entre el INE y los OPLE. Ingrese con el
        usuario y la contraseña que le asignó la administración.
      </p>
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">Ingresar</h2>
        {error && !error.field ? (
          <p role="alert" className="notice error" data-testid="sign-in-error">
            {error.message}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="username">Usuario</label>
          <input
            id="username"
            ref={userInput}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={error?.field === 'username' ? true : undefined}
            aria-describedby={error?.field === 'username' ? 'username-error' : undefined}
            autoFocus
          />
          {fieldError('username')}
        </div>
        <div className="field">
          <label htmlFor="password">Contraseña</label>
          <input
            id="password"
            ref={passwordInput}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error?.field === 'password' ? true : undefined}
            aria-describedby={error?.field === 'password' ? 'password-error' : undefined}
          />
          {fieldError('password')}
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Ingresando…' : 'Ingresar'}
        </button>
      </form>
      <div role="status" aria-live="polite" className="sr-only">
        {error ? error.message : ''}
      </div>
    </main>
  );
}
