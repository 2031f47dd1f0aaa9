package net.bluemind.xmpp.testkit.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who the tests run as, and the unprivileged system user a root run hands Elasticsearch to. */
final class RunningUser {

    private RunningUser() {
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    static void ensureSystemUser(String user) {
        if (Command.run(List.of("id", "-u", user), Map.of(), Path.of("/"), Duration.ofSeconds(10)).ok()) {
            return;
        }
        Command.Result r = Command.run(List.of("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                "--shell", "/usr/sbin/nologin", user), Map.of(), Path.of("/"), Duration.ofSeconds(30));
        if (!r.ok() && !Command.run(List.of("id", "-u", user), Map.of(), Path.of("/"), Duration.ofSeconds(10)).ok()) {
            throw new ServiceException("cannot create system user " + user + " for Elasticsearch: " + r.output());
        }
    }

    static void chown(String user, Path... paths) {
        List<String> cmd = new ArrayList<>(List.of("chown", "-R", user + ":" + user));
        for (Path p : paths) {
            cmd.add(p.toString());
        }
        Command.Result r = Command.run(cmd, Map.of(), Path.of("/"), Duration.ofMinutes(2));
        if (!r.ok()) {
            throw new ServiceException("cannot give " + List.of(paths) + " to " + user + ": " + r.output());
        }
    }
}
