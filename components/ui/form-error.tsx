/** A message the reader must notice: announced by screen readers as soon as it appears. */
export function FormError({ message }: { message: string }) {
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
