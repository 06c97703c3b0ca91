import { componentSchemas } from "./component-schemas";
import { apiPaths } from "./operations";

const BEARER_DESCRIPTION =
  "An API token (mskp_…) made under API tokens. It acts as its owner with the owner's current roles, and its scope narrows that: " +
  "`read` tokens may only GET (any other method answers 403), `write` tokens may also file and act on requests. A token ends after the lifetime chosen when it was made.";

/** The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "MSK connectivity portal API",
      version: "1",
      description:
        "The portal's operations for automation, with the same validation, policy and audit as the web UI. Send an API token as `Authorization: Bearer <token>`.",
    },
    security: [{ bearer: [] }],
    paths: apiPaths(),
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: BEARER_DESCRIPTION },
        checkToken: {
          type: "http",
          scheme: "bearer",
          description: "A client check's one-time token (mskc_…), made on an active request's page: it fetches that check's script and sends its one report, within 24 hours.",
        },
      },
      schemas: componentSchemas(),
    },
  };
}
