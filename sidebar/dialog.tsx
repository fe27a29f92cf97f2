/** The page of the menu's dialogs (Remove stage, Rename map, Make a map from this table). */
import { render } from 'preact';
import { startPage } from './boot';
import { ImportTableView } from './import-table';
import { RemoveStageView, RenameMapView } from './menu-dialogs';

startPage((boot, root) => {
  if (boot.view === 'removeStage') render(<RemoveStageView {...boot} />, root);
  else if (boot.view === 'renameMap') render(<RenameMapView {...boot} />, root);
  else if (boot.view === 'importTable') render(<ImportTableView {...boot} />, root);
});
