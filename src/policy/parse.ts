// jsonc-parser tree -> a policy model that keeps every node's offset, so each finding can point
// at the smallest offending string, key or value.

import { Node, ParseError, parseTree } from 'jsonc-parser';

export interface Property {
  name: string;
  key: Node;
  value: Node;
}

export interface StringItem {
  value: string;
  node: Node;
}

export interface Statement {
  index: number;
  node: Node;
  properties: Property[];
  /** String items per element, filled on first use: several rules read the same elements. */
  items: Map<string, readonly StringItem[]>;
}

export interface PolicyModel {
  text: string;
  root: Node | undefined;
  parseErrors: ParseError[];
  /** Top-level properties when the root is an object. */
  topProperties: Property[];
  statementProperty?: Property;
  statements: Statement[];
}

export function propertiesOf(object: Node): Property[] {
  const out: Property[] = [];
  for (const child of object.children ?? []) {
    const [key, value] = child.children ?? [];
    if (key && value && typeof key.value === 'string') out.push({ name: key.value, key, value });
  }
  return out;
}

export function prop(statement: { properties: Property[] }, name: string): Property | undefined {
  // A plain loop: every rule asks for several elements of every statement.
  for (const p of statement.properties) if (p.name === name) return p;
  return undefined;
}

/** String items of a value that may be a string or an array of strings (others skipped). */
export function stringItems(value: Node | undefined): StringItem[] {
  if (!value) return [];
  if (value.type === 'string') return [{ value: value.value as string, node: value }];
  const out: StringItem[] = [];
  if (value.type === 'array' && value.children) {
    for (const c of value.children) if (c.type === 'string') out.push({ value: c.value as string, node: c });
  }
  return out;
}

const NO_ITEMS: readonly StringItem[] = Object.freeze([]);

/** The string items of a statement's element (Action, Resource…), computed once per analysis. */
export function itemsOf(s: Statement, name: string): readonly StringItem[] {
  let items = s.items.get(name);
  if (!items) {
    const p = prop(s, name);
    items = p ? stringItems(p.value) : NO_ITEMS;
    s.items.set(name, items);
  }
  return items;
}


export function parsePolicy(text: string): PolicyModel {
  const parseErrors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    // jsonc-parser recurses once per nesting level: absurdly deep input overflows the stack.
    // Catching that costs nothing for real policies, unlike scanning every text first.
    if (!(error instanceof RangeError)) throw error;
    root = undefined;
    parseErrors.length = 0;
  }
  const model: PolicyModel = { text, root, parseErrors, topProperties: [], statements: [] };
  if (!root || root.type !== 'object') return model;
  model.topProperties = propertiesOf(root);
  const statementProperty = prop({ properties: model.topProperties }, 'Statement');
  model.statementProperty = statementProperty;
  if (statementProperty) {
    const v = statementProperty.value;
    const nodes = v.type === 'object' ? [v] : v.type === 'array' ? (v.children ?? []) : [];
    nodes.forEach((node, index) => {
      model.statements.push({ index, node, properties: node.type === 'object' ? propertiesOf(node) : [], items: new Map() });
    });
  }
  return model;
}
