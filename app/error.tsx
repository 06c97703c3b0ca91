"use client";

// Next hands the browser only the error's digest; the server logged the error under the same reference.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-rose-200 bg-rose-50 p-6" role="alert">
      <h1 className="text-lg font-semibold text-rose-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-rose-900">The page could not be loaded. Nothing was changed.</p>
      {error.digest ? (
        <p className="mt-2 text-sm text-rose-900">
          If it keeps happening, quote reference <code className="font-mono">{error.digest}</code>.
        </p>
      ) : null}
      <button type="button" onClick={reset} className="mt-4 text-sm font-medium text-indigo-700 underline">
        Try again
      </button>
    </div>
  );
}
