package org.modsvc.switcher.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Messages for file-system errors that say which file and why. The JDK's exceptions often carry only the path
 * ({@code AccessDeniedException: /var/lib/modsvc}) and keep the reason in their type, or only the reason
 * ({@code IOException: No space left on device} from a write) without the file.
 */
public final class IoErrors {

    private IoErrors() {
    }

    /** Why {@code e} happened, as the C library words it ("Permission denied"). */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file(s) and the reason: {@code /var/lib/modsvc/x: Permission denied}, or the message if it names no file. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + reason(e);
        }
        return reason(e);
    }

    /** {@code e} again with {@code file} named, for errors of a write that name none (ENOSPC, EIO, EDQUOT). */
    public static IOException naming(java.nio.file.Path file, String doing, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return e;
        }
        FileSystemException named = new FileSystemException(file.toString(), null, doing + ": " + reason(e));
        named.initCause(e);
        return named;
    }
}
