/** The command line and start-up wiring. */
package io.httpd.core;
