import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Without vitest globals RTL does not clean up by itself; tests would see each other's DOM.
afterEach(() => cleanup());
