import { Link } from 'react-router-dom';
import { OPLES } from '../catalogue';
import { type CaseAbout, caseName } from '../cases';
import { useTo } from '../state';

/** The 32 OPLEs as the options of a list: «GRO — IEPC Guerrero». */
export const OPLE_OPTIONS: Array<[string, string]> = OPLES.map((o) => [o.id, `${o.id} — ${o.acronym}`]);

/** A labelled list to pick from; `empty` is the option for «any» (value ""). */
export function SelectField({
  id,
  label,
  value,
  options,
  empty,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  empty?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {empty ? <option value="">{empty}</option> : null}
        {options.map(([key, words]) => (
          <option key={key} value={key}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A case (document, request, notice) by what it is about — a link to the document's page, or its
 * name — with its id as a secondary detail.
 */
export function CaseLink({ streamId, subjects }: { streamId: string; subjects?: ReadonlyMap<string, CaseAbout> }) {
  const to = useTo();
  const { name, detail } = caseName(streamId, subjects);
  return (
    <span className="case-name" data-case={streamId}>
      {streamId.startsWith('document:') ? (
        <Link to={to(`/documentos/${encodeURIComponent(streamId)}`)}>{name}</Link>
      ) : (
        <span>{name}</span>
      )}
      <span className="case-id">{detail}</span>
    </span>
  );
}

/** A link to an oficio's page. */
export function OficioLink({ number }: { number: string }) {
  const to = useTo();
  return <Link to={to(`/oficios/${encodeURIComponent(number)}`)}>{number}</Link>;
}
