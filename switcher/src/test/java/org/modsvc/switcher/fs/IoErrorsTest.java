package org.modsvc.switcher.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IoErrorsTest {

    @Test
    void permissionError_saysPermissionDenied_notTheFileTwice() {
        assertEquals("/var/lib/modsvc/x: Permission denied",
                IoErrors.describe(new AccessDeniedException("/var/lib/modsvc/x")));
        assertEquals("/a: No such file or directory", IoErrors.describe(new NoSuchFileException("/a")));
    }

    @Test
    void writeErrorWithoutAFile_isGivenOne() {
        IOException named = IoErrors.naming(Path.of("/etc/x"), "cannot write", new IOException("No space left on device"));
        assertEquals("/etc/x: cannot write: No space left on device", IoErrors.describe(named));
    }
}
