package net.bluemind.xmpp.archive.tigase;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.mam.MamAnswer;
import net.bluemind.xmpp.archive.mam.MamError;
import net.bluemind.xmpp.archive.mam.XmlElement;
import tigase.server.Packet;
import tigase.server.Priority;
import tigase.xml.Element;
import tigase.xmpp.Authorization;
import tigase.xmpp.PacketErrorTypeException;
import tigase.xmpp.StanzaType;
import tigase.xmpp.jid.JID;

/**
 * The packets answering one XEP-0313 query, wherever it arrived (a user's session, {@link ArchiveProcessor}; a room
 * of the MUC component, {@link RoomMamModule}): the result messages, then the iq result; or exactly one error.
 */
final class MamReplies {

    private static final Logger LOG = Logger.getLogger(MamReplies.class.getName());
    static final String XMLNS = "urn:xmpp:mam:2";

    private MamReplies() {
    }

    /** The answer to {@code query} (an iq get or set) asked by {@code requester}; nothing for other iq types. */
    static List<Packet> answer(ArchiveEngine engine, Packet query, JID requester) {
        List<Packet> out = new ArrayList<>();
        if (query.getType() != StanzaType.set && query.getType() != StanzaType.get) {
            return out;
        }
        if (engine == null) {
            addError(out, query, new MamError(MamError.Condition.SERVICE_UNAVAILABLE, "the archive is not running"));
            return out;
        }
        try {
            String iqTo = query.getStanzaTo() == null ? null : query.getStanzaTo().getBareJID().toString();
            XmlElement child = ElementTrees.toNeutral(query.getElement().getChild("query", XMLNS));
            MamAnswer a = engine.mam().handle(requester.toString(), iqTo, query.getType() == StanzaType.set, child);
            for (XmlElement m : a.messages()) {
                Element el = ElementTrees.toTigase(m);
                Packet p = Packet.packetInstance(el, JID.jidInstanceNS(el.getAttributeStaticStr("from")), requester);
                // ahead of the iq result in Tigase's queues (as Tigase's own MAM does): a client stops reading at it
                p.setPriority(Priority.HIGH);
                out.add(p);
            }
            out.add(query.okResult(ElementTrees.toTigase(a.iqChild()), 0));
        } catch (MamError err) {
            out.clear();
            addError(out, query, err);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "MAM query failed", t);
            out.clear();
            addError(out, query, new MamError(MamError.Condition.INTERNAL_SERVER_ERROR, "archive query failed"));
        }
        return out;
    }

    /** Adds the error answering {@code query}, unless it is itself an error (never answered). */
    static void addError(java.util.Collection<? super Packet> out, Packet query, MamError err) {
        Authorization a = switch (err.condition()) {
            case BAD_REQUEST -> Authorization.BAD_REQUEST;
            case FORBIDDEN -> Authorization.FORBIDDEN;
            case ITEM_NOT_FOUND -> Authorization.ITEM_NOT_FOUND;
            case FEATURE_NOT_IMPLEMENTED -> Authorization.FEATURE_NOT_IMPLEMENTED;
            case SERVICE_UNAVAILABLE -> Authorization.SERVICE_UNAVAILABLE;
            default -> Authorization.INTERNAL_SERVER_ERROR;
        };
        try {
            out.add(a.getResponseMessage(query, err.getMessage(), true));
        } catch (PacketErrorTypeException e) {
            LOG.fine(() -> "no error answer to an error packet: " + query.getElemName());
        }
    }
}
