// A small, strict argument parser: unknown options and missing values are usage errors (exit 2).

export class UsageError extends Error {}

export interface Parsed {
  positionals: string[];
  options: Map<string, string | true>;
}

/** `spec` maps option names (without --) to whether they take a value. */
export function parseArgs(argv: string[], spec: Record<string, boolean>): Parsed {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!(name in spec)) throw new UsageError(`unknown option --${name}`);
    if (!spec[name]) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
  }
  return { positionals, options };
}

export function oneOf<T extends string>(parsed: Parsed, name: string, allowed: readonly T[], fallback: T): T {
  const v = parsed.options.get(name);
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

export function str(parsed: Parsed, name: string): string | undefined {
  const v = parsed.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** --partner-account-id: an AWS account ID has exactly 12 digits. */
export function partnerAccountIdOption(parsed: Parsed): string | undefined {
  const id = str(parsed, 'partner-account-id');
  if (id !== undefined && !/^\d{12}$/.test(id)) throw new UsageError('--partner-account-id must be 12 digits');
  return id;
}

/** Messages follow LC_ALL / LANG (es_* → Spanish) unless --lang says otherwise. */
export function defaultLocale(): 'en' | 'es' {
  return (process.env.LC_ALL || process.env.LANG || '').startsWith('es') ? 'es' : 'en';
}
