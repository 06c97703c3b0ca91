// Rendered even when empty so that aria-describedby always points at a live region.
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <div id={id} aria-live="polite" className="mt-1 text-sm text-rose-700">
      {messages?.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
