import { transitionRoute } from "@/lib/api/transition-route";

export const POST = transitionRoute("decommission", { startsWork: true });
