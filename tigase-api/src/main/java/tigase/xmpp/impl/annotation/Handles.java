package tigase.xmpp.impl.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Declared members: only those bm-xmpp uses. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Handles {

    Handle[] value();
}
