package net.bluemind.xmpp.archive.tigase;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.Jid;
import net.bluemind.xmpp.archive.room.Affiliation;
import net.bluemind.xmpp.archive.room.RoomDirectory;
import net.bluemind.xmpp.archive.room.RoomDirectoryException;
import net.bluemind.xmpp.archive.room.RoomFacts;
import net.bluemind.xmpp.archive.room.RoomLookup;
import tigase.kernel.core.Kernel;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/**
 * The rooms of tigase-muc, read in the running server. Tigase names a component's address {@code <bean name>.<vhost>},
 * so the room {@code r@conference.example.com} belongs to the bean {@code conference} when example.com is one of our
 * virtual hosts; when that bean is tigase-muc's {@code MUCComponent}, its room repository (bean {@code mucRepository}
 * of the component's kernel) answers with the room's configuration and the user's affiliation.
 * <p>
 * tigase-muc is optional (server-only installs have no jar), so nothing here links against it: its public methods
 * are called by name through reflection, which only runs once a MUC component is found. Method names are those of
 * tigase-muc 3.4.0 ({@code IMucRepository.getRoom(BareJID)}, {@code Room.getConfig/getAffiliation/getOccupantsNicknames/
 * getOccupantsJidsByNickname}, {@code RoomConfig.isRoomMembersOnly/isPasswordProtectedRoom/getWhois},
 * {@code RoomAffiliation.getAffiliation}); the e2e suite runs them on the real component.
 */
final class MucRoomDirectory implements RoomDirectory {

    private static final Logger LOG = Logger.getLogger(MucRoomDirectory.class.getName());
    private static final String MUC_COMPONENT = "tigase.muc.MUCComponent";
    /** What a cluster node that does not run the rooms has as its room service: it forwards to the rooms node. */
    private static final String FORWARDER = "tigase.cluster.VirtualComponent";

    private final Kernel kernel;
    private final Predicate<String> localDomain;
    private final Map<String, Method> methods = new ConcurrentHashMap<>();

    /** @param kernel any kernel of the server (bean lookups go up to the root, where components live) */
    MucRoomDirectory(Kernel kernel, Predicate<String> localDomain) {
        this.kernel = kernel;
        this.localDomain = localDomain;
    }

    @Override
    public boolean hosts(String jid) {
        return repositoryFor(jid) != null;
    }

    @Override
    public boolean servedByAnotherNode(String jid) {
        Object service = roomService(jid);
        return service != null && isA(service.getClass(), FORWARDER);
    }

    @Override
    public RoomLookup lookup(String room, String user) throws RoomDirectoryException {
        Object repository = repositoryFor(room);
        if (repository == null) {
            return RoomLookup.NOT_HOSTED_HERE;
        }
        try {
            Object r = call(repository, "tigase.muc.repository.IMucRepository", "getRoom", BareJID.class,
                    BareJID.bareJIDInstanceNS(Jid.bare(room)));
            if (r == null) {
                return RoomLookup.NO_SUCH_ROOM;
            }
            Object config = call(r, "tigase.muc.Room", "getConfig", null, null);
            BareJID u = BareJID.bareJIDInstanceNS(Jid.bare(user));
            Object roomAffiliation = call(r, "tigase.muc.Room", "getAffiliation", BareJID.class, u);
            Object affiliation = roomAffiliation == null ? null
                    : call(roomAffiliation, "tigase.muc.RoomAffiliation", "getAffiliation", null, null);
            Collection<?> nicks = (Collection<?>) call(r, "tigase.muc.Room", "getOccupantsNicknames", BareJID.class, u);
            return RoomLookup.found(new RoomFacts(
                    Boolean.TRUE.equals(call(config, "tigase.muc.RoomConfig", "isRoomMembersOnly", null, null)),
                    Boolean.TRUE.equals(call(config, "tigase.muc.RoomConfig", "isPasswordProtectedRoom", null, null)),
                    nonAnonymous(config),
                    Affiliation.of(affiliation == null ? null : affiliation.toString()),
                    nicks != null && !nicks.isEmpty()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new RoomDirectoryException("tigase-muc could not read room " + room + ": " + cause(e), e);
        }
    }

    @Override
    public Optional<String> realJid(String occupant) throws RoomDirectoryException {
        String nick = Jid.resource(occupant);
        Object repository = nick == null ? null : repositoryFor(occupant);
        if (repository == null) {
            return Optional.empty();
        }
        try {
            Object r = call(repository, "tigase.muc.repository.IMucRepository", "getRoom", BareJID.class,
                    BareJID.bareJIDInstanceNS(Jid.bare(occupant)));
            if (r == null || !nonAnonymous(call(r, "tigase.muc.Room", "getConfig", null, null))) {
                return Optional.empty();
            }
            Collection<?> jids = (Collection<?>) call(r, "tigase.muc.Room", "getOccupantsJidsByNickname", String.class, nick);
            if (jids == null || jids.isEmpty()) {
                return Optional.empty();
            }
            Object first = jids.iterator().next();
            return Optional.of(first instanceof JID j ? j.getBareJID().toString() : Jid.bare(first.toString()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new RoomDirectoryException("tigase-muc could not read the occupant " + occupant + ": " + cause(e), e);
        }
    }

    private boolean nonAnonymous(Object config) throws ReflectiveOperationException {
        Object whois = call(config, "tigase.muc.RoomConfig", "getWhois", null, null);
        return whois != null && "anyone".equals(whois.toString());
    }

    /** The room repository of the MUC component serving that room's domain, or null when none does. */
    private Object repositoryFor(String jid) {
        Object service = roomService(jid);
        if (service == null || !isA(service.getClass(), MUC_COMPONENT)) {
            return null;
        }
        String domain = Jid.domain(jid);
        try {
            Kernel own = kernel.getInstance(domain.substring(0, domain.indexOf('.')) + "#KERNEL");
            return own.getInstance("mucRepository");
        } catch (RuntimeException e) {
            LOG.fine(() -> "no MUC room repository behind " + jid + ": " + e);
            return null;
        }
    }

    /** The running component named by the first label of the address's domain, when the rest is one of ours. */
    private Object roomService(String jid) {
        String domain = Jid.domain(jid);
        int dot = domain == null ? -1 : domain.indexOf('.');
        if (dot <= 0 || !localDomain.test(domain.substring(dot + 1))) {
            return null;
        }
        String component = domain.substring(0, dot);
        try {
            // a component's own kernel exists once it is running (an inactive bean has none: nothing is created here);
            // a cluster's forwarder has no kernel of its own: it is a bean of the root kernel, running once registered
            if (!kernel.isBeanClassRegistered(component + "#KERNEL") && !kernel.isBeanClassRegistered(component)) {
                return null;
            }
            return kernel.getInstance(component);
        } catch (RuntimeException e) {
            LOG.fine(() -> "no component behind " + domain + ": " + e);
            return null;
        }
    }

    private static boolean isA(Class<?> c, String className) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private Object call(Object target, String publicType, String name, Class<?> param, Object arg)
            throws ReflectiveOperationException {
        Method m = methods.get(publicType + '.' + name);
        if (m == null) {
            Class<?> type = Class.forName(publicType, false, target.getClass().getClassLoader());
            m = param == null ? type.getMethod(name) : type.getMethod(name, param);
            methods.put(publicType + '.' + name, m);
        }
        try {
            return param == null ? m.invoke(target) : m.invoke(target, arg);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception c ? new ReflectiveOperationException(c.toString(), c) : e;
        }
    }

    private static String cause(Throwable e) {
        Throwable c = e.getCause() != null ? e.getCause() : e;
        return c.toString();
    }
}
