package io.httpd.core.admin;

import java.util.List;

/**
 * What a reload (SIGHUP or {@code POST /reload}) did.
 *
 * @param generation the generation serving afterwards: the new one, or the old one still
 * @param changes    what changed, one item a line ({@code routes added: /new}); empty on failure
 * @param problems   why it failed ({@code FILE:LINE: key: reason}, a jar, an address), or the
 *                   ids of instances whose own reload failed; empty when all went well
 * @param millis     how long it took
 * @param swapped    whether the new generation went in
 */
public record ReloadResult(long generation, List<String> changes, List<String> problems,
                           long millis, boolean swapped) {
    public ReloadResult {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    /** The admin listener's answer text. */
    public String text() {
        StringBuilder b = new StringBuilder(swapped
                ? "reloaded: generation " + generation + " in " + millis + " ms\n"
                : "reload failed: generation " + generation + " still serving\n");
        changes.forEach(c -> b.append(c).append('\n'));
        if (swapped && !problems.isEmpty()) { // instances whose own reload() threw
            b.append("reload failed: ").append(String.join(", ", problems)).append('\n');
        } else {
            problems.forEach(p -> b.append(p).append('\n'));
        }
        return b.toString();
    }
}
