import { transitionRoute } from "@/lib/api/transition-route";

export const POST = transitionRoute("retry", "request:operate", { startsWork: true });
