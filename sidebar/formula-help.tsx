import { useRef, useState } from 'preact/hooks';
import type { FormulaHelp as Help, Lang } from '../src/contract';
import { t } from '../src/core/words/i18n-ui';
import { copyText, type CopyOutcome } from './copy';

/**
 * An example formula with its Copy button; where the page may not copy, the formula is left
 * selected for Ctrl+C.
 */
function Example({ formula, lang }: { formula: string; lang: Lang }) {
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const code = useRef<HTMLElement>(null);
  const copy = () => void copyText(formula, code.current).then(setOutcome);
  return (
    <>
      <code ref={code}>{formula}</code>{' '}
      <button
        type="button"
        class="link"
        onClick={copy}
        aria-label={`${t(lang, 'help.copy')} ${formula}`}
      >
        {outcome === 'copied' ? t(lang, 'help.copied') : t(lang, 'help.copy')}
      </button>
      {outcome === 'selected' && (
        <div role="status" class="muted">
          {t(lang, 'copy.selected')}
        </div>
      )}
    </>
  );
}

function Formula({ f, lang }: { f: Help; lang: Lang }) {
  return (
    <article class="card" aria-labelledby={`f-${f.name}`}>
      <h2 id={`f-${f.name}`}>{f.name}</h2>
      <p class="signature">
        <code>{f.signature}</code>
      </p>
      <p>{f.summary}</p>
      <h3>{t(lang, 'help.params')}</h3>
      <dl>
        {f.params.map((p) => (
          <>
            <dt>
              <code>{p.name}</code>
              {p.optional && <span class="muted"> ({t(lang, 'help.optional')})</span>}
            </dt>
            <dd>{p.help}</dd>
          </>
        ))}
      </dl>
      <h3>{t(lang, 'help.returns')}</h3>
      <p>{f.returns}</p>
      <h3>{t(lang, 'help.examples')}</h3>
      <ul class="examples">
        {f.examples.map((e) => (
          <li key={e.formula}>
            {e.given && (
              <div class="muted">
                {t(lang, 'help.given')}: {e.given}
              </div>
            )}
            <Example formula={e.formula} lang={lang} />
            <div>→ {e.result}</div>
          </li>
        ))}
      </ul>
    </article>
  );
}

export function FormulaHelpView({ formulas, lang }: { formulas: Help[]; lang: Lang }) {
  return (
    <main>
      <h1>{t(lang, 'help.title')}</h1>
      <p class="muted">{t(lang, 'help.intro')}</p>
      {formulas.map((f) => (
        <Formula key={f.name} f={f} lang={lang} />
      ))}
    </main>
  );
}
