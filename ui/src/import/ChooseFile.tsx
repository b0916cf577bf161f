// Step 1: the file to import — dropped on the window, picked in the native dialog, or typed.

import { useState } from "react";
import { LOGS, pickFile } from "../dialogs";
import { useT } from "../language";

interface Props {
  busy: boolean;
  onRead: (path: string) => void;
}

export function ChooseFile({ busy, onRead }: Props) {
  const t = useT();
  const [path, setPath] = useState("");

  const browse = async () => {
    const chosen = await pickFile(t("import.choose.dialog_title"), [LOGS]);
    if (chosen) onRead(chosen);
  };

  return (
    <div className="import-choose">
      <div className="drop-zone">
        <p className="drop-zone-title">{t("import.choose.drop")}</p>
        <p className="drop-zone-or">{t("import.choose.or")}</p>
        <button
          type="button"
          className="primary"
          onClick={() => void browse()}
          disabled={busy}
          data-testid="import-browse"
        >
          {t("import.choose.browse")}
        </button>
      </div>
      <form
        className="import-path"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) onRead(path.trim());
        }}
      >
        <label>
          <span>{t("import.choose.path")}</span>
          <input
            type="text"
            value={path}
            spellCheck={false}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/…/export.csv"
            data-testid="import-path"
          />
        </label>
        <button type="submit" disabled={busy || !path.trim()} data-testid="import-read">
          {t("import.choose.read")}
        </button>
      </form>
      <p className="import-hint">{t("import.choose.hint")}</p>
    </div>
  );
}
