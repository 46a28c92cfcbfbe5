// Any page path the app does not have (and notFound() from a page, e.g. an unknown card id).
import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-2xl space-y-3">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p>
        There is nothing at this address.{" "}
        <Link className="underline" href="/">
          Back to the decks
        </Link>
        .
      </p>
    </section>
  );
}
