package net.bluemind.xmpp.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bluemind.xmpp.common.bus.BusEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CardListeners hear of a changed card (name, title...) of a user whose presence went out, not of the first read. */
class CardChangeTest {

    static SimulatedCore core;

    @BeforeAll
    static void start() {
        core = new SimulatedCore(Duration.ofMillis(700));
        core.sim.addUser("cardy@bluemind.test", "pw", "hasIM");
        core.sim.setFormattedName("cardy@bluemind.test", "Card Y");
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @Test
    void aChangedNameIsToldOnceAndAPhotoChangeIsNotACardChange() {
        Queue<Runnable> queued = new ArrayDeque<>();
        VCardService service = core.service(Duration.ofMinutes(15), queued::add);
        List<String> told = new CopyOnWriteArrayList<>();
        service.addCardListener((jid, c) -> told.add(jid + "=" + c.formattedName()));
        String uid = core.sim.user("cardy@bluemind.test").uid();

        assertThat(service.presencePhoto("cardy@bluemind.test")).as("not known yet").isNull();
        drain(queued);
        assertThat(told).as("the first read is no change").isEmpty();

        core.sim.setFormattedName("cardy@bluemind.test", "Léa Martin");
        service.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.updated", Map.of("domain", "bluemind.test", "uid", uid)));
        drain(queued);
        assertThat(told).containsExactly("cardy@bluemind.test=Léa Martin");

        service.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.updated", Map.of("domain", "bluemind.test", "uid", uid)));
        drain(queued);
        assertThat(told).as("same card again: nothing new").hasSize(1);

        core.sim.setPhoto("cardy@bluemind.test", core.sim.paintPng(32, 32, java.awt.Color.BLUE));
        service.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.photo.updated", Map.of("domain", "bluemind.test", "uid", uid)));
        drain(queued);
        assertThat(told).as("a photo change goes to AvatarListeners only").hasSize(1);
    }

    @Test
    void aUserWhosePresenceNeverWentOutIsNotWatched() throws Exception {
        VCardService service = core.service(Duration.ofMinutes(15), Runnable::run);
        List<String> told = new CopyOnWriteArrayList<>();
        service.addCardListener((jid, c) -> told.add(jid));
        service.contact("bob@bluemind.test");
        service.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.updated", Map.of("domain", "bluemind.test", "uid", "u-bob")));
        assertThat(told).isEmpty();
    }

    private static void drain(Queue<Runnable> queued) {
        for (Runnable r; (r = queued.poll()) != null; ) {
            r.run();
        }
    }
}
