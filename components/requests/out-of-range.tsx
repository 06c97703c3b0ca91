import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";

// Asked for a page past the end: say so and offer the last one, rather than claiming the list is empty.
export function OutOfRange({ page, pages, total, lastHref }: { page: number; pages: number; total: number; lastHref: string }) {
  return (
    <EmptyState title={`There is no page ${page}`}>
      {total} request{total === 1 ? "" : "s"} match, on {pages} page{pages === 1 ? "" : "s"}.{" "}
      <Link href={lastHref} className="font-medium text-indigo-700 underline">
        Go to page {pages}
      </Link>
    </EmptyState>
  );
}
