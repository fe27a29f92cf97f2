/** What the google.script shim inside an add-on page and the workbench page post to each other. */
export type ShimRequest =
  | { cjm: 'run'; callId: number; functionName: string; args: unknown[] }
  | { cjm: 'close' }
  | { cjm: 'size'; width?: number; height?: number };

export type ShimReply = { cjm: 'result'; callId: number } & (
  | { ok: true; value: unknown }
  | { ok: false; message: string }
);
