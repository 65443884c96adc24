/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and pg are server-only Node packages; keep them out of the bundler.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
