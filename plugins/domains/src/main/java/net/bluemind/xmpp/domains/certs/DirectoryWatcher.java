package net.bluemind.xmpp.domains.certs;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports the names of files created, replaced or changed in one directory, from a daemon thread. It is
 * a fast path only: callers also re-check periodically, since watch events can be lost or unsupported.
 */
final class DirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DirectoryWatcher.class.getName());

    private final WatchService watch;
    private final Thread thread;

    DirectoryWatcher(Path dir, Consumer<String> changedFileName) throws IOException {
        Files.createDirectories(dir);
        watch = dir.getFileSystem().newWatchService();
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        thread = new Thread(() -> loop(dir, changedFileName), "bm-xmpp-certs-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Path dir, Consumer<String> changed) {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.context() instanceof Path p) {
                        try {
                            changed.accept(p.getFileName().toString());
                        } catch (RuntimeException ex) {
                            LOG.log(Level.WARNING, "certificate change handler failed for " + p, ex);
                        }
                    }
                }
                if (!key.reset()) {
                    LOG.warning("certs directory " + dir + " is no longer watched (removed?); periodic checks go on");
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing watch service", e);
        }
        thread.interrupt();
    }
}
