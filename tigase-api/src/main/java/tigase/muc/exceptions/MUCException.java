package tigase.muc.exceptions;

import tigase.component.exceptions.ComponentException;

/** Declared members: only the type (thrown by {@link tigase.muc.modules.PresenceModuleImpl#process}). */
public class MUCException extends ComponentException {

    private MUCException() {
        super((tigase.xmpp.Authorization) null);
    }
}
