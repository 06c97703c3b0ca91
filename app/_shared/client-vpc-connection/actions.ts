"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formString } from "@/lib/forms/form-string";
import { portalAwsAccess } from "@/lib/provisioner/portal-aws-access";
import { rejectClientVpcConnectionAs } from "@/lib/provisioner/reject-client-vpc-connection";

// Shown on the cluster page and on the request pages of multi-VPC requests; both are refreshed, so the action
// belongs to neither route.
export async function rejectConnectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("connection.reject");
    const input = Object.fromEntries(form);
    const { message } = await rejectClientVpcConnectionAs(user, input, await portalAwsAccess(db()));
    revalidatePath(`/catalog/clusters/${formString(form.get("clusterId"))}`);
    const requestId = formString(form.get("requestId"));
    if (requestId) revalidatePath(`/requests/${requestId}`);
    return { ok: true, message };
  });
}
