package net.bluemind.xmpp.archive.tigase;

import java.util.ArrayList;
import java.util.List;
import tigase.kernel.beans.Bean;
import tigase.muc.exceptions.MUCException;
import tigase.muc.modules.RoomConfigurationModule;
import tigase.server.Packet;

/**
 * tigase-muc's owner module ({@code conference/ownerModule/class} in init.properties), whose answer to a room's
 * configuration leaves once the configuration is applied. tigase-muc 3.4.0 writes the owner's {@code result} first,
 * then applies the form and unlocks a new room: a participant the owner invited on that result could be refused with
 * {@code item-not-found} ("Room exists but is locked") when another component thread took the join in between
 * (docs/developers-guide.md, "Known Tigase issues"). Here the {@code result} to a {@code set} is held until tigase-muc's
 * handling of that {@code set} returns, then written.
 */
@Bean(name = AnswerAfterConfiguration.ID, active = true)
public class AnswerAfterConfiguration extends RoomConfigurationModule {

    static final String ID = "ownerModule";
    /** The results written while this thread handles a configuration set; null otherwise. */
    private static final ThreadLocal<List<Packet>> HELD = new ThreadLocal<>();

    @Override
    public void process(Packet packet) throws MUCException {
        if (!"set".equals(packet.getElement().getAttributeStaticStr("type"))) {
            super.process(packet);
            return;
        }
        List<Packet> held = new ArrayList<>(1);
        HELD.set(held);
        try {
            super.process(packet);
        } finally {
            HELD.remove();
            held.forEach(super::write);
        }
    }

    @Override
    protected void write(Packet packet) {
        List<Packet> held = HELD.get();
        if (held != null && "iq".equals(packet.getElemName())
                && "result".equals(packet.getElement().getAttributeStaticStr("type"))) {
            held.add(packet);
            return;
        }
        super.write(packet);
    }
}
