package net.bluemind.xmpp.archive.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MucFormRepairTest {

    @Test
    void multiValuedFieldsGetTheTypeXep0045Gives() {
        assertThat(MucFormRepair.typeFor("muc#roomconfig_presencebroadcast", 3)).isEqualTo("list-multi");
        assertThat(MucFormRepair.typeFor("muc#roomconfig_roomowners", 2)).isEqualTo("jid-multi");
        assertThat(MucFormRepair.typeFor("muc#roomconfig_roomadmins", 2)).isEqualTo("jid-multi");
        assertThat(MucFormRepair.typeFor("muc#roomconfig_whois", 4)).isEqualTo("list-multi");
        assertThat(MucFormRepair.typeFor("x-unknown", 2)).as("any other several-valued field").isEqualTo("text-multi");
    }

    @Test
    void singleValuedFieldsAreLeftAlone() {
        assertThat(MucFormRepair.typeFor("muc#roomconfig_presencebroadcast", 1)).isNull();
        assertThat(MucFormRepair.typeFor("muc#roominfo_subject", 0)).isNull();
        assertThat(MucFormRepair.typeFor(null, 3)).isNull();
    }
}
