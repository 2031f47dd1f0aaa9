package tigase.component.exceptions;

/** Declared members: the type (thrown by {@link tigase.component.modules.Module#process}) and one constructor, for subclasses. */
public class ComponentException extends Exception {

    public ComponentException(tigase.xmpp.Authorization errorCondition) {
    }
}
