package tigase.util.stringprep;

/** Declared members: only the type (thrown by {@link tigase.component.modules.Module#process}). */
public class TigaseStringprepException extends Exception {

    private TigaseStringprepException() {
    }
}
