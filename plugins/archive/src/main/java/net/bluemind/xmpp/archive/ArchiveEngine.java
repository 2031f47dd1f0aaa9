package net.bluemind.xmpp.archive;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.capture.CapturePlan;
import net.bluemind.xmpp.archive.capture.CaptureRules;
import net.bluemind.xmpp.archive.room.JoinHistory;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.erase.RetentionPurge;
import net.bluemind.xmpp.archive.erase.UserErasure;
import net.bluemind.xmpp.archive.es.ArchiveIndex;
import net.bluemind.xmpp.archive.es.EsArchiveRemoval;
import net.bluemind.xmpp.archive.es.EsArchiveSearch;
import net.bluemind.xmpp.archive.es.EsBulkSink;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.EsIndexedCheck;
import net.bluemind.xmpp.archive.es.IncompatibleMappingException;
import net.bluemind.xmpp.archive.mam.MamService;
import net.bluemind.xmpp.archive.mam.ParticipantMembership;
import net.bluemind.xmpp.archive.query.ReadYourWritesSearch;
import net.bluemind.xmpp.archive.room.RoomDirectory;
import net.bluemind.xmpp.archive.room.RoomMembershipFromMuc;
import net.bluemind.xmpp.archive.write.ArchiveWriter;
import net.bluemind.xmpp.archive.write.CaptureDurability;
import net.bluemind.xmpp.archive.write.CaptureQueue;
import net.bluemind.xmpp.archive.write.Spool;
import net.bluemind.xmpp.archive.write.EncodedMessage;
import net.bluemind.xmpp.archive.write.SpoolOutcome;
import net.bluemind.xmpp.archive.write.WriterStats;
import net.bluemind.xmpp.common.bus.MessageBus;
import net.bluemind.xmpp.common.core.CoreClient;

/**
 * The archive, assembled: capture rules feeding the queue, the writer with its spool and the ES bulk sink,
 * MAM over the ES search, retention and erase. One per server; owns the ES connection and the writer thread.
 */
public final class ArchiveEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArchiveEngine.class.getName());

    private final EsConnection es;
    private final CaptureRules rules;
    private final CaptureQueue queue;
    private final Spool spool;
    private final ArchiveWriter writer;
    private final ReadYourWritesSearch fresh;
    private final MamService mam;
    private final EsArchiveRemoval removal;
    private final UserErasure erasure;
    private final ScheduledFuture<?> purge;
    private final ArchiveIndex index;
    private final CaptureDurability durability;
    private final AtomicLong lastTimeoutWarning = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));
    private volatile ScheduledFuture<?> indexRetry;
    private final Predicate<String> localDomain;
    private final JoinHistory joinHistory;

    /**
     * Starts the archive. An incompatible mapping fails here ({@link IncompatibleMappingException}); an
     * unreachable Elasticsearch does not: messages are spooled and the index is set up when it answers.
     *
     * @param bus may be null (no erase on {@code user.deleted})
     */
    public ArchiveEngine(ArchiveConfig config, CoreClient core, MessageBus bus, ScheduledExecutorService scheduler,
            Predicate<String> localDomain, LongSupplier clock) throws IOException {
        this(config, core, bus, scheduler, localDomain, clock, RoomDirectory.NONE);
    }

    /** @param rooms the MUC component's rooms, asked who may read a room's archive ({@link RoomDirectory#NONE}: none) */
    public ArchiveEngine(ArchiveConfig config, CoreClient core, MessageBus bus, ScheduledExecutorService scheduler,
            Predicate<String> localDomain, LongSupplier clock, RoomDirectory rooms) throws IOException {
        this.durability = config.durability();
        this.localDomain = localDomain;
        this.es = new EsConnection(config.esUrls(), Duration.ofSeconds(2), Duration.ofSeconds(30));
        try {
            this.index = new ArchiveIndex(es.client(), config.names());
            if (!ensureIndex()) {
                indexRetry = scheduler.scheduleWithFixedDelay(this::retryIndex, 10, 10, TimeUnit.SECONDS);
            }
            this.rules = new CaptureRules(localDomain, new ArchiveId(), clock);
            this.queue = new CaptureQueue(config.queueMax(), config.writer().maxDocs());
            this.spool = new Spool(config.spoolDir(), config.spoolMax());
            this.writer = new ArchiveWriter(queue, spool, new EsBulkSink(es.rest(), config.names()), config.writer()).start();
            EsArchiveSearch search = new EsArchiveSearch(es.client(), config.names());
            // a query waits at most for one flush interval and a bulk round trip: the writer's own pace
            this.fresh = new ReadYourWritesSearch(search, new EsIndexedCheck(es.client(), config.names()),
                    config.writer().flushInterval().plusSeconds(2), Duration.ofMinutes(1), 100_000);
            this.mam = new MamService(fresh, new RoomMembershipFromMuc(rooms, new ParticipantMembership(search)),
                    localDomain, config.maxPage());
            this.joinHistory = new JoinHistory(fresh, clock);
            this.removal = new EsArchiveRemoval(es.client(), config.names());
            this.erasure = new UserErasure(core, removal, localDomain, scheduler);
            if (bus != null) {
                bus.subscribe(erasure);
            }
            this.purge = new RetentionPurge(removal, config.retention(), clock).schedule(scheduler);
        } catch (IOException | RuntimeException e) {
            es.close();
            throw e;
        }
        LOG.info(() -> "archive started: Elasticsearch " + config.esUrls() + ", spool " + config.spoolDir());
    }

    private boolean ensureIndex() {
        try {
            index.ensure();
            return true;
        } catch (IOException e) {
            LOG.warning("Elasticsearch unreachable at start (" + e.getMessage() + "): archiving to the spool, index"
                    + " checked when it answers");
            return false;
        }
    }

    private void retryIndex() {
        try {
            if (ensureIndex()) {
                indexRetry.cancel(false);
            }
        } catch (IncompatibleMappingException e) {
            LOG.log(Level.SEVERE, e.getMessage());
            indexRetry.cancel(false);
        }
    }

    /**
     * Called on the message path, before the message is routed: decides and enqueues, never throws. With
     * {@code archive-spool-before-routing} it then waits (at most {@code archive-spool-timeout}) until the message
     * is in the spool, so a message delivered is a message a hard crash cannot lose. Returns the archive id (for the
     * XEP-0359 stanza-id) when the message is archived.
     */
    public Optional<String> capture(Stanza stanza, Direction direction) {
        try {
            return store(rules.decide(stanza, direction));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "archive capture failed for a message; not archived", e);
        }
        return Optional.empty();
    }

    /** {@link #capture} for what a {@link CapturePlan} archives (null: nothing, empty answer). */
    public Optional<String> capture(CapturePlan.Archive archive) {
        try {
            return store(rules.toMessage(archive));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "archive capture failed for a message; not archived", e);
        }
        return Optional.empty();
    }

    /**
     * {@link #capture} for a message a room of ours is about to broadcast, with the nick its sender has in the room:
     * archived once, owned by the room, whichever server the sender is on.
     */
    public Optional<String> captureAtRoom(Stanza stanza, String nick) {
        try {
            return store(rules.decide(stanza, Direction.OUTGOING).map(m -> m.withNick(nick)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "archive capture failed for a room message; not archived", e);
        }
        return Optional.empty();
    }

    private Optional<String> store(Optional<ArchivedMessage> m) {
        if (m.isEmpty()) {
            return Optional.empty();
        }
        if (!durability.beforeRouting()) {
            if (!queue.offer(m.get())) {
                return Optional.empty();
            }
            fresh.captured(m.get());
            return Optional.of(m.get().id());
        }
        SpoolOutcome o = writer.spoolDurably(EncodedMessage.of(m.get()), durability.timeout().toNanos());
        if (o == SpoolOutcome.FAILED) {
            return Optional.empty();
        }
        if (o == SpoolOutcome.TIMED_OUT) {
            warnTimeout();
        }
        fresh.captured(m.get());
        return Optional.of(m.get().id());
    }

    /** At most one warning a minute: a stalled disk must not flood the log once per message. */
    private void warnTimeout() {
        long now = System.nanoTime();
        long last = lastTimeoutWarning.get();
        if (now - last > TimeUnit.MINUTES.toNanos(1) && lastTimeoutWarning.compareAndSet(last, now)) {
            LOG.warning(() -> "the archive spool did not confirm a write within " + durability.timeout().toMillis()
                    + "ms (archive-spool-timeout): messages are routed before they are crash-proof (is "
                    + spool.bytes() + " bytes of spool on a slow or stalled disk?)");
        }
    }

    /** Enqueues an already-built message (benchmark and tests). */
    public boolean enqueue(ArchivedMessage m) {
        return queue.offer(m);
    }

    public MamService mam() {
        return mam;
    }

    public JoinHistory joinHistory() {
        return joinHistory;
    }

    /** Whether a domain is one of this server's virtual hosts. */
    public boolean isLocalDomain(String domain) {
        return domain != null && localDomain.test(domain);
    }

    public EsArchiveRemoval removal() {
        return removal;
    }

    public UserErasure erasure() {
        return erasure;
    }

    public WriterStats stats() {
        return writer.stats();
    }

    public Spool spool() {
        return spool;
    }

    public int queued() {
        return queue.size();
    }

    /** Stops the writer (the queue goes to the spool, a last send is tried) and closes the ES client. */
    @Override
    public void close() {
        if (purge != null) {
            purge.cancel(false);
        }
        if (indexRetry != null) {
            indexRetry.cancel(false);
        }
        writer.close();
        spool.close();
        es.close();
    }
}
