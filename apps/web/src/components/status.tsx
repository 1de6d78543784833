import { STATUS, STATUSES, type Status } from '../format';
import { TRACK, type Track } from '../matrix';

/** A document's status: colour, symbol and words (colour is never the only signal). */
export function StatusBadge({ status }: { status: Status }) {
  const s = STATUS[status];
  return (
    <span className={`badge status-${status}`} title={s.hint}>
      <span aria-hidden="true">{s.symbol}</span> {s.label}
    </span>
  );
}

export function TrackBadge({ track }: { track: Track }) {
  const t = TRACK[track];
  return (
    <span className={`badge track-${track}`} title={t.hint}>
      <span aria-hidden="true">{t.symbol}</span> {t.label}
    </span>
  );
}

/** The national view's legend. */
export function StatusLegend() {
  return (
    <section aria-labelledby="legend-title" className="legend">
      <h2 id="legend-title">Cómo leer la tabla</h2>
      <ul>
        {STATUSES.map((status) => (
          <li key={status}>
            <span className={`swatch status-${status}`} aria-hidden="true">
              {STATUS[status].symbol}
            </span>{' '}
            <strong>{STATUS[status].label}</strong>: {STATUS[status].hint}.
          </li>
        ))}
        <li>
          <span className="swatch marker-overdue" aria-hidden="true">
            ⚠
          </span>{' '}
          <strong>Vencido</strong>: el plazo en curso ya pasó (celda con borde grueso rojo).
        </li>
        <li>
          <span className="swatch marker-escalated" aria-hidden="true">
            ▲
          </span>{' '}
          <strong>Escalado</strong>: ▲1, ▲2 o ▲3, el nivel de escalamiento alcanzado.
        </li>
        <li>
          <span className="swatch empty" aria-hidden="true">
            ·
          </span>{' '}
          <strong>Sin registro</strong>: ningún oficio registrado para ese entregable.
        </li>
      </ul>
    </section>
  );
}
