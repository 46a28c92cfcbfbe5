// The production server: Next.js's request handler behind a plain Node HTTP
// server, so that a body declared larger than the limit is refused (413) from
// its headers alone, before a byte of it is read, and the connection closed.
// (`next start` cannot: with a proxy.ts, Next.js reads every body to its end
// before the proxy's answer goes out.) Everything else — proxy.ts, routes,
// pages — is Next.js as usual. HOST and PORT as for `npm start`. Plain JS, so
// it starts without a TypeScript loader.
import http from "node:http";
import { readFileSync } from "node:fs";
import next from "next";

const limits = JSON.parse(readFileSync(new URL("../lib/api/body-limits.json", import.meta.url), "utf8"));
const hostname = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);

// Next.js logs that same failure again, as an error with a stack (or as `uncaughtException: aborted`) from
// where it reads the body for proxy.ts; the line from the request's own "error" listener below is the one kept.
const isClientAbort = (a) => a instanceof Error && a.message === "aborted" && a.code === "ECONNRESET";
const consoleError = console.error.bind(console);
console.error = (...args) => {
  if (!args.some(isClientAbort)) consoleError(...args);
};

const app = next({ dev: false, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  const declared = Number(req.headers["content-length"] ?? "0");
  const url = (req.url ?? "").split("?")[0];
  const limit = limits.uploadPaths.includes(url) ? limits.upload : url.startsWith("/api/") ? limits.api : limits.form;
  if (declared > limit) {
    res.writeHead(413, {
      "content-type": "application/json",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      connection: "close",
    });
    res.end(JSON.stringify({ error: `request body too large (limit ${limit} bytes)`, details: null }));
    return;
  }
  // A client that goes away mid-body (Chromium cancelling a refused request, a closed tab) makes the body
  // stream fail with "aborted" (ECONNRESET). That is not a server fault: one quiet line, not a stack.
  // (Only requests with a body: Node emits the error only to a listener, and a GET left behind by a navigation
  // is nothing to report.)
  if (req.method !== "GET" && req.method !== "HEAD")
    req.once("error", (e) => {
      if (!res.headersSent && !res.writableEnded) res.destroy();
      console.warn(`cardinal: ${req.method} ${url}: the client went away mid-request (${e.code ?? e.message})`);
    });
  void handle(req, res);
});
server.listen(port, hostname, () => console.log(`ready on http://${hostname}:${port}`));

// Stops on SIGINT/SIGTERM, and when the process that started it (`npm start`'s scripts/start.ts,
// the e2e server) goes away however it ended — even SIGKILL — since it spawns this one with an
// IPC channel, which the kernel closes with it. Idle keep-alive connections are closed at once; a
// request still running gets five seconds.
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, stop);
if (process.connected) process.on("disconnect", stop);
