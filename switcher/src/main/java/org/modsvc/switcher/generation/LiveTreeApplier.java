package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.modsvc.switcher.fs.AtomicFiles;
import org.modsvc.switcher.fs.HostPath;

/**
 * Carries out a {@link LiveTreePlanner.Plan}. Every operation is safe to repeat after a crash:
 * writes replace atomically, deletes accept an absent file, renames are skipped when already done,
 * so running the same plan (re-planned from disk) again converges on the same tree.
 */
final class LiveTreeApplier {

  /** Bytes of a regular-file entry: the generation's own copy. */
  interface Contents {
    byte[] of(HostPath path) throws IOException;
  }

  private final Layout layout;
  private final Checkpoint checkpoint;

  LiveTreeApplier(Layout layout, Checkpoint checkpoint) {
    this.layout = layout;
    this.checkpoint = checkpoint;
  }

  void apply(List<FileOp> ops, Contents contents) throws IOException {
    for (FileOp op : ops) {
      Path disk = layout.onDisk(op.path());
      if (op instanceof FileOp.Remove) {
        AtomicFiles.delete(disk);
      } else if (op instanceof FileOp.Restore) {
        Path backup = layout.onDisk(LiveTreePlanner.backupOf(op.path()));
        if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
          AtomicFiles.rename(backup, disk);
        }
      } else if (op instanceof FileOp.Backup) {
        if (Files.exists(disk, LinkOption.NOFOLLOW_LINKS)) {
          AtomicFiles.rename(disk, layout.onDisk(LiveTreePlanner.backupOf(op.path())));
        }
      } else if (op instanceof FileOp.Write w) {
        write(w, disk, contents);
      } else if (op instanceof FileOp.RemoveEmptyDir) {
        AtomicFiles.removeEmptyDirectory(disk);
      }
      checkpoint.reached(op.describe());
    }
  }

  private void write(FileOp.Write w, Path disk, Contents contents) throws IOException {
    Files.createDirectories(disk.getParent());
    if (w.entry() instanceof ManifestEntry.File f) {
      byte[] bytes = contents.of(w.path());
      String actual = org.modsvc.switcher.fs.ContentHash.sha256Hex(bytes);
      if (!actual.equals(f.sha256())) {
        throw new GenerationException(
            "the generation's copy of "
                + w.path()
                + " has hash "
                + actual
                + ", its manifest says "
                + f.sha256()
                + "; refusing to write a corrupted file");
      }
      AtomicFiles.writeFile(disk, bytes, f.mode());
    } else {
      AtomicFiles.replaceSymlink(disk, ((ManifestEntry.Link) w.entry()).target());
    }
  }
}
