import { render } from 'preact';
import { readBoot } from './boot';
import { FormulaHelpView } from './formula-help';
import { NewMapView } from './new-map';
import { WizardView } from './wizard/wizard';

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const boot = readBoot(document);
  if (!boot) {
    root.textContent = 'The sidebar could not start: reopen it from Extensions → CJM.';
    return;
  }
  document.documentElement.lang = boot.lang;
  if (boot.view === 'formulas') render(<FormulaHelpView formulas={boot.formulas} lang={boot.lang} />, root);
  else if (boot.view === 'newMap') render(<NewMapView lang={boot.lang} locale={boot.locale} presets={boot.presets} />, root);
  else if (boot.view === 'wizard') render(<WizardView boot={boot} />, root);
}

// The server may append to the page after this script; wait until it is fully parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
