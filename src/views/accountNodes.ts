// What a row of the account tree stands for. Apart from the tree itself so that the feature
// modules that make rows (exports/, delivery/) need not import the tree that lists them.
import type * as vscode from 'vscode';
import type { AccessKeyInfo, BucketSummary, ConnectorSummary, ExportObject, KeyConcern, RoleSummary, UserSummary } from '../aws';
import type { UnreachableAction } from './unreachable';

export type Node =
  | { kind: 'group'; group: 'buckets' | 'roles' | 'users' }
  | { kind: 'bucket'; bucket: BucketSummary }
  | { kind: 'bucketInfo'; label: string; warning?: boolean; tooltip?: string; command?: vscode.Command }
  | { kind: 'object'; bucket: string; object: ExportObject }
  | { kind: 'currentsFolder'; bucket: string; folder: string }
  | { kind: 'connector'; bucket: string; folder: string; region?: string; summary: ConnectorSummary }
  | { kind: 'exportFile'; bucket: string; region?: string; object: ExportObject }
  | { kind: 'role'; role: RoleSummary }
  | { kind: 'user'; user: UserSummary }
  | { kind: 'accessKey'; user: string; key: AccessKeyInfo; concern?: KeyConcern }
  | { kind: 'policy'; role: string; name: string; policyKind: string; document: string }
  | { kind: 'more'; group: 'roles' | 'buckets' | 'users' }
  | { kind: 'message'; label: string; error?: boolean; retry?: 'buckets' | 'roles' | 'users' }
  | { kind: 'action'; action: UnreachableAction };
