package net.bluemind.xmpp.tigaseapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every type, constructor and method we declare must exist in the real Tigase 8.4.0 jars with the same
 * kind, parameter types, return type and static-ness; otherwise the plugins would compile here and fail
 * with NoSuchMethodError in a real server. Runs when the real jars are in the local Maven repository
 * (tigase:tigase-server:8.4.0, tigase-utils:4.4.0, tigase-xmltools:4.3.0, tigase-muc:3.4.0, tigase-http-api:2.4.0),
 * is skipped otherwise. The servlet API both sides extend (tigase-http-api's FileServlet is an HttpServlet) is on
 * both class paths.
 */
class DeclarationsMatchRealTigaseTest {

    private static final Path REPO = Path.of(System.getProperty("user.home"), ".m2", "repository", "tigase");
    private static final List<Path> REAL_JARS = List.of(
            REPO.resolve("tigase-server/8.4.0/tigase-server-8.4.0.jar"),
            REPO.resolve("tigase-utils/4.4.0/tigase-utils-4.4.0.jar"),
            REPO.resolve("tigase-xmltools/4.3.0/tigase-xmltools-4.3.0.jar"),
            REPO.resolve("tigase-muc/3.4.0/tigase-muc-3.4.0.jar"),
            REPO.resolve("tigase-http-api/2.4.0/tigase-http-api-2.4.0.jar"));
    private static final Path SERVLET_API = Path.of(javax.servlet.http.HttpServlet.class.getProtectionDomain()
            .getCodeSource().getLocation().getPath());

    @Test
    void everyDeclarationExistsInTheRealServer() throws Exception {
        boolean present = REAL_JARS.stream().allMatch(Files::isRegularFile);
        if (!present) {
            System.out.println("declaration check skipped: no real Tigase 8.4.0 jars in " + REPO);
        }
        assumeTrue(present, "no real Tigase 8.4.0 jars in the local Maven repository");

        Path ours = Path.of(Declared.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes");
        List<String> names = declaredClassNames(ours);
        assertThat(names).as("declarations found in %s", ours).isNotEmpty();

        List<String> problems = new ArrayList<>();
        URL[] urls = Stream.concat(REAL_JARS.stream(), Stream.of(SERVLET_API))
                .map(DeclarationsMatchRealTigaseTest::url).toArray(URL[]::new);
        try (URLClassLoader real = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
             URLClassLoader declared = new URLClassLoader(new URL[] {ours.toUri().toURL(), url(SERVLET_API)},
                     ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                Class<?> d = Class.forName(name, false, declared);
                Class<?> r;
                try {
                    r = Class.forName(name, false, real);
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    problems.add(name + ": not in the real server");
                    continue;
                }
                if (d.isInterface() != r.isInterface() || d.isEnum() != r.isEnum() || d.isAnnotation() != r.isAnnotation()) {
                    problems.add(name + ": not the same kind of type");
                }
                for (Method m : d.getDeclaredMethods()) {
                    if (m.isSynthetic() || Modifier.isPrivate(m.getModifiers()) || d.isEnum() && isEnumHelper(m)) {
                        continue;
                    }
                    if (!hasMethod(r, m)) {
                        problems.add(name + "." + signature(m) + ": no such method in the real server");
                    }
                }
                for (Constructor<?> c : d.getDeclaredConstructors()) {
                    if (!Modifier.isPrivate(c.getModifiers()) && !d.isEnum() && !hasConstructor(r, c)) {
                        problems.add(name + "." + signature(c) + ": no such constructor in the real server");
                    }
                }
            }
        }
        assertThat(problems).as("declarations that differ from Tigase 8.4.0").isEmpty();
    }

    private static boolean isEnumHelper(Method m) {
        return m.getName().equals("values") || m.getName().equals("valueOf");
    }

    private static boolean hasMethod(Class<?> real, Method m) {
        for (Class<?> c = real; c != null; c = c.getSuperclass()) {
            if (matches(c.getDeclaredMethods(), m)) {
                return true;
            }
        }
        return interfacesHave(real, m);
    }

    private static boolean interfacesHave(Class<?> type, Method m) {
        for (Class<?> i : type.getInterfaces()) {
            if (matches(i.getDeclaredMethods(), m) || interfacesHave(i, m)) {
                return true;
            }
        }
        return type.getSuperclass() != null && interfacesHave(type.getSuperclass(), m);
    }

    private static boolean matches(Method[] candidates, Method m) {
        return Arrays.stream(candidates).anyMatch(c -> c.getName().equals(m.getName())
                && c.getReturnType().getName().equals(m.getReturnType().getName())
                && Modifier.isStatic(c.getModifiers()) == Modifier.isStatic(m.getModifiers())
                && typeNames(c).equals(typeNames(m)));
    }

    private static boolean hasConstructor(Class<?> real, Constructor<?> c) {
        return Arrays.stream(real.getDeclaredConstructors()).anyMatch(r -> typeNames(r).equals(typeNames(c)));
    }

    private static List<String> typeNames(Executable e) {
        return Arrays.stream(e.getParameterTypes()).map(Class::getName).collect(Collectors.toList());
    }

    private static String signature(Executable e) {
        return e.getName() + typeNames(e);
    }

    private static List<String> declaredClassNames(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes.resolve("tigase"))) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Anchor to find this module's test-classes folder, next to its classes folder. */
    static final class Declared {
    }
}
