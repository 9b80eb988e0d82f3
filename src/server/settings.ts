// The server's settings: the client's `brazeS3` section (initializationOptions, then
// workspace/didChangeConfiguration), with the repository configuration file (.braze-s3.yaml) on
// top for each file, as in the extension (src/editor/settings.ts).
import { fileURLToPath } from 'node:url';
import { relative, join } from 'node:path';
import type { Locale } from '../policy';
import { configFileFor, configForFile } from '../config/repoConfig';
import { compileGlob, matchGlob } from '../config/glob';
import type { DeclaredKind, RuleSetting, ServiceSettings } from '../service';

/** The client's `brazeS3` settings, as the extension's package.json declares them. */
export interface ClientSettings {
  partnerAccountId?: string;
  externalId?: string;
  folderPath?: string;
  policyFiles?: Record<string, DeclaredKind>;
  rules?: Record<string, RuleSetting>;
  workspaceDiagnostics?: { enabled?: boolean; maxFiles?: number };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A file URI's path on disk (undefined for other schemes: no repository configuration then). */
export function fsPathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class ServerSettings {
  client: ClientSettings = {};

  constructor(readonly locale: Locale, private readonly roots: () => string[]) {}

  update(settings: unknown): void {
    const s = settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : {};
    // Either the section itself or an object holding it ({ brazeS3: { … } }).
    const section = (s.brazeS3 && typeof s.brazeS3 === 'object' ? s.brazeS3 : s) as ClientSettings;
    this.client = section;
  }

  forFile(uri: string): ServiceSettings {
    const c = this.client;
    const file = fsPathOf(uri);
    let repo;
    try {
      const loaded = file ? configFileFor(file, this.locale) : undefined;
      repo = loaded?.config && file ? configForFile(loaded.config, file) : undefined;
    } catch {
      repo = undefined; // never let a configuration file stop the server: the defaults apply
    }
    return {
      partnerAccountId: repo?.partnerAccountId ?? text(c.partnerAccountId),
      externalId: repo?.externalId ?? text(c.externalId),
      folderPath: repo?.folder ?? (typeof c.folderPath === 'string' ? c.folderPath : 'currents'),
      policyFiles: c.policyFiles ?? {},
      rules: { ...(c.rules ?? {}), ...repo?.rules },
      repo,
      locale: this.locale,
    };
  }

  /**
   * What the configuration's `purposes` or a brazeS3.policyFiles glob declares for a file. The
   * globs are matched against the path relative to each workspace folder, and the whole path.
   */
  declaredByGlob(uri: string, settings: ServiceSettings): DeclaredKind | undefined {
    if (settings.repo?.purpose) return settings.repo.purpose;
    const file = fsPathOf(uri);
    if (!file) return undefined;
    const candidates = [...this.roots().map((r) => relative(r, file)).filter((p) => !p.startsWith('..')), file.replace(/^\/+/, '')].map((p) => p.split('\\').join('/'));
    for (const [pattern, kind] of Object.entries(settings.policyFiles)) {
      try {
        const glob = compileGlob(pattern);
        if (candidates.some((p) => matchGlob(glob, p))) return kind;
      } catch {
        // An invalid glob declares nothing.
      }
    }
    return undefined;
  }

  get workspaceScan(): { enabled: boolean; maxFiles: number } {
    const w = this.client.workspaceDiagnostics ?? {};
    return { enabled: w.enabled ?? true, maxFiles: typeof w.maxFiles === 'number' ? w.maxFiles : 1000 };
  }
}

/** Where the docs are: beside dist/ in the package, or the repository's docs/ from source. */
export function docsFile(locale: Locale, here = __dirname): string {
  return join(here, '..', 'docs', locale === 'es' ? 'rules.es.md' : 'rules.md');
}
