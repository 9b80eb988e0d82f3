// Writes the "contributes" section and l10n fields of package.json (kept here so the manifest's
// many entries stay readable): this file is the source of truth.
//   node scripts/manifest.mjs           write package.json
//   node scripts/manifest.mjs --check   exit 1 when package.json differs from what this writes
import { readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const cmd = (command, title, extra = {}) => ({ command, title: `%command.${title}%`, category: '%category%', ...extra });
const commands = [
  cmd('brazeS3.insertCurrentsPolicy', 'insertCurrentsPolicy'),
  cmd('brazeS3.insertDashboardPolicy', 'insertDashboardPolicy'),
  cmd('brazeS3.insertTrustPolicy', 'insertTrustPolicy'),
  cmd('brazeS3.newSetup', 'newSetup'),
  cmd('brazeS3.newPolicyFile', 'newPolicyFile'),
  cmd('brazeS3.replacePlaceholder', 'replacePlaceholder'),
  cmd('brazeS3.setIntegration', 'setIntegration'),
  cmd('brazeS3.testCredentials', 'testCredentials', { icon: '$(pass)' }),
  cmd('brazeS3.verifyRole', 'verifyRole', { icon: '$(shield)' }),
  cmd('brazeS3.selectProfile', 'selectProfile'),
  cmd('brazeS3.refresh', 'refresh', { icon: '$(refresh)' }),
  cmd('brazeS3.filter', 'filter', { icon: '$(filter)' }),
  cmd('brazeS3.loadMoreRoles', 'loadMoreRoles'),
  cmd('brazeS3.loadMoreUsers', 'loadMoreUsers'),
  cmd('brazeS3.rotateAccessKey', 'rotateAccessKey', { icon: '$(key)' }),
  cmd('brazeS3.deleteAccessKey', 'deleteAccessKey'),
  cmd('brazeS3.copyArn', 'copyArn'),
  cmd('brazeS3.insertBucketName', 'insertBucketName'),
  cmd('brazeS3.generateCurrentsPolicy', 'generateCurrentsPolicy'),
  cmd('brazeS3.generateDashboardPolicy', 'generateDashboardPolicy'),
  cmd('brazeS3.showTrustPolicy', 'showTrustPolicy'),
  cmd('brazeS3.openPolicy', 'openPolicy'),
  cmd('brazeS3.showDelivery', 'showDelivery', { icon: '$(pulse)' }),
  cmd('brazeS3.openExportFile', 'openExportFile', { icon: '$(go-to-file)' }),
  cmd('brazeS3.downloadExportFile', 'downloadExportFile', { icon: '$(cloud-download)' }),
  cmd('brazeS3.openObject', 'openObject', { icon: '$(go-to-file)' }),
  cmd('brazeS3.setupExport', 'setupExport'),
  cmd('brazeS3.setupExportHere', 'setupExportHere'),
  cmd('brazeS3.removeSetup', 'removeSetup'),
];
const hidden = ['brazeS3.refresh', 'brazeS3.filter', 'brazeS3.loadMoreRoles', 'brazeS3.loadMoreUsers', 'brazeS3.rotateAccessKey', 'brazeS3.deleteAccessKey', 'brazeS3.copyArn', 'brazeS3.insertBucketName', 'brazeS3.generateCurrentsPolicy', 'brazeS3.generateDashboardPolicy', 'brazeS3.showTrustPolicy', 'brazeS3.openPolicy', 'brazeS3.showDelivery', 'brazeS3.openExportFile', 'brazeS3.downloadExportFile', 'brazeS3.openObject', 'brazeS3.setupExportHere'];
// Scopes: `resource` for what a file or folder may set differently (read with the document's URI);
// `window` for the rest. Not `machine`/`machine-overridable`: in a remote window (code-server,
// SSH, containers) those are left out of the User tab of the Settings UI.
const setting = (type, extra) => ({ type, scope: 'resource', ...extra });
const windowSetting = (type, extra) => ({ type, scope: 'window', ...extra });
pkg.contributes = {
  commands,
  menus: {
    commandPalette: hidden.map((command) => ({ command, when: 'false' })),
    'view/title': [
      { command: 'brazeS3.refresh', when: 'view == brazeS3.account', group: 'navigation@1' },
      { command: 'brazeS3.filter', when: 'view == brazeS3.account', group: 'navigation@2' },
      { command: 'brazeS3.selectProfile', when: 'view == brazeS3.account', group: '1_connection' },
    ],
    'view/item/context': [
      { command: 'brazeS3.testCredentials', when: 'view == brazeS3.account && viewItem == bucket', group: 'inline' },
      { command: 'brazeS3.testCredentials', when: 'view == brazeS3.account && viewItem == bucket', group: '1_check@1' },
      { command: 'brazeS3.generateCurrentsPolicy', when: 'view == brazeS3.account && viewItem == bucket', group: '2_policy@1' },
      { command: 'brazeS3.generateDashboardPolicy', when: 'view == brazeS3.account && viewItem == bucket', group: '2_policy@2' },
      { command: 'brazeS3.insertBucketName', when: 'view == brazeS3.account && viewItem == bucket', group: '2_policy@3' },
      { command: 'brazeS3.copyArn', when: 'view == brazeS3.account && viewItem =~ /^(bucket|role)$/', group: '9_copy@1' },
      { command: 'brazeS3.verifyRole', when: 'view == brazeS3.account && viewItem == role', group: 'inline' },
      { command: 'brazeS3.verifyRole', when: 'view == brazeS3.account && viewItem == role', group: '1_check@1' },
      { command: 'brazeS3.rotateAccessKey', when: 'view == brazeS3.account && viewItem == user', group: '1_check@1' },
      { command: 'brazeS3.testCredentials', when: 'view == brazeS3.account && viewItem == user', group: '1_check@2' },
      { command: 'brazeS3.deleteAccessKey', when: 'view == brazeS3.account && viewItem == accessKey-inactive', group: '9_delete@1' },
      { command: 'brazeS3.showTrustPolicy', when: 'view == brazeS3.account && viewItem == role', group: '2_policy@1' },
      // Currents delivery (src/views/delivery) and export files (src/views/exports).
      { command: 'brazeS3.showDelivery', when: 'view == brazeS3.account && viewItem =~ /^currents(Connector|Folder)$/', group: 'inline' },
      { command: 'brazeS3.showDelivery', when: 'view == brazeS3.account && viewItem =~ /^currents(Connector|Folder)$/', group: '1_check@0' },
      { command: 'brazeS3.downloadExportFile', when: 'view == brazeS3.account && viewItem == exportFile', group: 'inline' },
      { command: 'brazeS3.openExportFile', when: 'view == brazeS3.account && viewItem == exportFile', group: '1_open@1' },
      { command: 'brazeS3.downloadExportFile', when: 'view == brazeS3.account && viewItem == exportFile', group: '1_open@2' },
      // A file of a Currents folder: Open reads it from the bucket (src/views/avro/register.ts).
      { command: 'brazeS3.openObject', when: 'view == brazeS3.account && viewItem == object', group: 'inline' },
      { command: 'brazeS3.openObject', when: 'view == brazeS3.account && viewItem == object', group: '1_open@1' },
      { command: 'brazeS3.setupExportHere', when: 'view == brazeS3.account && viewItem == bucket', group: '0_setup@1' },
    ],
    'editor/context': [
      // The workspace's files with a role ARN are listed before they open; until that list is
      // known, every text-like editor offers the item (src/views/roleArnContext.ts).
      { command: 'brazeS3.verifyRole', when: 'resourcePath in brazeS3.roleArnPaths || brazeS3.documentHasRoleArn || !brazeS3.roleArnsKnown && resourceLangId =~ /^(markdown|plaintext|json|jsonc|yaml|terraform)$/', group: 'navigation@90' },
    ],
  },
  // .tf files get the language id "terraform" with a minimal grammar of our own (syntaxes/, MIT)
  // where no Terraform extension is installed (VS Code has none built in), so the Terraform
  // snippets apply to them; HashiCorp's extension, when installed, contributes the same language id.
  languages: [{ id: 'terraform', aliases: ['Terraform', 'terraform'], extensions: ['.tf'], configuration: './syntaxes/terraform.language-configuration.json' }],
  grammars: [{ language: 'terraform', scopeName: 'source.terraform.braze-minimal', path: './syntaxes/terraform.tmLanguage.json' }],
  // Generated from the template source: npx tsx scripts/generate-snippets.ts
  snippets: [
    { language: 'json', path: './snippets/json.json' },
    { language: 'jsonc', path: './snippets/json.json' },
    { language: 'terraform', path: './snippets/terraform.json' },
    { language: 'yaml', path: './snippets/yaml.json' },
  ],
  viewsContainers: { activitybar: [{ id: 'brazeS3', title: '%view.container%', icon: 'media/activity.svg' }] },
  views: { brazeS3: [{ id: 'brazeS3.account', name: '%view.account%', icon: 'media/activity.svg', contextualTitle: '%view.container%' }] },
  viewsWelcome: [
    { view: 'brazeS3.account', contents: '%welcome.untrusted%', when: 'brazeS3.untrusted' },
    { view: 'brazeS3.account', contents: '%welcome.noCredentials%', when: 'brazeS3.noCredentials && !brazeS3.untrusted' },
  ],
  // The Avro viewer is the default editor of *.avro, local or braze-s3:// (src/views/avro/).
  customEditors: [{ viewType: 'brazeS3.avroViewer', displayName: '%customEditor.avro%', selector: [{ filenamePattern: '*.avro' }], priority: 'default' }],
  configuration: {
    title: '%config.title%',
    properties: {
      'brazeS3.partnerAccountId': setting('string', { default: '', pattern: '^(\\d{12})?$', markdownDescription: '%config.partnerAccountId%' }),
      'brazeS3.externalId': setting('string', { default: '', markdownDescription: '%config.externalId%' }),
      'brazeS3.folderPath': setting('string', { default: 'currents', markdownDescription: '%config.folderPath%' }),
      'brazeS3.policyFiles': setting('object', { default: {}, additionalProperties: { type: 'string', enum: ['currents', 'dashboard', 'trust', 'none', 'auto'] }, markdownDescription: '%config.policyFiles%' }),
      'brazeS3.workspaceDiagnostics.enabled': windowSetting('boolean', { default: true, markdownDescription: '%config.workspaceDiagnostics.enabled%' }),
      'brazeS3.workspaceDiagnostics.maxFiles': windowSetting('number', { default: 1000, minimum: 0, maximum: 100000, markdownDescription: '%config.workspaceDiagnostics.maxFiles%' }),
      'brazeS3.rules': setting('object', { default: {}, additionalProperties: { type: 'string', enum: ['error', 'warning', 'info', 'off'] }, markdownDescription: '%config.rules%' }),
      'brazeS3.profile': windowSetting('string', { default: '', markdownDescription: '%config.profile%' }),
      'brazeS3.region': windowSetting('string', { default: '', markdownDescription: '%config.region%' }),
      'brazeS3.endpoint': windowSetting('string', { default: '', markdownDescription: '%config.endpoint%' }),
      'brazeS3.requestTimeoutMs': windowSetting('number', { default: 15000, minimum: 1000, maximum: 120000, markdownDescription: '%config.requestTimeoutMs%' }),
      'brazeS3.verifyRole.simulate': windowSetting('boolean', { default: false, markdownDescription: '%config.simulate%' }),
      'brazeS3.delivery.quietHours': windowSetting('number', { default: 6, minimum: 1, maximum: 720, markdownDescription: '%config.delivery.quietHours%' }),
      'brazeS3.delivery.stoppedHours': windowSetting('number', { default: 24, minimum: 1, maximum: 720, markdownDescription: '%config.delivery.stoppedHours%' }),
      'brazeS3.delivery.dropWindowHours': windowSetting('number', { default: 48, minimum: 1, maximum: 720, markdownDescription: '%config.delivery.dropWindowHours%' }),
    },
  },
  walkthroughs: [{
    id: 'brazeS3.setup',
    title: '%walkthrough.title%',
    description: '%walkthrough.description%',
    steps: [
      { id: 'bucket', title: '%walkthrough.bucket.title%', description: '%walkthrough.bucket.description%', media: { markdown: '%walkthrough.bucket.media%' } },
      { id: 'setup', title: '%walkthrough.setup.title%', description: '%walkthrough.setup.description%', media: { markdown: '%walkthrough.setup.media%' }, completionEvents: ['onCommand:brazeS3.setupExport'] },
      { id: 'auth', title: '%walkthrough.auth.title%', description: '%walkthrough.auth.description%', media: { markdown: '%walkthrough.auth.media%' } },
      { id: 'policy', title: '%walkthrough.policy.title%', description: '%walkthrough.policy.description%', media: { markdown: '%walkthrough.policy.media%' }, completionEvents: ['onCommand:brazeS3.newPolicyFile'] },
      { id: 'trust', title: '%walkthrough.trust.title%', description: '%walkthrough.trust.description%', media: { markdown: '%walkthrough.trust.media%' }, completionEvents: ['onCommand:brazeS3.insertTrustPolicy'] },
      { id: 'test', title: '%walkthrough.test.title%', description: '%walkthrough.test.description%', media: { markdown: '%walkthrough.test.media%' }, completionEvents: ['onCommand:brazeS3.testCredentials', 'onCommand:brazeS3.verifyRole'] },
      { id: 'paste', title: '%walkthrough.paste.title%', description: '%walkthrough.paste.description%', media: { markdown: '%walkthrough.paste.media%' } },
    ],
  }],
};
// The policy languages activate at once when such a file opens; onStartupFinished, after the
// window is up, for the workspace-wide Problems and the role-ARN context menu in any workspace.
// Not listed, as VS Code (engine >= 1.74) derives them: onView for the account view, onCommand for
// the commands. workspaceContains:**/*.tf went: a file search at every window start, for an
// activation onStartupFinished gives anyway.
// onFileSystem: a braze-s3:// editor restored with the window needs its provider before anything else.
pkg.activationEvents = ['onFileSystem:braze-s3', 'onLanguage:json', 'onLanguage:jsonc', 'onLanguage:yaml', 'onLanguage:terraform', 'onStartupFinished'];
pkg.capabilities = {
  untrustedWorkspaces: { supported: 'limited', description: '%untrusted%', restrictedConfigurations: ['brazeS3.profile', 'brazeS3.endpoint', 'brazeS3.region'] },
  virtualWorkspaces: { supported: 'limited', description: '%virtual%' },
};
pkg.l10n = './l10n';
pkg.icon = 'media/icon.png';
// Marketplace and Open VSX listing. The GitHub URLs are placeholders until the repository is public
// (vsce also turns the README's relative image links into links under this repository).
pkg.galleryBanner = { color: '#232F3E', theme: 'dark' };
pkg.repository = { type: 'git', url: 'https://github.com/braze-s3-policy-kit/braze-s3-policy-kit.git' };
pkg.homepage = 'https://github.com/braze-s3-policy-kit/braze-s3-policy-kit#readme';
pkg.bugs = { url: 'https://github.com/braze-s3-policy-kit/braze-s3-policy-kit/issues' };
pkg.keywords = ['braze', 'currents', 's3', 'iam', 'policy', 'aws', 'lint', 'terraform', 'cloudformation', 'sarif'];
pkg.pricing = 'Free';
const written = JSON.stringify(pkg, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (written !== readFileSync('package.json', 'utf8')) {
    console.error('package.json differs from scripts/manifest.mjs: run `node scripts/manifest.mjs`');
    process.exit(1);
  }
} else writeFileSync('package.json', written);
