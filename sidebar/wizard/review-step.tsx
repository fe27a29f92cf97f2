/**
 * Step "review": how the map did since the last review (sentences and a table the server wrote in
 * the map's language), the step's fields (goal, its date, the cadence), and Record the review. Its
 * period (the cadence's last whole period unless changed) and note wait behind one disclosure,
 * which names the period while closed. A period that has a review already is asked about here:
 * replace it, keep both, or cancel.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang, ReviewView } from '../../src/contract';
import { formatDate } from '../../src/core/map/dates';
import { describedBy, Disclosure, Field } from '../form';

export interface ReviewPeriod {
  from: string;
  to: string;
  note: string;
}

export type SameSpan = 'replace' | 'keep';

interface Props {
  lang: Lang;
  review: ReviewView;
  errors: Record<string, string>;
  busy: boolean;
  /** records the review; calls back with the question when the period has a review already */
  onRecord: (
    period: ReviewPeriod,
    sameSpan: SameSpan | undefined,
    ask: (q: string) => void,
  ) => void;
  /** the step's fields */
  children: ComponentChildren;
}

export function ReviewStep({ lang, review: r, errors, busy, onRecord, children }: Props) {
  const [period, setPeriod] = useState<ReviewPeriod>({ ...r.span, note: '' });
  const [ask, setAsk] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const w = r.words;
  const shown = open || Object.keys(errors).some((id) => id.startsWith('review.'));
  const send = (same?: SameSpan) => {
    setAsk(null);
    onRecord(period, same, setAsk);
  };
  const input = (key: keyof ReviewPeriod) => {
    const id = `review-${key}`;
    const error = errors[`review.${key}`];
    const props = {
      id,
      value: period[key],
      onInput: (e: { currentTarget: { value: string } }) =>
        setPeriod({ ...period, [key]: e.currentTarget.value }),
      ...describedBy(id, { error }),
    };
    return (
      <Field id={id} label={w[key]} error={error}>
        {key === 'note' ? <input {...props} /> : <input type="date" {...props} />}
      </Field>
    );
  };
  const choice = (label: string, onClick: () => void, primary = false) => (
    <button type="button" class={primary ? 'primary' : ''} disabled={busy} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <>
      <div class="card review-now">
        <ul>
          {r.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {r.stages.length > 0 && (
          <table class="stage-table">
            <thead>
              <tr>
                <th scope="col">{w.stage}</th>
                <th scope="col">{w.change}</th>
                <th scope="col">{w.trend}</th>
              </tr>
            </thead>
            <tbody>
              {r.stages.map((s) => (
                <tr key={s.name}>
                  <th scope="row">{s.name}</th>
                  <td>{`${s.change}${s.below ? ' ⚠' : ''}`}</td>
                  <td>{s.trend}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {children}
      <Disclosure
        id="review-period"
        label={`${w.period}: ${formatDate(period.from, lang)} – ${formatDate(period.to, lang)}`}
        shown={shown}
        onToggle={() => setOpen(!shown)}
      >
        {input('from')}
        {input('to')}
        {input('note')}
      </Disclosure>
      {ask ? (
        <div class="notice" role="alert">
          <p>{ask}</p>
          <div class="actions">
            {choice(w.replace, () => send('replace'))}
            {choice(w.keep, () => send('keep'), true)}
            {choice(w.cancel, () => setAsk(null))}
          </div>
        </div>
      ) : (
        <>
          <p class="hint muted" id="record-hint">
            {w.recordHint}
          </p>
          <button
            type="button"
            class="primary"
            aria-describedby="record-hint"
            disabled={busy}
            onClick={() => send()}
          >
            {w.record}
          </button>
        </>
      )}
    </>
  );
}
