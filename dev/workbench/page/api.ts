/**
 * Talks to the workbench server. An action either finishes or stops on a question the
 * add-on asked (Ui.alert/prompt); the question is shown, the answer sent, until it finishes.
 */
import type {
  Action,
  ActionRequest,
  ErrorBody,
  Outcome,
  Selection,
  UiRequest,
  UiResponse,
  WorkbenchEvent,
} from '../protocol';

export type Asker = (request: UiRequest) => Promise<UiResponse>;

async function postJson(path: string, body: unknown): Promise<WorkbenchEvent> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as WorkbenchEvent | ErrorBody;
  if (!res.ok || 'error' in json)
    throw new Error('error' in json ? json.error : `the workbench server answered ${res.status}`);
  return json;
}

async function finish(event: WorkbenchEvent, ask: Asker): Promise<Outcome> {
  let e = event;
  while (e.status === 'question') {
    const response = await ask(e.request);
    e = await postJson('/api/answer', { questionId: e.questionId, response });
  }
  return e.outcome;
}

export async function runAction(
  action: Action,
  selection: Selection | null,
  ask: Asker,
): Promise<Outcome> {
  const request: ActionRequest = { action, selection };
  return finish(await postJson('/api/action', request), ask);
}

/** After a reload: an action may still be waiting for an answer to a question. */
export async function resumePending(ask: Asker): Promise<Outcome | null> {
  const res = await fetch('/api/pending');
  const body = (await res.json()) as { event: WorkbenchEvent | null };
  return body.event ? finish(body.event, ask) : null;
}
