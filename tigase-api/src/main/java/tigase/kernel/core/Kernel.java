package tigase.kernel.core;

public class Kernel {

    public Kernel() {
    }
}
