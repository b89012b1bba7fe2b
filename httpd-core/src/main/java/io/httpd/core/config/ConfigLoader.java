package io.httpd.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.toml.TomlFactory;

/**
 * Reads httpd.toml into an {@link HttpdConfig}, or fails with every problem at once.
 *
 * <pre>
 *   read text ─► TOML tree (Jackson) ─► ${NAME} from the environment ─► bind each section
 *                 └ syntax error: one error with Jackson's line     └ collect every error
 * </pre>
 */
public final class ConfigLoader {
    /**
     * Jackson's TOML reader without a mapper: it parses the whole text into a tree, which its
     * parser hands over as the input source. A {@code TomlMapper} would add the data-binding
     * machinery (some 500 classes kept in the process and its AOT cache) to read that tree.
     */
    private static final TomlFactory TOML = new TomlFactory();

    private static final Set<String> NOT_SUPPORTED_YET = Set.of();

    private ConfigLoader() {
    }

    /** Loads a file, replacing {@code ${NAME}} from the process environment. */
    public static HttpdConfig load(Path file) throws ConfigErrors {
        return load(file, System.getenv());
    }

    /** Loads a file, replacing {@code ${NAME}} from the given environment. */
    public static HttpdConfig load(Path file, Map<String, String> env) throws ConfigErrors {
        return read(file, env).orThrow();
    }

    /**
     * Reads a file as far as it goes: the core's errors are returned with what could be read,
     * so that the plugin tables can be checked too.
     *
     * @throws ConfigErrors only when the file cannot be read or is not TOML
     */
    public static LoadedConfig read(Path file) throws ConfigErrors {
        return read(file, System.getenv());
    }

    /** {@link #read(Path)} with the given environment. */
    public static LoadedConfig read(Path file, Map<String, String> env) throws ConfigErrors {
        ConfigSource source = new ConfigSource(file, text(file));
        ObjectNode root = parse(source);
        ErrorList errors = new ErrorList(source);
        new EnvSubstitution(env).expandTree(root, "", errors);
        return bind(new TableConfig("", root, file.toAbsolutePath().getParent()), source, errors);
    }

    private static LoadedConfig bind(TableConfig root, ConfigSource source, ErrorList errors) {
        ServerSettings server = ServerSettings.read(section(root, "server", errors), errors);
        TableConfig tlsTable = section(root, "tls", errors);
        Map<String, PluginTable> tls = PluginTable.readTls(tlsTable, errors);
        List<TableConfig> listenTables = tables(root, "listen", errors);
        List<Listener> listeners = Listener.readAll(listenTables, tlsTable.keys(), errors);
        if (listenTables.isEmpty()) {
            errors.add("listen", "at least one [[listen]] table is required");
        }
        Limits limits = Limits.read(section(root, "limits", errors), errors);
        List<Route> routes = Route.readAll(tables(root, "route", errors), errors);
        List<PluginTable> validators =
                PluginTable.readAll(tables(root, "validator", errors), "id", errors);
        List<PluginTable> accessLogs =
                PluginTable.readAll(tables(root, "access_log", errors), "sink", errors);
        AdminSettings admin = root.keys().contains("admin")
                ? AdminSettings.read(section(root, "admin", errors), errors) : null;
        for (String key : root.unreadKeys()) {
            errors.add(key, NOT_SUPPORTED_YET.contains(key) ? "not supported yet"
                    : Suggestion.unknownKey(key, root.readKeys()));
        }
        return new LoadedConfig(new HttpdConfig(source.file(), server, listeners, tls, limits,
                routes, validators, accessLogs, admin, source), errors.sorted());
    }

    private static TableConfig section(TableConfig root, String key, ErrorList errors) {
        return errors.read(() -> root.section(key), TableConfig.empty(key, root.folder()));
    }

    private static List<TableConfig> tables(TableConfig root, String key, ErrorList errors) {
        return errors.read(() -> root.tables(key), List.of());
    }

    private static String text(Path file) throws ConfigErrors {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileError(file, 0, "cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw fileError(file, 0, "cannot read: permission denied");
        } catch (CharacterCodingException e) {
            throw fileError(file, 0, "cannot read: not UTF-8 text");
        } catch (IOException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw fileError(file, 0, "cannot read: " + reason);
        }
    }

    private static ObjectNode parse(ConfigSource source) throws ConfigErrors {
        try {
            try (JsonParser parser = TOML.createParser(ObjectReadContext.empty(), source.text())) {
                return (ObjectNode) parser.streamReadInputSource();
            }
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(0, at.getLineNr());
            String column = "";
            if (line > source.lineCount()) {
                line = source.lineCount();
            } else if (line > 0 && at.getColumnNr() > 0) {
                column = " at column " + at.getColumnNr();
            }
            throw fileError(source.file(), line, "invalid TOML" + column + ": "
                    + e.getOriginalMessage().strip());
        }
    }

    private static ConfigErrors fileError(Path file, int line, String reason) {
        return new ConfigErrors(List.of(new ConfigError(file, line, "", reason)));
    }
}
