package io.httpd.core.config;

import java.util.ArrayList;
import java.util.List;

/** Just enough of TOML's line syntax to find keys and headers for {@link ConfigSource}. */
final class TomlLine {

    private TomlLine() {
    }

    /** The index of the {@code =} after a (dotted, maybe quoted) key, or -1 if not a key line. */
    static int keyEnd(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                int close = line.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '=') {
                return i;
            } else if (!isBareKeyChar(c) && c != '.' && c != ' ' && c != '\t') {
                return -1;
            }
        }
        return -1;
    }

    /** A dotted key's segments, unquoted and stripped: {@code tls."a.b" . c} → [tls, a.b, c]. */
    static List<String> segments(String dottedKey) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < dottedKey.length(); i++) {
            char c = dottedKey.charAt(i);
            if (c == '"' || c == '\'') {
                int close = dottedKey.indexOf(c, i + 1);
                close = close < 0 ? dottedKey.length() : close;
                current.append(dottedKey, i + 1, close);
                i = close;
            } else if (c == '.') {
                segments.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString().strip());
        return segments;
    }

    /** Opening minus closing brackets outside strings and comments. */
    static int bracketBalance(String value) {
        int balance = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '#') {
                break;
            } else if (c == '"' || c == '\'') {
                int close = value.indexOf(c, i + 1);
                i = close < 0 ? value.length() : close;
            } else if (c == '[') {
                balance++;
            } else if (c == ']') {
                balance--;
            }
        }
        return balance;
    }

    /** The delimiter of a multi-line string the value opens and does not close, else null. */
    static String openMultilineString(String value) {
        for (String delimiter : new String[] {"\"\"\"", "'''"}) {
            if (value.startsWith(delimiter) && value.indexOf(delimiter, 3) < 0) {
                return delimiter;
            }
        }
        return null;
    }

    private static boolean isBareKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-';
    }
}
