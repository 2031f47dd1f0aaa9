package net.bluemind.xmpp.common.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bm-core REST calls bm-xmpp makes (contract: shared/bluemind-contract.md section 1).
 * One instance is shared by every plugin. Every call either answers, or throws a {@link CoreException}
 * whose {@link CoreException.Kind} tells "rejected" (token or request refused),
 * "not found" and "unavailable" (unreachable, slow, 5xx) apart.
 */
public interface CoreClient {

    /** {@code POST /api/auth/validate}: checks a password or a BlueMind session token. */
    ValidationResult validate(String login, String secret) throws CoreException;

    /** {@code POST /api/auth/login}. */
    LoginResponse login(String login, String password) throws CoreException;

    /** {@code GET /api/domains}. */
    List<ItemValue<Domain>> domains() throws CoreException;

    /** {@code GET /api/domains/_lookup?name=}: a domain by name or alias, empty when none. */
    Optional<ItemValue<Domain>> lookupDomain(String nameOrAlias) throws CoreException;

    /**
     * {@code GET /api/system/configuration}, {@code values["external-url"]}: the installation's public host
     * name, empty when it is not set.
     */
    Optional<String> externalUrl() throws CoreException;

    /**
     * {@code GET /api/domains/<domainUid>/_settings}: the domain's string settings (e.g.
     * {@code domain.external.url}); empty when the domain has none or is unknown.
     */
    Map<String, String> domainSettings(String domainUid) throws CoreException;

    /** {@code GET /api/users/<domainUid>/byEmail/<email>}: matches any address or alias. */
    Optional<ItemValue<User>> userByEmail(String domainUid, String email) throws CoreException;

    /** {@code GET /api/users/<domainUid>/byLogin/<login>}. */
    Optional<ItemValue<User>> userByLogin(String domainUid, String login) throws CoreException;

    /** {@code GET /api/users/<domainUid>/<uid>/roles_resolved}. */
    Set<String> resolvedRoles(String domainUid, String uid) throws CoreException;

    /** {@code GET /api/users/<domainUid>/<uid>/vcard}, empty when the user is unknown. */
    Optional<VCard> vcard(String domainUid, String uid) throws CoreException;

    /** {@code GET /api/users/<domainUid>/<uid>/photo}: PNG bytes, empty when the user has none. */
    Optional<byte[]> photo(String domainUid, String uid) throws CoreException;

    /** {@code GET /api/users/<domainUid>/<uid>/icon}: small PNG, empty when none. */
    Optional<byte[]> icon(String domainUid, String uid) throws CoreException;
}
