import { transitionRoute } from "@/lib/api/transition-route";

export const POST = transitionRoute("reapply", { startsWork: true });
