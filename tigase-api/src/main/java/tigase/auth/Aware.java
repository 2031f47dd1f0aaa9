package tigase.auth;

public interface Aware {
}
