/**
 * httpd.toml, read into records.
 *
 * <p>{@link io.httpd.core.config.ConfigLoader} parses the file with Jackson's TOML reader into a
 * tree, replaces {@code ${NAME}} and {@code ${NAME:-default}} in every string from the
 * environment, and binds the tree strictly into {@link io.httpd.core.config.HttpdConfig}: unknown
 * keys, wrong types and bad values are all collected and thrown together as
 * {@link io.httpd.core.config.ConfigErrors}, each naming its key and, best effort, its line
 * ({@link io.httpd.core.config.ConfigSource}).
 *
 * <p>Tables that belong to a plugin (a route's handler keys, {@code [[validator]]},
 * {@code [[access_log]]}, {@code [tls.NAME]}) are not checked here: they become a
 * {@link io.httpd.core.config.TableConfig}, the plugin's {@link io.httpd.api.PluginConfig}, which
 * records the keys the plugin read so that the rest can be reported as unknown.
 */
package io.httpd.core.config;
