package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive switch lock ({@code /run/modsvc/lock}), an advisory {@code fcntl} lock as stc-ng's
 * {@code flock} on {@code /run/nixos/switch-to-configuration.lock}: the kernel drops it when the holder dies,
 * so a killed switch never leaves a stale lock. The holder writes its pid into the file so a refused run can
 * say who holds it.
 */
public final class SwitchLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SwitchLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock without waiting; a held lock is an error naming the holder's pid. */
    public static SwitchLock acquire(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new LockHeldException(file, holder(file));
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(true);
        return new SwitchLock(ch, lock);
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.matches("[0-9]+") ? pid : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    public boolean isHeld() {
        return lock.isValid();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } finally {
            lock.release();
            channel.close();
        }
    }

    /** Another switch (or gc) is running. */
    public static final class LockHeldException extends GenerationException {
        private final String pid;

        LockHeldException(Path file, String pid) {
            super("another modsvc switch is running (pid " + pid + " holds " + file + "); try again when it has finished");
            this.pid = pid;
        }

        public String pid() {
            return pid;
        }
    }
}
