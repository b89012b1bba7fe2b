package io.httpd.plugin.guard;

import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.RequestValidator;
import io.httpd.api.Status;

import java.util.List;
import java.util.Set;

/**
 * Validator {@code access}: allow and deny lists of client address blocks, like nginx's
 * {@code allow}/{@code deny} and Apache's {@code Require ip}. For a request the table applies to
 * (its {@code routes}, {@code methods} and {@code paths}): a client in {@code deny} is refused;
 * else, when an {@code allow} list is set, a client outside it is refused; else it goes on.
 * The client is {@link Request#client()}: the address behind trusted proxies.
 *
 * @param deny    refused first; may be empty
 * @param allow   when present, only these pass; null when absent (everyone passes)
 * @param methods the methods the rules apply to; empty for all
 * @param paths   the path prefixes the rules apply to; empty for all
 * @param scope   the routes the table guards
 * @param status  the status of a refusal (403 by default)
 */
record AccessValidator(AddressList deny, AddressList allow, Set<Method> methods,
                       List<String> paths, Scope scope, Status status)
        implements RequestValidator {
    AccessValidator {
        methods = Set.copyOf(methods);
        paths = List.copyOf(paths);
    }

    /** Decides from the address and the blocks it holds. */
    @Override
    public boolean blocks() {
        return false;
    }

    @Override
    public Verdict validate(Request request) {
        if (!applies(request)) {
            return Verdict.ACCEPT;
        }
        var client = request.client().getAddress();
        if (client == null) { // an unresolved address: nothing to match, so no rule can allow it
            return allow == null && deny.size() == 0 ? Verdict.ACCEPT
                    : Verdict.reject(status, "client address unknown");
        }
        if (deny.contains(client)) {
            return Verdict.reject(status, "client address denied");
        }
        if (allow != null && !allow.contains(client)) {
            return Verdict.reject(status, "client address not allowed");
        }
        return Verdict.ACCEPT;
    }

    private boolean applies(Request request) {
        if (!scope.covers(request) || !methods.isEmpty() && !methods.contains(request.method())) {
            return false;
        }
        if (paths.isEmpty()) {
            return true;
        }
        for (String prefix : paths) {
            if (request.path().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
