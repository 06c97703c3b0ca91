import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { EXPIRY_ACTOR } from "@/lib/db/expiry/expiry-actor";
import { recordExpiryEvent } from "@/lib/db/expiry/record-expiry-event";
import { transitionRequest } from "@/lib/db/requests/transition-request";
import { EXPIRY_LOOKAHEAD_MS, expiryStepDue, type ExpiryEventKind, type ExpiryStep } from "@/lib/domain/expiry/expiry-due";
import { isTerminal, REQUEST_STATUSES, STATUS_LABELS, type RequestStatus } from "@/lib/domain/lifecycle";
import { isExpectedError } from "@/lib/errors/expected-error";
import { notify } from "@/lib/db/notifications/notify";

export type ExpirySweepOptions = {
  // The clock: the scheduled job passes the time it runs, tests pass the time they want.
  now: Date;
  // Puts a request whose teardown the expiry started on the provisioning queue.
  enqueue: (requestId: string) => Promise<void>;
};

export type ExpirySweepResult = { reminded: number; held: number; decommissioned: number };

type Due = { id: string; status: RequestStatus; endsAt: Date; step: ExpiryStep };

const LIVE = REQUEST_STATUSES.filter((s) => !isTerminal(s));

// One pass over the requests whose end date is near or past. Each step is recorded with its audit event and
// notification in one transaction, and recorded once per end date, so two workers (or a job re-run after a
// crash) never send a reminder twice or start a second teardown.
export async function runExpirySweep(options: ExpirySweepOptions): Promise<ExpirySweepResult> {
  const result: ExpirySweepResult = { reminded: 0, held: 0, decommissioned: 0 };
  for (const due of await requestsWithStepDue(options.now)) {
    if (due.step.kind === "remind" && (await remind(due, due.step.daysBefore))) result.reminded++;
    if (due.step.kind === "hold" && (await hold(due))) result.held++;
    if (due.step.kind === "decommission" && (await decommission(due, options))) result.decommissioned++;
  }
  return result;
}

async function requestsWithStepDue(now: Date): Promise<Due[]> {
  const rows = await db().accessRequest.findMany({
    where: { endsAt: { not: null, lte: new Date(now.getTime() + EXPIRY_LOOKAHEAD_MS) }, status: { in: [...LIVE] } },
    select: { id: true, status: true, endsAt: true, expiryEvents: { select: { kind: true, endsAt: true } } },
    orderBy: { endsAt: "asc" },
  });
  return rows.flatMap((row) => {
    const endsAt = row.endsAt;
    if (!endsAt) return [];
    // Only what was done for the current end date counts: an extension starts a fresh set of reminders.
    const done = new Set<ExpiryEventKind>(row.expiryEvents.filter((e) => e.endsAt.getTime() === endsAt.getTime()).map((e) => e.kind));
    const step = expiryStepDue({ status: row.status, endsAt, now, done });
    return step ? [{ id: row.id, status: row.status, endsAt, step }] : [];
  });
}

async function remind(due: Due, daysBefore: 7 | 1): Promise<boolean> {
  return db().$transaction(async (tx) => {
    if (!(await recordExpiryEvent(tx, due.id, daysBefore === 7 ? "REMINDER_7_DAYS" : "REMINDER_1_DAY", due.endsAt))) return false;
    const details = { endsAt: due.endsAt.toISOString(), daysBefore };
    await recordAuditEvent(tx, { actor: EXPIRY_ACTOR, action: "request.expiry-reminder", requestId: due.id, details });
    await notify(tx, { type: "request.expiring-soon", requestId: due.id, details });
    return true;
  });
}

// Nothing is torn down from a request that is not ACTIVE: one that failed is left to its operators (retry or
// roll back), one still waiting or being built is looked at again by every sweep and removed once ACTIVE.
async function hold(due: Due): Promise<boolean> {
  return db().$transaction(async (tx) => {
    if (!(await recordExpiryEvent(tx, due.id, "HELD", due.endsAt))) return false;
    await recordAuditEvent(tx, {
      actor: EXPIRY_ACTOR,
      action: "request.expiry-held",
      requestId: due.id,
      details: {
        endsAt: due.endsAt.toISOString(),
        status: due.status,
        reason: `The end date passed while the request was ${STATUS_LABELS[due.status].toLowerCase()}: nothing was removed. If it becomes active, the expiry decommissions it.`,
      },
    });
    return true;
  });
}

class EndDateMoved extends Error {}

async function decommission(due: Due, options: ExpirySweepOptions): Promise<boolean> {
  try {
    await transitionRequest({
      requestId: due.id,
      action: "decommission",
      actor: { kind: "system" },
      auditActor: EXPIRY_ACTOR,
      details: { reason: "The request's end date was reached", endsAt: due.endsAt.toISOString() },
      alsoInTransaction: async (tx) => {
        // The status update holds the row, so an extension approved meanwhile is seen here and wins.
        const now = await tx.accessRequest.findUniqueOrThrow({ where: { id: due.id }, select: { endsAt: true } });
        if (now.endsAt?.getTime() !== due.endsAt.getTime()) throw new EndDateMoved();
        if (!(await recordExpiryEvent(tx, due.id, "ENDED", due.endsAt))) throw new EndDateMoved();
        await notify(tx, { type: "request.decommissioned", requestId: due.id, details: { endsAt: due.endsAt.toISOString(), by: "expiry" } });
      },
    });
  } catch (error) {
    // Extended, or somebody decommissioned it first: nothing for the expiry to do.
    if (error instanceof EndDateMoved || (isExpectedError(error) && error.code === "conflict")) return false;
    throw error;
  }
  await options.enqueue(due.id);
  return true;
}
