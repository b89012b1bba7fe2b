package io.httpd.plugin.guard;

import io.httpd.api.PluginConfig;
import io.httpd.api.RequestValidator;
import io.httpd.api.RequestValidatorProvider;
import io.httpd.api.ServerView;

import java.io.IOException;
import java.nio.file.Path;

/** Provides validator {@code basic-auth}: see {@link BasicAuthValidator}. */
public final class BasicAuthProvider extends RequestValidatorProvider.Base {
    /** Creates the provider; no side effects. */
    public BasicAuthProvider() {
        super("basic-auth", BasicAuthProvider::validator);
    }

    private static RequestValidator validator(PluginConfig config, ServerView server) {
        Path file = config.path("htpasswd").orElseThrow(() -> config.error("htpasswd", "required"));
        String realm = config.string("realm", "restricted");
        if (realm.isEmpty() || !realm.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"'
                && c != '\\')) {
            throw config.error("realm", "must be printable ASCII without '\"' or '\\'");
        }
        boolean allowPlain = config.bool("allow_plain", false);
        Scope scope = Scope.read(config);
        try {
            return new BasicAuthValidator(file, realm, allowPlain, scope);
        } catch (IOException e) {
            throw config.error("htpasswd", "cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw config.error("htpasswd", e.getMessage());
        }
    }
}
