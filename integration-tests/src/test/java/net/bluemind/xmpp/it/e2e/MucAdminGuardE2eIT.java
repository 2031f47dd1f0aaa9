package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * XEP-0045's permission checks on affiliation and role changes (MucAdminGuard; docs/developers-guide.md, "Known
 * Tigase issues"): tigase-muc 3.4.0 carried out a participant's ban, membership or ownership grant for somebody not
 * in the room, and refused others with not-allowed. A participant's change is now forbidden and changes nothing, an
 * owner banning themselves gets conflict, and what owners may do is still done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MucAdminGuardE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final RunUsers people = new RunUsers(RUN);
    private E2eStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    @BeforeEach
    void needsTigaseWithMuc() {
        people.addOnceWithRooms(stack, "mga", "mgb");
    }

    @AfterAll
    void disconnect() {
        people.disconnectAll();
    }

    private XMPPTCPConnection user(String name) throws Exception {
        return people.login(name);
    }

    private static void refused(Executable change, StanzaError.Condition condition) {
        assertThatThrownBy(change::execute).isInstanceOfSatisfying(XMPPErrorException.class,
                e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(condition));
    }

    private static List<String> jids(List<Affiliate> affiliates) {
        return affiliates.stream().map(a -> a.getJid().toString()).toList();
    }

    @Test
    void aParticipantChangesNobodysAffiliationOrRoleAndOwnersStillDo() throws Exception {
        EntityBareJid roomJid = XmppClients.jid("guard-" + RUN + "@conference." + DOMAIN);
        EntityBareJid stranger = XmppClients.jid("stranger-" + RUN + "@elsewhere.test");
        MultiUserChat owner = MultiUserChatManager.getInstanceFor(user("mga")).getMultiUserChat(roomJid);
        owner.create(Resourcepart.from("owner")).makeInstant();
        MultiUserChat participant = MultiUserChatManager.getInstanceFor(user("mgb")).getMultiUserChat(roomJid);
        participant.join(Resourcepart.from("participant"));

        refused(() -> participant.banUser(stranger, "no"), StanzaError.Condition.forbidden);
        refused(() -> participant.grantMembership(stranger), StanzaError.Condition.forbidden);
        refused(() -> participant.grantOwnership(stranger), StanzaError.Condition.forbidden);
        refused(() -> participant.kickParticipant(Resourcepart.from("owner"), "no"), StanzaError.Condition.forbidden);
        assertThat(jids(owner.getOutcasts())).doesNotContain(stranger.toString());
        assertThat(jids(owner.getMembers())).doesNotContain(stranger.toString());
        assertThat(jids(owner.getOwners())).containsExactly((people.email("mga")));

        refused(() -> owner.banUser(XmppClients.jid(people.email("mga")), "me"), StanzaError.Condition.conflict);
        owner.grantMembership(stranger);
        assertThat(jids(owner.getMembers())).contains(stranger.toString());
        owner.destroy("done", null);
    }
}
