package tigase.auth;

public interface DomainAware extends Aware {

    void setDomain(String domain);
}
