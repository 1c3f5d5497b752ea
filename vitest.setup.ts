import { afterEach } from "vitest";

// DOM matchers and React Testing Library only where there is a DOM (the jsdom files): importing them in every
// Node file cost each one react-dom's start-up.
if (typeof document !== "undefined") {
  await import("@testing-library/jest-dom/vitest");
  const { cleanup } = await import("@testing-library/react");
  // Without vitest globals RTL does not clean up by itself; tests would see each other's DOM.
  afterEach(() => cleanup());
}
