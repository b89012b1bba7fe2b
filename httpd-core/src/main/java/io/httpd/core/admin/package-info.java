/**
 * The admin listener ({@code [admin]} in httpd.toml): {@code /health}, {@code /ready} and
 * {@code /metrics} on a socket of its own, apart from the data listeners.
 */
package io.httpd.core.admin;
