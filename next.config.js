/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Parallel test runs on one checkout build into separate folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The worker and server.ts share lib/ with the app; these stay Node-side packages.
  serverExternalPackages: ["pino", "bullmq", "ioredis", "@prisma/adapter-pg", "pg"],
};

module.exports = nextConfig;
