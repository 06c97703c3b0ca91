import { Card } from "@/components/ui/card";
import { formatTimeToSecond } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { listCurrentFreezes } from "@/lib/db/approval-policies/manage-freezes";

import { RowAction } from "../row-action";
import { createFreezeAction, deleteFreezeAction } from "./actions";
import { FreezeForm } from "./freeze-form";

export const metadata = { title: "Change freezes" };

export default async function ChangeFreezesPage() {
  await requirePageUser("change-freeze.manage");
  const freezes = await listCurrentFreezes();
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Change freezes"
        description="While a freeze lasts nothing is approved (automatic approvals included) and nothing starts provisioning; what it holds goes ahead when it ends. An admin can let one request through from its page, with a reason."
      />
      <div className="space-y-6">
        <Card title="Current and coming">
          {freezes.length === 0 ? (
            <p className="text-sm text-slate-600">No freeze is in force or planned. Add one below.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {freezes.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="freeze-row">
                  <span className="text-sm">
                    <span className="font-medium">{f.reason}</span>{" "}
                    <span className="text-slate-600">
                      {formatTimeToSecond(f.startsAt)} – {formatTimeToSecond(f.endsAt)} · {f.startsAt <= now ? "in force" : "planned"} · by {f.createdBy}
                    </span>
                  </span>
                  <RowAction fields={{ id: f.id }} label={f.startsAt <= now ? "End now" : "Remove"} variant="danger" action={deleteFreezeAction} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Add a freeze">
          <FreezeForm action={createFreezeAction} />
        </Card>
      </div>
    </>
  );
}
