package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.plugin.staticfiles.FileResolver.Found;

import java.nio.file.Path;

/**
 * Precompressed sidecars: {@code file.br} and {@code file.gz} beside {@code file}, sent with
 * Content-Encoding to clients whose Accept-Encoding allows it (RFC 9110 §8.4, §12.5.3). A
 * sidecar counts only when it is a regular file inside the root, visible under the dotfile
 * rule, and not older than the file it stands for, so a stale one is never sent.
 *
 * <p>The choice goes by weight: the best-weighted coding that has a sidecar, or identity;
 * on a tie br before gzip before identity. When any usable sidecar exists the answer depends
 * on Accept-Encoding, so every response for that file says {@code Vary: Accept-Encoding}.
 */
final class Precompressed {
    /** A content coding that a sidecar can carry, in order of preference. */
    enum Coding {
        BR("br", ".br"),
        GZIP("gzip", ".gz");

        final String token;
        final String suffix;

        Coding(String token, String suffix) {
            this.token = token;
            this.suffix = suffix;
        }
    }

    /**
     * The representation to send.
     *
     * @param path   the file to send: the sidecar or the file itself
     * @param stat   its metadata
     * @param coding the content coding, {@code ""} for identity
     * @param varies whether some usable sidecar exists, so the choice varies by Accept-Encoding
     */
    record Choice(Path path, FileStat stat, String coding, boolean varies) {
    }

    private static final Coding[] CODINGS = Coding.values(); // values() copies its array

    private final boolean enabled;
    private final FileResolver resolver;

    /**
     * @param enabled  whether sidecars are looked for at all ({@code precompressed})
     * @param resolver where sidecars are looked up, under the same rules as any file
     */
    Precompressed(boolean enabled, FileResolver resolver) {
        this.enabled = enabled;
        this.resolver = resolver;
    }

    /** Picks the representation of {@code found} to send for a request's header fields. */
    Choice choose(Headers headers, Found found) {
        if (!enabled) {
            return new Choice(found.path(), found.stat(), "", false);
        }
        AcceptEncoding accepted = AcceptEncoding.of(headers);
        int bestWeight = accepted.weight("identity");
        Found best = found;
        Coding bestCoding = null; // identity
        boolean varies = false;
        for (Coding coding : CODINGS) {
            Found sidecar = sidecar(found, coding);
            if (sidecar == null) {
                continue;
            }
            varies = true;
            int weight = accepted.weight(coding.token);
            boolean better = weight > bestWeight
                    || (weight == bestWeight && bestCoding == null); // ties favour a coding
            if (weight > 0 && better) {
                best = sidecar;
                bestCoding = coding;
                bestWeight = weight;
            }
        }
        return new Choice(best.path(), best.stat(), bestCoding == null ? "" : bestCoding.token,
                varies);
    }

    /** The usable sidecar of {@code file} for one coding, or null. */
    private Found sidecar(Found file, Coding coding) {
        if (resolver.sibling(file, coding.suffix) instanceof Found found
                && found.stat().isFile()
                && found.stat().mtimeNanos() >= file.stat().mtimeNanos()) {
            return found;
        }
        return null;
    }
}
