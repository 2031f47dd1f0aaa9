package net.bluemind.xmpp.domains.tigase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.domains.roster.RosterVersions;
import tigase.xml.Element;

/** Tigase's roster {@code <item/>} elements as {@link RosterVersions.Item}s. */
final class RosterItems {

    private RosterItems() {
    }

    static List<RosterVersions.Item> of(List<Element> items) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<RosterVersions.Item> out = new ArrayList<>(items.size());
        for (Element item : items) {
            if ("item".equals(item.getName())) {
                out.add(new RosterVersions.Item(attributes(item), children(item)));
            }
        }
        return out;
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> a = e.getAttributes();
        return a == null ? Map.of() : a;
    }

    private static List<String> children(Element e) {
        List<Element> children = e.getChildren();
        if (children == null || children.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(children.size());
        for (Element c : children) {
            out.add(RosterVersions.canonical(c.getName(), attributes(c), children(c), c.getCData()));
        }
        return out;
    }
}
