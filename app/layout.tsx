import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Cardinal",
  description: "Spaced repetition for the talk on how an assistant's character is trained",
};

const nav = [
  { href: "/", label: "Decks" },
  { href: "/review", label: "Review" },
  { href: "/quiz", label: "Quiz" },
  { href: "/browse", label: "Browse" },
  { href: "/progress", label: "Progress" },
  { href: "/data", label: "Data" },
  { href: "/settings", label: "Settings" },
];

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, even the 404 page: Next.js can only put the
  // CSP nonce (proxy.ts) on the scripts of a page it renders now.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <header className="border-b border-stone-200 dark:border-stone-800">
          <nav aria-label="Main" className="mx-auto flex max-w-4xl items-center gap-6 px-4 py-3">
            <Link href="/" className="font-semibold text-red-700 dark:text-red-400">
              Cardinal
            </Link>
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {nav.slice(1).map((n) => (
                <li key={n.href}>
                  <Link href={n.href} className="hover:underline">
                    {n.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main className="mx-auto max-w-4xl px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
