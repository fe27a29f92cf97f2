/**
 * Step "plan": the actions as editable rows, in the order the sheet ranked them by revenue impact
 * when the step was loaded or saved. Each row's impact (that action alone) shows while the user
 * types, computed from the map's L, C, P and Q the view already has, and under the rows the plan
 * all together; the rows keep their places until the next save ranks them, so nothing moves under
 * the cursor (a save that ranks them says so, and the cursor follows its action: see wizard.tsx).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ActionRow, Lang, StepView } from '../../src/contract';
import { changeFormsText } from '../../src/core/funnel/change';
import { togetherImpactOfText } from '../../src/core/funnel/plan-impact';
import type { PlanFunnel } from '../../src/core/funnel/transition';
import { currencyOf } from '../../src/core/map/formats';
import { t, type MessageKey } from '../../src/core/words/i18n-ui';
import { Choices, Field, describedBy } from '../form';
import { formatCount, formatFactor, formatMoney, formatShare } from './format';
import { MissingNote, missingText } from './missing';
import { economicsOf, emptyAction, funnelOf, liveImpact, type LiveImpact } from './plan-rows';

interface Props {
  lang: Lang;
  /** the spreadsheet's locale: money in its currency, as the sheet shows it */
  locale: string;
  view: StepView;
  rows: ActionRow[];
  errors: Record<string, string>;
  busy: boolean;
  onChange: (rows: ActionRow[]) => void;
}

type Column = Exclude<keyof ActionRow, 'impact'>;
/** The columns of a row: a choice list when options are given ([value, label] pairs). */
type Spec = {
  key: Column;
  label: MessageKey;
  hint?: MessageKey;
  type?: 'date' | 'textarea';
  options?: readonly (string | readonly [string, string])[];
};

export function PlanStep({ lang, locale, view, rows, errors, busy, onChange }: Props) {
  // After Add action, focus goes to the new action's first field; after Remove, to the action that
  // takes its place (or Add action).
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNext.current;
    focusNext.current = null;
    if (id) document.getElementById(id)?.focus();
  });
  // The sheet's impact of an edited row is stale until the save; the form shows the live one
  // meanwhile.
  const set = (i: number, key: Column, value: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value, impact: null } : r)));
  // The server may name a row's field "actions.<i>.<key>" or "action.<i>.<key>".
  const err = (i: number, key: string) =>
    errors[`actions.${i}.${key}`] ?? errors[`action.${i}.${key}`];
  const columns: Spec[] = [
    { key: 'action', label: 'plan.action', type: 'textarea' },
    { key: 'stage', label: 'plan.stage', options: view.stages.map((s) => s.name) },
    {
      key: 'lever',
      label: 'plan.lever',
      options: (['L', 'C', 'P', 'Q', 'step'] as const).map(
        (l) => [l, t(lang, `lever.${l}`)] as const,
      ),
    },
    { key: 'change', label: 'plan.change', hint: 'plan.changeHint' },
    { key: 'owner', label: 'plan.owner' },
    { key: 'start', label: 'plan.start', type: 'date' },
    { key: 'deadline', label: 'plan.deadline', type: 'date' },
    { key: 'status', label: 'plan.status', options: view.statuses },
  ];

  // The start date is asked once the action is under way (or has one): a planned action has none
  // yet, and its field would be three more Tab stops.
  const started = (r: ActionRow) =>
    r.start.trim() !== '' || (r.status.trim() !== '' && r.status !== view.statuses[0]);

  // the money form in the spreadsheet's currency, as the map's money cells show it
  const currency = currencyOf(locale)?.symbol;
  const funnel = funnelOf(view);
  const control = (r: ActionRow, i: number, c: Spec) => {
    const id = `a${i}-${c.key}`;
    // the change's hint lists the forms the row's lever takes ("+10% or +0.5 purchases")
    const hint =
      c.hint && t(lang, c.hint, { forms: changeFormsText(lang, r.lever || null, currency) });
    const value = r[c.key];
    const props = { id, value, ...describedBy(id, { hint, error: err(i, c.key) }) };
    const onValue = (e: { currentTarget: { value: string } }) =>
      set(i, c.key, e.currentTarget.value);
    let input;
    if (c.options)
      input = (
        <select {...props} onChange={onValue}>
          <Choices options={c.options} value={value} />
        </select>
      );
    else if (c.type === 'textarea') input = <textarea {...props} rows={2} onInput={onValue} />;
    else if (c.type === 'date') input = <input {...props} type="date" onInput={onValue} />;
    else input = <input {...props} onInput={onValue} />;
    return (
      <Field key={c.key} id={id} label={t(lang, c.label)} hint={hint} error={err(i, c.key)}>
        {input}
      </Field>
    );
  };

  return (
    <div class="plan">
      <p class="muted">{t(lang, 'plan.note')}</p>
      {rows.length === 0 && <p class="muted">{t(lang, 'plan.empty')}</p>}
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an action is its row in the plan sheet; its fields are controlled
        <fieldset key={i} class="action">
          <legend>{`${i + 1}. ${t(lang, 'plan.action')}`}</legend>
          {/* At the card's top corner, before its fields: the fields run on to the next card. */}
          <button
            type="button"
            class="small remove"
            id={`a${i}-remove`}
            disabled={busy}
            onClick={() => {
              focusNext.current = i < rows.length - 1 ? `a${i}-remove` : 'plan-add';
              onChange(rows.filter((_, j) => j !== i));
            }}
          >
            {t(lang, 'plan.remove')}
          </button>
          {columns.filter((c) => c.key !== 'start' || started(r)).map((c) => control(r, i, c))}
          <ImpactLine
            lang={lang}
            locale={locale}
            stage={r.stage}
            live={liveImpact(view.metrics, r, funnel)}
          />
        </fieldset>
      ))}
      <button
        type="button"
        class="small"
        id="plan-add"
        disabled={busy}
        onClick={() => {
          focusNext.current = `a${rows.length}-action`;
          onChange([...rows, emptyAction(view.statuses)]);
        }}
      >
        {t(lang, 'plan.add')}
      </button>
      <PlanTotals lang={lang} locale={locale} view={view} rows={rows} funnel={funnel} />
      <MissingNote lang={lang} metrics={view.metrics} />
    </div>
  );
}

/**
 * What the plan adds up to, as its sheet's total rows say it: the impact of all the actions
 * together (each lever changed by all its actions: amounts first, then percentages), revenue now
 * and after; and in words, which figure this is.
 */
function PlanTotals({
  lang,
  locale,
  view,
  rows,
  funnel,
}: {
  lang: Lang;
  locale: string;
  view: StepView;
  rows: readonly ActionRow[];
  funnel: PlanFunnel;
}) {
  const now = view.metrics.revenue;
  // nothing to add up until an action's own impact computes (the sheet shows 0 then)
  const any = rows.some(
    (r) => r.impact !== null || liveImpact(view.metrics, r, funnel).kind === 'impact',
  );
  const together = any ? togetherImpactOfText(economicsOf(view.metrics), rows, funnel) : null;
  const total = together && 'delta' in together ? together.delta : null;
  const money = (n: number | null) => (n === null ? '—' : formatMoney(lang, n, locale));
  return (
    <section class="plan-total card" aria-labelledby="plan-total-title" aria-live="polite">
      <h3 id="plan-total-title">
        {t(lang, 'plan.total')}: {money(total)}
      </h3>
      <dl class="kpis">
        <div>
          <dt>{t(lang, 'plan.revenueNow')}</dt>
          <dd>{money(now)}</dd>
        </div>
        <div class="revenue">
          <dt>{t(lang, 'plan.revenueAfter')}</dt>
          <dd>{money(now === null || total === null ? null : now + total)}</dd>
        </div>
      </dl>
      {together && 'problem' in together && (
        <p class="error">{t(lang, `plan.impossible.${together.problem}`)}</p>
      )}
      <p class="muted">{t(lang, 'plan.together')}</p>
    </section>
  );
}

/**
 * A lever's value as the map's cells show it: leads as a count, conversion as a percentage, the
 * average check as money, purchases as a factor ("3,0").
 */
const leverValue = (lang: Lang, locale: string, lever: string, n: number): string =>
  lever === 'C'
    ? formatShare(lang, n)
    : lever === 'P'
      ? formatMoney(lang, n, locale)
      : lever === 'Q'
        ? formatFactor(lang, n)
        : formatCount(lang, n);

/**
 * The row's revenue impact while typing, with the lever's value before and after ("Q 2.5 → 3"; an
 * action on a step: the step, and which factor it changes), read by screen readers as it changes.
 */
function ImpactLine({
  lang,
  locale,
  stage,
  live,
}: {
  lang: Lang;
  locale: string;
  stage: string;
  live: LiveImpact;
}) {
  return (
    <div aria-live="polite">
      <p class="impact">
        {t(lang, 'plan.impact')}:{' '}
        <strong>{live.kind === 'impact' ? formatMoney(lang, live.impact, locale) : '—'}</strong>
      </p>
      {live.kind === 'impact' && (
        <p class="muted impact-detail">
          {/* a step's line says the step, then the factor it moves: "Trial: 27,5% → 30,5% · C: …" */}
          {live.step &&
            `${stage}: ${formatShare(lang, live.step.before)} → ${formatShare(lang, live.step.after)} · `}
          {`${live.lever}: ${leverValue(lang, locale, live.lever, live.before)} → ${leverValue(lang, locale, live.lever, live.after)}`}
        </p>
      )}
      {live.kind === 'step' && <p class="error">{t(lang, `plan.step.${live.note}`)}</p>}
      {live.kind === 'missing' && (
        <p class="muted impact-detail">{missingText(lang, live.factors)}</p>
      )}
    </div>
  );
}
