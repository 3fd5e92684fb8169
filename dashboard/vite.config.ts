import { defineConfig } from "vitest/config";

// Relative asset URLs so the page works from any folder (the local host's "/", a storage static website).
// The chunk-size warning is Vite's default (500 kB raw); .ci/run checks the gzipped budget (scripts/bundle-budget.mjs).
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    // ECharts and its renderer (zrender) in chunks of their own: a release that changes only the app keeps them cached,
    // and each chunk stays under Vite's size warning.
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes("node_modules/zrender/") ? "zrender" : id.includes("node_modules/echarts/") ? "echarts" : undefined),
      },
    },
  },
  // `npx vite` during development: /api goes to a running local host (`up`).
  server: { proxy: { "/api": process.env.FEEDS_API ?? "http://127.0.0.1:7071" } },
  test: { include: ["src/**/*.test.ts"] },
});
