package net.bluemind.xmpp.archive.mam;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.bluemind.xmpp.archive.Jid;
import net.bluemind.xmpp.archive.mam.MamError.Condition;
import net.bluemind.xmpp.archive.query.Cursor;

/** Parses a MAM v2 query element: data form fields and RSM. Anything it cannot honour is a clear error. */
public final class MamQueryParser {

    public static final String MAM = "urn:xmpp:mam:2";
    public static final String DATA = "jabber:x:data";
    public static final String RSM = "http://jabber.org/protocol/rsm";
    public static final String FULLTEXT_FIELD = "{urn:xmpp:fulltext:0}fulltext";

    private MamQueryParser() {
    }

    public static MamRequest parse(XmlElement query) throws MamError {
        if (!"query".equals(query.name()) || !MAM.equals(query.xmlns())) {
            throw new MamError(Condition.BAD_REQUEST, "not a urn:xmpp:mam:2 query");
        }
        if (query.attribute("node") != null) {
            throw new MamError(Condition.FEATURE_NOT_IMPLEMENTED, "archives of pubsub nodes are not supported");
        }
        String with = null;
        Long start = null;
        Long end = null;
        String text = null;
        XmlElement form = query.child("x", DATA).orElse(null);
        if (form != null) {
            for (XmlElement field : form.children("field")) {
                String var = field.attribute("var");
                String value = field.child("value", DATA).map(XmlElement::text).orElse(null);
                if (var == null) {
                    throw new MamError(Condition.BAD_REQUEST, "a form field without var");
                }
                switch (var) {
                    case "FORM_TYPE" -> {
                        if (value != null && !value.trim().equals(MAM)) {
                            throw new MamError(Condition.BAD_REQUEST, "FORM_TYPE must be " + MAM);
                        }
                    }
                    case "with" -> with = jid(value);
                    case "start" -> start = date("start", value);
                    case "end" -> end = date("end", value);
                    case FULLTEXT_FIELD, "withtext", "search" -> text = blankToNull(value);
                    default -> throw new MamError(Condition.BAD_REQUEST, "unsupported field '" + var + "'");
                }
            }
        }
        XmlElement set = query.child("set", RSM).orElse(null);
        Cursor cursor = new Cursor.First();
        Integer max = null;
        if (set != null) {
            if (set.child("index", RSM).isPresent()) {
                throw new MamError(Condition.FEATURE_NOT_IMPLEMENTED, "RSM <index/> is not supported: use after/before");
            }
            XmlElement maxEl = set.child("max", RSM).orElse(null);
            if (maxEl != null) {
                max = max(maxEl.text());
            }
            XmlElement after = set.child("after", RSM).orElse(null);
            XmlElement before = set.child("before", RSM).orElse(null);
            if (after != null && before != null) {
                throw new MamError(Condition.BAD_REQUEST, "RSM <after/> and <before/> together");
            }
            if (after != null) {
                String id = blankToNull(after.text());
                if (id == null) {
                    throw new MamError(Condition.BAD_REQUEST, "empty RSM <after/>");
                }
                cursor = new Cursor.After(id.trim());
            } else if (before != null) {
                String id = blankToNull(before.text());
                cursor = id == null ? new Cursor.Last() : new Cursor.Before(id.trim());
            }
        }
        return new MamRequest(query.attribute("queryid"), with, start, end, text, cursor, max);
    }

    private static String jid(String value) throws MamError {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        v = v.trim();
        if (v.contains(" ") || v.startsWith("@") || v.endsWith("@") || v.startsWith("/")) {
            throw new MamError(Condition.BAD_REQUEST, "'with' is not a JID: " + v);
        }
        return Jid.bare(v);
    }

    private static Long date(String field, String value) throws MamError {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.trim()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new MamError(Condition.BAD_REQUEST, "'" + field + "' is not a XEP-0082 date-time: " + v);
        }
    }

    private static Integer max(String value) throws MamError {
        try {
            int m = Integer.parseInt(value == null ? "" : value.trim());
            if (m < 0) {
                throw new NumberFormatException();
            }
            return m;
        } catch (NumberFormatException e) {
            throw new MamError(Condition.BAD_REQUEST, "RSM <max/> must be a whole number >= 0, not '" + value + "'");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
