/** The sidebar's page: the wizard, the New map form and the formula reference. */
import { render } from 'preact';
import { startPage } from './boot';
import { FormulaHelpView } from './formula-help';
import { NewMapView } from './new-map';
import { WizardView } from './wizard/wizard';

startPage((boot, root) => {
  if (boot.view === 'formulas')
    render(<FormulaHelpView formulas={boot.formulas} lang={boot.lang} />, root);
  else if (boot.view === 'newMap')
    render(<NewMapView lang={boot.lang} locale={boot.locale} presets={boot.presets} />, root);
  else if (boot.view === 'wizard') render(<WizardView boot={boot} />, root);
});
