// AWS errors turned into a code, a plain message and a remedy. Messages never include secrets:
// only error names, codes, HTTP status and AWS's own message text (which never holds the secret).

export interface AwsProblem {
  code: string;
  message: string;
  status?: number;
  /** AWS's request ID: what AWS Support asks for. */
  requestId?: string;
  /** The request was throttled or timed out: worth retrying. */
  transient: boolean;
}

const TRANSIENT = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestTimeout', 'TimeoutError', 'SlowDown', 'ServiceUnavailable', 'RequestTimeTooSkewed']);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

export function problemOf(error: unknown): AwsProblem {
  const e = error as { name?: string; Code?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
  const code = e?.Code || e?.name || e?.code || 'Error';
  const status = e?.$metadata?.httpStatusCode;
  let message = readable(typeof e?.message === 'string' && e.message ? e.message : String(error));
  if (NETWORK.has(String(e?.code)) || NETWORK.has(code)) message = `network error (${e?.code ?? code}): ${message}`;
  return { code: NETWORK.has(String(e?.code)) ? String(e?.code) : code, message, status, requestId: e?.$metadata?.requestId || undefined, transient: TRANSIENT.has(code) || NETWORK.has(String(e?.code)) };
}

/**
 * AWS's message as one readable line: an error page (an HTML body from a proxy or an emulator)
 * loses its tags, and a long text is cut.
 */
function readable(message: string): string {
  const flat = message.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}…` : flat || 'no message';
}

const CREDENTIALS = new Set(['CredentialsProviderError', 'ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'UnrecognizedClientException', 'TokenProviderError', 'SSOTokenProviderFailure']);

/** No usable credentials (none configured, expired SSO session, unknown key): ask the user to sign in. */
export function isCredentialsProblem(p: AwsProblem): boolean {
  return CREDENTIALS.has(p.code) || /could not load credentials|sso session|token.*expired|aws sso login/i.test(p.message);
}

/** One line for people: the code, then AWS's message unless it already says the code. */
export function describeProblem(p: AwsProblem): string {
  return p.message.includes(p.code) ? p.message : `${p.code}: ${p.message}`;
}

export function isNetworkProblem(p: AwsProblem): boolean {
  return NETWORK.has(p.code);
}

/**
 * Runs one AWS call with a time limit and an optional abort signal. The call is raced against the
 * limit, so a callee that ignores the signal cannot hold the check past it.
 */
export async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => {
      const reason = Object.assign(new Error('cancelled'), { name: 'AbortError' });
      controller.abort(reason);
      reject(reason);
    };
    if (outer?.aborted) onAbort();
    outer?.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(() => {
      const reason = Object.assign(new Error(`no answer within ${ms} ms`), { name: 'TimeoutError' });
      controller.abort(reason);
      reject(reason);
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), stopped]);
  } finally {
    clearTimeout(timer);
    if (onAbort) outer?.removeEventListener('abort', onAbort);
  }
}
