"use client";

import { useEffect } from "react";

// Marks the page as interactive once React has hydrated it, so that browser tests type into controlled
// inputs only after hydration (typing before it is overwritten by the initial state).
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
