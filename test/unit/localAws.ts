// One moto_server per test file, seeded with the demo account, plus an administrator's access
// key (needed once IAM enforcement is on: then only keys moto issued are accepted).
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- plain ESM helpers shared with the demo and the integration runner
import { MOTO_INSTALL_HINT, findMotoServer, startMoto } from '../../scripts/local-aws/moto.mjs';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- idem
import * as demoAccount from '../../scripts/local-aws/demo-account.mjs';

type Keys = { accessKeyId: string; secretAccessKey: string };

/** What the tests use of scripts/local-aws/demo-account.mjs. */
export interface DemoAccount {
  DEMO_BUCKETS: string[];
  DEMO_PARTNER_ACCOUNT_ID: string;
  DEMO_EXTERNAL_ID: string;
  DEMO_ROLES: { good: string; noExternalId: string; noGetObject: string };
  DEMO_USER: string;
  currentsPolicy(bucket: string, folder?: string, actions?: string[]): object;
  dashboardPolicy(bucket: string): object;
}

export interface LocalAws {
  endpoint: string;
  adminKeys: Keys;
  userKeys: Keys;
  demo: DemoAccount;
  enforceIam(on: boolean): Promise<void>;
  stop(): Promise<void>;
}

/** Skips the suite, saying why, where moto is not installed (CI requires it: .ci/run). */
export async function startLocalAws(suite: Mocha.Context): Promise<LocalAws> {
  suite.timeout(60_000);
  if (!findMotoServer()) {
    console.warn(`    ${MOTO_INSTALL_HINT} Skipping the live checks against a local AWS.`);
    suite.skip();
  }
  const moto = await startMoto();
  try {
    const userKeys = (await demoAccount.seedDemoAccount(moto.endpoint)) as Keys;
    const adminKeys = (await demoAccount.createAdmin(moto.endpoint, 'admin')) as Keys;
    return { endpoint: moto.endpoint, adminKeys, userKeys, demo: demoAccount as DemoAccount, enforceIam: moto.enforceIam, stop: moto.stop };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}
