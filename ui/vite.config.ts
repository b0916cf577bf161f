import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The app is served from the Tauri bundle, never from a dev server or the network.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  build: {
    target: "safari16",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Analyze, Present, import and export are split off and load when first opened; what stays
    // in the first chunk (about 530 kB) is mostly React and React Flow, which the first screen
    // needs, read from the app bundle on disk rather than the network.
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
