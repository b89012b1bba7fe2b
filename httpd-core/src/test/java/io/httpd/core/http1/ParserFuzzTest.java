package io.httpd.core.http1;

import io.httpd.api.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.httpd.core.http1.TestContext.normalize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded mutation fuzzing of the whole connection loop, in memory. Inputs are one to three
 * requests of {@link RequestParserTest}'s valid table, concatenated, then mutated (byte flips;
 * inserted CR, LF, NUL, SP, HTAB, ':' and high bytes; ranges duplicated or deleted) and fed in
 * reads of random sizes to a handler that reads the whole body. For every input the loop must
 * return (a time limit per case), throw nothing, close its transport, and answer with well-formed
 * responses: a valid status line, Content-Length framing, a framing error as the last response
 * with Connection: close, no more responses than the input holds request lines (no desync
 * inventing requests), one access record each. Also differential: the unmutated corpus gives the
 * same bytes read whole, one byte at a time and in random sizes.
 *
 * <p>Bounded by {@link #MAX_CASES} and {@link #MAX_TIME}. Deterministic: every case derives from
 * {@code -Dhttpd.fuzz.seed} (default {@link #DEFAULT_SEED}); a failure names the seed and the
 * case's own seed, and {@code -Dhttpd.fuzz.case=<case seed>} replays just that case.
 */
class ParserFuzzTest {
    static final long DEFAULT_SEED = 0x4854_5450_2f31_2e31L; // "HTTP/1.1"
    static final int MAX_CASES = 20_000;
    static final Duration MAX_TIME = Duration.ofSeconds(15);
    static final long CASE_TIMEOUT_SECONDS = 5;
    /** Statuses that mean the framing can't be trusted: the connection must end with them. */
    static final Set<Integer> FRAMING_ERRORS = Set.of(400, 408, 411, 413, 414, 417, 431, 500, 501, 505);
    private static final byte[] INSERTS = {'\r', '\n', 0, ' ', '\t', ':'};
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ([^\r\n]*)\r\n");

    private static final List<byte[]> CORPUS = RequestParserTest.valid()
            .map(a -> ((String) a.get()[0] + a.get()[1]).getBytes(StandardCharsets.ISO_8859_1))
            .toList();

    private final TestContext t = RequestParserTest.server();

    @Test
    void mutatedRequestsNeverBreakTheConnectionLoop() throws Exception {
        long seed = Long.getLong("httpd.fuzz.seed", DEFAULT_SEED);
        Long only = Long.getLong("httpd.fuzz.case");
        Random seeds = new Random(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        long start = System.nanoTime();
        long deadline = start + MAX_TIME.toNanos();
        int cases = 0;
        try {
            while (cases < (only != null ? 1 : MAX_CASES) && System.nanoTime() < deadline) {
                long caseSeed = only != null ? only : seeds.nextLong();
                cases++;
                runCase(worker, caseSeed, "seed " + seed + ", case " + cases + " (-Dhttpd.fuzz.case=" + caseSeed + ")");
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("ParserFuzzTest: %d cases in %d ms, seed %d%n", cases,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), seed);
    }

    @Test
    void theCorpusReadsTheSameWholeOneByteAtATimeAndInRandomSizes() {
        List<byte[]> inputs = new ArrayList<>(CORPUS);
        inputs.add(concat(CORPUS.subList(0, 7))); // the first seven, pipelined: all persist
        for (byte[] input : inputs) {
            String whole = serve(new ByteArrayInputStream(input));
            String what = escape(input);
            for (Reply r : Reply.split(whole, what)) {
                assertTrue(r.status() < 400, what + " is refused: " + whole);
            }
            assertEquals(whole, serve(reads(input, new Random(0), 1)), what + " one byte per read");
            for (long s = 1; s <= 3; s++) {
                assertEquals(whole, serve(reads(input, new Random(s), 64)), what + " random reads " + s);
            }
        }
    }

    private String serve(InputStream in) {
        MemoryTransport transport = new MemoryTransport(in);
        new Connection(transport, Generations.fixed(t.ctx), () -> false).run();
        return normalize(transport.sent());
    }

    private void runCase(ExecutorService worker, long caseSeed, String which) throws InterruptedException {
        Random rnd = new Random(caseSeed);
        byte[] input = mutate(pick(rnd), rnd);
        int maxRead = switch (rnd.nextInt(4)) {
            case 0 -> 1;
            case 1 -> input.length + 1;
            default -> 1 + rnd.nextInt(64);
        };
        MemoryTransport transport = new MemoryTransport(reads(input, new Random(rnd.nextLong()), maxRead));
        t.accessLog.clear();
        String what = which + ", reads of at most " + maxRead + ", input: " + escape(input);
        Future<?> loop = worker.submit(() -> new Connection(transport, Generations.fixed(t.ctx), () -> false).run());
        try {
            loop.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the connection loop hung: " + what);
        } catch (ExecutionException e) {
            throw new AssertionError("an exception escaped the connection loop: " + what, e.getCause());
        }
        assertTrue(transport.closed(), "transport left open: " + what);
        check(input, transport.sent(), what);
    }

    private void check(byte[] input, String sent, String what) {
        List<Reply> replies = Reply.split(sent, what);
        int finals = 0;
        for (int i = 0; i < replies.size(); i++) {
            Reply r = replies.get(i);
            boolean last = i == replies.size() - 1;
            if (r.status() < 200) {
                assertTrue(r.status() == 100 && !last && replies.get(i + 1).status() >= 200,
                        "a 100 must precede a final response: " + what + "\n" + sent);
                continue;
            }
            finals++;
            if (FRAMING_ERRORS.contains(r.status())) {
                assertTrue(r.closes() && last, "a " + r.status() + " must close: " + what + "\n" + sent);
            }
            assertTrue(!r.closes() || last, "a response after Connection: close: " + what + "\n" + sent);
        }
        String text = new String(input, StandardCharsets.ISO_8859_1);
        int requestLines = text.split("HTTP/", -1).length - 1;
        assertTrue(finals <= requestLines + 1, finals + " responses to " + requestLines
                + " request lines: " + what + "\n" + sent);
        assertEquals(finals, t.accessLog.size(), "one access record per response: " + what);
    }

    private static byte[] pick(Random rnd) {
        List<byte[]> parts = new ArrayList<>();
        for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
            parts.add(CORPUS.get(rnd.nextInt(CORPUS.size())));
        }
        return concat(parts);
    }

    static byte[] mutate(byte[] input, Random rnd) {
        byte[] b = input;
        for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
            int at = rnd.nextInt(b.length + 1);
            int len = Math.min(b.length - at, 1 + rnd.nextInt(32));
            b = switch (rnd.nextInt(6)) {
                case 0 -> flip(b, at, rnd);
                case 1 -> splice(b, at, 0, new byte[] {INSERTS[rnd.nextInt(INSERTS.length)]});
                case 2 -> splice(b, at, 0, new byte[] {(byte) (0x80 + rnd.nextInt(0x80))});
                case 3 -> splice(b, rnd.nextInt(b.length + 1), 0, Arrays.copyOfRange(b, at, at + len));
                case 4 -> splice(b, at, len, new byte[0]);
                default -> splice(b, at, 0, new byte[] {'\r', '\n'});
            };
        }
        return b;
    }

    private static byte[] flip(byte[] b, int at, Random rnd) {
        if (at == b.length) {
            return b;
        }
        byte[] copy = b.clone();
        copy[at] ^= (byte) (1 << rnd.nextInt(8));
        return copy;
    }

    /** b with len bytes at at replaced by insert. */
    private static byte[] splice(byte[] b, int at, int len, byte[] insert) {
        byte[] out = new byte[b.length - len + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + len, out, at + insert.length, b.length - at - len);
        return out;
    }

    private static byte[] concat(List<byte[]> parts) {
        byte[] out = new byte[0];
        for (byte[] p : parts) {
            out = splice(out, out.length, 0, p);
        }
        return out;
    }

    /** The bytes, delivered in reads of 1 to maxRead bytes each. */
    private static InputStream reads(byte[] bytes, Random rnd, int maxRead) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + rnd.nextInt(maxRead)));
            }
        };
    }

    private static String escape(byte[] b) {
        StringBuilder s = new StringBuilder("\"");
        for (byte x : b) {
            int c = x & 0xff;
            s.append(c == '\r' ? "\\r" : c == '\n' ? "\\n" : c == '\\' ? "\\\\"
                    : c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : "\\x" + HexFormat.of().toHexDigits((byte) c));
        }
        return s.append('"').toString();
    }

    /**
     * One response cut out of what a connection sent: a status line of RFC 9112 §4 with the
     * reason the server uses, then a head, then content by Content-Length (none for 1xx, 204,
     * 304). Anything else fails.
     */
    record Reply(int status, String head) {
        boolean closes() {
            return head.contains("\r\nConnection: close\r\n");
        }

        static List<Reply> split(String sent, String what) {
            List<Reply> replies = new ArrayList<>();
            int pos = 0;
            while (pos < sent.length()) {
                Matcher m = STATUS_LINE.matcher(sent).region(pos, sent.length());
                int end = sent.indexOf("\r\n\r\n", pos);
                assertTrue(m.lookingAt() && end > 0, "no response at " + pos + ": " + what + "\n" + sent);
                int status = Integer.parseInt(m.group(1));
                assertEquals(Status.of(status).reason(), m.group(2), what);
                String head = sent.substring(pos, end + 4);
                pos = end + 4;
                if (status >= 200 && status != 204 && status != 304) {
                    Matcher cl = Pattern.compile("\r\nContent-Length: (\\d+)\r\n").matcher(head);
                    assertTrue(cl.find(), "no Content-Length: " + what + "\n" + sent);
                    pos += Integer.parseInt(cl.group(1));
                    assertTrue(pos <= sent.length(), "response cut short: " + what + "\n" + sent);
                }
                replies.add(new Reply(status, head));
            }
            return replies;
        }
    }
}
