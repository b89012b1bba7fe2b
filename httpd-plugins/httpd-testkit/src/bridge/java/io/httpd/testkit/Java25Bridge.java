package io.httpd.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Lets Jazzer 0.24.0 instrument this project's classes. Its bundled ASM reads class files up to
 * Java 23 (major version 67) and skips ours ("Unsupported class file major version 69"), which
 * leaves the fuzzer without coverage. A fuzz test class names this as its extension,
 * {@code @ExtendWith(Java25Bridge.class)}: before all its tests, so before Jazzer's agent starts
 * (not from a static initializer, which breaks Jazzer), {@link #install()} registers first a transformer that labels {@code io/httpd/}
 * classes 67: Java 24 and 25 added no class-file feature they use, so the bytes are otherwise
 * valid for 67, and the JVM runs them as they are. Reflection only, so the module needs no
 * {@code requires java.instrument}. For tests that fuzz with Jazzer: the plugins' through the
 * test kit, httpd-core's (which cannot read the test kit) by compiling this source folder,
 * {@code src/bridge/java}, into its tests.
 */
public final class Java25Bridge implements BeforeAllCallback {
    private static final int OURS = 69;
    private static final int JAZZER_MAX = 67;
    private static boolean installed;

    /** For JUnit, which makes the extension. */
    public Java25Bridge() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    /** Registers the transformer once, on the Instrumentation Jazzer will use too. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Object inst = Class.forName(
                    "com.code_intelligence.jazzer.third_party.net.bytebuddy.agent.ByteBuddyAgent")
                    .getMethod("install").invoke(null);
            Class<?> transformer = Class.forName("java.lang.instrument.ClassFileTransformer");
            Object relabel = Proxy.newProxyInstance(Java25Bridge.class.getClassLoader(),
                    new Class<?>[] {transformer}, Java25Bridge::transform);
            Class.forName("java.lang.instrument.Instrumentation")
                    .getMethod("addTransformer", transformer, boolean.class)
                    .invoke(inst, relabel, true);
            installed = true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot prepare Jazzer for Java 25 classes", e);
        }
    }

    /** Both {@code transform} overloads end in (name, class, domain, bytes). */
    private static Object transform(Object proxy, Method method, Object[] args) {
        if (!method.getName().equals("transform")) {
            return method.getName().equals("equals") ? proxy == args[0]
                    : method.getName().equals("hashCode") ? 0 : "Java25Bridge";
        }
        String name = (String) args[args.length - 4];
        byte[] bytes = (byte[]) args[args.length - 1];
        if (name == null || !name.startsWith("io/httpd/") || bytes.length < 8
                || ((bytes[6] & 0xff) << 8 | bytes[7] & 0xff) != OURS) {
            return null;
        }
        byte[] copy = bytes.clone();
        copy[6] = 0;
        copy[7] = JAZZER_MAX;
        return copy;
    }
}
