// What proxy.ts does to every request, as plain functions (tests call them with
// Request objects): refuse requests from other sites and for other host names
// (./request-policy.ts), refuse bodies declared too large before reading them,
// refuse page posts whose form cannot be parsed, and set the security headers
// with a per-request CSP nonce.
import { NextResponse, type NextRequest } from "next/server";
import { MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES, UPLOAD_PATHS } from "@/lib/api/route";
import { MAX_ACTION_BODY_BYTES, refusal } from "./request-policy";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "./security-headers";

type Refused = { status: number; error: string };

/** The checks that need only the request line and headers. */
export function gate(request: NextRequest): NextResponse {
  const csp = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const refused = refusal({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers }) ?? tooLarge(request);
  if (refused) return refuse(refused, csp);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  return withHeaders(NextResponse.next({ request: { headers } }), csp);
}

/** gate(), then the body check for page posts. */
export async function gateWithBody(request: NextRequest): Promise<NextResponse> {
  const res = gate(request);
  if (res.headers.get("x-middleware-next") !== "1") return res;
  const bad = await malformedForm(request);
  return bad ? refuse(bad, res.headers.get("content-security-policy") ?? "") : res;
}

function tooLarge(request: NextRequest): Refused | null {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const path = request.nextUrl.pathname;
  const limit = UPLOAD_PATHS.includes(path) ? MAX_UPLOAD_BODY_BYTES : path.startsWith("/api/") ? MAX_BODY_BYTES : MAX_ACTION_BODY_BYTES;
  return declared > limit ? { status: 413, error: `request body too large (limit ${limit} bytes)` } : null;
}

/**
 * A page post with a multipart body that does not parse: Next.js would answer
 * 500 trying to read it as a Server Action form, so it is a 400 here. (The body
 * is the copy Next.js makes for the proxy, at most proxyClientMaxBodySize.)
 */
async function malformedForm(request: NextRequest): Promise<Refused | null> {
  if (request.method === "GET" || request.method === "HEAD" || request.nextUrl.pathname.startsWith("/api/")) return null;
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) return null;
  try {
    await request.clone().formData();
    return null;
  } catch {
    return { status: 400, error: "the form data could not be read (malformed multipart body)" };
  }
}

function refuse(r: Refused, csp: string): NextResponse {
  return withHeaders(NextResponse.json({ error: r.error, details: null }, { status: r.status }), csp);
}

function withHeaders(res: NextResponse, csp: string): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}
