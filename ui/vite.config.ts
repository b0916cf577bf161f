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
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
