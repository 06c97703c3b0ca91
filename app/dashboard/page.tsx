import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { dashboardNow } from "@/lib/db/dashboard/dashboard-now";
import { dashboardTrends, TREND_WEEKS } from "@/lib/db/dashboard/dashboard-trends";
import { db } from "@/lib/db/client";

import { NowPanel } from "./now-panel";
import { TrendsPanel } from "./trends-panel";

export const metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  await requirePageUser("dashboard.view");
  const now = new Date();
  const [current, trends] = await Promise.all([dashboardNow(db(), now), dashboardTrends(db(), now)]);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`What needs a person now, and how the last ${TREND_WEEKS} weeks went. Times in UTC; every figure links to the requests behind it.`}
      />
      <NowPanel now={current} at={now} />
      <TrendsPanel trends={trends} />
    </>
  );
}
