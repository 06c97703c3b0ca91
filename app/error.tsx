"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-rose-200 bg-rose-50 p-6">
      <h1 className="text-lg font-semibold text-rose-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-rose-900">The page could not be loaded. Nothing was changed.</p>
      <button type="button" onClick={reset} className="mt-4 text-sm font-medium text-indigo-700 underline">
        Try again
      </button>
    </div>
  );
}
