import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./styles.css";
// Every feature's styles load with the app, also for the features whose code loads when first
// opened: the top bar and the mode switch use them before.
import "./shared/mode-switch.css";
import "./analyze/analyze.css";
import "./import/import.css";
import "./export/export.css";
import "./present/present.css";
import "./spark/spark.css";
import { App } from "./App";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
