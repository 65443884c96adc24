import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-10 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">That page does not exist, or it belongs to someone else.</p>
      <Link href="/dashboard" className="mt-4 inline-block text-indigo-700 underline">Back to your dashboard</Link>
    </div>
  );
}
