// What a Terraform argument that holds a policy document uses it for: the resource type and the
// argument's name decide (an S3 bucket's `policy` is a bucket policy, a KMS key's a key policy, an
// organization policy's `content` an SCP or RCP). A module's inputs say it only through their
// names; anything else is left to the document's content (kind.ts).
import type { DocumentUsage } from '../policy';

const IDENTITY: DocumentUsage = 'identity';
const RESOURCE: DocumentUsage = 'resource';

/** resource type → argument → usage. */
const RESOURCE_ARGUMENTS: Record<string, Record<string, DocumentUsage>> = {
  aws_iam_policy: { policy: IDENTITY },
  aws_iam_role_policy: { policy: IDENTITY },
  aws_iam_user_policy: { policy: IDENTITY },
  aws_iam_group_policy: { policy: IDENTITY },
  aws_iam_role: { assume_role_policy: 'trust', policy: IDENTITY }, // policy: inside inline_policy blocks
  aws_ssoadmin_permission_set_inline_policy: { inline_policy: IDENTITY },
  aws_s3_bucket_policy: { policy: RESOURCE },
  aws_s3_bucket: { policy: RESOURCE },
  aws_s3_access_point: { policy: RESOURCE },
  aws_s3control_access_point_policy: { policy: RESOURCE },
  aws_s3control_bucket_policy: { policy: RESOURCE },
  aws_kms_key: { policy: RESOURCE },
  aws_kms_key_policy: { policy: RESOURCE },
  aws_kms_replica_key: { policy: RESOURCE },
  aws_sqs_queue: { policy: RESOURCE },
  aws_sqs_queue_policy: { policy: RESOURCE },
  aws_sns_topic: { policy: RESOURCE },
  aws_sns_topic_policy: { policy: RESOURCE },
  aws_cloudwatch_log_resource_policy: { policy_document: RESOURCE },
  aws_cloudwatch_log_destination_policy: { access_policy: RESOURCE },
  aws_cloudwatch_event_bus_policy: { policy: RESOURCE },
  aws_secretsmanager_secret: { policy: RESOURCE },
  aws_secretsmanager_secret_policy: { policy: RESOURCE },
  aws_ecr_repository_policy: { policy: RESOURCE },
  aws_ecr_registry_policy: { policy: RESOURCE },
  aws_opensearch_domain: { access_policies: RESOURCE },
  aws_opensearch_domain_policy: { access_policies: RESOURCE },
  aws_elasticsearch_domain: { access_policies: RESOURCE },
  aws_elasticsearch_domain_policy: { access_policies: RESOURCE },
  aws_msk_cluster_policy: { policy: RESOURCE },
  aws_backup_vault_policy: { policy: RESOURCE },
  aws_glacier_vault: { access_policy: RESOURCE },
  aws_efs_file_system_policy: { policy: RESOURCE },
  aws_lambda_layer_version_permission: { policy: RESOURCE },
  aws_vpc_endpoint: { policy: 'endpoint' },
  aws_vpc_endpoint_policy: { policy: 'endpoint' },
};

/** Argument names that hold a policy document in resources this table does not know. */
const POLICY_NAMES = /^(policy|assume_role_policy|access_polic(y|ies)|policy_document|resource_policy|inline_policy)$/;
/** A module input: its name must say it holds a policy… */
const MODULE_POLICY_NAME = /polic(y|ies)(_jsons?|_documents?)?$/;
/** …and not one of the services' other "policies" (SNS delivery and data protection, S3 lifecycle…). */
const NOT_IAM_POLICY = /(data_protection|delivery|lifecycle|retention|redrive|redrive_allow|scaling|password|backup|replication|cors|routing|health_check|deletion|placement|restart|archive|tag|compliance)_polic/;

/**
 * The use of the document an argument holds: a usage, `undefined` (a document whose use the file
 * does not say) or `null` (not a policy argument).
 * `literal`: the literal text of another argument of the same block (an organization policy's type).
 */
export function argumentUsage(blockType: string, labels: string[], argument: string, literal: (name: string) => string | undefined): DocumentUsage | undefined | null {
  if (blockType === 'module') {
    if (!MODULE_POLICY_NAME.test(argument) || NOT_IAM_POLICY.test(argument)) return null;
    if (/assume|trust/.test(argument)) return 'trust';
    if (/(bucket|key|queue|topic|repository|secret|resource|domain)_polic/.test(argument)) return RESOURCE;
    return undefined;
  }
  if (blockType !== 'resource') return argument === 'assume_role_policy' ? 'trust' : POLICY_NAMES.test(argument) && argument !== 'inline_policy' ? undefined : null;
  const type = labels[0] ?? '';
  if (type === 'aws_organizations_policy') {
    if (argument !== 'content') return null;
    const kind = literal('type') ?? 'SERVICE_CONTROL_POLICY';
    return kind === 'SERVICE_CONTROL_POLICY' ? 'scp' : kind === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : null;
  }
  const known = RESOURCE_ARGUMENTS[type]?.[argument];
  if (known) return known;
  if (argument === 'assume_role_policy') return 'trust';
  return POLICY_NAMES.test(argument) && argument !== 'inline_policy' ? undefined : null;
}
