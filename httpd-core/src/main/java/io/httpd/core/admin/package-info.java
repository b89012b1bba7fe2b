/**
 * The admin listener ({@code [admin]} in httpd.toml): {@code /health}, {@code /ready},
 * {@code /metrics}, {@code /status}, {@code POST /drain} and {@code POST /reload} on a socket
 * of its own, apart from the data listeners.
 */
package io.httpd.core.admin;
