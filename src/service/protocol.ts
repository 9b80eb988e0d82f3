// What the extension and the language server say to each other beyond LSP (both import it, so the
// names are written once). Other editors need none of it: the server works without these messages.
import type { AnalysisResult } from '../policy';
import type { FileFormat } from '../routing/analyzeFile';
import type { DeclaredKind } from './settings';

/** Server → client: a workspace scan finished (tests and benchmarks wait on it). */
export const SCAN_FINISHED = 'brazeS3/scanFinished';
/** Client → server: scan now with these settings (answered with the scan's outcome, null when superseded). */
export const SCAN_REQUEST = 'brazeS3/scan';
/** Client → server: what people declared documents to be (the file's URI, or `uri#name`). */
export const DECLARED = 'brazeS3/declared';
/** Client → server: the bucket names the account view already listed (resource ARN completion). */
export const KNOWN_BUCKETS = 'brazeS3/knownBuckets';
/**
 * Server → client, when the client asked for it (initializationOptions.analysisNotifications): an
 * open document was analysed, sent just before its diagnostics are published.
 */
export const ANALYSED = 'brazeS3/analysed';

export interface ScanFinished {
  found: number;
  policies: number;
  overLimit: boolean;
  ms: number;
}

export interface ScanParams {
  /** The client's `brazeS3` settings ({ brazeS3: { … } }). */
  settings?: unknown;
  /** Settings or the repository configuration changed: the open documents are checked again too. */
  recheckOpen?: boolean;
}

export interface DeclaredParams {
  choices: Record<string, DeclaredKind>;
}

export interface KnownBucketsParams {
  /** Undefined: no listing (no connection, or forgotten): no ARN is offered. */
  names?: string[];
}

/** One open document's analysis, as much of it as the client shows or tests read. */
export interface AnalysedParams {
  uri: string;
  version: number;
  format: FileFormat;
  /** How long the analysis took, in ms. */
  ms: number;
  /** Terraform / CloudFormation: each policy document in the file and what it is checked as. */
  documents?: { name: string; result: Pick<AnalysisResult, 'kind' | 'purpose'> }[];
}
