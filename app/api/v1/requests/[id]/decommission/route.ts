import { transitionRoute } from "@/lib/api/transition-route";

export const POST = transitionRoute("decommission", "request:read-own-team", { startsWork: true });
