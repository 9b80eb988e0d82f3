// The AWS SDK half is a separate bundle (dist/aws.js) required on first use: activation stays
// light and the SDK's ~1 MB is parsed only when the account view or a live check needs it.
import type * as Aws from '../aws';

let loaded: typeof Aws | undefined;

export function loadAws(): typeof Aws {
  // In the bundle this resolves to dist/aws.js (kept external by the build).
  return (loaded ??= require('./aws.js') as typeof Aws);
}
