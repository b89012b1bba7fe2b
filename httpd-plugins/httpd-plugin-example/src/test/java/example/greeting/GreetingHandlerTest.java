package example.greeting;

import io.httpd.testkit.ResponseContent;
import io.httpd.testkit.TestRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plugin's handler is plain Java: test it by calling it with a Request. */
class GreetingHandlerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /hello                      | Hello, world!\\n
            /hello?name=Ada             | Hello, Ada!\\n
            /hello?name=Ada+Lovelace    | Hello, Ada Lovelace!\\n
            /hello?name=Z%C3%BC&name=X  | Hello, Zü!\\n
            /hello?lang=en&name=Ada     | Hello, Ada!\\n
            """)
    void greetsTheNameInTheQuery(String target, String expected) {
        GreetingHandler handler = new GreetingHandler("Hello", 1);
        assertEquals(expected.replace("\\n", "\n"),
                ResponseContent.text(handler.handle(TestRequest.get(target).build())));
    }
}
