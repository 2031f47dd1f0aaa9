package net.bluemind.xmpp.domains.tigase;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.BmXmpp;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.domains.DomainsEngine;
import net.bluemind.xmpp.domains.VHost;
import net.bluemind.xmpp.domains.VHostListener;
import net.bluemind.xmpp.domains.certs.DomainCertificate;
import tigase.db.TigaseDBException;
import tigase.db.comp.RepositoryChangeListenerIfc;
import tigase.io.CertificateContainerIfc;
import tigase.kernel.beans.Bean;
import tigase.kernel.beans.Initializable;
import tigase.kernel.beans.Inject;
import tigase.kernel.beans.UnregisterAware;
import tigase.vhosts.VHostComponentRepository;
import tigase.vhosts.VHostItem;
import tigase.vhosts.VHostItemDefaults;
import tigase.vhosts.VHostItemExtensionManager;

/**
 * Tigase's virtual-host repository, fed only by BlueMind (no local database). Enabled with
 * {@code 'vhost-man' { vhostRepository (class: net.bluemind.xmpp.domains.tigase.BlueMindVHostRepository) {} }}.
 * VHostManager reads this repository on every lookup, so a host added or removed by the engine is
 * (or stops being) a local domain at once; repository change listeners are told as well. Admin commands
 * that add or remove vhosts are refused: BlueMind is the source of truth. Each host's certificate is
 * handed to the {@code certificate-container} bean.
 */
@Bean(name = "vhostRepository", active = true)
public class BlueMindVHostRepository implements VHostComponentRepository, Initializable, UnregisterAware, VHostListener {

    private static final Logger LOG = Logger.getLogger(BlueMindVHostRepository.class.getName());
    static final String REFUSED = "virtual hosts are managed in BlueMind's administration console, not in the XMPP server";

    @Inject(nullAllowed = true)
    private VHostItemExtensionManager extensionManager;
    @Inject(nullAllowed = true)
    private VHostItemDefaults vhostDefaults;
    @Inject(nullAllowed = true)
    private CertificateContainerIfc certificateContainer;

    private final Map<String, VHostItem> items = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<RepositoryChangeListenerIfc<VHostItem>> listeners = new CopyOnWriteArrayList<>();
    private volatile VHostItem placeholderDefault;
    private volatile String defaultDomain = "";
    private volatile List<String> abuseAddresses = List.of();
    private volatile List<String> adminAddresses = List.of();
    private DomainsEngine engine;

    @Override
    public void initialize() {
        try {
            BmXmpp runtime = BmXmpp.shared();
            defaultDomain = runtime.settings().get(Keys.DEFAULT_DOMAIN);
            abuseAddresses = runtime.settings().get(Keys.ABUSE_ADDRESSES);
            adminAddresses = runtime.settings().get(Keys.ADMIN_ADDRESSES);
            engine = new DomainsEngine(runtime.settings(), runtime.core(), runtime.bus(), runtime.scheduler(),
                    this::installCertificate);
            engine.hosted().addListener(this);
            engine.start(runtime.settings().get(Keys.CORE_READ_TIMEOUT).multipliedBy(2).plus(Duration.ofSeconds(1)));
            LOG.info(() -> "BlueMind vhost repository started with " + items.size() + " hosts: " + items.keySet());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "BlueMind domains could not start: the server serves no BlueMind domain", e);
        }
    }

    @Override
    public void beforeUnregister() {
        destroy();
    }

    @Override
    public void destroy() {
        DomainsEngine e = engine;
        engine = null;
        if (e != null) {
            e.hosted().removeListener(this);
            e.close();
        }
    }

    // --- engine -> Tigase -------------------------------------------------------------------

    @Override
    public void vhostAdded(VHost vhost) {
        VHostItem item = newItem(vhost.name());
        items.put(vhost.name(), item);
        LOG.info(() -> "vhost " + vhost.name() + " added (BlueMind domain " + vhost.domainUid() + ")");
        listeners.forEach(l -> tell(() -> l.itemAdded(item)));
    }

    @Override
    public void vhostRemoved(VHost vhost) {
        VHostItem item = items.remove(vhost.name());
        LOG.info(() -> "vhost " + vhost.name() + " removed (BlueMind domain " + vhost.domainUid()
                + "): new streams to it are refused");
        if (item != null) {
            listeners.forEach(l -> tell(() -> l.itemRemoved(item)));
        }
    }

    private void installCertificate(DomainCertificate c) throws Exception {
        if (certificateContainer == null) {
            throw new IllegalStateException("no certificate-container bean to hand the certificate to");
        }
        // not stored by Tigase: the certs dir is ours; the container announces the change so TLS contexts reload
        certificateContainer.addCertificates(new CertificateContainerIfc.CertificateEntity(c.pem(), c.domain(), false, false));
    }

    private VHostItem newItem(String host) {
        return new BlueMindVHostItem(host, extensionManager, vhostDefaults, abuseAddresses, adminAddresses);
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a Tigase vhost listener failed", e);
        }
    }

    // --- Tigase reads -----------------------------------------------------------------------

    @Override
    public VHostItem getItem(String key) {
        if (key == null) {
            return null;
        }
        VHostItem item = items.get(key);
        if (item == null && VHostItem.DEF_VHOST_KEY.equals(key)) {
            return placeholder();
        }
        return item;
    }

    @Override
    public boolean contains(String key) {
        return key != null && items.containsKey(key);
    }

    @Override
    public Collection<VHostItem> allItems() {
        return List.copyOf(items.values());
    }

    @Override
    public Iterator<VHostItem> iterator() {
        return allItems().iterator();
    }

    @Override
    public int size() {
        return items.size();
    }

    /** The configured default-domain when hosted, else the first host, else a placeholder that is no local domain. */
    @Override
    public VHostItem getDefaultVHostItem() {
        VHostItem item = defaultDomain.isBlank() ? null : items.get(defaultDomain);
        if (item == null) {
            item = items.values().stream().findFirst().orElse(null);
        }
        return item != null ? item : placeholder();
    }

    private VHostItem placeholder() {
        VHostItem p = placeholderDefault;
        if (p == null) {
            p = newItem(VHostItem.DEF_VHOST_KEY);
            placeholderDefault = p;
        }
        return p;
    }

    @Override
    public VHostItem getItemInstance() {
        return newItem(VHostItem.DEF_VHOST_KEY);
    }

    @Override
    public void addRepoChangeListener(RepositoryChangeListenerIfc<VHostItem> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeRepoChangeListener(RepositoryChangeListenerIfc<VHostItem> listener) {
        listeners.remove(listener);
    }

    /** Tigase's "reload" (admin command, VHostManager start): a full re-sync from bm-core. */
    @Override
    public void reload() {
        DomainsEngine e = engine;
        if (e != null) {
            e.sync().requestResync("Tigase asked for a reload");
        }
    }

    // --- Tigase writes: refused -------------------------------------------------------------

    @Override
    public String validateItem(VHostItem item) {
        return REFUSED;
    }

    @Override
    public void addItem(VHostItem item) throws TigaseDBException {
        LOG.warning(() -> "refused to add vhost " + key(item) + ": " + REFUSED);
        throw new TigaseDBException(REFUSED);
    }

    @Override
    public void removeItem(String key) throws TigaseDBException {
        LOG.warning(() -> "refused to remove vhost " + key + ": " + REFUSED);
        throw new TigaseDBException(REFUSED);
    }

    @Override
    public void addItemNoStore(VHostItem item) {
        LOG.warning(() -> "ignored a request to add vhost " + key(item) + ": " + REFUSED);
    }

    @Override
    public void removeItemNoStore(String key) {
        LOG.warning(() -> "ignored a request to remove vhost " + key + ": " + REFUSED);
    }

    @Override
    public void store() {
        // nothing is stored locally
    }

    @Override
    public void setAutoloadTimer(long delay) {
        // the engine re-syncs on bus events and every domains-resync-interval
    }

    @Deprecated
    @Override
    public void getDefaults(Map<String, Object> defs, Map<String, Object> params) {
        // 7.x configuration style: nothing to contribute
    }

    @Deprecated
    @Override
    public void setProperties(Map<String, Object> properties) {
        // 7.x configuration style: nothing to read
    }

    private static String key(VHostItem item) {
        try {
            return item == null ? "null" : item.getKey();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** For tests: the engine behind this repository, null before {@link #initialize()}. */
    DomainsEngine engine() {
        return engine;
    }
}
