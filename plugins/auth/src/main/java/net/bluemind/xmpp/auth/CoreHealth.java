package net.bluemind.xmpp.auth;

/**
 * Whether bm-core was reachable at the last call the auth engine made: down after an "unavailable" answer,
 * up again after any answer.
 */
final class CoreHealth {

    private volatile boolean down;

    void answered() {
        down = false;
    }

    void unreachable() {
        down = true;
    }

    boolean knownDown() {
        return down;
    }
}
