"use client";

import * as React from "react";

/**
 * The header's menus (account, organization) are Radix DropdownMenus, and Radix Menu with its positioning code is
 * ~24 KB gzip that every portal page would load before it is interactive. Until a menu is first opened, its trigger
 * is a plain button that looks and announces the same (aria-haspopup="menu", aria-expanded="false"); pressing it
 * (pointer down, or Enter, Space or ArrowDown, as Radix's trigger answers) fetches the menu's module and renders the
 * real menu already open. Hovering or focusing the button fetches the module ahead.
 */
export type MenuOpenedWith = "pointer" | "keyboard";

/** A loader that fetches once, and tries again after a failure (offline). */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  };
}

const OPEN_KEYS = new Set(["Enter", " ", "ArrowDown"]);

export function useLazyMenu<P extends object>(load: () => Promise<React.ComponentType<P>>) {
  const [Popup, setPopup] = React.useState<React.ComponentType<P> | null>(null);
  const [openedWith, setOpenedWith] = React.useState<MenuOpenedWith | null>(null);
  const open = (how: MenuOpenedWith) => {
    setOpenedWith(how);
    load().then(
      (component) => setPopup(() => component),
      () => setOpenedWith(null),
    );
  };
  const prefetch = () => void load().catch(() => undefined);
  /** Spread on the trigger button while the menu is not loaded. */
  const triggerProps = {
    "aria-haspopup": "menu",
    "aria-expanded": false,
    "data-state": "closed",
    onPointerEnter: prefetch,
    onFocus: prefetch,
    onPointerDown: (event: React.PointerEvent<HTMLButtonElement>) => {
      if (event.button !== 0 || event.ctrlKey) return;
      // As Radix's trigger does: the menu takes focus, not the button.
      event.preventDefault();
      open("pointer");
    },
    onKeyDown: (event: React.KeyboardEvent<HTMLButtonElement>) => {
      if (!OPEN_KEYS.has(event.key)) return;
      event.preventDefault();
      open("keyboard");
    },
  } as const;
  return { Popup, openedWith, triggerProps };
}

/**
 * For the loaded menu's content: opened from the keyboard before Radix was there to see the key, the first item
 * takes focus when the menu does (as after a Radix trigger's Enter or ArrowDown); later openings are Radix's own.
 */
export function useFirstItemFocus(openedWith: MenuOpenedWith | null) {
  const pending = React.useRef(openedWith === "keyboard");
  const onFocus = (event: React.FocusEvent<HTMLDivElement>) => {
    if (!pending.current || event.target !== event.currentTarget) return;
    pending.current = false;
    event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')?.focus({ preventScroll: true });
  };
  return { onFocus };
}
