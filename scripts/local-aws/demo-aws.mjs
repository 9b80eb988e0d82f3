// The local AWS of `npm start`: moto seeded with the demo account, then IAM enforcement on, as in
// AWS. Seeding runs before enforcement starts (moto lets every request through until then); from
// then on moto accepts only the active keys it issued, and only for what their policies allow.
import { createAdmin, seedDemoAccount } from './demo-account.mjs';
import { startMoto } from './moto.mjs';

/**
 * @param {{ enforce?: boolean, port?: number }} options `enforce: false` lets any key pass (moto's
 *   default), for a demo of the editor features alone.
 * @returns the moto controls, the demo user's key (for Test credentials) and the administrator's
 *   key (the editor's own credentials: account view, Verify role ARN, key rotation).
 */
export async function startDemoAws({ enforce = true, port } = {}) {
  const moto = await startMoto({ port });
  try {
    const userKey = await seedDemoAccount(moto.endpoint);
    const adminKey = await createAdmin(moto.endpoint);
    if (enforce) await moto.enforceIam(true);
    return { moto, userKey, adminKey, enforced: enforce };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}
