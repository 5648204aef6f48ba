import { createApp } from "vue";
import "article-widget";
import App from "./App.vue";

createApp(App).mount("#root");
