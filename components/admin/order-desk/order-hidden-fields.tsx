/** What every state-changing form of the order page posts: which order, and the version shown. */
export function OrderFields({ reference, version }: { reference: string; version?: number }) {
  return (
    <>
      <input type="hidden" name="reference" value={reference} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
    </>
  );
}
