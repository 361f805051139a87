package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwitchLockTest {

    @TempDir
    Path root;

    @Test
    void secondLocker_isRefusedWithHolderPid() throws IOException {
        GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
        try (SwitchLock first = gs.lock()) {
            SwitchLock.LockHeldException expected = assertThrows(SwitchLock.LockHeldException.class, gs::lock);
            assertEquals(Long.toString(ProcessHandle.current().pid()), expected.pid());
            assertTrue(expected.getMessage().contains("run/modsvc/lock"), expected.getMessage());
        }
    }

    @Test
    void lockFromAnotherProcess_isRefusedWithThatPid() throws Exception {
        GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
        Path lockFile = root.resolve("run/modsvc/lock");
        java.nio.file.Files.createDirectories(lockFile.getParent());
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), lockFile.toString())
                .redirectErrorStream(true).start();
        try {
            String ready = new String(holder.getInputStream().readNBytes(6));
            assertEquals("locked", ready);
            SwitchLock.LockHeldException expected = assertThrows(SwitchLock.LockHeldException.class, gs::lock);
            assertEquals(Long.toString(holder.pid()), expected.pid());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        try (SwitchLock again = gs.lock()) {
            assertTrue(again.isHeld(), "a killed holder's lock is released by the kernel");
        }
    }

    @Test
    void lock_isFreeAgainAfterClose() throws IOException {
        GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
        gs.lock().close();
        try (SwitchLock again = gs.lock()) {
            assertTrue(again.isHeld());
        }
    }

    /** Run in a child JVM: holds the lock until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            SwitchLock lock = SwitchLock.acquire(Path.of(args[0]));
            System.out.print("locked");
            System.out.flush();
            Thread.sleep(60_000);
            lock.close();
        }
    }
}
