package net.bluemind.xmpp.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostedDomainsTest {

    private final HostedDomains hosted = new HostedDomains();
    private final List<String> changes = new ArrayList<>();

    HostedDomainsTest() {
        hosted.addListener(new VHostListener() {
            @Override
            public void vhostAdded(VHost v) {
                changes.add("+" + v.name() + "@" + v.domainUid());
            }

            @Override
            public void vhostRemoved(VHost v) {
                changes.add("-" + v.name() + "@" + v.domainUid());
            }

            @Override
            public void vhostUpdated(VHost v) {
                changes.add("~" + v.name() + "@" + v.domainUid());
            }
        });
    }

    @Test
    void fullListAnnouncesOnlyTheDifference() {
        hosted.replaceAll(Map.of("a", Set.of("a.com", "alias-a.com"), "b", Set.of("b.com")));
        changes.clear();

        hosted.replaceAll(Map.of("a", Set.of("a.com"), "c", Set.of("c.com")));

        assertThat(changes).containsExactlyInAnyOrder("-alias-a.com@a", "-b.com@b", "+c.com@c");
        assertThat(hosted.names()).containsExactlyInAnyOrder("a.com", "c.com");
        assertThat(hosted.isLoaded()).isTrue();
    }

    @Test
    void oneDomainsAliasesFollowItsUpdates() {
        hosted.putDomain("a", Set.of("a.com", "old.com"));
        changes.clear();

        hosted.putDomain("a", Set.of("a.com", "new.com"));

        assertThat(changes).containsExactlyInAnyOrder("-old.com@a", "+new.com@a");
        assertThat(hosted.hostsOf("a")).containsExactlyInAnyOrder("a.com", "new.com");
    }

    @Test
    void removingADomainRemovesEachOfItsHosts() {
        hosted.putDomain("a", Set.of("a.com", "x.com"));
        hosted.putDomain("b", Set.of("b.com"));
        changes.clear();

        assertThat(hosted.removeDomain("a")).isTrue();
        assertThat(hosted.removeDomain("nope")).isFalse();

        assertThat(changes).containsExactlyInAnyOrder("-a.com@a", "-x.com@a");
        assertThat(hosted.names()).containsExactly("b.com");
    }

    @Test
    void aHostClaimedTwiceStaysWithItsFirstOwner() {
        hosted.replaceAll(Map.of("a", Set.of("shared.com"), "b", Set.of("shared.com", "b.com")));

        assertThat(hosted.domainUidOf("shared.com")).contains("a");
        assertThat(hosted.domainUidOf("b.com")).contains("b");
    }

    @Test
    void lookupsIgnoreCase() {
        hosted.putDomain("a", Set.of("a.com"));

        assertThat(hosted.contains("A.Com")).isTrue();
        assertThat(hosted.contains("a.com.")).isTrue();
        assertThat(hosted.contains("b.com")).isFalse();
        assertThat(hosted.contains("not a host")).isFalse();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        HostedDomains h = new HostedDomains();
        List<String> seen = new ArrayList<>();
        h.addListener(new VHostListener() {
            @Override
            public void vhostAdded(VHost v) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void vhostRemoved(VHost v) {
            }
        });
        h.addListener(new VHostListener() {
            @Override
            public void vhostAdded(VHost v) {
                seen.add(v.name());
            }

            @Override
            public void vhostRemoved(VHost v) {
            }
        });

        h.putDomain("a", Set.of("a.com"));

        assertThat(seen).containsExactly("a.com");
        assertThat(h.contains("a.com")).isTrue();
    }

    @Test
    void hostNamesAreNormalizedOrRefused() {
        assertThat(VHost.normalize(" Bm.LAN. ")).contains("bm.lan");
        assertThat(VHost.normalize("localhost")).contains("localhost");
        assertThat(VHost.normalize("bücher.example")).contains("bücher.example");
        assertThat(VHost.normalize("")).isEmpty();
        assertThat(VHost.normalize(null)).isEmpty();
        assertThat(VHost.normalize("user@a.com")).isEmpty();
        assertThat(VHost.normalize("a.com/res")).isEmpty();
        assertThat(VHost.normalize("a b.com")).isEmpty();
        assertThat(VHost.normalize("-a.com")).isEmpty();
    }
}
