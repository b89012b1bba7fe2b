/**
 * The names of the server's structured log events ({@link io.httpd.core.event.Events}), in a
 * leaf package of their own: every other package of the core logs them, and none has to
 * import the start-up wiring in {@code io.httpd.core} to do so.
 */
package io.httpd.core.event;
