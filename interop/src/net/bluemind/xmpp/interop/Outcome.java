package net.bluemind.xmpp.interop;

/** The result of one concrete test of the suite (one test method, on one connection type). */
record Outcome(String specification, String testClass, String test, Kind kind, String reason, long millis) {

    enum Kind {
        PASSED, FAILED, NOT_POSSIBLE, NEEDS_MORE_ACCOUNTS
    }

    /** One line of results.tsv: kind, specification, test, milliseconds, reason (tabs and newlines flattened). */
    String tsv() {
        return kind + "\t" + specification + "\t" + test + "\t" + millis + "\t" + flat(reason);
    }

    static String flat(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").trim();
    }
}
