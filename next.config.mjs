/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and generated modules stay outside the server bundle.
  serverExternalPackages: ["@open-spaced-repetition/binding", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) with tsc; the
  // build need not do it again, which also keeps `npm start` quick.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
