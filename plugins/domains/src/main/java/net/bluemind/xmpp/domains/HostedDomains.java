package net.bluemind.xmpp.domains;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live set of XMPP virtual hosts, each mapped to the BlueMind domain uid it belongs to. Reads are
 * lock-free on an immutable snapshot; changes are applied whole and announced to {@link VHostListener}s
 * as added / removed / updated hosts. A host claimed by two domains stays with the first one (logged).
 */
public final class HostedDomains {

    private static final Logger LOG = Logger.getLogger(HostedDomains.class.getName());

    private final List<VHostListener> listeners = new CopyOnWriteArrayList<>();
    /** host name -> domain uid */
    private volatile Map<String, String> hosts = Map.of();
    private boolean loaded;

    public void addListener(VHostListener listener) {
        listeners.add(listener);
    }

    public void removeListener(VHostListener listener) {
        listeners.remove(listener);
    }

    public boolean contains(String host) {
        return VHost.normalize(host).map(hosts::containsKey).orElse(false);
    }

    public Optional<String> domainUidOf(String host) {
        return VHost.normalize(host).map(hosts::get);
    }

    /** Every hosted host, sorted by name. */
    public List<VHost> all() {
        List<VHost> l = new ArrayList<>();
        new TreeMap<>(hosts).forEach((h, uid) -> l.add(new VHost(h, uid)));
        return l;
    }

    /** The hosted host names (an immutable snapshot). */
    public Set<String> names() {
        return hosts.keySet();
    }

    public Set<String> hostsOf(String domainUid) {
        Set<String> s = new LinkedHashSet<>();
        hosts.forEach((h, uid) -> {
            if (uid.equals(domainUid)) {
                s.add(h);
            }
        });
        return s;
    }

    public boolean knowsDomain(String domainUid) {
        return hosts.containsValue(domainUid);
    }

    public int size() {
        return hosts.size();
    }

    /** True once a full list has been applied at least once. */
    public synchronized boolean isLoaded() {
        return loaded;
    }

    /** Replaces everything with a full list: domain uid -> its host names. */
    public synchronized void replaceAll(Map<String, Set<String>> domains) {
        Map<String, String> next = new HashMap<>();
        new TreeMap<>(domains).forEach((uid, names) -> names.forEach(h -> claim(next, h, uid)));
        loaded = true;
        apply(next);
    }

    /** Sets one domain's host names (an empty set removes the domain). */
    public synchronized void putDomain(String domainUid, Set<String> names) {
        Map<String, String> next = new HashMap<>(hosts);
        next.values().removeIf(domainUid::equals);
        names.forEach(h -> claim(next, h, domainUid));
        apply(next);
    }

    /** Removes every host of one domain; false when the uid was not hosted. */
    public synchronized boolean removeDomain(String domainUid) {
        if (!hosts.containsValue(domainUid)) {
            return false;
        }
        Map<String, String> next = new HashMap<>(hosts);
        next.values().removeIf(domainUid::equals);
        apply(next);
        return true;
    }

    private static void claim(Map<String, String> next, String host, String uid) {
        String owner = next.putIfAbsent(host, uid);
        if (owner != null && !owner.equals(uid)) {
            LOG.warning(() -> "host " + host + " is claimed by BlueMind domains " + owner + " and " + uid
                    + ": kept for " + owner);
        }
    }

    private void apply(Map<String, String> next) {
        Map<String, String> prev = hosts;
        hosts = Collections.unmodifiableMap(next);
        prev.forEach((h, uid) -> {
            if (!next.containsKey(h)) {
                notify(l -> l.vhostRemoved(new VHost(h, uid)));
            }
        });
        next.forEach((h, uid) -> {
            String old = prev.get(h);
            if (old == null) {
                notify(l -> l.vhostAdded(new VHost(h, uid)));
            } else if (!old.equals(uid)) {
                notify(l -> l.vhostUpdated(new VHost(h, uid)));
            }
        });
    }

    private void notify(java.util.function.Consumer<VHostListener> call) {
        for (VHostListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "vhost listener " + l + " failed", e);
            }
        }
    }
}
