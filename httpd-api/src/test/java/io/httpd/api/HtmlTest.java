package io.httpd.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain.txt                  | plain.txt
            ``                         | ``
            a & b                      | a &amp; b
            <script>alert(1)</script>  | &lt;script&gt;alert(1)&lt;/script&gt;
            `" onmouseover="x`         | &quot; onmouseover=&quot;x
            it's                       | it&#39;s
            &amp;                      | &amp;amp;
            é ü 日本                    | é ü 日本
            """)
    void escapesTheFiveCharactersThatEndTextOrAnAttribute(String text, String html) {
        assertEquals(html, Html.escape(text));
    }
}
