"use client";
// A page that failed on the server or in the browser: say so, offer a retry.
// The server has logged the details (Next.js logs the error with its digest).
import Link from "next/link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="mx-auto max-w-2xl space-y-3" role="alert">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p>
        This page could not be shown{error.digest ? ` (error ${error.digest})` : ""}. If the database is on a full or read-only disk, fix that first; the
        server's log says more.
      </p>
      <p className="flex gap-4">
        <button type="button" className="underline" onClick={() => reset()}>
          Try again
        </button>
        <Link className="underline" href="/">
          Back to the decks
        </Link>
      </p>
    </section>
  );
}
