package net.bluemind.xmpp.archive;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.bluemind.xmpp.archive.es.EsLocation;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.archive.write.CaptureDurability;
import net.bluemind.xmpp.archive.write.WriterConfig;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/** The archive's settings, read once from {@link Settings} (or built directly by tests and the benchmark). */
public record ArchiveConfig(List<URI> esUrls, IndexNames names, Path spoolDir, long spoolMax, int queueMax,
        WriterConfig writer, Duration retention, int maxPage, CaptureDurability durability) {

    /** Spooled before routing, within 2 s (the defaults). */
    public ArchiveConfig(List<URI> esUrls, IndexNames names, Path spoolDir, long spoolMax, int queueMax,
            WriterConfig writer, Duration retention, int maxPage) {
        this(esUrls, names, spoolDir, spoolMax, queueMax, writer, retention, maxPage, CaptureDurability.BEFORE_ROUTING);
    }

    public ArchiveConfig with(CaptureDurability d) {
        return new ArchiveConfig(esUrls, names, spoolDir, spoolMax, queueMax, writer, retention, maxPage, d);
    }

    public static ArchiveConfig from(Settings s) {
        return new ArchiveConfig(EsLocation.urls(s), IndexNames.bluemind(), s.get(Keys.ARCHIVE_SPOOL_DIR),
                s.get(Keys.ARCHIVE_SPOOL_MAX), s.get(Keys.ARCHIVE_QUEUE_MAX),
                new WriterConfig(s.get(Keys.ARCHIVE_BULK_MAX_DOCS), s.get(Keys.ARCHIVE_BULK_MAX_BYTES),
                        s.get(Keys.ARCHIVE_FLUSH_INTERVAL), Duration.ofMillis(200), s.get(Keys.ARCHIVE_RETRY_MAX)),
                s.get(Keys.ARCHIVE_RETENTION), s.get(Keys.ARCHIVE_MAM_MAX_PAGE),
                new CaptureDurability(s.get(Keys.ARCHIVE_SPOOL_BEFORE_ROUTING), s.get(Keys.ARCHIVE_SPOOL_TIMEOUT)));
    }
}
