package net.bluemind.xmpp.archive;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.bluemind.xmpp.archive.es.EsLocation;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.archive.write.WriterConfig;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/** The archive's settings, read once from {@link Settings} (or built directly by tests and the benchmark). */
public record ArchiveConfig(List<URI> esUrls, IndexNames names, Path spoolDir, long spoolMax, int queueMax,
        WriterConfig writer, Duration retention, int maxPage) {

    public static ArchiveConfig from(Settings s) {
        return new ArchiveConfig(EsLocation.urls(s), IndexNames.bluemind(), s.get(Keys.ARCHIVE_SPOOL_DIR),
                s.get(Keys.ARCHIVE_SPOOL_MAX), s.get(Keys.ARCHIVE_QUEUE_MAX),
                new WriterConfig(s.get(Keys.ARCHIVE_BULK_MAX_DOCS), s.get(Keys.ARCHIVE_BULK_MAX_BYTES),
                        s.get(Keys.ARCHIVE_FLUSH_INTERVAL), Duration.ofMillis(200), s.get(Keys.ARCHIVE_RETRY_MAX)),
                s.get(Keys.ARCHIVE_RETENTION), s.get(Keys.ARCHIVE_MAM_MAX_PAGE));
    }
}
