package net.bluemind.xmpp.archive.mam;

import java.util.List;

/**
 * What answers a MAM query: the result messages to send first, then the child of the iq result
 * ({@code <fin/>} for a query, the form for a get).
 */
public record MamAnswer(List<XmlElement> messages, XmlElement iqChild) {

    public MamAnswer {
        messages = List.copyOf(messages);
    }
}
