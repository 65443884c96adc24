// Headers for what proxy.ts does not see: the build's static files under /_next/. Pages and
// route handlers get these and the per-request CSP from the proxy (docs/decisions/014).
const staticAssetHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and pg are server-only Node packages; keep them out of the bundler. pdfkit reads
  // its font metrics and the DejaVu TTFs from node_modules at run time (decision 041), and
  // pg-boss is loaded by the job worker (decision 040).
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "pg-boss", "pdfkit", "dejavu-fonts-ttf"],
  poweredByHeader: false,
  // Each page's modules load on its first request rather than all of them before the first
  // request is answered: a restart answers sooner (by ~15% of a worker's start-up CPU), and
  // a page's first visit per server process costs its module load once (docs/decisions/017).
  experimental: { preloadEntriesOnStart: false },
  async headers() {
    return [{ source: "/_next/:path*", headers: staticAssetHeaders }];
  },
};

export default nextConfig;
