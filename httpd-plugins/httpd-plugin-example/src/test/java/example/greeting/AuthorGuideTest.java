package example.greeting;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin author guide shows this module's code word for word, so it cannot rot. */
class AuthorGuideTest {
    private static final Path GUIDE = Path.of("../../httpd-api/README.md");
    private static final Pattern BLOCK =
            Pattern.compile("<!-- file: (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyCodeBlockOfTheGuideIsTheFileItNames() throws Exception {
        Matcher m = BLOCK.matcher(Files.readString(GUIDE));
        int blocks = 0;
        while (m.find()) {
            assertEquals(Files.readString(Path.of(m.group(1))), m.group(2),
                    "httpd-api/README.md differs from " + m.group(1));
            blocks++;
        }
        assertTrue(blocks >= 3, "the guide shows module-info, provider and handler");
    }
}
