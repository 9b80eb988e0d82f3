// The import graph of src/: every arrow points down the layers (README, "How it is built") and no
// module imports itself through others. Type-only imports count too (they are arrows a reader sees).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const src = join(__dirname, '..', '..', 'src');

/** Lower numbers are lower layers; a module may import from its own layer or below. */
const LAYERS: [RegExp, number, string][] = [
  [/^policy\//, 0, 'the engine'],
  // The repository configuration's reader, messages and globs sit with the readers: the readers'
  // bundle (dist/formats.js) parses the configuration file and words braze-s3-ignore problems.
  [/^config\/(parse|messages|glob|types)\.ts$/, 1, 'the configuration file\'s reader'],
  [/^formats\//, 1, 'the readers (Terraform, CloudFormation)'],
  [/^routing\//, 2, 'a file to its reader'],
  [/^config\//, 3, 'the repository configuration applied'],
  [/^service\//, 4, 'the language service'],
  [/^aws\//, 4, 'AWS calls'],
  [/^loadAws\.ts$/, 4, 'the AWS bundle\'s loader'],
  [/^avro\//, 4, 'the Avro reader'],
  [/^loadAvro\.ts$/, 4, 'the Avro bundle\'s loader'],
  [/^server\//, 5, 'the language server'],
  [/^cli\//, 5, 'the command line'],
  [/^editor\//, 5, 'VS Code adapters'],
  // The multi-step input is a VS Code widget the editor's commands use as the views do, and so
  // are the setup questions both setup commands ask.
  [/^views\/(multiStep|wizard|partnerSteps)\.ts$/, 5, 'VS Code adapters'],
  [/^views\//, 6, 'views'],
  [/^cli\.ts$/, 7, 'entry points'],
  [/^extension\.ts$/, 7, 'entry points'],
  [/^action\.ts$/, 7, 'entry points'],
];

function layerOf(file: string): number {
  const hit = LAYERS.find(([re]) => re.test(file));
  assert.ok(hit, `${file} is in no layer: add it to LAYERS and the README`);
  return hit[1];
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Each module's relative imports, as paths relative to src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']*)'/gm)) {
      const base = join(dirname(file), m[1]);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
      if (target) targets.push(relative(src, target).split('\\').join('/'));
    }
    graph.set(relative(src, file).split('\\').join('/'), targets);
  }
  return graph;
}

describe('layers: the import graph of src/', () => {
  const graph = importGraph();

  it('reads the graph (a sanity check of the parser)', () => {
    assert.ok(graph.size > 100, `${graph.size} modules`);
    assert.ok(graph.get('service/hover.ts')?.includes('policy/index.ts'));
  });

  it('every arrow points down or along its layer', () => {
    const upward: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) if (layerOf(to) > layerOf(from)) upward.push(`${from} → ${to}`);
    }
    assert.deepEqual(upward, []);
  });

  it('nothing outside src/policy reaches past its entry points', () => {
    const past = [...graph].flatMap(([from, targets]) => (from.startsWith('policy/') ? [] : targets.filter((t) => t.startsWith('policy/') && t !== 'policy/index.ts' && t !== 'policy/ruleDocs.ts').map((t) => `${from} → ${t}`)));
    assert.deepEqual(past, []);
  });

  it('has no cycle', () => {
    // Tarjan's strongly connected components: any component of two or more modules is a cycle.
    let index = 0;
    const stack: string[] = [];
    const on = new Set<string>();
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.sort());
      }
    };
    for (const v of graph.keys()) if (!idx.has(v)) visit(v);
    assert.deepEqual(cycles, []);
  });
});
