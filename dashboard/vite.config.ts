import { defineConfig } from "vite";

// Relative asset URLs so the page works from any folder (the local host's "/", a storage static website).
export default defineConfig({
  base: "./",
  build: { outDir: "dist", chunkSizeWarningLimit: 2000 },
  test: { include: ["src/**/*.test.ts"] },
} as never);
