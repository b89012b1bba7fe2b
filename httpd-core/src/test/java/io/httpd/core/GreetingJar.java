package io.httpd.core;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.constant.ModuleDesc;
import java.lang.constant.PackageDesc;
import java.lang.classfile.attribute.ModuleAttribute;
import java.lang.classfile.attribute.ModulePackagesAttribute;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_byte;
import static java.lang.constant.ConstantDescs.CLASS_INIT_NAME;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;

/**
 * A real drop-in plugin jar, written as class files (the core's tests cannot run javac): module
 * {@code test.greeting} at a version, providing the route handler {@code greeting} that reads
 * the request content and answers a fixed text, as a third-party plugin built against httpd-api
 * would. Its class holds a 1 MiB array, so a layer that stays reachable shows in the heap.
 */
final class GreetingJar {
    private static final String API_PACKAGE = "io.httpd.api";
    private static final ClassDesc PROVIDER = ClassDesc.of("test.greeting.Greeting");
    private static final ClassDesc API_PROVIDER = ClassDesc.of(API_PACKAGE, "RouteHandlerProvider");
    private static final ClassDesc HANDLER = ClassDesc.of(API_PACKAGE, "RouteHandler");
    private static final ClassDesc INSTANCE = ClassDesc.of(API_PACKAGE, "PluginInstance");
    private static final ClassDesc CONFIG = ClassDesc.of(API_PACKAGE, "PluginConfig");
    private static final ClassDesc VIEW = ClassDesc.of(API_PACKAGE, "ServerView");
    private static final ClassDesc REQUEST = ClassDesc.of(API_PACKAGE, "Request");
    private static final ClassDesc RESPONSE = ClassDesc.of(API_PACKAGE, "Response");
    private static final ClassDesc STATUS = ClassDesc.of(API_PACKAGE, "Status");
    private static final ClassDesc INPUT = ClassDesc.of("java.io.InputStream");
    private static final ClassDesc METHOD = ClassDesc.of(API_PACKAGE, "Method");
    private static final ClassDesc SET = ClassDesc.of("java.util.Set");
    private static final ClassDesc BYTES = CD_byte.arrayType();
    private static final int BALLAST_BYTES = 1 << 20;

    private GreetingJar() {
    }

    /** Writes the jar: version {@code version}, answering {@code greeting}. */
    static Path write(Path jar, String version, String greeting) throws IOException {
        Path tmp = Files.createTempFile(jar.getParent().getParent(), "jar", ".tmp");
        try (OutputStream file = Files.newOutputStream(tmp);
             JarOutputStream out = new JarOutputStream(file)) {
            entry(out, "module-info.class", moduleInfo(version));
            entry(out, "test/greeting/Greeting.class", provider(greeting));
        }
        return Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void entry(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static byte[] moduleInfo(String version) {
        return ClassFile.of().buildModule(ModuleAttribute.of(ModuleDesc.of("test.greeting"),
                m -> m.moduleVersion(version)
                        .requires(ModuleDesc.of("java.base"), java.util.Set.of(AccessFlag.MANDATED),
                                null)
                        .requires(ModuleDesc.of("io.httpd.api"), java.util.Set.of(), null)
                        .provides(API_PROVIDER, PROVIDER)),
                c -> c.with(ModulePackagesAttribute.ofNames(PackageDesc.of("test.greeting"))));
    }

    /**
     * {@code Greeting implements RouteHandlerProvider, RouteHandler}: create returns this;
     * methods are GET and POST; handle reads the content ({@code request.body().readAllBytes()}),
     * then answers.
     */
    private static byte[] provider(String greeting) {
        return ClassFile.of().build(PROVIDER, c -> c
                .withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SUPER)
                .withInterfaceSymbols(API_PROVIDER, HANDLER)
                .withField("BALLAST", BYTES, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC
                        | ClassFile.ACC_FINAL)
                .withMethodBody(CLASS_INIT_NAME, MethodTypeDesc.of(CD_void),
                        ClassFile.ACC_STATIC, b -> b.loadConstant(BALLAST_BYTES)
                                .newarray(TypeKind.BYTE).putstatic(PROVIDER, "BALLAST", BYTES)
                                .return_())
                .withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC,
                        b -> b.aload(0).invokespecial(CD_Object, INIT_NAME,
                                MethodTypeDesc.of(CD_void)).return_())
                .withMethodBody("id", MethodTypeDesc.of(CD_String), ClassFile.ACC_PUBLIC,
                        b -> b.ldc("greeting").areturn())
                .withMethodBody("create", MethodTypeDesc.of(INSTANCE, CONFIG, VIEW),
                        ClassFile.ACC_PUBLIC, b -> b.aload(0).areturn())
                .withMethodBody("methods", MethodTypeDesc.of(SET), ClassFile.ACC_PUBLIC,
                        b -> b.getstatic(METHOD, "GET", METHOD).getstatic(METHOD, "POST", METHOD)
                                .invokestatic(SET, "of", MethodTypeDesc.of(SET, CD_Object,
                                        CD_Object), true)
                                .areturn())
                .withMethodBody("handle", MethodTypeDesc.of(RESPONSE, REQUEST),
                        ClassFile.ACC_PUBLIC, b -> b
                                .aload(1).invokevirtual(REQUEST, "body",
                                        MethodTypeDesc.of(INPUT))
                                .invokevirtual(INPUT, "readAllBytes", MethodTypeDesc.of(BYTES))
                                .pop()
                                .getstatic(STATUS, "OK", STATUS)
                                .ldc(greeting + "\n")
                                .invokestatic(RESPONSE, "text",
                                        MethodTypeDesc.of(RESPONSE, STATUS, CD_String))
                                .areturn()));
    }
}
