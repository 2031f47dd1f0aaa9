package net.bluemind.xmpp.interop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.igniterealtime.smack.inttest.AbstractSmackIntTest;
import org.igniterealtime.smack.inttest.AbstractSmackIntegrationTest;
import org.igniterealtime.smack.inttest.AbstractSmackLowLevelIntegrationTest;
import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.annotations.SmackIntegrationTest;
import org.igniterealtime.smack.inttest.annotations.SpecificationReference;
import org.reflections.Reflections;
import org.reflections.scanners.SubTypesScanner;

/** The suite's test classes, found in the framework's default packages the way the framework finds them. */
final class SuiteClasses {

    static final String[] PACKAGES = { "org.jivesoftware.smackx", "org.jivesoftware.smack", "org.igniterealtime.smackx",
            "org.igniterealtime.smack" };

    private SuiteClasses() {
    }

    static List<Class<? extends AbstractSmackIntTest>> find() {
        Reflections reflections = new Reflections(PACKAGES, new SubTypesScanner());
        Set<Class<? extends AbstractSmackIntTest>> all = new HashSet<>();
        all.addAll(reflections.getSubTypesOf(AbstractSmackIntegrationTest.class));
        all.addAll(reflections.getSubTypesOf(AbstractSmackLowLevelIntegrationTest.class));
        List<Class<? extends AbstractSmackIntTest>> classes = new ArrayList<>();
        for (Class<? extends AbstractSmackIntTest> c : all) {
            if (!Modifier.isAbstract(c.getModifiers()) && !c.getName().startsWith("org.igniterealtime.smack.inttest.unittest")
                    && !testMethods(c).isEmpty()) {
                classes.add(c);
            }
        }
        classes.sort(Comparator.comparing((Class<?> c) -> specification(c)).thenComparing(Class::getName));
        return classes;
    }

    static List<Method> testMethods(Class<?> testClass) {
        List<Method> methods = new ArrayList<>();
        for (Method m : testClass.getMethods()) {
            if (m.isAnnotationPresent(SmackIntegrationTest.class)) {
                methods.add(m);
            }
        }
        methods.sort(Comparator.comparing(Method::getName));
        return methods;
    }

    /** The class's specification as the framework names it (e.g. XEP-0045), or "(none)". */
    static String specification(Class<?> testClass) {
        SpecificationReference ref = testClass.getAnnotation(SpecificationReference.class);
        return ref == null ? "(none)" : Configuration.normalizeSpecification(ref.document());
    }
}
