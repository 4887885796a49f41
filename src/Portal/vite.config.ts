import { defineConfig } from "vite";

// Served by Herald's API under /portal: assets are addressed from there, and the build lands in dist/, which
// the API serves (src/Api/Portal) and scripts/portal.sh rebuilds when a source changes.
export default defineConfig({
  base: "/portal/",
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
});
