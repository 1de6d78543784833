/** Exit codes: 0 done; 1 some oficios need review; 2 bad usage or unreadable input; 3 the server could not be reached or refused. */
export const EXIT = { OK: 0, NEEDS_REVIEW: 1, USAGE: 2, SERVER: 3 } as const;

/** Bad usage or unreadable input (exit 2): the message names the argument and the reason. */
export class UsageError extends Error {}

/** The server could not be reached, or refused the request (exit 3). */
export class ServerError extends Error {}

export const HELP = {
  main: `seguimiento — el seguimiento de los entregables del PREP entre el INE y los OPLE

uso: seguimiento <comando> [opciones]

comandos:
  ingest FILE [--ople ID] [--dry-run] [--json]
      lee la correspondencia (el informe mensual, un oficio, el registro de control) en texto,
      PDF (con OCR si es un escaneo), Word (DOCX), Excel (XLSX), CSV o correo (.eml) y
      registra cada oficio y guarda el archivo original en el servidor (el mismo archivo dos
      veces se reconoce); con --dry-run solo lo lee (no necesita servidor); con --json
      imprime solo el arreglo JSON de los oficios leídos
  report --ople ID --from AAAA-MM-DD --to AAAA-MM-DD [--format md|txt|pdf] [--out FILE]
      el informe de la comisión: oficios recibidos en el periodo, estado de cada documento,
      lo vencido y lo que vence; PDF a --out (por omisión informe-<OPLE>-<desde>-<hasta>.pdf)
  files get <SHA256|OFICIO> [-o RUTA]
      descarga el archivo original que ingest guardó: por su SHA-256, o el del que se leyó un oficio
  status [--ople ID] [--as-of AAAA-MM-DD]
      quién tiene la pelota, qué está vencido y qué vence, hoy o en una fecha pasada
  directory list|set|remove [opciones]
      el directorio: quién recibe los escalamientos y el resumen diario (cambiarlo: ADMIN)
  review list|show|resolve|dismiss [opciones]
      la cola de revisión: lo que la ingesta dejó a una persona; resolverlo (entregable,
      versión o documento) o descartarlo
  mail list|show [ID] | mail bounce MESSAGE-ID
      el correo que recibió el servidor SMTP local de npm start (.data/mail)
  users add|passwd|disable|enable|list …
      los usuarios de la consola (en PostgreSQL, en el servidor): alta, contraseña,
      deshabilitar, habilitar, lista; seguimiento users --help

conexión (ingest sin --dry-run, files, report, status, directory, review):
  SEGUIMIENTO_URL    la API GraphQL (por omisión http://127.0.0.1:4000/graphql)
  SEGUIMIENTO_TOKEN  un token Bearer; sin él, en la máquina de npm start se firma uno de
                     OPERATOR del INE con el secreto de .data/jwt-secret

códigos de salida: 0 hecho; 1 algunos oficios necesitan revisión; 2 uso incorrecto o entrada
ilegible; 3 el servidor no respondió o rechazó la solicitud`,
  ingest: `uso: seguimiento ingest FILE [--ople ID] [--dry-run] [--json]

  FILE        la correspondencia ("-" para la entrada estándar): texto (UTF-8 o Windows-1252),
              PDF (un escaneo se lee con OCR si tesseract-ocr y tesseract-ocr-spa están
              instalados), DOCX, XLSX o CSV (columnas por sus encabezados) o .eml con adjuntos
  --ople ID   el OPLE (clave ISO, p. ej. GRO); sin ella se deduce del texto si nombra un solo estado
              sin --dry-run el archivo mismo va al servidor (hasta 25 MiB), que lo lee, registra
              sus oficios y guarda el original (seguimiento files get lo descarga)
  --dry-run   solo leer: no registra nada y no necesita servidor
  --json      imprimir solo el arreglo JSON de los oficios leídos`,
  files: `uso: seguimiento files get <SHA256|OFICIO> [-o RUTA]

  SHA256      el archivo original por su SHA-256 (lo imprime ingest)
  OFICIO      el número de un oficio, p. ej. INE/UTSI/1121/2024: el primer archivo del que se leyó
              (si hubo otros, se dicen en la salida de errores)
  -o RUTA     dónde escribirlo; por omisión su nombre, en la carpeta actual (sin sobrescribir)

  un usuario de un OPLE solo descarga los archivos de su OPLE.`,
  report: `uso: seguimiento report --ople ID --from AAAA-MM-DD --to AAAA-MM-DD [--format md|txt|pdf] [--out FILE]`,
  status: `uso: seguimiento status [--ople ID] [--as-of AAAA-MM-DD]`,
  directory: `uso: seguimiento directory list [--institucion INE|ID]
       seguimiento directory set --institucion INE|ID --rol ROL --correo DIRECCION --nombre NOMBRE [--preferencia inmediato|resumen]
       seguimiento directory remove --institucion INE|ID --rol ROL --correo DIRECCION

  --institucion   INE o la clave ISO del OPLE (p. ej. GRO)
  --rol           RESPONSABLE (recordatorio y vencimiento del plazo), AREA_RESPONSABLE (nivel 1),
                  SECRETARIA_TECNICA (nivel 2, recordatorios del INE, invitaciones), COMISION (nivel 3);
                  UTSI para el INE
  --preferencia   inmediato (cada correo y el resumen diario; por omisión) o resumen (solo el resumen)

  set y remove requieren un token de ADMIN (en la máquina de npm start la CLI firma uno).`,
  review: `uso: seguimiento review list [--ople ID] [--estado pendiente|resuelta|descartada]
       seguimiento review show ID
       seguimiento review resolve ID --entregable N [--version proyecto|final] [--documento ID] [--plazo AAAA-MM-DD] [--nota TEXTO]
       seguimiento review dismiss ID --motivo TEXTO

  list      los elementos de la cola (por omisión, los pendientes), por fecha del oficio
  show      uno, con su texto exacto, su tramo, el motivo y lo que se leyó
  resolve   registra el oficio por las puertas normales en el entregable (y versión, o documento)
            elegido; --plazo para un elemento de recordatorio que no lo decía
  dismiss   lo descarta con su motivo

  resolve y dismiss requieren un token de OPERATOR o ADMIN (en la máquina de npm start la CLI firma uno).`,
  mail: `uso: seguimiento mail list [--limit N]
       seguimiento mail show ID
       seguimiento mail bounce MESSAGE-ID [--motivo TEXTO]

  list y show: el correo que recibió el servidor SMTP local que levanta npm start (guardado en
  .data/mail como archivos .eml con un índice); ID es el número que muestra list o el Message-ID;
  list señala los correos rebotados y los avisos de rebote (DSN) recibidos
  bounce: registra que un correo enviado rebotó (queda BOUNCED en mailDeliveries); abre la base
  de datos (DATABASE_URL o la de npm start)`,
  users: `uso: seguimiento users <subcomando>

  add USUARIO --role ROL --ople ID|INE --name "NOMBRE" [--institution "…"] [--password-stdin]
              da de alta a una persona; ROL: SUPERVISOR (consulta), OPERATOR (registra oficios) o
              ADMIN; --ople GRO la limita a su OPLE, --ople INE ve los 32; la institución por
              omisión es INE o las siglas del OPLE
  passwd USUARIO [--password-stdin]
              cambia la contraseña (y quita el bloqueo por intentos fallidos)
  disable USUARIO / enable USUARIO
              le impide (o le vuelve a permitir) iniciar sesión
  list        los usuarios, con su rol, OPLE, institución y estado (nunca las contraseñas)

  La contraseña (al menos 12 caracteres) se pide dos veces sin eco; con --password-stdin se lee
  de la entrada estándar (printf '%s' "$CLAVE" | seguimiento users passwd ana). Nunca va en la
  línea de comandos.

  La base de datos: DATABASE_URL, o la de npm start en esta máquina (SEGUIMIENTO_DATA_DIR o .data/,
  POSTGRES_PORT o 5433).`,
};
