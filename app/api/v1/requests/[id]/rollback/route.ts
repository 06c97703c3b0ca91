import { transitionRoute } from "@/lib/api/transition-route";

export const POST = transitionRoute("rollback", { startsWork: true });
