// A face for an emotion from −2 to +2, drawn rather than typed: the emoji faces are missing from
// many Linux font sets (they showed as empty boxes on slides), and a drawing scales on a projector.

export function EmotionFace({ emotion, size = 24 }: { emotion: number; size?: number }) {
  // The mouth: a curve from frown (−2) to broad smile (+2).
  const bend = emotion * 2.2;
  return (
    <svg
      className="emotion-face"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <circle cx="8.5" cy="9.5" r="1.4" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.4" fill="currentColor" />
      <path
        d={`M7 ${15.5 - bend / 2} Q12 ${15.5 + bend} 17 ${15.5 - bend / 2}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}
