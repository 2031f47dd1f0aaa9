package net.bluemind.xmpp.interop;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.igniterealtime.smack.inttest.AbstractSmackIntTest;
import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.FailedTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.TestRunResult;
import org.igniterealtime.smack.inttest.SuccessfulTest;
import org.igniterealtime.smack.inttest.TestNotPossible;
import org.igniterealtime.smack.inttest.TestNotPossibleException;
import org.igniterealtime.smack.inttest.TestResult;

/**
 * Runs one test class of the suite with the framework, configured by the sinttest.* system properties plus
 * enabledTests naming this class. The framework aborts its whole run when a test throws a RuntimeException or
 * asks for a fourth account: that test is recorded (failed, or "needs more accounts"), and the class's other tests
 * run again in a new framework run, until each test has a result.
 */
final class ClassRun {

    private static final Logger LOG = Logger.getLogger(ClassRun.class.getName());

    private final Class<? extends AbstractSmackIntTest> testClass;
    private final String specification;
    private final StartedTests started;
    private final List<Outcome> outcomes = new ArrayList<>();

    ClassRun(Class<? extends AbstractSmackIntTest> testClass, StartedTests started) {
        this.testClass = testClass;
        this.specification = SuiteClasses.specification(testClass);
        this.started = started;
    }

    List<Outcome> run() {
        Set<Method> remaining = new LinkedHashSet<>(SuiteClasses.testMethods(testClass));
        boolean wholeClass = true;
        String userEnabled = System.getProperty("sinttest.enabledTests");
        try {
            while (!remaining.isEmpty()) {
                System.setProperty("sinttest.enabledTests", wholeClass ? testClass.getName() : selector(remaining));
                started.reset();
                Framework framework = null;
                Throwable abort = null;
                try {
                    Configuration config = Configuration.newConfiguration(new String[0]);
                    framework = new Framework(config);
                    framework.run();
                } catch (IllegalArgumentException e) {
                    if (!"No integration tests selected.".equals(e.getMessage())) {
                        abort = e;
                    }
                } catch (Throwable t) {
                    abort = t;
                }
                TestRunResult result = framework == null ? null : framework.resultSoFar();
                if (result != null) {
                    collect(result, remaining);
                }
                if (abort == null) {
                    return outcomes; // tests still without a result were left out by the configuration
                }
                LOG.log(Level.WARNING, testClass.getName() + ": the framework run aborted", abort);
                Method culprit = culprit(remaining);
                if (culprit == null) {
                    // before any test (constructor, login of the three accounts): the class cannot run
                    for (Method m : remaining) {
                        outcomes.add(outcome(m.getDeclaringClass().getSimpleName() + "." + m.getName(), kind(abort),
                                "class aborted the framework run before its tests: " + describe(abort), 0));
                    }
                    return outcomes;
                }
                outcomes.add(outcome(started.last(), kind(abort), "aborted the framework run: " + describe(abort), 0));
                remaining.remove(culprit);
                wholeClass = false;
            }
            return outcomes;
        } finally {
            if (userEnabled == null) {
                System.clearProperty("sinttest.enabledTests");
            } else {
                System.setProperty("sinttest.enabledTests", userEnabled);
            }
        }
    }

    private void collect(TestRunResult result, Set<Method> remaining) {
        for (SuccessfulTest t : result.getSuccessfulTests()) {
            add(t, Outcome.Kind.PASSED, null, remaining);
        }
        for (FailedTest t : result.getFailedTests()) {
            add(t, Outcome.Kind.FAILED, describe(t.failureReason), remaining);
        }
        for (TestNotPossible t : result.getNotPossibleTests()) {
            add(t, Outcome.Kind.NOT_POSSIBLE, Outcome.flat(t.testNotPossibleException.getMessage()), remaining);
        }
        Throwable impossible = result.getImpossibleTestClasses().get(testClass);
        if (impossible != null) {
            // the framework files any checked exception of the constructor here, not only TestNotPossibleException
            boolean notPossible = impossible instanceof TestNotPossibleException;
            for (Method m : remaining) {
                outcomes.add(outcome(m.getDeclaringClass().getSimpleName() + "." + m.getName(),
                        notPossible ? Outcome.Kind.NOT_POSSIBLE : Outcome.Kind.FAILED,
                        notPossible ? "class not possible: " + Outcome.flat(impossible.getMessage())
                                : "class constructor failed: " + describe(impossible), 0));
            }
            remaining.clear();
        }
    }

    private void add(TestResult t, Outcome.Kind kind, String reason, Set<Method> remaining) {
        outcomes.add(outcome(t.concreteTest.toString(), kind, reason, t.duration));
        remaining.remove(t.concreteTest.getMethod());
    }

    private Outcome outcome(String test, Outcome.Kind kind, String reason, long millis) {
        String name = test.startsWith(testClass.getSimpleName() + ".") ? test : testClass.getSimpleName() + ": " + test;
        return new Outcome(specification, testClass.getSimpleName(), name, kind, reason, millis);
    }

    /** The remaining test the framework last logged as started, if any. */
    private Method culprit(Set<Method> remaining) {
        String last = started.last();
        if (last == null) {
            return null;
        }
        for (Method m : remaining) {
            if (last.startsWith(m.getDeclaringClass().getSimpleName() + "." + m.getName() + " (")) {
                return m;
            }
        }
        return null;
    }

    /** enabledTests naming the given methods (by their declaring class, as the framework matches them) and the class. */
    private String selector(Set<Method> methods) {
        Set<String> parts = new LinkedHashSet<>();
        for (Method m : methods) {
            parts.add(m.getDeclaringClass().getName() + "." + m.getName());
        }
        boolean ownMethod = methods.stream().anyMatch(m -> m.getDeclaringClass() == testClass);
        if (!ownMethod) {
            parts.add(testClass.getName() + ".noSuchTestMethod"); // the class itself must be enabled
        }
        return String.join(",", parts);
    }

    /** A fourth account is asked for: the framework can only register one, and it has no registration here. */
    private static Outcome.Kind kind(Throwable abort) {
        for (Throwable t = abort; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof IllegalArgumentException && m.contains("Username must not be null nor empty")
                    && mentions(t, "login") && System.getProperty("sinttest.adminAccountUsername") == null) {
                return Outcome.Kind.NOT_POSSIBLE; // logs in as the admin account (sinttest.adminAccountUsername): none here
            }
            if (t instanceof IllegalStateException
                    && (m.contains("Account registration not configured") || m.contains("Account creation no possible"))) {
                return Outcome.Kind.NEEDS_MORE_ACCOUNTS;
            }
        }
        return Outcome.Kind.FAILED;
    }

    private static boolean mentions(Throwable t, String method) {
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getMethodName().contains(method)) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(t.toString());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" <- ").append(c);
        }
        StackTraceElement[] frames = t.getStackTrace();
        for (StackTraceElement f : frames) {
            if (!f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.") && !f.getClassName().startsWith("org.junit")) {
                sb.append(" at ").append(f);
                break;
            }
        }
        return Outcome.flat(sb.toString());
    }
}
