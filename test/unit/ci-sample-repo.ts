// The sample repository the CI integration tests run on (test/fixtures/ci-repo: a JSON policy
// with a warning, a .tf with an error, a clean CloudFormation template, and its .braze-s3.yaml),
// copied into a fresh folder, optionally as a git repository.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SAMPLE_REPO = join(__dirname, '../fixtures/ci-repo');

/** What a correct checker reports on the sample repository (1-based lines and columns). */
export const SAMPLE_FINDINGS = [
  { path: 'infra/braze-currents.tf', line: 15, col: 51, severity: 'error', code: 'action-unknown' },
  { path: 'policies/braze-currents.json', line: 21, col: 18, severity: 'warning', code: 'resource-overbroad' },
] as const;

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

export function copySampleRepo(options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'braze-s3-sample-repo-'));
  cpSync(SAMPLE_REPO, dir, { recursive: true });
  if (options.git) {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'sample repository');
  }
  return dir;
}
