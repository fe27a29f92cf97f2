import { render } from 'preact';
import { t } from '../src/core/words/i18n-ui';
import { readBoot } from './boot';
import { FormulaHelpView } from './formula-help';
import { ImportTableView } from './import-table';
import { RemoveStageView, RenameMapView } from './menu-dialogs';
import { NewMapView } from './new-map';
import { WizardView } from './wizard/wizard';

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const boot = readBoot(document);
  if (!boot) {
    // No boot data means no known language: say it in both.
    root.textContent = `${t('en', 'boot.failed')} ${t('ru', 'boot.failed')}`;
    return;
  }
  document.documentElement.lang = boot.lang;
  if (boot.view === 'formulas')
    render(<FormulaHelpView formulas={boot.formulas} lang={boot.lang} />, root);
  else if (boot.view === 'newMap')
    render(<NewMapView lang={boot.lang} locale={boot.locale} presets={boot.presets} />, root);
  else if (boot.view === 'wizard') render(<WizardView boot={boot} />, root);
  else if (boot.view === 'removeStage') render(<RemoveStageView {...boot} />, root);
  else if (boot.view === 'renameMap') render(<RenameMapView {...boot} />, root);
  else if (boot.view === 'importTable') render(<ImportTableView {...boot} />, root);
}

// The server may append to the page after this script; wait until it is fully parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
