package net.bluemind.xmpp.check;

/** Judges a domain's room service from its disco#info answer (XEP-0045 section 6.1: identity conference/text). */
final class RoomServiceVerdict {

    private RoomServiceVerdict() {
    }

    static CheckResult judge(String domain, String answer) {
        String subject = "conference." + domain;
        if (answer != null && answer.contains("type=\"result\"") || answer != null && answer.contains("type='result'")) {
            if (answer.matches("(?s).*category=[\"']conference[\"'].*")
                    && answer.contains("http://jabber.org/protocol/muc")) {
                return CheckResult.ok("rooms", subject, "room service answers (XEP-0045)");
            }
            return CheckResult.fail("rooms", subject, "answers, but not as a room service",
                    "check that the 'conference' bean is tigase.muc.MUCComponent in init.properties");
        }
        return CheckResult.fail("rooms", subject, "no room service: " + firstLine(answer),
                "put tigase-muc's jar in TIGASE_HOME/jars and keep the 'conference' lines of init.properties");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no answer";
        }
        String t = s.trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
