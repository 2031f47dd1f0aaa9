package net.bluemind.xmpp.archive.write;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records a class logs while it is open, as "LEVEL message" lines. */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new ArrayList<>();

    LogCapture(Class<?> owner) {
        logger = Logger.getLogger(owner.getName());
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        lines.add(r.getLevel() + " " + r.getMessage());
    }

    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
