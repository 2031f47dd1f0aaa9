package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import net.bluemind.xmpp.testkit.services.PostgresNode;
import net.bluemind.xmpp.testkit.tigase.TigaseUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared database of a cluster (docs/operators-guide.md, "Scaling out"): a real PostgreSQL from Debian's package, Tigase's schema
 * created in it by Tigase's own schema tool from the Tigase under test, as an operator does once for all nodes.
 */
class ClusterDatabaseIT {

    private static PostgresNode pg;
    private static TigaseUnderTest tigase;

    @BeforeAll
    static void start() throws Exception {
        String home = System.getenv("TIGASE_HOME");
        assumeTrue(home != null && !home.isBlank(), E2eStack.SKIP_MESSAGE);
        assumeTrue(PostgresNode.installed(), "no PostgreSQL server installed (apt install postgresql)");
        pg = new PostgresNode(55432).startFresh();
        Path repo = Path.of(System.getProperty("bmx.repo.dir", "..")).toAbsolutePath().normalize();
        tigase = TigaseUnderTest.installWithoutBundle(Path.of(home), repo);
        tigase.addJar(Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (tigase != null) {
            tigase.close();
        }
        if (pg != null) {
            pg.close();
            assertThat(pg.listening()).as("PostgreSQL stopped at close").isFalse();
        }
    }

    @Test
    void tigasesSchemaToolCreatesTheSharedStoreAndItsNodeList() throws Exception {
        tigase.installSchema(pg.address(), "tigasedb", "tigase", "tigase-pw", PostgresNode.SUPERUSER,
                PostgresNode.SUPERUSER_PASSWORD);

        // the nodes connect as the database's owner over TCP with a password, as the init.properties URI says
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pg.address() + "/tigasedb", "tigase", "tigase-pw")) {
            Map<String, String> versions = new HashMap<>();
            try (ResultSet r = c.createStatement().executeQuery("select component, version from tig_schema_versions")) {
                while (r.next()) {
                    versions.put(r.getString(1), r.getString(2));
                }
            }
            assertThat(versions.get("server")).startsWith("8.4.0");
            if (tigase.home().resolve("jars/tigase-muc-3.4.0.jar").toFile().exists()) {
                assertThat(versions.get("muc")).startsWith("3.4.0");
            }
            try (ResultSet r = c.createStatement().executeQuery("select count(*) from tig_cluster_nodes")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).as("no node registered yet").isZero();
            }
        }
    }

    @Test
    void aWrongSuperuserPasswordIsAClearFailureAndCreatesNothing() {
        assertThatThrownBy(() -> tigase.installSchema(pg.address(), "otherdb", "other", "other-pw",
                PostgresNode.SUPERUSER, "not-the-password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema tool failed on " + pg.address() + "/otherdb");
        assertThat(pg.sql("postgres", "select count(*) from pg_database where datname = 'otherdb'")).isEqualTo("0");
    }
}
