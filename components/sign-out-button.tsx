export function SignOutButton({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action}>
      <button type="submit" className="rounded-md px-2.5 py-1.5 text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
        Sign out
      </button>
    </form>
  );
}
