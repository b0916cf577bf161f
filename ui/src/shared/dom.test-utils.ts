// What the tests that render into a DOM share: a React root in the document for each test, and
// typing into a field as a user would.

import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, vi } from "vitest";

/** The current test's root and the element it renders into. */
export interface Mounted {
  root: Root;
  host: HTMLElement;
}

/**
 * A fresh element in the document with a React root in it before each test; after it, the root
 * unmounted, the element removed and every spy restored; React is told it runs under `act`. Call it
 * at the top of a test file, before the file's own `beforeEach`, which then finds the root made.
 */
export function rootPerTest(): Mounted {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const mounted = {} as Mounted;
  beforeEach(() => {
    mounted.host = document.createElement("div");
    document.body.append(mounted.host);
    mounted.root = createRoot(mounted.host);
  });
  afterEach(() => {
    act(() => mounted.root.unmount());
    mounted.host.remove();
    vi.restoreAllMocks();
  });
  return mounted;
}

/** Puts `text` in `field` through the prototype's setter, as typing would, so that React sees it. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  const proto =
    field instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  act(() => {
    Reflect.set(proto, "value", text, field);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** The elements in `host` with this `data-testid`, in document order. */
export function allIn(host: HTMLElement, testId: string): HTMLElement[] {
  return [...host.querySelectorAll<HTMLElement>(`[data-testid=${testId}]`)];
}

/** The first element in `host` with this `data-testid`; a test that finds none fails. */
export function oneIn(host: HTMLElement, testId: string): HTMLElement {
  const [found] = allIn(host, testId);
  if (!found) throw new Error(`no ${testId}`);
  return found;
}
