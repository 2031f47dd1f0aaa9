package net.bluemind.xmpp.archive.tigase;

import java.util.concurrent.atomic.AtomicReference;
import net.bluemind.xmpp.archive.ArchiveEngine;

/**
 * The archive engine the session manager's {@link ArchiveProcessor} runs, for the room history provider that
 * tigase-muc creates in its own component ({@link ArchiveRoomHistory}): one engine, one spool, per server.
 */
final class RunningArchive {

    private static final AtomicReference<ArchiveEngine> ENGINE = new AtomicReference<>();
    private static volatile boolean roomsArchiveThemselves;

    private RunningArchive() {
    }

    static void started(ArchiveEngine engine) {
        ENGINE.set(engine);
    }

    static void stopped(ArchiveEngine engine) {
        ENGINE.compareAndSet(engine, null);
    }

    /** tigase-muc created our history provider: rooms of ours archive their messages themselves. */
    static void roomHistoryInUse() {
        roomsArchiveThemselves = true;
    }

    static boolean roomsArchiveThemselves() {
        return roomsArchiveThemselves;
    }

    /** The running engine, null before the session manager started it or after it stopped. */
    static ArchiveEngine get() {
        return ENGINE.get();
    }
}
