// The React 19 host: JSX through Vite's own esbuild (no React plugin needed).
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  esbuild: { jsx: "automatic" },
  build: { outDir: "../build/react", emptyOutDir: true },
  logLevel: "warn",
});
