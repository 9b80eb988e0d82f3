// jsonc-parser tree -> a policy model that keeps every node's offset, so each finding can point
// at the smallest offending string, key or value.

import { Node, ParseError, ParseOptions, parseTree } from 'jsonc-parser';
import { ActionFacts, ResourceFacts, actionFacts, resourceFacts } from './facts';
import { parseStrictJsonTree } from './strictJsonTree';

/** IAM's JSON: no comments, no trailing commas. */
export const STRICT_JSON: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

export interface Property {
  name: string;
  key: Node;
  value: Node;
}

export interface StringItem {
  value: string;
  node: Node;
}

/** An Action/NotAction entry with what is known about its text (see facts.ts). */
export interface ActionItem extends StringItem {
  facts: ActionFacts;
}

/** A Resource/NotResource entry with what is known about its text (see facts.ts). */
export interface ResourceItem extends StringItem {
  facts: ResourceFacts;
}

export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
export type ElementName = (typeof STATEMENT_ELEMENTS)[number];
/** The elements whose value is a string or a list of strings that rules read item by item. */
export type ListElement = 'Action' | 'NotAction' | 'Resource' | 'NotResource';

export interface Statement {
  index: number;
  node: Node;
  properties: Property[];
  /** The statement's known elements by name (the first of duplicates), found in one pass. */
  el: Record<ElementName, Property | undefined>;
  /** Whether some key is not a statement element (most statements: no, and the check is skipped). */
  hasUnknownKeys: boolean;
  /** String items of the list elements, read once: every rule family reads them. */
  items: { Action: readonly ActionItem[]; NotAction: readonly ActionItem[]; Resource: readonly ResourceItem[]; NotResource: readonly ResourceItem[] };
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

const complete = (child: Node) => child.children?.length === 2 && typeof child.children[0].value === 'string';
const toProperty = (child: Node): Property => {
  const [key, value] = child.children as Node[];
  return { name: key.value as string, key, value };
};
const isString = (c: Node) => c.type === 'string';
const toItem = (c: Node): StringItem => ({ value: c.value as string, node: c });

// Arrays are built with map where possible: an array grown by push reserves room for 17
// elements, and a 10 KB policy has hundreds of two-element lists.
export function propertiesOf(object: Node): Property[] {
  const children = object.children ?? [];
  return children.every(complete) ? children.map(toProperty) : children.filter(complete).map(toProperty);
}

export function prop(statement: { properties: Property[] }, name: string): Property | undefined {
  // Statements use their `el` record; this serves the top-level keys and other objects.
  for (const p of statement.properties) if (p.name === name) return p;
  return undefined;
}

/** Items made from a value that may be a string or an array of strings (others skipped). */
function itemsFrom<T>(value: Node | undefined, make: (c: Node) => T): T[] {
  if (!value) return [];
  if (value.type === 'string') return [make(value)];
  if (value.type !== 'array' || !value.children) return [];
  return value.children.every(isString) ? value.children.map(make) : value.children.filter(isString).map(make);
}

/** String items of a value that may be a string or an array of strings (others skipped). */
export function stringItems(value: Node | undefined): StringItem[] {
  return itemsFrom(value, toItem);
}

const NO_ITEMS: readonly never[] = Object.freeze([]);

/** The string items of a statement's Action, NotAction, Resource or NotResource. */
export function itemsOf<N extends ListElement>(s: Statement, name: N): Statement['items'][N] {
  return s.items[name];
}

const toActionItem = (c: Node): ActionItem => ({ value: c.value as string, node: c, facts: actionFacts(c.value as string) });
const toResourceItem = (c: Node): ResourceItem => ({ value: c.value as string, node: c, facts: resourceFacts(c.value as string) });

/** Like stringItems, with each item's facts. */
const listItems = <T>(p: Property | undefined, make: (c: Node) => T): readonly T[] => (p ? itemsFrom(p.value, make) : NO_ITEMS);

const none = () => ({ Sid: undefined, Effect: undefined, Principal: undefined, NotPrincipal: undefined, Action: undefined, NotAction: undefined, Resource: undefined, NotResource: undefined, Condition: undefined });

function statementOf(index: number, node: Node): Statement {
  const properties = node.type === 'object' ? propertiesOf(node) : [];
  const el: Statement['el'] = none();
  let hasUnknownKeys = false;
  for (const p of properties) {
    // A switch compares lengths first; a Set would hash every freshly parsed key.
    switch (p.name) {
      case 'Sid': el.Sid ??= p; break;
      case 'Effect': el.Effect ??= p; break;
      case 'Principal': el.Principal ??= p; break;
      case 'NotPrincipal': el.NotPrincipal ??= p; break;
      case 'Action': el.Action ??= p; break;
      case 'NotAction': el.NotAction ??= p; break;
      case 'Resource': el.Resource ??= p; break;
      case 'NotResource': el.NotResource ??= p; break;
      case 'Condition': el.Condition ??= p; break;
      default: hasUnknownKeys = true;
    }
  }
  const items = {
    Action: listItems(el.Action, toActionItem),
    NotAction: listItems(el.NotAction, toActionItem),
    Resource: listItems(el.Resource, toResourceItem),
    NotResource: listItems(el.NotResource, toResourceItem),
  };
  return { index, node, properties, el, hasUnknownKeys, items };
}

export function parsePolicy(text: string): PolicyModel {
  const parseErrors: ParseError[] = [];
  let root: Node | undefined;
  try {
    // Well-formed documents (nearly all) take the light parser; jsonc-parser reports the rest.
    root = parseStrictJsonTree(text) ?? parseTree(text, parseErrors, STRICT_JSON);
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
    nodes.forEach((node, index) => model.statements.push(statementOf(index, node)));
  }
  return model;
}
