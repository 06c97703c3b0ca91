import { transitionRoute } from "@/lib/api/transition-route";

export const POST = transitionRoute("reject", "request:approve", { commentRequired: true });
