package io.httpd.core.http1;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the path of a request-target into the path routing sees: percent-decoded exactly once
 * (an encoded {@code /} or {@code \} included), decoded as UTF-8, and with dot-segments removed
 * (RFC 3986 §5.2.4). A path that would climb above {@code /}, that is not UTF-8, or that holds
 * a control character once decoded is refused with 400.
 */
final class TargetPath {
    private TargetPath() {
    }

    static String normalize(String rawPath) throws HttpException {
        if (rawPath.indexOf('%') < 0 && rawPath.indexOf("/.") < 0) {
            return rawPath; // the common case: nothing to decode or remove
        }
        return removeDotSegments(decode(rawPath));
    }

    static String decode(String raw) throws HttpException {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw Violation.PATH_PERCENT_ENCODING.exception();
                }
                c = (char) (hi << 4 | lo);
                i += 2;
            }
            if (c < 0x20 || c == 0x7f) {
                throw Violation.PATH_CONTROL.exception();
            }
            bytes.put((byte) c);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.flip());
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw Violation.PATH_NOT_UTF8.exception();
        }
    }

    static String removeDotSegments(String path) throws HttpException {
        String[] segments = path.substring(1).split("/", -1);
        List<String> out = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            String segment = segments[i];
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..")) {
                    if (out.isEmpty()) {
                        throw Violation.PATH_ABOVE_ROOT.exception();
                    }
                    out.removeLast();
                }
                if (last) {
                    out.add("");
                }
                continue;
            }
            out.add(segment);
        }
        return "/" + String.join("/", out);
    }
}
