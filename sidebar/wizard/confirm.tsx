/**
 * An in-page confirmation (google.script.run cannot show the host's dialogs from a sidebar).
 * Its words come in the map's language from the caller. The destructive answer is never the
 * default: the dialog opens on the safe one, so Enter or Space cancels, Escape cancels too,
 * Tab stays inside, and the focus goes back where it was when the dialog closes.
 */
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
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onNo();
    } else if (e.key === 'Tab') {
      // two buttons: Tab and Shift+Tab go from one to the other
      e.preventDefault();
      (document.activeElement === cancel.current ? confirm : cancel).current?.focus();
    }
  };
  return (
    <div class="overlay">
      <div
        class="dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-message"
        onKeyDown={onKeyDown}
      >
        <p id="confirm-message">{message}</p>
        <div class="actions">
          <button type="button" class="danger" ref={confirm} onClick={onYes}>
            {yes}
          </button>
          <button type="button" class="primary" ref={cancel} onClick={onNo}>
            {no}
          </button>
        </div>
      </div>
    </div>
  );
}
