package net.bluemind.xmpp.vcard.tigase;

import java.util.Queue;
import net.bluemind.xmpp.vcard.Reply;
import tigase.server.Packet;
import tigase.xmpp.Authorization;
import tigase.xmpp.PacketErrorTypeException;
import tigase.xmpp.jid.JID;

/** Turns the engine's {@link Reply} into the answer stanza. */
final class VCardStanzas {

    private VCardStanzas() {
    }

    /**
     * @param deliverTo the requester's connection when the request came from a local session (else null: the
     *                  answer is routed by its 'to')
     * @return false when the reply is {@link Reply.NotOurs} and nothing was answered
     */
    static boolean answer(Packet request, Reply reply, JID deliverTo, Queue<Packet> results)
            throws PacketErrorTypeException {
        Packet answer;
        if (reply instanceof Reply.Result r) {
            answer = r.payload().isPresent() ? request.okResult(ElementConverter.toElement(r.payload().get()), 0)
                    : request.okResult((String) null, 0);
        } else if (reply instanceof Reply.Error e) {
            answer = condition(e.condition()).getResponseMessage(request, e.text(), true);
        } else {
            return false;
        }
        if (deliverTo != null) {
            answer.setPacketTo(deliverTo);
        }
        results.offer(answer);
        return true;
    }

    private static Authorization condition(Reply.Condition c) {
        return switch (c) {
            case ITEM_NOT_FOUND -> Authorization.ITEM_NOT_FOUND;
            case NOT_ALLOWED -> Authorization.NOT_ALLOWED;
            case INTERNAL_SERVER_ERROR -> Authorization.INTERNAL_SERVER_ERROR;
            case BAD_REQUEST -> Authorization.BAD_REQUEST;
            case FEATURE_NOT_IMPLEMENTED -> Authorization.FEATURE_NOT_IMPLEMENTED;
            case SERVICE_UNAVAILABLE -> Authorization.SERVICE_UNAVAILABLE;
        };
    }
}
