import { toolJwks } from "@/lib/lti/protocol";

// The tool's public keys, which platforms use to check its Deep Linking answers and service
// token requests (decision 036). Public by design.
export async function GET() {
  return Response.json(await toolJwks(), { headers: { "cache-control": "public, max-age=300" } });
}
