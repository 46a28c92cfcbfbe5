// Which requests the server answers at all. Cardinal runs on the learner's own
// machine, and every web page they visit can send requests to localhost, so:
// - the Host header must name this server (a DNS-rebinding page sends its own
//   name), on every request, pages included;
// - a state change (any method but GET/HEAD/OPTIONS) must come from this
//   origin: a cross-site Origin or Sec-Fetch-Site is refused;
// - a state change on the JSON API must say `application/json`, which no plain
//   form or `no-cors` fetch can send.
// Pure functions of the request's method, path and headers; proxy.ts applies them.

export const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"] as const;
import limits from "../api/body-limits.json";

/** Server Actions (the settings form) post small forms; next.config.mjs sets the same limit. */
export const MAX_ACTION_BODY_BYTES = limits.form;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Host names (lower case, IPv6 in brackets) the server answers to: loopback, `HOST`, and `ALLOWED_HOSTS` (comma-separated). */
export function allowedHostnames(env: Record<string, string | undefined> = process.env): Set<string> {
  const names = new Set<string>(LOOPBACK_HOSTNAMES);
  const extra = [env.HOST ?? "", ...(env.ALLOWED_HOSTS ?? "").split(",")];
  for (const raw of extra) {
    const name = normalizeHostname(raw.trim());
    // 0.0.0.0 and :: are "every interface", not a name anyone sends.
    if (name && name !== "0.0.0.0" && name !== "[::]") names.add(name);
  }
  return names;
}

function normalizeHostname(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes(":") && !lower.startsWith("[") ? `[${lower}]` : lower;
}

/** The host name of a Host header value (`name`, `name:port`, `[v6]:port`), or null if malformed. */
export function hostnameOf(host: string): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export type Refusal = { status: 403 | 415 | 421; error: string };

export type RequestFacts = {
  method: string;
  pathname: string;
  headers: Headers;
};

/** Why a request must be refused, or null when it may go on. */
export function refusal(req: RequestFacts, allowed: Set<string> = allowedHostnames()): Refusal | null {
  const host = req.headers.get("host") ?? "";
  const name = hostnameOf(host);
  if (!name || !allowed.has(name)) {
    return {
      status: 421,
      error: `this server does not answer to the host name ${JSON.stringify(host)}; open it at http://localhost or add the name to ALLOWED_HOSTS`,
    };
  }
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;

  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    return { status: 403, error: `cross-site request refused (Sec-Fetch-Site: ${site}); changes are only accepted from Cardinal's own pages` };
  }
  const origin = req.headers.get("origin");
  if (origin !== null && !sameOrigin(origin, host)) {
    return { status: 403, error: `cross-origin request refused (Origin: ${origin}); changes are only accepted from Cardinal's own pages` };
  }
  if (req.pathname.startsWith("/api/") && !isJson(req.headers.get("content-type"))) {
    return { status: 415, error: "the request body must be JSON, sent with Content-Type: application/json" };
  }
  return null;
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const u = new URL(origin);
    return u.protocol === "http:" || u.protocol === "https:" ? u.host.toLowerCase() === host.trim().toLowerCase() : false;
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage
  }
}

function isJson(contentType: string | null): boolean {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase() === "application/json";
}
