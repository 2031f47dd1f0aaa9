package net.bluemind.xmpp.domains.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InlineResumeAfterLoginTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> processed = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void theMoveOfAStreamWaitsForItsConnectionsLoginAndIsProcessedRightAfterIt() {
        InlineResumeAfterLogin<String> resumes = new InlineResumeAfterLogin<>(timer, 60_000);
        resumes.hold("c2s/conn-2", "move-stream", processed::add);
        assertThat(processed).isEmpty();
        resumes.loggedIn("c2s/conn-1", processed::add);
        assertThat(processed).as("another connection's login releases nothing").isEmpty();
        resumes.loggedIn("c2s/conn-2", processed::add);
        assertThat(processed).containsExactly("move-stream");
        assertThat(resumes.waiting()).isZero();
    }

    @Test
    void withoutALoginItIsProcessedAfterTheMaximumWaitOnceSoThatTheSessionManagerGetsItsAnswer() throws Exception {
        InlineResumeAfterLogin<String> resumes = new InlineResumeAfterLogin<>(timer, 50);
        resumes.hold("c2s/conn-2", "move-stream", processed::add);
        Thread.sleep(300);
        assertThat(processed).containsExactly("move-stream");
        resumes.loggedIn("c2s/conn-2", processed::add);
        assertThat(processed).as("never twice").containsExactly("move-stream");
    }

    @Test
    void aLoginAfterWhichTheTimerFiresProcessesItOnce() throws Exception {
        InlineResumeAfterLogin<String> resumes = new InlineResumeAfterLogin<>(timer, 100);
        resumes.hold("c2s/conn-2", "move-stream", processed::add);
        resumes.loggedIn("c2s/conn-2", processed::add);
        Thread.sleep(300);
        assertThat(processed).containsExactly("move-stream");
    }

    @Test
    void onlyTheMoveOfAStreamAndTheLoginAreRecognised() {
        assertThat(InlineResumeAfterLogin.isMoveStream("STREAM_MOVED", "move-stream")).isTrue();
        assertThat(InlineResumeAfterLogin.isMoveStream("STREAM_MOVED", "enable")).isFalse();
        assertThat(InlineResumeAfterLogin.isMoveStream("STREAM_MOVED", "stream-moved")).isFalse();
        assertThat(InlineResumeAfterLogin.isMoveStream("GETFEATURES", "move-stream")).isFalse();
        assertThat(InlineResumeAfterLogin.isMoveStream(null, null)).isFalse();
        assertThat(InlineResumeAfterLogin.isUserLogin("USER_LOGIN")).isTrue();
        assertThat(InlineResumeAfterLogin.isUserLogin("USER_STATUS")).isFalse();
    }
}
