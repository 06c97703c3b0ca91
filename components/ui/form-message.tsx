export function FormMessage({ state }: { state: { ok: boolean; message: string } | null }) {
  return (
    <div aria-live="polite" role="status">
      {state ? (
        <p
          className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`}
          data-testid="form-message"
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
