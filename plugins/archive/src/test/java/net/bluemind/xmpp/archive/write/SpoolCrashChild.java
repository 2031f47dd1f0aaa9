package net.bluemind.xmpp.archive.write;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;

/**
 * Run in a child JVM by {@link SpoolCrashTest}: captures messages on several threads without end, the way the
 * message path does, and prints the id of each message once the spool has acknowledged it, until it is killed.
 */
public final class SpoolCrashChild {

    private SpoolCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Spool spool = new Spool(Path.of(args[0]), 1L << 30, Long.parseLong(args[1]));
        ArchiveId ids = new ArchiveId();
        PrintStream out = new PrintStream(System.out, false, "UTF-8");
        for (int t = 0; t < 4; t++) {
            int sender = t;
            Thread th = new Thread(() -> {
                for (int i = 0;; i++) {
                    ArchivedMessage m = new ArchivedMessage(ids.next(i), i, "a" + sender + "@acme.test", "b@acme.test",
                            "message " + i + " of " + sender, List.of("b@acme.test"), "chat", null, null);
                    try {
                        if (spool.appendDurably(EncodedMessage.of(m), Long.MAX_VALUE)) {
                            synchronized (out) {
                                out.println(m.id());
                                out.flush();
                            }
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                        System.exit(3);
                    }
                    if (i % 50 == 0) {
                        spool.maintain();
                    }
                }
            }, "capture-" + t);
            th.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
