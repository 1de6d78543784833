import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import {
  DAY_PLACEHOLDER,
  WEEKDAYS,
  addMonths,
  dayOf,
  dayProblem,
  monthOfDay,
  monthTitle,
  monthWeeks,
  moveDay,
  spokenDay,
  type Month,
} from '../calendar';
import { dayInMexico, isDay } from '../format';

/**
 * A day, typed as AAAA-MM-DD or picked in a calendar in Spanish (weeks from Monday): the same in
 * every browser, whatever its language. A day that is not one says so beside the field, in
 * Spanish, when the field is left; `error` (the form's or the API's word) takes its place.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  error,
  required,
  hint,
  className,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  required?: boolean;
  hint?: string;
  className?: string;
}) {
  const [own, setOwn] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const labelId = `${id}-label`;
  const shown = error ?? own;
  const described = [shown ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const words = label.replace(/\s*\(obligatorio\)$/, '');
  return (
    <div className={`field date-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} id={labelId}>
        {label}
      </label>
      <div className="date-input">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={DAY_PLACEHOLDER}
          maxLength={10}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            if (own && !dayProblem(e.target.value, words)) setOwn(null);
          }}
          onBlur={() => setOwn(dayProblem(value, words))}
          aria-invalid={shown ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={described || undefined}
        />
        <button
          ref={button}
          type="button"
          className="calendar-button"
          aria-label="Elegir la fecha en un calendario"
          aria-describedby={labelId}
          aria-expanded={open}
          aria-controls={open ? `${id}-calendar` : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          <CalendarIcon />
        </button>
        {open ? (
          <Calendar
            id={`${id}-calendar`}
            label={words}
            selected={isDay(value.trim()) ? value.trim() : null}
            onPick={(day) => {
              onChange(day);
              setOwn(null);
              setOpen(false);
              button.current?.focus();
            }}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        ) : null}
      </div>
      {hint ? (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      ) : null}
      {shown ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {shown}
        </span>
      ) : null}
    </div>
  );
}

/** The calendar's popover: a month, weeks from Monday, arrow keys between days, Escape closes. */
function Calendar({
  id,
  label,
  selected,
  onPick,
  onClose,
}: {
  id: string;
  label: string;
  selected: string | null;
  onPick: (day: string) => void;
  onClose: () => void;
}) {
  const today = dayInMexico(Date.now());
  const [focused, setFocused] = useState(selected ?? today);
  const [month, setMonth] = useState<Month>(monthOfDay(selected ?? today));
  const grid = useRef<HTMLTableElement>(null);
  const titleId = useId();
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-day="${focused}"]`)?.focus();
  }, [focused, month]);
  const go = (day: string) => {
    setFocused(day);
    setMonth(monthOfDay(day));
  };
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    const next = moveDay(focused, event.key);
    if (next) {
      event.preventDefault();
      go(next);
    }
  };
  const showMonth = (n: number) => {
    const target = addMonths(month, n);
    setMonth(target);
    const day = Math.min(Number(focused.slice(8, 10)), 28);
    setFocused(dayOf(target.year, target.month, day));
  };
  return (
    <div id={id} className="calendar" role="dialog" aria-modal="false" aria-labelledby={titleId} onKeyDown={keys}>
      <div className="calendar-head">
        <button type="button" onClick={() => showMonth(-1)} aria-label="Mes anterior">
          <span aria-hidden="true">‹</span>
        </button>
        <p id={titleId} aria-live="polite">
          <span className="sr-only">{label}: </span>
          {monthTitle(month)}
        </p>
        <button type="button" onClick={() => showMonth(1)} aria-label="Mes siguiente">
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table ref={grid} className="calendar-grid" role="grid" aria-labelledby={titleId}>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" abbr={long}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) =>
                day ? (
                  <td key={day} aria-selected={day === selected}>
                    <button
                      type="button"
                      data-day={day}
                      tabIndex={day === focused ? 0 : -1}
                      aria-label={spokenDay(day)}
                      aria-current={day === today ? 'date' : undefined}
                      className={`${day === selected ? 'selected' : ''}${day === today ? ' today' : ''}`}
                      onClick={() => onPick(day)}
                    >
                      {Number(day.slice(8, 10))}
                    </button>
                  </td>
                ) : (
                  <td key={`${w}-${d}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calendar-foot">
        <button type="button" onClick={() => onPick(today)}>
          Hoy
        </button>
        <button type="button" onClick={onClose}>
          Cerrar
        </button>
      </div>
    </div>
  );
}

/** A small calendar drawn in SVG (no emoji: the servers' fonts may lack it). */
function CalendarIcon() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18" focusable="false">
      <rect x="2" y="3.5" width="14" height="12.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M2 7.5h14M6 2v3M12 2v3" stroke="currentColor" strokeWidth="1.6" />
      <path d="M5 10h2M8 10h2M11 10h2M5 13h2M8 13h2" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
