/** A file Nabla cannot read as a notebook; the message says what is wrong and where. */
export class FormatError extends Error {
  override name = 'FormatError';
}
