// The Terraform and CloudFormation readers are a separate bundle (dist/formats.js) required on
// first use, like the AWS SDK half (loadAws.ts): a workspace of JSON policies never loads them.
// The extension, the CLI and the tests all reach the readers through here, so there is one
// instance of the parser and of the open documents' trees.
import type * as Formats from '../formats';

let loaded: typeof Formats | undefined;

export function loadFormats(): typeof Formats {
  return (loaded ??= requireFormats());
}

function requireFormats(): typeof Formats {
  try {
    // In the bundles this is dist/formats.js (kept external by the build).
    return require('./formats.js') as typeof Formats;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    // Run from source (unit tests under tsx): the folder src/formats. The name is built at run
    // time so that the bundler does not inline the readers into the main bundle.
    const source = ['..', 'formats'].join('/');
    return require(source) as typeof Formats;
  }
}

/** Whether the readers are loaded already (a closed file is not worth loading them for). */
export function formatsLoaded(): boolean {
  return loaded !== undefined;
}
