package tigase.kernel.beans;

public interface UnregisterAware {

    void beforeUnregister();
}
