import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ConsoleFiles } from './console-files';

/** The little of Express's response this controller uses. */
interface Response {
  status(code: number): Response;
  setHeader(name: string, value: string): void;
  send(body: Buffer | string): void;
}

/**
 * The console's client routes (React Router): each answers with index.html, so a shared link or
 * a reload opens the right page. Only these: /graphql, /auth/*, /health, /ready and /metrics keep
 * their own answers, and any other path stays a 404.
 */
export const CONSOLE_ROUTES = [
  '',
  'ingresar',
  'nacional',
  'ople/:ople',
  'documentos',
  'documentos/:id',
  'correspondencia',
  'oficios/:number',
  'informes',
  'registrar',
  'revision',
  'correo',
];

/** What a browser gets when the console was never built. */
const NOT_BUILT = `<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>Consola no compilada</title></head>
<body><h1>La consola no está compilada</h1>
<p>Compílela con <code>npm run build:web</code> (npm start y npm test lo hacen solos cuando hace falta) y recargue esta página.</p>
</body></html>
`;

/**
 * The supervisors' console, served at `/` by the gateway (same origin as /graphql, so the
 * session cookie and the CSP's 'self' cover it). Public, like the explorer: the data behind it
 * needs a session. The edge's Content-Security-Policy applies (script-src 'self': the build has
 * no inline script).
 */
@Controller()
export class ConsoleController {
  constructor(@Inject(ConsoleFiles) private readonly files: ConsoleFiles) {}

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const file = this.files.asset(name);
    if (!file) throw new NotFoundException(`No existe el recurso de la consola «${name}»`);
    res.setHeader('content-type', file.contentType);
    // Hashed names: a new build has new names, so a year in the cache is safe.
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.send(file.body);
  }

  @Get(CONSOLE_ROUTES)
  page(@Res() res: Response): void {
    const html = this.files.indexHtml();
    res.setHeader('content-type', 'text/html; charset=utf-8');
    // Always asked again: it names the current build's assets.
    res.setHeader('cache-control', 'no-cache');
    if (!html) {
      res.status(503).send(NOT_BUILT);
      return;
    }
    res.send(html);
  }
}
