"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// While the portal is working on a request, re-render the page from the server every few seconds so progress
// shows without a reload. Stops by itself once the request settles.
export function LiveRefresh({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return active ? (
    <p className="text-xs text-indigo-700" aria-live="polite" data-testid="live-refresh">
      Working… this page updates by itself.
    </p>
  ) : null;
}
