package tigase.criteria;

import tigase.xml.Element;

/** Declared members: only those bm-xmpp uses. */
public interface Criteria {

    boolean match(Element element);
}
