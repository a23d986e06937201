package dev.agentlaunch.core.sim;

import java.time.Duration;
import java.util.function.Predicate;

/** One armed fault for one request to one path (see {@link OllamaSimulator}'s fault injection). */
sealed interface Injection {
    /** Answer with exactly this status, content type and body. */
    record Raw(int status, String contentType, String body) implements Injection { }

    /** Pause, then answer normally. */
    record Delay(Duration delay) implements Injection { }

    /** Answer normally once a request matching {@code until} has been recorded (or the timeout passed). */
    record Hold(Predicate<RecordedRequest> until, Duration timeout) implements Injection { }

    /** Accept and never answer until the simulator closes. */
    record BlackHole() implements Injection { }
}
