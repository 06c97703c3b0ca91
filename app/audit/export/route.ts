import { actorOf, currentUser } from "@/lib/auth/current-user";
import { auditBatches } from "@/lib/db/audit/audit-keyset";
import { auditFilterFromParams } from "@/lib/db/audit/audit-filter-params";
import { db } from "@/lib/db/client";
import { AUDIT_CSV_HEADER, AUDIT_EXPORT_FORMATS, auditExportLine, type AuditExportFormat } from "@/lib/domain/audit/audit-export-format";
import { may } from "@/lib/domain/permissions";
import { logUnexpected } from "@/lib/log/log-unexpected";

export const dynamic = "force-dynamic";

const CONTENT_TYPES: Record<AuditExportFormat, string> = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson; charset=utf-8" };
const refuse = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

// The filtered audit history as a download, for the signed-in browser (the audit page's links). It streams a
// keyset batch at a time as the client reads, so a million events never sit in memory at once.
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  const decision = may(user ? actorOf(user) : null, "audit.read");
  if (!decision.ok) return refuse(user ? 403 : 401, decision.reason);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const format = AUDIT_EXPORT_FORMATS.find((f) => f === (params.format ?? "csv"));
  if (!format) return refuse(400, `format: use ${AUDIT_EXPORT_FORMATS.join(" or ")}`);
  const { filter, errors } = auditFilterFromParams(params);
  const problems = Object.entries(errors).map(([field, message]) => `${field}: ${message}`);
  if (problems.length) return refuse(400, problems.join("\n"));

  const batches = auditBatches(db(), filter);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(AUDIT_CSV_HEADER));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((e) => auditExportLine(format, e)).join("")));
      } catch (error) {
        logUnexpected(error, "audit export failed", { format });
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "");
  return new Response(stream, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="audit-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
