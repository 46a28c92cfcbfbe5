// Runs in front of every request (Next.js 16's proxy, formerly middleware):
// refuses requests from other sites and for other host names
// (lib/web/request-policy.ts), refuses bodies declared too large before
// reading them, and sets the security headers with a per-request CSP nonce.
import { NextResponse, type NextRequest } from "next/server";
import { MAX_ACTION_BODY_BYTES, refusal } from "@/lib/web/request-policy";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "@/lib/web/security-headers";
import { MAX_BODY_BYTES } from "@/lib/api/route";

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const refused = refusal({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers }) ?? tooLarge(request);
  if (refused) return withHeaders(NextResponse.json({ error: refused.error, details: null }, { status: refused.status }), csp);

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  return withHeaders(NextResponse.next({ request: { headers } }), csp);
}

function tooLarge(request: NextRequest): { status: 413; error: string } | null {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const limit = request.nextUrl.pathname.startsWith("/api/") ? MAX_BODY_BYTES : MAX_ACTION_BODY_BYTES;
  return declared > limit ? { status: 413, error: `request body too large (limit ${limit} bytes)` } : null;
}

function withHeaders(res: NextResponse, csp: string): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}
