package io.httpd.plugin.info;

/** Undoes the five escapes of the page, to compare shown text with the JSON's. */
final class HtmlText {
    private HtmlText() {
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
