import Link from "next/link";

import type { RecommendedMethod } from "@/lib/domain/recommended-method";

import { buttonStyles } from "./ui/button-styles";

const METHOD_LABELS: Record<RecommendedMethod, string> = {
  "multi-vpc-private-connectivity": "multi-VPC private connectivity",
};

/** The new-request form, prefilled from this request; with the recommendation taken when the plan has one. */
export function refileHref(requestId: string, method?: RecommendedMethod | null): string {
  const query = new URLSearchParams({ from: requestId, ...(method ? { method } : {}) });
  return `/requests/new?${query.toString()}`;
}

export function RefileLinks({ requestId, kind, recommended }: { requestId: string; kind: "edit-and-refile" | "file-similar"; recommended: RecommendedMethod | null }) {
  return (
    <div className="flex flex-wrap gap-2">
      {recommended ? (
        <Link href={refileHref(requestId, recommended)} className={buttonStyles.primary}>
          File again with {METHOD_LABELS[recommended]}
        </Link>
      ) : null}
      <Link href={refileHref(requestId)} className={buttonStyles.secondary}>
        {kind === "edit-and-refile" ? "Edit and re-file" : "File a similar request"}
      </Link>
    </div>
  );
}
