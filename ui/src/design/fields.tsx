// Inspector fields that edit through the engine: a text is sent when the field loses focus or on
// Enter (Escape puts the stored value back), so one finished change is one undo step.

import { useState, type ReactNode } from "react";
import { useT } from "../language";

/** A draft of `value` that starts over whenever the stored value changes. */
function useDraft(value: string): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(value);
  const [stored, setStored] = useState(value);
  if (stored !== value) {
    setStored(value);
    setDraft(value);
  }
  return [draft, setDraft];
}

interface TextProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
  /** Refuse blank text (names): a blank entry puts the stored value back. */
  required?: boolean;
}

export function TextField({
  label,
  value,
  onCommit,
  multiline,
  placeholder,
  testId,
  required,
}: TextProps) {
  const [draft, setDraft] = useDraft(value);
  const commit = () => {
    if (draft === value) return;
    if (required && draft.trim() === "") {
      setDraft(value);
      return;
    }
    onCommit(draft);
  };
  const common = {
    value: draft,
    placeholder,
    dir: "auto" as const,
    "data-testid": testId,
    "aria-label": label,
    onChange: (e: { currentTarget: { value: string } }) => setDraft(e.currentTarget.value),
    onBlur: commit,
  };
  return (
    <label className="inspector-field">
      <span className="inspector-label">{label}</span>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onKeyDown={(e) => {
            if (e.key === "Escape") setDraft(value);
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) commit();
          }}
        />
      ) : (
        <input
          {...common}
          onKeyDown={(e) => {
            if (e.key === "Escape") setDraft(value);
            if (e.key === "Enter") commit();
          }}
        />
      )}
    </label>
  );
}

/** A bare text input committing like TextField, for rows of a list. */
export function RowInput({
  value,
  label,
  onCommit,
  placeholder,
  type = "text",
}: {
  value: string;
  label: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  type?: "text" | "number";
}) {
  const [draft, setDraft] = useDraft(value);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      type={type}
      value={draft}
      placeholder={placeholder}
      aria-label={label}
      dir="auto"
      step="any"
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Escape") setDraft(value);
        if (e.key === "Enter") commit();
      }}
    />
  );
}

/** A list of texts (pain points, aliases): edit a row, remove it, or add one. */
export function TextList({
  label,
  items,
  onCommit,
  addLabel,
  testId,
}: {
  label: string;
  items: string[];
  onCommit: (items: string[]) => void;
  addLabel: string;
  testId?: string;
}) {
  const t = useT();
  const [adding, setAdding] = useState("");
  const add = () => {
    const text = adding.trim();
    if (text === "") return;
    onCommit([...items, text]);
    setAdding("");
  };
  return (
    <Section label={label} testId={testId}>
      {items.map((item, i) => (
        <div className="list-row" key={`${i}-${item}`}>
          <RowInput
            value={item}
            label={`${label} ${i + 1}`}
            onCommit={(v) =>
              onCommit(
                v.trim() === ""
                  ? items.filter((_, j) => j !== i)
                  : items.map((x, j) => (j === i ? v : x)),
              )
            }
          />
          <RemoveButton
            label={t("design.remove")}
            onClick={() => onCommit(items.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <div className="list-row">
        <input
          value={adding}
          placeholder={addLabel}
          aria-label={addLabel}
          dir="auto"
          onChange={(e) => setAdding(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") add();
          }}
          onBlur={add}
        />
      </div>
    </Section>
  );
}

export function Section({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="inspector-section" data-testid={testId}>
      <p className="eyebrow">{label}</p>
      {children}
    </section>
  );
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="icon-button icon-button-danger"
      title={label}
      aria-label={label}
      onClick={onClick}
    >
      ×
    </button>
  );
}

/** A number typed by the user, or null when the text is blank or not a number. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(",", ".");
  if (cleaned === "") return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}
