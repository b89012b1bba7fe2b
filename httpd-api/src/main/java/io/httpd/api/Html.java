package io.httpd.api;

/**
 * HTML text for pages a handler builds by hand (a directory listing, a status page): every
 * value that came from outside — a file name, a path, a header — goes through {@link #escape}
 * before it stands in the page.
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes {@code & < > " '} for HTML text and for attribute values in either kind of quotes;
     * every other character stays as it is.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
