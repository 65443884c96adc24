// Headers for what proxy.ts does not see: the build's static files under /_next/. Pages and
// route handlers get these and the per-request CSP from the proxy (docs/decisions/014).
const staticAssetHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and pg are server-only Node packages; keep them out of the bundler.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/_next/:path*", headers: staticAssetHeaders }];
  },
};

export default nextConfig;
