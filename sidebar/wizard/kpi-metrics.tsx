/**
 * The economics the sheet computed from this map: L, C, P, Q, revenue and where the funnel is weak.
 */
import type { Lang, Metrics, StepView } from '../../src/contract';
import { t, type MessageKey } from '../../src/core/words/i18n-ui';
import { formatCount, formatFactor, formatMoney, formatNumber, formatShare } from './format';
import { MissingNote } from './missing';

/** The deal stage of a map whose funnel roles are a guess, or null when they are confirmed. */
export function dealIfGuessed(view: StepView | null): string | null {
  return view?.rolesGuessed ? (view.stages.find((s) => s.role === 'C')?.name ?? '—') : null;
}

/** Said next to a revenue counted with guessed roles. */
export function GuessedRolesNote({ lang, deal }: { lang: Lang; deal: string | null }) {
  return deal === null ? null : <p class="notice">{t(lang, 'metrics.rolesGuessed', { deal })}</p>;
}

export function MetricsPanel({
  lang,
  locale,
  metrics: m,
  guessedDeal = null,
}: {
  lang: Lang;
  locale: string;
  metrics: Metrics;
  /** the deal stage when the funnel roles are a guess: said next to the revenue */
  guessedDeal?: string | null;
}) {
  const money = (l: Lang, n: number) => formatMoney(l, n, locale);
  const rows: [MessageKey, number | null, (l: Lang, n: number) => string][] = [
    ['row.leads', m.leads, formatCount],
    ['row.conversion', m.conversion, formatShare],
    ['row.avgCheck', m.avgCheck, money],
    ['row.purchases', m.purchases, formatFactor],
    ['row.revenue', m.revenue, money],
  ];
  const empty = rows.every(([, v]) => v === null);
  return (
    <section class="metrics card" aria-labelledby="metrics-title">
      <h3 id="metrics-title">{t(lang, 'metrics.title')}</h3>
      {empty && <p class="muted">{t(lang, 'metrics.none')}</p>}
      <dl class="kpis">
        {rows.map(([key, value, format]) => (
          <div key={key} class={key === 'row.revenue' ? 'revenue' : ''}>
            <dt>{t(lang, key)}</dt>
            <dd>
              {value !== null ? (
                format(lang, value)
              ) : key === 'row.revenue' ? (
                '—'
              ) : (
                <span class="muted">{t(lang, 'metrics.notFilled')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {!empty && <MissingNote lang={lang} metrics={m} />}
      <GuessedRolesNote lang={lang} deal={guessedDeal} />
      {m.weakest && <p class="weakest">{t(lang, 'metrics.weakest', { name: m.weakest })}</p>}
      {(m.underTarget.length > 0 || m.lowScores.length > 0) && (
        <ul class="findings">
          {m.underTarget.map((u) => (
            <li key={`u${u.stage}`}>
              {t(lang, 'metrics.underTarget', {
                stage: u.stage,
                step: formatShare(lang, u.step),
                target: formatShare(lang, u.target),
              })}
            </li>
          ))}
          {m.lowScores.map((s) => (
            <li key={`s${s.stage}`}>
              {t(lang, 'metrics.lowScore', { stage: s.stage, score: formatNumber(lang, s.score) })}
            </li>
          ))}
        </ul>
      )}
      {m.errors.map((e) => (
        <p class="error" key={e}>
          {e}
        </p>
      ))}
    </section>
  );
}
