package io.httpd.core.admin;

/** What the admin listener may ask of the server: {@code POST /drain} and {@code POST /reload}. */
public interface ServerControl {
    /**
     * Begins what SIGTERM begins: readiness turns 503, the listeners stop accepting, in-flight
     * exchanges finish, the process exits 0. Returns at once.
     */
    void drain();

    /**
     * Does what SIGHUP does and waits for it: a new generation from httpd.toml and plugins/.
     *
     * @return what it did; its problems are empty when all went well
     */
    ReloadResult reload();
}
