package tigase.net;

/** Declared members: only those bm-xmpp uses. */
public class SocketThread implements Runnable {

    private SocketThread() {
    }

    public static void addSocketService(IOService<?> s) {
        throw new UnsupportedOperationException("declaration only");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("declaration only");
    }
}
