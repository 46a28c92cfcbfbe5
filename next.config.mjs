/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and generated modules stay outside the server bundle.
  serverExternalPackages: ["@open-spaced-repetition/binding", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) with tsc; the
  // build need not do it again, which also keeps `npm start` quick.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // proxy.ts makes Next.js copy each request body so both it and the route can read it; the copy stops
    // here, so a huge body never sits in memory (routes refuse anything over their own, smaller limit).
    // It also caps file uploads (lib/api/body-limits.json "upload"): raising it lets a body streamed without a
    // length make the proxy hold far more than this on ANY path (tests/reliability/server.test.ts).
    proxyClientMaxBodySize: "1mb",
    // The settings form is a few hundred bytes; MAX_ACTION_BODY_BYTES in lib/web/request-policy.ts.
    serverActions: { bodySizeLimit: "64kb" },
  },
};

export default nextConfig;
