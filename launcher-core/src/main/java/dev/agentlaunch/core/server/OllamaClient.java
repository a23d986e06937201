package dev.agentlaunch.core.server;

import dev.agentlaunch.api.PullEvent;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.Reporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Ollama's native API, the few endpoints the checks need. Every check request runs on its own
 * daemon thread so the checks go side by side, with short timeouts so a dead or black-holed
 * server costs at most about 1.5 s. Every failure becomes a one-line {@link LauncherException}
 * (exit 3) saying what the server did and what to do.
 *
 * <p>Why {@link HttpURLConnection} and not {@code java.net.http.HttpClient}: this runs before
 * every launch, and in a cold JVM building an {@code HttpClient} initializes TLS (about 900
 * classes, ~450 ms measured on a 2-core machine) even for a plain {@code http://} server, and its
 * first request costs ~200 ms more; a first {@code HttpURLConnection} request costs ~60 ms and
 * loads TLS only for {@code https://}. One instance per launch: one thread pool, one set of
 * timeouts, and the JDK's keep-alive cache reuses a connection once its answer is read.
 */
public final class OllamaClient {
    /** A local server accepts in microseconds; a host that drops packets must not stall the launch. */
    static final int CONNECT_TIMEOUT_MS = 1000;
    /** Each check request, waiting for the answer. */
    static final int READ_TIMEOUT_MS = 1500;

    private final ServerAddress address;
    private final java.util.Optional<ApiKey> key;
    private final ExecutorService executor;

    public OllamaClient(ServerAddress address) {
        this(address, java.util.Optional.empty());
    }

    /** A client that sends the token as {@code Authorization: Bearer} (an Ollama behind an authenticating proxy). */
    public OllamaClient(ServerAddress address, java.util.Optional<ApiKey> key) {
        this.address = address;
        this.key = key;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ollama-check");
            t.setDaemon(true);          // a black-holed request must never keep the JVM alive
            return t;
        });
    }

    public ServerAddress address() {
        return address;
    }

    /** {@code GET /api/version}: the server's version; the first proof it is reachable. */
    public CompletableFuture<String> version() {
        return async("GET", "/api/version", null, "GET /api/version")
                .thenApply(r -> String.valueOf(Json.text(parse(r, "GET /api/version"), "version")));
    }

    /** {@code GET /api/tags}: the installed models, by normalized name. */
    public CompletableFuture<Map<String, ListedModel>> tags() {
        return async("GET", "/api/tags", null, "GET /api/tags").thenApply(r -> {
            Object root = parse(r, "GET /api/tags");
            Map<String, ListedModel> listed = new HashMap<>();
            for (Object m : Json.list(root, "models")) {
                String remoteHost = Json.text(m, "remote_host");
                ListedModel entry = new ListedModel(Json.number(m, "size"), remoteHost != null && !remoteHost.isEmpty());
                for (String key : List.of("name", "model")) {
                    String name = Json.text(m, key);
                    if (name != null) {
                        listed.put(ModelNames.normalize(name), entry);
                    }
                }
            }
            return listed;
        });
    }

    /** {@code POST /api/show}: one model's capabilities and maximum context, or not found. */
    public CompletableFuture<ShowResult> show(String model) {
        String what = "POST /api/show for " + model;
        return async("POST", "/api/show", Json.object("model", model), what).thenApply(r -> {
            if (r.status() == 404) {
                return ShowResult.notFound();
            }
            if (r.status() == 401) {            // a cloud model, and the server is not signed in to ollama.com
                return ShowResult.signInFirst();
            }
            Object root = parse(r, what);
            Set<String> caps = new HashSet<>();
            Json.list(root, "capabilities").forEach(c -> caps.add(String.valueOf(c)));
            OptionalInt context = contextLength(Json.obj(root, "model_info"));
            long detailed = Json.number(Json.obj(root, "details"), "context_length");
            if (context.isEmpty() && detailed > 0 && detailed <= Integer.MAX_VALUE) {
                context = OptionalInt.of((int) detailed);
            }
            String remoteHost = Json.text(root, "remote_host");
            return new ShowResult(true, context, caps, remoteHost != null && !remoteHost.isEmpty(), false);
        });
    }

    /** {@code GET /api/ps}: the context each loaded model is served with, by normalized name. */
    public CompletableFuture<Map<String, Integer>> ps() {
        return async("GET", "/api/ps", null, "GET /api/ps").thenApply(r -> {
            Object root = parse(r, "GET /api/ps");
            Map<String, Integer> served = new HashMap<>();
            for (Object m : Json.list(root, "models")) {
                long ctx = Json.number(m, "context_length");
                if (ctx > 0 && ctx <= Integer.MAX_VALUE) {
                    for (String key : List.of("name", "model")) {
                        String name = Json.text(m, key);
                        if (name != null) {
                            served.put(ModelNames.normalize(name), (int) ctx);
                        }
                    }
                }
            }
            return served;
        });
    }

    /** {@code method path}: the answer's JSON object, for the model catalog, which reads more of it than the checks do. */
    CompletableFuture<Object> json(String method, String path, String body) {
        String what = method + " " + path;
        return async(method, path, body, what).thenApply(r -> parse(r, what));
    }

    /**
     * {@code POST /api/pull}, streamed: hands every progress line to {@code events} until the server
     * says {@code success}. Blocks; {@link PullHandle#cancel()} from another thread (Ctrl-C) ends it.
     *
     * @throws LauncherException exit 3 when the server reports an error (unknown name, disk full)
     *                           or the stream breaks off; exit 130 when cancelled
     */
    public void pull(String model, Consumer<PullEvent> events, PullHandle handle) {
        String what = "POST /api/pull for " + model;
        String body = Json.object("model", model, "stream", true);
        HttpURLConnection c = null;
        try {
            c = open("POST", "/api/pull", body);
            c.setReadTimeout(0);            // a big layer can take minutes; the server streams progress meanwhile
            handle.attach(c);
            send(c, body);
            int status = c.getResponseCode();
            if (status != 200) {
                throw new LauncherException(ExitCode.NOT_READY, "pulling " + model + " failed: the server answered HTTP "
                        + status + serverError(body(c)) + "; check the model name and the server's log");
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Object node = readPullLine(line, what);
                    String error = Json.text(node, "error");
                    if (error != null) {
                        throw LauncherException.notReady("pulling " + model + " failed: the server says '" + Reporter.flatten(error)
                                + "'; check the model name (and the server's disk space)");
                    }
                    PullEvent event = new PullEvent(String.valueOf(Json.text(node, "status")), Json.text(node, "digest"),
                            Json.number(node, "total"), Json.number(node, "completed"));
                    events.accept(event);
                    if (event.status().equals("success")) {
                        return;
                    }
                }
            }
            if (handle.isCancelled()) {
                throw handle.cancelled(model);
            }
            throw LauncherException.notReady("pulling " + model + " stopped before the server said it was done; "
                    + "run the same command again to resume");
        } catch (IOException e) {
            if (handle.isCancelled()) {
                throw handle.cancelled(model);
            }
            if (e instanceof ConnectException || e instanceof SocketTimeoutException) {
                throw failure(e, what);
            }
            throw LauncherException.notReady("pulling " + model + " broke off (" + Reporter.flatten(e.getMessage())
                    + "); run the same command again to resume");
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private Object readPullLine(String line, String what) {
        try {
            return Json.parse(line);
        } catch (Json.NotJson e) {
            throw notOllama(what, "application/x-ndjson", line);
        }
    }

    // ---------------------------------------------------------------- plumbing

    /** One answered request. */
    record Response(int status, String contentType, String body) {
    }

    private CompletableFuture<Response> async(String method, String path, String body, String what) {
        return CompletableFuture.supplyAsync(() -> exchange(method, path, body, what), executor);
    }

    private Response exchange(String method, String path, String body, String what) {
        HttpURLConnection c = null;
        try {
            c = open(method, path, body);
            if (body != null) {
                send(c, body);
            }
            int status = c.getResponseCode();
            return new Response(status, c.getContentType(), body(c));    // read to the end: the connection can be reused
        } catch (IOException e) {
            if (c != null) {
                c.disconnect();
            }
            throw failure(e, what);
        }
    }

    private HttpURLConnection open(String method, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(address.url() + path).openConnection();
        c.setConnectTimeout(CONNECT_TIMEOUT_MS);
        c.setReadTimeout(READ_TIMEOUT_MS);
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(false);
        c.setRequestMethod(method);
        c.setRequestProperty("Accept", "application/json");
        if (key.isPresent()) {
            c.setRequestProperty("Authorization", "Bearer " + key.get().value());
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            // No streaming mode: the small body is buffered and goes out in one write with the
            // headers. Streamed, it follows in a second write, which Nagle's algorithm holds back
            // until the server's delayed ACK of the headers: 40 ms lost per POST on Linux.
        }
        return c;
    }

    private static void send(HttpURLConnection c, String body) throws IOException {
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String body(HttpURLConnection c) throws IOException {
        InputStream in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream();
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The one line for a request that got no answer. */
    LauncherException failure(Throwable e, String what) {
        if (e instanceof LauncherException le) {
            return le;
        }
        String where = "the model server at " + address.url() + " (" + address.source() + ")";
        String why;
        if (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase().contains("connect")) {
            why = " did not accept a connection within " + CONNECT_TIMEOUT_MS + " ms";
        } else if (e instanceof SocketTimeoutException) {
            why = " did not answer " + what + " within " + READ_TIMEOUT_MS + " ms";
        } else if (e instanceof ConnectException) {
            why = " is not reachable (" + Reporter.flatten(e.getMessage()).toLowerCase() + ")";
        } else if (e instanceof java.net.UnknownHostException) {
            // Nothing to start: the name itself is wrong (or DNS is down), so the advice is about the name.
            return new LauncherException(ExitCode.NOT_READY, "cannot resolve host '" + java.net.URI.create(address.url()).getHost() + "' of the model server "
                    + address.url() + " (" + address.source() + "); check the host name, or point --host (or OLLAMA_HOST) at a "
                    + "running server", e);
        } else {
            why = " is not reachable" + (e.getMessage() == null ? "" : " (" + Reporter.flatten(e.getMessage()) + ")");
        }
        return new LauncherException(ExitCode.NOT_READY, where + why + "; start it with 'ollama serve', point --host (or OLLAMA_HOST) "
                + "at a running server, or pass --offline to skip the checks", e);
    }

    private Object parse(Response r, String what) {
        String type = r.contentType() == null ? "no content type" : r.contentType();
        if (r.status() == 401 || r.status() == 403) {
            throw new HttpServerConnection(address, key, "Ollama", "").unauthorized(r.status(), what);
        }
        if (r.status() != 200) {
            throw LauncherException.notReady("the model server at " + address.url() + " answered " + what + " with HTTP "
                    + r.status() + serverError(r.body()) + "; check the server's log, or pass --offline to skip the checks");
        }
        try {
            Object node = Json.parse(r.body());
            if (!(node instanceof Map<?, ?>)) {
                throw notOllama(what, type, r.body());
            }
            return node;
        } catch (Json.NotJson e) {
            throw notOllama(what, type, r.body());
        }
    }

    private LauncherException notOllama(String what, String type, String body) {
        String start = Reporter.flatten(body);
        return LauncherException.notReady("the server at " + address.url() + " answered " + what
                + " with something that is not Ollama's JSON (" + type + ": '"
                + (start.length() > 40 ? start.substring(0, 40) + "..." : start) + "'); is --host (or OLLAMA_HOST) "
                + "pointing at an Ollama server?");
    }

    private static String serverError(String body) {
        try {
            String error = Json.text(Json.parse(body), "error");
            return error == null ? "" : " (" + Reporter.flatten(error) + ")";
        } catch (Json.NotJson e) {
            return "";                      // not JSON: the status says enough
        }
    }

    /** {@code <general.architecture>.context_length}, else any {@code *.context_length} in {@code model_info}. */
    static OptionalInt contextLength(Map<String, Object> modelInfo) {
        String arch = Json.text(modelInfo, "general.architecture");
        long direct = arch == null ? 0 : Json.number(modelInfo, arch + ".context_length");
        if (direct > 0 && direct <= Integer.MAX_VALUE) {
            return OptionalInt.of((int) direct);
        }
        for (Map.Entry<String, Object> e : modelInfo.entrySet()) {
            if (e.getKey().endsWith(".context_length") && e.getValue() instanceof Number n && n.longValue() > 0
                    && n.longValue() <= Integer.MAX_VALUE) {
                return OptionalInt.of(n.intValue());
            }
        }
        return OptionalInt.empty();
    }

}
