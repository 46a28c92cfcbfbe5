// Next.js 16's proxy (formerly middleware) runs in front of every request,
// pages included: lib/web/gate.ts says what it refuses and which headers it sets.
import type { NextRequest, NextResponse } from "next/server";
import { gateWithBody } from "@/lib/web/gate";

export function proxy(request: NextRequest): Promise<NextResponse> {
  return gateWithBody(request);
}
