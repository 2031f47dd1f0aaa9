package tigase.kernel.core;

/** Declared members: only those bm-xmpp uses. */
public class Kernel {

    public Kernel() {
    }

    public <T> T getInstance(String beanName) {
        throw new UnsupportedOperationException("declaration only");
    }

    public boolean isBeanClassRegistered(String beanName) {
        throw new UnsupportedOperationException("declaration only");
    }

    public Kernel getParent() {
        throw new UnsupportedOperationException("declaration only");
    }
}
