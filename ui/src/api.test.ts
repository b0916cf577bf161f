import { describe, expect, it } from "vitest";
import { errorMessage, isApiError } from "./api";

describe("command errors", () => {
  it("recognises the shell's {code, message} errors and shows their message", () => {
    const error = { code: "not_sqlite", message: "/tmp/x.txt: not a Percorso workspace" };
    expect(isApiError(error)).toBe(true);
    expect(errorMessage(error)).toBe("/tmp/x.txt: not a Percorso workspace");
  });

  it("shows something readable for anything else", () => {
    expect(isApiError("boom")).toBe(false);
    expect(errorMessage("boom")).toBe("boom");
    expect(errorMessage(new Error("bad"))).toBe("bad");
  });
});
