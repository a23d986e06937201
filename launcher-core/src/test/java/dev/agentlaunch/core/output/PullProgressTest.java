package dev.agentlaunch.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.PullEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PullProgressTest {
    private static final String LAYER = "sha256:0123456789abcdef0123";
    private static final long TOTAL = 2_600_000_000L;

    private static PullEvent at(long completed) {
        return new PullEvent("pulling 0123456789ab", LAYER, TOTAL, completed);
    }

    @Test
    void plainLinesAtEachTenthOfALayerAndEachStatusOnce() {
        StringWriter out = new StringWriter();
        PullProgress p = new PullProgress(new PrintWriter(out), false, "qwen3:4b", () -> 0L);
        p.accept(new PullEvent("pulling manifest", null, 0, 0));
        p.accept(at(0));
        p.accept(at(TOTAL / 100));           // 1%: same tenth as 0%, no line
        p.accept(at(TOTAL / 2));
        p.accept(at(TOTAL / 2 + 1));        // same tenth again
        p.accept(at(TOTAL));
        p.accept(new PullEvent("verifying sha256 digest", null, 0, 0));
        p.accept(new PullEvent("verifying sha256 digest", null, 0, 0));
        p.accept(new PullEvent("success", null, 0, 0));
        assertEquals(String.join("\n",
                "launch: pulling qwen3:4b: pulling manifest",
                "launch: pulling qwen3:4b: layer 0123456789ab 0% of 2.6 GB",
                "launch: pulling qwen3:4b: layer 0123456789ab 50% of 2.6 GB",
                "launch: pulling qwen3:4b: layer 0123456789ab 100% of 2.6 GB",
                "launch: pulling qwen3:4b: verifying sha256 digest",
                "launch: pulling qwen3:4b: success", ""), out.toString());
    }

    @Test
    void onATerminalOneBarPerLayerRedrawnInPlaceWithBytesPercentAndRate() {
        StringWriter out = new StringWriter();
        long[] now = {0};
        PullProgress p = new PullProgress(new PrintWriter(out), true, "qwen3:4b", () -> now[0]);
        p.accept(at(0));
        now[0] = 1_000_000_000L;            // one second later, half done
        p.accept(at(TOTAL / 2));
        p.accept(new PullEvent("pulling fedcba987654", "sha256:fedcba9876543210", 11_338, 11_338));
        p.endLine();
        String s = out.toString();
        assertTrue(s.contains("\rqwen3:4b 0123456 [##########----------]  50% 1.3 GB/2.6 GB 1.3 GB/s\u001b[K"), s);
        assertTrue(s.contains("\n\rqwen3:4b fedcba9 [####################] 100% 11.3 KB/11.3 KB"),
                "a new layer starts a new line: " + s);
        s.lines().forEach(line -> {
            for (String drawn : line.split("\r")) {
                assertTrue(drawn.replace("\u001b[K", "").length() < 80, "fits an 80-column terminal: " + drawn);
            }
        });
        assertTrue(s.endsWith("\n"), "the bar line is ended: " + s);
    }
}
