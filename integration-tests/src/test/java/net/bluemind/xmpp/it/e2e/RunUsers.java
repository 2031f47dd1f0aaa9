package net.bluemind.xmpp.it.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * The directory users of one test class's run ({@code <name>-<run>@bluemind.test}, password {@code <name>-pw}, IM
 * role) and the Smack connections they open, closed together at the end of the class.
 */
final class RunUsers {

    private final String run;
    private final List<XMPPTCPConnection> open = new CopyOnWriteArrayList<>();
    private boolean added;

    RunUsers(String run) {
        this.run = run;
    }

    void addTo(E2eStack stack, String... names) {
        for (String name : names) {
            stack.core.addUser(email(name), name + "-pw", "hasIM");
        }
    }

    /** {@link #addTo} the first time only: for a class that adds its users once it knows its tests can run. */
    void addOnce(E2eStack stack, String... names) {
        if (!added) {
            addTo(stack, names);
            added = true;
        }
    }

    /** Skips the test unless the e2e stack runs with tigase-muc; then {@link #addOnce}. */
    void addOnceWithRooms(E2eStack stack, String... names) {
        org.junit.jupiter.api.Assumptions.assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        org.junit.jupiter.api.Assumptions.assumeTrue(stack.hasComponent("tigase-muc"), GroupChatE2eIT.NO_MUC);
        addOnce(stack, names);
    }

    String email(String name) {
        return name + "-" + run + "@" + E2eStack.DOMAIN;
    }

    XMPPTCPConnection login(String name) throws Exception {
        XMPPTCPConnection c = XmppClients.login(email(name), name + "-pw");
        open.add(c);
        return c;
    }

    void disconnectAll() {
        open.forEach(XMPPTCPConnection::disconnect);
    }
}
