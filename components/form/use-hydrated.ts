"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False in the server render and until React has hydrated this tree in the browser, then true. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
