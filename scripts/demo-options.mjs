// The options of `npm start` (scripts/start-demo.mjs): `npm start -- --lang es --port 8081`.
//   --lang en|es            VS Code's display language (code-server --locale): the extension's
//                           whole UI in Spanish (also BRAZE_S3_DEMO_LANG=es)
//   --port N                code-server's port (also PORT; default 8080)
//   --no-iam-enforcement    moto accepts any access key (default: IAM enforced, as in AWS)

export const DEMO_USAGE = 'Usage: npm start -- [--lang en|es] [--port N] [--no-iam-enforcement]';

/** @returns {{ locale: 'en' | 'es', port: number, enforce: boolean }} */
export function demoOptions(argv = process.argv.slice(2), env = process.env) {
  const options = { locale: env.BRAZE_S3_DEMO_LANG || 'en', port: Number(env.PORT || 8080), enforce: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.split('=', 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value. ${DEMO_USAGE}`);
      return v;
    };
    if (name === '--lang' || name === '--locale') options.locale = value();
    else if (name === '--port') options.port = Number(value());
    else if (arg === '--no-iam-enforcement') options.enforce = false;
    else throw new Error(`unknown option ${arg}. ${DEMO_USAGE}`);
  }
  options.locale = String(options.locale).toLowerCase();
  if (!['en', 'es'].includes(options.locale)) throw new Error(`--lang must be en or es, not "${options.locale}". ${DEMO_USAGE}`);
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) throw new Error(`--port must be a port number. ${DEMO_USAGE}`);
  return options;
}
