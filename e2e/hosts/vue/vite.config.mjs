// The Vue 3 host: <article-widget> is a custom element, not a Vue component.
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "article-widget" } } })],
  build: { outDir: "../build/vue", emptyOutDir: true },
  logLevel: "warn",
});
