import { watch as watchFs, statSync, readdirSync, type FSWatcher } from "node:fs";
import { join, relative } from "node:path";

/** How often to look for a watched folder that has gone (deleted, or renamed away) until it is back. */
const MISSING_POLL_MS = 250;

export interface TreeWatcher {
  close(): void;
}

/**
 * Reports every change below `root` as a path relative to it (null: "anything
 * may have changed", e.g. the folder itself came back).
 *
 * Watches folders, one non-recursive fs.watch each, never files: editors save
 * by writing a temp file and renaming it over the original (vim, JetBrains),
 * which replaces the file's inode, and a watch on the old inode goes silent.
 * Node 20's `recursive: true` on Linux watches inodes that way and misses every
 * such save after the first. A folder's watch sees every rename into it.
 * Subfolders made later are picked up; a watched folder that is removed or
 * replaced is re-armed once it exists again.
 */
export function watchTree(
  root: string,
  onChange: (path: string | null) => void,
  /** Folders not to watch, by name and full path. */
  skip: (name: string, path: string) => boolean = defaultSkip,
): TreeWatcher {
  const watchers = new Map<string, { watcher: FSWatcher; identity: string }>();
  let closed = false;
  let poll: NodeJS.Timeout | undefined;

  const identityOf = (dir: string): string | undefined => {
    const st = statSync(dir, { throwIfNoEntry: false });
    return st?.isDirectory() ? `${st.dev}:${st.ino}` : undefined;
  };

  /** Brings the set of watched folders in line with the folders on disk. */
  const sync = (): void => {
    if (closed) return;
    const wanted = new Map<string, string>();
    const walk = (dir: string) => {
      const identity = identityOf(dir);
      if (!identity) return;
      wanted.set(dir, identity);
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) if (e.isDirectory() && !skip(e.name, join(dir, e.name))) walk(join(dir, e.name));
    };
    walk(root);
    for (const [dir, entry] of watchers) {
      if (wanted.get(dir) === entry.identity) continue;
      entry.watcher.close();
      watchers.delete(dir);
    }
    for (const [dir, identity] of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watchFs(dir, (event, file) => {
          const path = file ? relative(root, join(dir, String(file))) : null;
          // A rename may be a folder appearing, going or being replaced: re-check the set.
          if (event === "rename") sync();
          onChange(path);
        });
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(dir);
          sync();
        });
        watchers.set(dir, { watcher, identity });
      } catch {
        // Gone between the walk and the watch: the next sync catches up.
      }
    }
    if (!watchers.has(root) && poll === undefined) {
      poll = setInterval(() => {
        if (!identityOf(root)) return;
        clearInterval(poll);
        poll = undefined;
        sync();
        onChange(null);
      }, MISSING_POLL_MS);
    }
  };

  sync();
  return {
    close() {
      closed = true;
      clearInterval(poll);
      for (const { watcher } of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** Hidden folders (.git, apigen's own temp folders) and node_modules. */
export function defaultSkip(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}
