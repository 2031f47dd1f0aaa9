package tigase.kernel.beans;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Bean {

    String name();

    boolean active();

    boolean exportable() default false;

    @SuppressWarnings("rawtypes")
    Class parent() default Object.class;

    @SuppressWarnings("rawtypes")
    Class[] parents() default {};

    Class<? extends BeanSelector>[] selectors() default {};
}
