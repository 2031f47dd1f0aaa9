package tigase.kernel.beans;

import tigase.kernel.core.Kernel;

public interface BeanSelector {

    @SuppressWarnings("rawtypes")
    boolean shouldRegister(Class clazz, Kernel kernel);
}
