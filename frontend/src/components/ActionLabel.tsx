/**
 * A short visible button text ("Remove") whose accessible name also says what it acts on
 * ("Remove (Zhang San)"), so that a list of identical buttons stays distinguishable.
 */
export function ActionLabel({ text, name }: { text: string; name: string }) {
  return (
    <>
      {text}
      <span className="visually-hidden"> ({name})</span>
    </>
  );
}
