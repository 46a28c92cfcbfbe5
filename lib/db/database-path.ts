import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/cardinal.db";

/**
 * Resolves DATABASE_URL (Prisma's `file:` form, or a bare path) to an absolute
 * file path. Relative paths are taken from the working directory, which for
 * every npm script is the project root.
 */
export function databasePath(url: string | undefined = process.env.DATABASE_URL, cwd = process.cwd()): string {
  const raw = url && url.trim() !== "" ? url.trim() : DEFAULT_DATABASE_URL;
  const withoutScheme = raw.startsWith("file:") ? raw.slice("file:".length) : raw;
  const withoutQuery = withoutScheme.split("?")[0] ?? withoutScheme;
  return path.resolve(cwd, withoutQuery);
}
