package net.bluemind.xmpp.vcard.tigase;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.common.BmXmpp;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.vcard.ContactDirectory;
import net.bluemind.xmpp.vcard.PepRequests;
import net.bluemind.xmpp.vcard.PhotoProcessor;
import net.bluemind.xmpp.vcard.VCardRequests;
import net.bluemind.xmpp.vcard.VCardService;
import net.bluemind.xmpp.vcard.route.AddressBook;

/**
 * The one vcard engine of this server, shared by the vcard-temp and vCard4 beans: built on first use from
 * {@link BmXmpp#shared()} and subscribed to the bus.
 */
final class VCardRuntime {

    private static volatile VCardRuntime instance;

    final VCardService service;
    final VCardRequests requests;
    final PepRequests pep;
    /** Who owns an address at our domains, for {@link AddressGate} and {@link AddressRouteFilter}. */
    final AddressBook addresses;
    /**
     * Answers PEP requests claimed before Tigase's processors (on Tigase's own threads, which must not wait on
     * bm-core); when its queue is full the caller answers.
     */
    final ExecutorService pepAnswers;

    private VCardRuntime(BmXmpp bm) {
        Settings s = bm.settings();
        PhotoProcessor photos = new PhotoProcessor(s.get(Keys.VCARD_PHOTO_MAX_PIXELS),
                s.get(Keys.VCARD_PHOTO_MAX_BYTES));
        // its own two threads: a background re-read may wait for bm-core's timeouts, other plugins must not
        ExecutorService background = Executors.newFixedThreadPool(2, daemon("bm-xmpp-vcard"));
        this.service = new VCardService(new ContactDirectory(bm.core(), photos), s.get(Keys.VCARD_CACHE_TTL),
                s.get(Keys.VCARD_CACHE_SIZE), background);
        this.requests = new VCardRequests(service, s.get(Keys.VCARD_REMOTE_VISIBILITY));
        this.pep = new PepRequests(service, requests);
        this.pepAnswers = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(10_000),
                daemon("bm-xmpp-pep"), new ThreadPoolExecutor.CallerRunsPolicy());
        this.addresses = new AddressBook(service, java.time.Duration.ofSeconds(30),
                com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        bm.bus().subscribe(service);
        bm.bus().subscribe(addresses);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The engine if it is already built, else null (never builds it: for a packet filter on a hot path). */
    static VCardRuntime ifStarted() {
        return instance;
    }

    static VCardRuntime get() {
        VCardRuntime r = instance;
        if (r == null) {
            synchronized (VCardRuntime.class) {
                if (instance == null) {
                    instance = new VCardRuntime(BmXmpp.shared());
                }
                r = instance;
            }
        }
        return r;
    }
}
