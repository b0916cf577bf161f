import { describe, expect, it } from "vitest";
import { isApiError } from "./api";
import { errorText } from "./errors";

describe("command errors", () => {
  const exists = {
    code: "workspace_exists",
    message: "/tmp/a.percorso: already exists. Choose another file name, or replace it.",
    params: { path: "/tmp/a.percorso" },
  };

  it("recognises the shell's {code, params, message} errors", () => {
    expect(isApiError(exists)).toBe(true);
    expect(isApiError("boom")).toBe(false);
  });

  it("words a known code in the user's language with its parameters", () => {
    expect(errorText("en", exists)).toBe(
      "/tmp/a.percorso already exists. Choose another file name, or replace it.",
    );
    expect(errorText("it", exists)).toBe(
      "/tmp/a.percorso esiste già. Scegli un altro nome di file, oppure sostituiscilo.",
    );
  });

  it("translates the nouns and column roles an error names", () => {
    const unnamed = {
      code: "name_required",
      message: "a stage needs a name",
      params: { what: "stage" },
    };
    expect(errorText("it", unnamed)).toBe("Serve un nome per: fase.");
    const role = { code: "missing_role", message: "…", params: { role: "customer" } };
    expect(errorText("it", role)).toBe(
      "Nessuna colonna ha il ruolo «Id cliente». Scegli la colonna che lo contiene.",
    );
  });

  it("shows the engine's English message for a code it has no words for", () => {
    const storage = {
      code: "storage",
      message: "workspace storage failed: disk I/O error",
      params: {},
    };
    expect(errorText("it", storage)).toBe("workspace storage failed: disk I/O error");
  });

  it("never names a command-line flag", () => {
    for (const language of ["en", "it"] as const) {
      for (const code of [
        "workspace_exists",
        "already_imported",
        "ambiguous_timestamp",
        "missing_role",
      ]) {
        expect(errorText(language, { code, message: "", params: {} })).not.toMatch(/--|CLI/);
      }
    }
  });

  it("shows something readable for anything else", () => {
    expect(errorText("en", "boom")).toBe("boom");
    expect(errorText("en", new Error("bad"))).toBe("bad");
  });
});
