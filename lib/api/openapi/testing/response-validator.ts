import { Ajv2020, type ErrorObject } from "ajv/dist/2020";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>> };

const pointer = (...segments: string[]) => segments.map((s) => encodeURIComponent(s.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/");

/**
 * Checks a real response against the document, the way a client generated from it would read it: the status
 * must be documented for that operation and the body must match its schema. Ajv reads the document itself,
 * so a schema zod emits wrongly fails here too.
 */
export function responseValidator(doc: Doc) {
  // zod writes a pattern beside every `format`, so the pattern checks what a format plugin would.
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  ajv.addVocabulary(["openapi", "info", "security", "paths", "components"]);
  ajv.addSchema(doc, "openapi.json");
  // A JSON body is checked against the JSON schema; a text one (the client check's script) against its own.
  const check = (segments: string[], value: unknown, contentType = "application/json"): string | null => {
    const validate = ajv.compile({ $ref: `openapi.json#/${pointer(...segments, "content", contentType, "schema")}` });
    if (validate(value)) return null;
    return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "(body)"} ${e.message ?? ""} ${JSON.stringify(e.params)}`).join("; ");
  };
  return {
    response(path: string, method: string, status: number, body: unknown, contentType = "application/json"): string | null {
      const operation = doc.paths[path]?.[method];
      if (!operation) return `${method.toUpperCase()} ${path} is not documented`;
      if (!(String(status) in operation.responses)) return `${method.toUpperCase()} ${path} answered ${status}, which is not documented`;
      return check(["paths", path, method, "responses", String(status)], body, contentType);
    },
    /** Whether a body the API accepted is one the document says it accepts. */
    requestBody(path: string, method: string, body: unknown): string | null {
      if (!doc.paths[path]?.[method]?.requestBody) return `${method.toUpperCase()} ${path} documents no body`;
      return check(["paths", path, method, "requestBody"], body);
    },
  };
}
