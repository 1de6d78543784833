import { Link } from 'react-router-dom';
import { OPLES } from '../catalogue';
import { caseLabel } from '../format';
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

/** A case (document, request, notice): a link to the document's page, or its name. */
export function CaseLink({ streamId }: { streamId: string }) {
  const to = useTo();
  return streamId.startsWith('document:') ? (
    <Link to={to(`/documentos/${encodeURIComponent(streamId)}`)}>{caseLabel(streamId)}</Link>
  ) : (
    <>{caseLabel(streamId)}</>
  );
}

/** A link to an oficio's page. */
export function OficioLink({ number }: { number: string }) {
  const to = useTo();
  return <Link to={to(`/oficios/${encodeURIComponent(number)}`)}>{number}</Link>;
}
