import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-amber-200 bg-amber-50 p-6">
      <h1 className="text-lg font-semibold text-amber-900">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-sm text-amber-900">
        Your role does not include it. If you need it, ask a portal admin to add you to the right group.
      </p>
      <Link href="/requests" className="mt-4 inline-block text-sm font-medium text-indigo-700 underline">
        Back to requests
      </Link>
    </div>
  );
}
