package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock file shared by every JVM using the same state directory, so two test runs starting at once
 * do not both try to launch the same service.
 */
final class StartLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StartLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StartLock acquire(Path stateDir, String name) {
        try {
            Files.createDirectories(stateDir);
            FileChannel ch = FileChannel.open(stateDir.resolve(name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new StartLock(ch, ch.lock());
        } catch (IOException e) {
            throw new ServiceException("cannot lock " + stateDir.resolve(name + ".lock") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        }
    }
}
