package io.httpd.plugin.staticfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.httpd.api.Html.escape;

/**
 * The HTML page listing a directory ({@code listing = true}): one link per entry that the
 * route would serve, sorted by name (directories end in {@code /}), names HTML-escaped and
 * links percent-encoded, so a file named {@code <script>} or {@code a"b} is just text.
 * Hidden names (dotfiles when hidden), names the resolver would refuse, and entries that lead
 * outside the root or are neither files nor directories are left out.
 */
final class DirectoryListing {
    /**
     * One entry.
     *
     * @param name      its file name
     * @param directory whether it is a directory
     */
    record Entry(String name, boolean directory) {
    }

    private DirectoryListing() {
    }

    /** The servable entries of a directory, sorted by name. */
    static List<Entry> entries(Path directory, FileResolver resolver) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (FileResolver.refusal(name) != null || resolver.isHidden(name)) {
                    continue;
                }
                FileStat stat = FileStat.of(resolver.root(), child);
                if (stat.isFile() || stat.isDirectory()) {
                    entries.add(new Entry(name, stat.isDirectory()));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    /**
     * The page for a request path ending in {@code /}.
     *
     * @param path   the decoded request path, shown as the title
     * @param parent whether to link {@code ../} (not at the route's own root)
     */
    static byte[] html(String path, List<Entry> entries, boolean parent) {
        String title = "Index of " + escape(path);
        StringBuilder page = new StringBuilder(256 + entries.size() * 96)
                .append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(title).append("</title>\n</head>\n<body>\n")
                .append("<h1>").append(title).append("</h1>\n<ul>\n");
        if (parent) {
            page.append("<li><a href=\"../\">../</a></li>\n");
        }
        for (Entry entry : entries) {
            String slash = entry.directory() ? "/" : "";
            page.append("<li><a href=\"").append(escape(PercentEncoding.segment(entry.name())))
                    .append(slash).append("\">").append(escape(entry.name())).append(slash)
                    .append("</a></li>\n");
        }
        page.append("</ul>\n</body>\n</html>\n");
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }
}
