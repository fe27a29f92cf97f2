/**
 * Checks what arrives over HTTP before it reaches the add-on: anything malformed is a
 * 400 with a message, never an exception in the server.
 */
import { REQUESTS, type RpcName } from '../../src/requests';
import type { Action, ActionRequest, AnswerRequest, Selection, UiResponse } from './protocol';

export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const BUTTONS = ['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'];
const LOCALE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Record<string, unknown>, key: string, max = 1000): string => {
  const v = o[key];
  if (typeof v !== 'string' || v.length > max)
    throw new BadRequest(`"${key}" must be a string of at most ${max} characters`);
  return v;
};

export function isUiResponse(v: unknown): v is UiResponse {
  if (typeof v === 'string') return BUTTONS.includes(v);
  return (
    isObject(v) &&
    typeof v.button === 'string' &&
    BUTTONS.includes(v.button) &&
    typeof v.text === 'string'
  );
}

function parseSelection(v: unknown): Selection | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) throw new BadRequest('"selection" must be {sheet, a1}');
  return { sheet: str(v, 'sheet', 100), a1: str(v, 'a1', 20) };
}

function parseAction(v: unknown): Action {
  if (!isObject(v)) throw new BadRequest('"action" must be an object with a "kind"');
  switch (v.kind) {
    case 'state':
      return { kind: 'state' };
    case 'menu':
      return { kind: 'menu', functionName: str(v, 'functionName', 200) };
    case 'rpc': {
      if (!Array.isArray(v.args)) throw new BadRequest('"args" must be an array');
      const functionName = str(v, 'functionName', 200);
      checkRequest(functionName, v.args);
      return { kind: 'rpc', functionName, args: v.args };
    }
    case 'edit':
      return {
        kind: 'edit',
        sheet: str(v, 'sheet', 100),
        a1: str(v, 'a1', 20),
        input: str(v, 'input', 50_000),
      };
    case 'activate':
      return { kind: 'activate', sheet: str(v, 'sheet', 100) };
    case 'reset': {
      const locale = str(v, 'locale', 20);
      if (!LOCALE.test(locale))
        throw new BadRequest(`"${locale}" is not a locale such as en_US or ru_RU`);
      return { kind: 'reset', locale };
    }
    default:
      throw new BadRequest(
        `unknown action kind ${JSON.stringify(v.kind)}; use state, menu, rpc, edit, activate or reset`,
      );
  }
}

const isRpc = (name: string): name is RpcName => Object.hasOwn(REQUESTS, name);

/**
 * A call of the pages' API is checked with the schema the add-on checks it with (src/requests.ts):
 * what the add-on would refuse is refused here, naming the fields. Other names reach the add-on,
 * which answers as Apps Script does for a function it does not have.
 */
function checkRequest(name: string, args: readonly unknown[]): void {
  if (!isRpc(name)) return;
  const parsed = REQUESTS[name]().safeParse(args[0]);
  if (parsed.success) return;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'request'))];
  throw new BadRequest(`the request of ${name} is malformed: ${fields.join(', ')}`);
}

export function parseActionRequest(body: unknown): ActionRequest {
  if (!isObject(body)) throw new BadRequest('the body must be a JSON object {action, selection?}');
  return { action: parseAction(body.action), selection: parseSelection(body.selection) };
}

export function parseAnswerRequest(body: unknown): AnswerRequest {
  if (!isObject(body))
    throw new BadRequest('the body must be a JSON object {questionId, response}');
  const questionId = str(body, 'questionId', 50);
  if (!isUiResponse(body.response))
    throw new BadRequest(
      '"response" must be a button name (OK, CANCEL, YES, NO, CLOSE) or {button, text}',
    );
  return { questionId, response: body.response };
}

export function isLocale(v: string): boolean {
  return LOCALE.test(v);
}
