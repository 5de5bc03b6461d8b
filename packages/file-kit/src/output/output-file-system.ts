import { constants } from 'node:fs';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';

/**
 * The file operations the connector performs, so tests and the contract suite can count writes and
 * inject faults (a crash after the rename). The default, {@link nodeOutputFileSystem}, writes through
 * `write-file-atomic`: a temporary file in the same directory, fsync, then rename, so a reader sees the
 * previous complete file or the new complete file, never a half-written one.
 */
export interface OutputFileSystem {
  /** The file's bytes, or `undefined` when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Replaces the file atomically (temporary file in the same directory + rename). */
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
  /** File names in the directory (not recursive). */
  listDirectory(path: string): Promise<string[]>;
  /** Throws when `path` is not an existing, writable directory. Never writes. */
  checkWritableDirectory(path: string): Promise<void>;
}

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/**
 * {@link OutputFileSystem} on the local disk (`node:fs` + `write-file-atomic`, fsync on). `readFile` and
 * `listDirectory` treat a missing path (`ENOENT`) as "no file" / "no entries"; every other failure
 * rejects with Node's system error (`EACCES`, `EISDIR`, …). `checkWritableDirectory` rejects with
 * Node's error for a missing or read-only directory and a plain `Error` when the path is a file.
 */
export const nodeOutputFileSystem: OutputFileSystem = {
  async readFile(path) {
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  },
  async writeFileAtomic(path, bytes) {
    await writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      fsync: true,
    });
  },
  async listDirectory(path) {
    try {
      return await readdir(path);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  },
  async checkWritableDirectory(path) {
    const info = await stat(path);
    if (!info.isDirectory()) throw new Error(`${path} is not a directory`);
    await access(path, constants.W_OK);
  },
};
