package tigase.component.exceptions;

/** Declared members: only the type (thrown by {@link tigase.component.modules.Module#process}). */
public class ComponentException extends Exception {

    private ComponentException() {
    }
}
