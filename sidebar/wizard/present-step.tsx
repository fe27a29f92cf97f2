/**
 * Step "present": the map in a few lines, the charts, the one-page poster, and the mind map to
 * share with the team.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang, MindMap, StepView, WizardState } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import { copyText, saveUrl, type CopyOutcome } from '../copy';
import { call } from '../rpc';
import { formatMoney } from './format';
import { dealIfGuessed, GuessedRolesNote } from './kpi-metrics';
import { MissingNote } from './missing';
import { topActions } from './plan-rows';

interface Props {
  lang: Lang;
  /** the spreadsheet's locale: money in its currency */
  locale: string;
  view: StepView;
  busy: boolean;
  run: (task: () => Promise<void>) => void;
  onState: (state: WizardState) => void;
  /** the step's own fields (owner, review dates) */
  children: ComponentChildren;
}

const baseName = (fileName: string): string => fileName.replace(/\.(md|opml)$/i, '') || 'cjm';

/** Object URLs for the downloads, released when the export is replaced or the step closes. */
function useDownloads(mm: MindMap | null): { md: string; opml: string } | null {
  const urls = useMemo(
    () =>
      mm && {
        md: URL.createObjectURL(new Blob([mm.markdown], { type: 'text/markdown;charset=utf-8' })),
        opml: URL.createObjectURL(new Blob([mm.opml], { type: 'text/x-opml;charset=utf-8' })),
      },
    [mm],
  );
  useEffect(
    () => () => {
      if (urls)
        [urls.md, urls.opml].forEach((u) => {
          URL.revokeObjectURL(u);
        });
    },
    [urls],
  );
  return urls;
}

/** The poster's file: one Blob URL at a time, released when replaced or when the step closes. */
function usePosterFile(): [
  { url: string; fileName: string } | null,
  (svg: string, fileName: string) => string,
] {
  const [file, setFile] = useState<{ url: string; fileName: string } | null>(null);
  useEffect(
    () => () => {
      if (file) URL.revokeObjectURL(file.url);
    },
    [file],
  );
  const make = (svg: string, fileName: string): string => {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
    setFile({ url, fileName });
    return url;
  };
  return [file, make];
}

export function PresentStep({ lang, locale, view, busy, run, onState, children }: Props) {
  const [chartsDone, setChartsDone] = useState(false);
  const [mindMap, setMindMap] = useState<MindMap | null>(null);
  const [copied, setCopied] = useState<CopyOutcome | null>(null);
  const [poster, makePoster] = usePosterFile();
  const outlineRef = useRef<HTMLTextAreaElement>(null);
  const urls = useDownloads(mindMap);
  const m = view.metrics;
  const text = (id: string) => String(view.values[id] ?? '');
  const top = topActions(view.actions, 3);

  const insertCharts = () =>
    run(async () => {
      setChartsDone(false);
      onState(await call('insertCharts', { mapId: view.mapId }));
      setChartsDone(true);
    });
  const exportMindMap = () =>
    run(async () => {
      setCopied(null);
      setMindMap(await call('exportMindMap', { mapId: view.mapId }));
    });
  // One click: the server draws the poster, the page saves it (its sandbox allows downloads); the
  // link stays for a second try.
  const downloadPoster = () =>
    run(async () => {
      const p = await call('exportPoster', { mapId: view.mapId });
      saveUrl(makePoster(p.svg, p.fileName), p.fileName);
    });
  const copyOutline = () => {
    if (mindMap) void copyText(mindMap.markdown, outlineRef.current).then(setCopied);
  };

  return (
    <div class="present">
      <section class="card summary" aria-labelledby="summary-title">
        <h3 id="summary-title">{t(lang, 'present.summary')}</h3>
        <dl>
          <dt>{t(lang, 'wizard.map')}</dt>
          <dd>{view.sheetName}</dd>
          {text('side.segment') && (
            <>
              <dt>{t(lang, 'row.segment')}</dt>
              <dd>{text('side.segment')}</dd>
            </>
          )}
          {text('side.product') && (
            <>
              <dt>{t(lang, 'row.product')}</dt>
              <dd>{text('side.product')}</dd>
            </>
          )}
          <dt>{t(lang, 'step.stages')}</dt>
          <dd>{view.stages.map((s) => s.name).join(' → ')}</dd>
          <dt>{t(lang, 'row.revenue')}</dt>
          <dd class="revenue">{m.revenue === null ? '—' : formatMoney(lang, m.revenue, locale)}</dd>
        </dl>
        <MissingNote lang={lang} metrics={m} />
        <GuessedRolesNote lang={lang} deal={dealIfGuessed(view)} />
        {m.weakest && <p>{t(lang, 'metrics.weakest', { name: m.weakest })}</p>}
        {top.length > 0 && (
          <>
            <h3>{t(lang, 'present.top')}</h3>
            <ol class="top-actions">
              {top.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a ranked list, read only
                <li key={i}>
                  {a.action}{' '}
                  <span class="muted">
                    ({a.impact === null ? '—' : formatMoney(lang, a.impact, locale)})
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      {children}
      <section class="card">
        <button type="button" class="wide" disabled={busy} onClick={insertCharts}>
          {t(lang, 'present.charts')}
        </button>
        {chartsDone && <p role="status">{t(lang, 'present.chartsDone')}</p>}
      </section>
      <section class="card poster">
        <button type="button" class="wide" disabled={busy} onClick={downloadPoster}>
          {t(lang, 'present.poster')}
        </button>
        {/* Says what was saved, true after a good download; the link is there for another copy. */}
        {poster && (
          <p role="status" class="downloads">
            {t(lang, 'present.posterReady', { file: poster.fileName })}{' '}
            {/* target _self: the page's <base target="_top"> must not send a download to the spreadsheet tab */}
            <a href={poster.url} download={poster.fileName} target="_self">
              {t(lang, 'present.posterSave')}
            </a>
          </p>
        )}
      </section>
      <section class="card mindmap">
        <button type="button" class="wide" disabled={busy} onClick={exportMindMap}>
          {t(lang, 'present.mindmap')}
        </button>
        {mindMap && urls && (
          <>
            {/* target _self: the page's <base target="_top"> must not send a download to the spreadsheet tab */}
            <p class="downloads">
              <a href={urls.md} download={`${baseName(mindMap.fileName)}.md`} target="_self">
                {t(lang, 'present.markdown')}
              </a>
              <a href={urls.opml} download={`${baseName(mindMap.fileName)}.opml`} target="_self">
                {t(lang, 'present.opml')}
              </a>
            </p>
            <label for="mindmap-text">{t(lang, 'present.copy')}</label>
            <textarea
              id="mindmap-text"
              ref={outlineRef}
              rows={8}
              readOnly
              value={mindMap.markdown}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" onClick={copyOutline}>
              {t(lang, 'present.copyOutline')}
            </button>
            {copied && (
              <p role="status">
                {copied === 'copied' ? t(lang, 'help.copied') : t(lang, 'copy.selected')}
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
