package net.bluemind.xmpp.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine: which services a user of this server gets (XEP-0215 {@code services}, optionally of one type) and
 * the credentials of one service ({@code credentials}). Each configured host is offered as STUN and as TURN on
 * each configured transport; every TURN entry carries a credential issued for this request and this user,
 * valid for the configured lifetime. The secret is read at each request that needs one.
 */
public final class ExternalServices {

    private static final Logger LOG = Logger.getLogger(ExternalServices.class.getName());

    private final CallsConfig config;
    private final SecretSource secrets;
    private final Supplier<Instant> clock;
    /** The last secret problem logged, so that a broken file is logged once, not at every request. */
    private volatile String lastProblem;

    public ExternalServices(CallsConfig config, SecretSource secrets, Supplier<Instant> clock) {
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Whether the server advertises {@code urn:xmpp:extdisco:2} at all. */
    public boolean advertised() {
        return config.enabled();
    }

    /**
     * The answer to {@code <services type='...'/>} from {@code user} (a bare JID of this server); {@code type} null
     * when the request names none. A type this server does not offer gets an empty list.
     */
    public List<ExternalService> services(String user, String type) throws ExtdiscoException {
        return services(user, type, clock.get());
    }

    /** The same at a given time: {@code now} decides the credentials' expiry ({@code now + ttl}). */
    public List<ExternalService> services(String user, String type, Instant now) throws ExtdiscoException {
        requireEnabled();
        if (type != null && type.isBlank()) {
            throw new ExtdiscoException(ExtdiscoError.BAD_REQUEST, "empty service type");
        }
        Optional<ServiceType> only = type == null ? Optional.empty() : ServiceType.named(type);
        if (type != null && only.isEmpty()) {
            return List.of();
        }
        TurnCredential credential = only.orElse(ServiceType.TURN) == ServiceType.TURN
                ? TurnCredential.issue(secret(), user, now.plus(config.ttl())) : null;
        List<ExternalService> out = new ArrayList<>();
        for (ServiceType t : ServiceType.values()) {
            if (only.isPresent() && only.get() != t) {
                continue;
            }
            for (String host : config.hosts()) {
                for (Transport transport : config.transports()) {
                    out.add(new ExternalService(t, host, config.port(), transport,
                            t == ServiceType.TURN ? credential : null));
                }
            }
        }
        LOG.log(Level.FINE, "external services for {0}: {1} entries", new Object[] {user, out.size()});
        return List.copyOf(out);
    }

    /** The answer to {@code <credentials><service host='...' type='...'/></credentials>}. */
    public List<ExternalService> credentials(String user, String host, String type) throws ExtdiscoException {
        requireEnabled();
        if (host == null || host.isBlank() || type == null || type.isBlank()) {
            throw new ExtdiscoException(ExtdiscoError.BAD_REQUEST, "a credentials request names a service's host and type");
        }
        if (ServiceType.named(type).isEmpty() || !config.hosts().contains(host.toLowerCase(java.util.Locale.ROOT))) {
            throw new ExtdiscoException(ExtdiscoError.ITEM_NOT_FOUND, "no " + type + " service at " + host + " here");
        }
        List<ExternalService> matching = new ArrayList<>();
        for (ExternalService s : services(user, type)) {
            if (s.host().equalsIgnoreCase(host)) {
                matching.add(s);
            }
        }
        return List.copyOf(matching);
    }

    private void requireEnabled() throws ExtdiscoException {
        if (!config.enabled()) {
            throw new ExtdiscoException(ExtdiscoError.SERVICE_UNAVAILABLE,
                    "no STUN/TURN service is configured on this server");
        }
    }

    private byte[] secret() throws ExtdiscoException {
        try {
            byte[] s = secrets.secret();
            if (lastProblem != null) {
                lastProblem = null;
                LOG.info("bm-xmpp calls: TURN secret readable again (" + secrets + ")");
            }
            return s;
        } catch (CallsUnavailableException e) {
            if (!e.getMessage().equals(lastProblem)) {
                lastProblem = e.getMessage();
                LOG.warning("bm-xmpp calls: " + e.getMessage() + "; external services (STUN/TURN) answer "
                        + "service-unavailable until it is fixed (setting turn-secret-file)");
            }
            throw new ExtdiscoException(ExtdiscoError.SERVICE_UNAVAILABLE, "TURN credentials cannot be made now");
        }
    }
}
