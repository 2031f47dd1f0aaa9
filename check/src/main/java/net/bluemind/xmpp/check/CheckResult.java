package net.bluemind.xmpp.check;

/** One line of `bm-xmpp check`: what was checked, how it went, and what to do about it. */
public record CheckResult(Status status, String check, String subject, String detail, String fix) {

    public enum Status {
        OK, WARN, FAIL
    }

    public static CheckResult ok(String check, String subject, String detail) {
        return new CheckResult(Status.OK, check, subject, detail, "");
    }

    public static CheckResult warn(String check, String subject, String detail, String fix) {
        return new CheckResult(Status.WARN, check, subject, detail, fix);
    }

    public static CheckResult fail(String check, String subject, String detail, String fix) {
        return new CheckResult(Status.FAIL, check, subject, detail, fix);
    }

    /** {@code FAIL  srv    example.test  no _xmpp-client._tcp record -> add: ...} */
    public String line() {
        return String.format("%-4s  %-6s %-24s %s%s", status, check, subject, detail, fix.isEmpty() ? "" : "\n      fix: " + fix);
    }
}
