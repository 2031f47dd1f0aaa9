package net.bluemind.xmpp.common.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.bluemind.xmpp.common.settings.Settings;

/** PLACEHOLDER being written (issue 2): the HTTP implementation of {@link CoreClient}. */
public class HttpCoreClient implements CoreClient {
    public HttpCoreClient(Settings settings) {
        throw new UnsupportedOperationException("not written yet");
    }
    public ValidationResult validate(String l, String s) { throw new UnsupportedOperationException(); }
    public LoginResponse login(String l, String p) { throw new UnsupportedOperationException(); }
    public List<ItemValue<Domain>> domains() { throw new UnsupportedOperationException(); }
    public Optional<ItemValue<Domain>> lookupDomain(String n) { throw new UnsupportedOperationException(); }
    public Optional<ItemValue<User>> userByEmail(String d, String e) { throw new UnsupportedOperationException(); }
    public Optional<ItemValue<User>> userByLogin(String d, String l) { throw new UnsupportedOperationException(); }
    public Set<String> resolvedRoles(String d, String u) { throw new UnsupportedOperationException(); }
    public Optional<VCard> vcard(String d, String u) { throw new UnsupportedOperationException(); }
    public Optional<byte[]> photo(String d, String u) { throw new UnsupportedOperationException(); }
    public Optional<byte[]> icon(String d, String u) { throw new UnsupportedOperationException(); }
}
