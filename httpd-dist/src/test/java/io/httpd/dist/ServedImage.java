package io.httpd.dist;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The image a test serves with, stopped after the test whatever happened:
 * {@code @RegisterExtension final ServedImage image = new ServedImage();}, then
 * {@code server = image.serve(dir, toml)} in the test or its set-up.
 */
final class ServedImage implements AfterEachCallback {
    private ImageProcess process;

    /** Runs bin/httpd with this config and waits for its first listener. */
    ImageProcess serve(Path workDir, Path config) throws IOException {
        process = ImageProcess.serve(workDir, config);
        return process;
    }

    /** Writes this httpd.toml into the work folder, runs bin/httpd with it, waits as above. */
    ImageProcess serve(Path workDir, String toml) throws IOException {
        return serve(workDir, ImageProcess.writeConfig(workDir, toml));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (process != null) {
            process.close();
        }
    }
}
