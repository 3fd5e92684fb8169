import { defineConfig } from "vite";

// Relative asset URLs so the page works from any folder (the local host's "/", a storage static website).
export default defineConfig({
  base: "./",
  build: { outDir: "dist", chunkSizeWarningLimit: 2000 },
  // `npx vite` during development: /api goes to a running local host (`up`).
  server: { proxy: { "/api": process.env.FEEDS_API ?? "http://127.0.0.1:7071" } },
  test: { include: ["src/**/*.test.ts"] },
} as never);
