package tigase.kernel.beans;

public interface Initializable {

    void initialize();
}
