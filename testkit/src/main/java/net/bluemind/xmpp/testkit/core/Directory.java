package net.bluemind.xmpp.testkit.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The simulated BlueMind directory: domains, users, session tokens and locator entries. Every access goes
 * through {@link #read} or {@link #write}, which hold one lock, so HTTP handler threads and test threads
 * mutating it never see a half-done change.
 */
final class Directory {

    final Map<String, DirectoryDomain> domains = new LinkedHashMap<>();
    final List<DirectoryUser> users = new ArrayList<>();
    /** "kind/tag" (e.g. "bm/core") to the IPs bm-locator answers. */
    final Map<String, List<String>> locations = new LinkedHashMap<>();
    /** {@code values} of {@code GET /api/system/configuration} (e.g. external-url). */
    final Map<String, String> systemConfiguration = new LinkedHashMap<>();
    private final Map<String, String> sessionTokens = new ConcurrentHashMap<>();

    synchronized <T> T read(Function<Directory, T> f) {
        return f.apply(this);
    }

    synchronized void write(Consumer<Directory> change) {
        change.accept(this);
    }

    Optional<DirectoryDomain> domainByUid(String uid) {
        return Optional.ofNullable(domains.get(uid));
    }

    Optional<DirectoryDomain> lookupDomain(String nameOrAlias) {
        return domains.values().stream().filter(d -> d.answersTo(nameOrAlias)).findFirst();
    }

    /** The user of that domain owning that address (or alias), as bm-core's byEmail. */
    Optional<DirectoryUser> userByEmail(String domainUid, String email) {
        return domainByUid(domainUid).flatMap(d -> users.stream()
                .filter(u -> u.domainUid.equals(d.uid) && u.hasAddress(email, d)).findFirst());
    }

    Optional<DirectoryUser> userByLogin(String domainUid, String login) {
        return domainByUid(domainUid).flatMap(d -> users.stream()
                .filter(u -> u.domainUid.equals(d.uid) && u.login.equalsIgnoreCase(login)).findFirst());
    }

    Optional<DirectoryUser> userByUid(String domainUid, String uid) {
        return domainByUid(domainUid).flatMap(d -> users.stream()
                .filter(u -> u.domainUid.equals(d.uid) && u.uid.equals(uid)).findFirst());
    }

    /**
     * The user a login names: "address@domain-or-alias", or a bare login of the global domain
     * (as admin0), which is what bm-core's authentication accepts.
     */
    Optional<DirectoryUser> userByLatd(String latd) {
        int at = latd.indexOf('@');
        if (at < 0) {
            return domains.values().stream().filter(d -> d.global).findFirst()
                    .flatMap(g -> userByLogin(g.uid, latd));
        }
        return lookupDomain(latd.substring(at + 1)).flatMap(d -> userByEmail(d.uid, latd));
    }

    DirectoryUser requireUser(String email) {
        return userByLatd(email).orElseThrow(
                () -> new IllegalArgumentException("the bm-core simulator has no user with address " + email));
    }

    DirectoryDomain requireDomain(String name) {
        return lookupDomain(name).orElseThrow(
                () -> new IllegalArgumentException("the bm-core simulator has no domain " + name));
    }

    String issueSessionToken(DirectoryUser user) {
        String token = "sim-session-" + UUID.randomUUID();
        sessionTokens.put(token, user.uid);
        return token;
    }

    /** The session ends (logout, expiry): the token is no longer valid. */
    boolean expireSessionToken(String token) {
        return sessionTokens.remove(token) != null;
    }

    boolean isSessionTokenOf(String secret, DirectoryUser user) {
        return user.uid.equals(sessionTokens.get(secret));
    }
}
