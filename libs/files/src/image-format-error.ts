/** The file claims a format by its first bytes but is not a well-formed file of it. */
export class ImageFormatError extends Error {
  constructor(
    readonly format: 'png' | 'jpeg',
    message: string,
  ) {
    super(message);
    this.name = 'ImageFormatError';
  }
}
