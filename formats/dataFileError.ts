/** A data file (xlsx, CSV folder) that cannot or must not be read; the message is Indonesian and says why. */
export class DataFileError extends Error {}
