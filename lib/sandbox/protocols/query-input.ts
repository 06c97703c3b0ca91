import { awsError } from "../core/aws-error";
import type { Filter } from "../core/filters";

/**
 * The AWS Query protocol flattens structures into dotted keys (`Filter.1.Value.2=x`).
 * This turns them back into a tree so handlers can read lists and nested members.
 */
export type QueryNode = { value?: string; children: Map<string, QueryNode> };

export function parseQuery(body: string): QueryNode {
  const root: QueryNode = { children: new Map() };
  for (const [key, value] of new URLSearchParams(body)) {
    let node = root;
    for (const part of key.split(".")) {
      let child = node.children.get(part);
      if (!child) {
        child = { children: new Map() };
        node.children.set(part, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

function child(node: QueryNode, names: string[]): QueryNode | undefined {
  for (const n of names) {
    const c = node.children.get(n);
    if (c) return c;
  }
  return undefined;
}

/** A scalar member; several names because the SDK's wire name differs between operations. */
export function qStr(node: QueryNode, ...names: string[]): string | undefined {
  return child(node, names)?.value;
}

export function qRequired(node: QueryNode, ...names: string[]): string {
  const v = qStr(node, ...names);
  if (v === undefined || v === "") {
    throw awsError("MissingParameter", `The request must contain the parameter ${names[0] ?? ""}`);
  }
  return v;
}

export function qInt(node: QueryNode, ...names: string[]): number | undefined {
  const v = qStr(node, ...names);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw awsError("InvalidParameterValue", `Invalid value '${v}' for ${names[0] ?? ""}`);
  return n;
}

export function qBool(node: QueryNode, ...names: string[]): boolean | undefined {
  const v = qStr(node, ...names);
  return v === undefined ? undefined : v === "true";
}

/** Members of a flattened list (`Name.1`, `Name.2`...) in index order. */
export function qList(node: QueryNode, ...names: string[]): QueryNode[] {
  const list = child(node, names);
  if (!list) return [];
  return [...list.children.entries()]
    .filter(([k]) => /^\d+$/.test(k))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, v]) => v);
}

export function qStrList(node: QueryNode, ...names: string[]): string[] {
  return qList(node, ...names)
    .map((n) => n.value)
    .filter((v): v is string => v !== undefined);
}

export function qStruct(node: QueryNode, ...names: string[]): QueryNode | undefined {
  return child(node, names);
}

export function qFilters(node: QueryNode): Filter[] {
  return qList(node, "Filter", "Filters").map((f) => ({
    name: qStr(f, "Name") ?? "",
    values: qStrList(f, "Value", "Values"),
  }));
}

export function qTags(node: QueryNode, ...names: string[]): { key: string; value: string }[] {
  return qList(node, ...names).map((t) => ({ key: qStr(t, "Key") ?? "", value: qStr(t, "Value") ?? "" }));
}

/** TagSpecifications for one resource type, as EC2 create calls take them. */
export function qTagSpecifications(node: QueryNode, resourceType: string): { key: string; value: string }[] {
  return qList(node, "TagSpecification", "TagSpecifications")
    .filter((s) => (qStr(s, "ResourceType") ?? resourceType) === resourceType)
    .flatMap((s) => qTags(s, "Tag", "Tags"));
}
