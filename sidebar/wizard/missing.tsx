/**
 * Revenue is L × C × P × Q: while one of them is not filled, every money figure built on it shows
 * "—", and this line says which factor is missing ("Revenue needs Q — purchases per customer.").
 */
import type { Lang, Metrics } from '../../src/contract';
import { t, type MessageKey } from '../../src/core/words/i18n-ui';
import { missingFactors, type Factor } from './plan-rows';

const LABEL: Record<Factor, MessageKey> = {
  leads: 'row.leads',
  conversion: 'row.conversion',
  avgCheck: 'row.avgCheck',
  purchases: 'row.purchases',
};

export function missingText(lang: Lang, factors: readonly Factor[]): string {
  return t(lang, 'metrics.missing', { list: factors.map((f) => t(lang, LABEL[f])).join(', ') });
}

/** The line under a "—" revenue; nothing when revenue is known or nothing is missing. */
export function MissingNote({ lang, metrics }: { lang: Lang; metrics: Metrics }) {
  const factors = missingFactors(metrics);
  if (metrics.revenue !== null || factors.length === 0) return null;
  return <p class="muted missing">{missingText(lang, factors)}</p>;
}
