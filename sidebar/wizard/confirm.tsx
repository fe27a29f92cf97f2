/** An in-page confirmation (google.script.run cannot show the host's dialogs from a sidebar). */
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  message: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}

export function ConfirmDialog({ message, yes, no, onYes, onNo }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus the safe choice: Enter must not destroy a stage by accident.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="overlay">
      <div
        class="dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-message"
        onKeyDown={(e) => e.key === 'Escape' && onNo()}
      >
        <p id="confirm-message">{message}</p>
        <div class="actions">
          <button type="button" class="danger" onClick={onYes}>{yes}</button>
          <button type="button" ref={cancel} onClick={onNo}>{no}</button>
        </div>
      </div>
    </div>
  );
}
