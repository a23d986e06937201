package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A <b>simulator</b> of Ollama's HTTP API for tests. It is not Ollama, runs no model and says so
 * in every answer (header {@code X-Simulator}) and on {@code GET /}.
 *
 * <p>It binds a JDK {@link HttpServer} to 127.0.0.1 on a free port and answers:
 * <ul>
 *   <li>Ollama's native API: {@code GET|HEAD /}, {@code GET /api/version}, {@code GET /api/tags},
 *       {@code POST /api/show}, {@code GET /api/ps}, {@code POST /api/pull} (NDJSON progress);</li>
 *   <li>Anthropic Messages (Claude Code): {@code POST /v1/messages} (SSE or one JSON message),
 *       {@code POST /v1/messages/count_tokens};</li>
 *   <li>OpenAI-compatible (Codex, OpenCode, Qwen Code): {@code GET /v1/models},
 *       {@code POST /v1/chat/completions}, {@code POST /v1/responses}.</li>
 * </ul>
 * Chat endpoints answer "Hello from the simulator (model M)." for a configured model and 404 for
 * any other; {@link #answerWithToolCall} scripts a tool call instead. Every request is recorded
 * ({@link #requests()}), including unknown paths, which get 404 {@code {"error":"..."}}.
 *
 * <p><b>Fault injection</b> ({@link #failNext}, {@link #respondRaw}, {@link #delay},
 * {@link #blackHole}) is per path (query ignored) and <b>one-shot</b>: each injection is used by
 * exactly one later request to that path, in the order they were added; the request is still
 * recorded. A delayed request is then answered normally. A black-holed request is accepted and
 * never answered until {@link #close()}.
 *
 * <p>Thread-safe. Handlers run on a cached pool of daemon threads, so delays and black holes do
 * not starve other requests.
 */
public final class OllamaSimulator implements AutoCloseable {

    /** What the simulator is; sent in the {@code X-Simulator} header of every answer. */
    public static final String DISCLAIMER =
            "agent-launch OllamaSimulator: a simulator of Ollama's HTTP API for tests, not Ollama";

    static {
        // Ollama's Go server sends with TCP_NODELAY, as Go does for every connection; the JDK's
        // server does not unless told, and its answer's body then waits ~40 ms for the client's
        // delayed ACK of the headers: a stall real Ollama never shows. Read once, when the JDK's
        // server is first used in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, SimModel> models = new LinkedHashMap<>();
    private final Map<String, SimModel> pullable = new LinkedHashMap<>();
    private final Map<String, SimModel> cloud = new LinkedHashMap<>();
    private volatile boolean signedIn = true;
    private final Map<String, Integer> loaded = new LinkedHashMap<>();
    private final List<RecordedRequest> log = new ArrayList<>();
    private final Map<String, Deque<Injection>> injections = new ConcurrentHashMap<>();
    private final Set<HttpExchange> blackHoled = ConcurrentHashMap.newKeySet();
    private final ToolScript toolScript = new ToolScript();
    private final AtomicLong ids = new AtomicLong();
    private final Instant modifiedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final AnthropicApi anthropic = new AnthropicApi(this);
    private final OpenAiApi openAi = new OpenAiApi(this);
    private final KindApi kindApi = new KindApi(this);
    private volatile SimKind kind = SimKind.OLLAMA;
    private volatile String requiredToken;
    private volatile String version = "0.13.0";
    private volatile Duration pullChunkDelay = Duration.ZERO;
    private volatile PrintStream requestLog;
    private volatile Path dumpDir;

    private OllamaSimulator(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ollama-sim-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a simulator on a free loopback port, with no models. */
    public static OllamaSimulator start() {
        return start(0);
    }

    /** Starts a simulator on the given loopback port (0: a free one). */
    public static OllamaSimulator start(int port) {
        try {
            return new OllamaSimulator(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Ollama simulator on port " + port + ": " + e, e);
        }
    }

    /**
     * Starts a simulator of another server's API on a free loopback port ({@link SimKind}): the same
     * models, chat endpoints and request log, that server's discovery routes, auth and error shapes.
     */
    public static OllamaSimulator start(SimKind kind) {
        OllamaSimulator sim = start(0);
        sim.kind = kind;
        return sim;
    }

    /** The API this simulator follows. */
    public SimKind kind() {
        return kind;
    }

    /**
     * Requires this token ({@code Authorization: Bearer}; llama.cpp, LM Studio and LiteLLM also take
     * {@code x-api-key}) on the routes the kind guards; others get the kind's 401.
     */
    public OllamaSimulator requireToken(String token) {
        this.requiredToken = token;
        return this;
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash: what {@code OLLAMA_HOST} would hold. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ---------------------------------------------------------------- configuration

    /** Adds (or replaces) an installed model: it shows in /api/tags, /api/show, /v1/models and chats work with it. */
    public OllamaSimulator addModel(SimModel model) {
        synchronized (models) {
            models.put(model.name(), model);
        }
        return this;
    }

    /** Adds installed models with default details ({@link SimModel#named}). */
    public OllamaSimulator addModels(String... names) {
        for (String name : names) {
            addModel(SimModel.named(name));
        }
        return this;
    }

    /** Removes an installed model (as {@code ollama rm} would). */
    public OllamaSimulator removeModel(String name) {
        synchronized (models) {
            models.remove(SimModel.normalize(name));
        }
        return this;
    }

    /** The installed models, in the order added. */
    public List<SimModel> models() {
        synchronized (models) {
            return List.copyOf(models.values());
        }
    }

    /**
     * Makes a model available on Ollama Cloud, as the real server reaches it through its cloud
     * proxy: a request naming {@code gpt-oss:20b:cloud} (any case) or {@code gpt-oss:20b-cloud} is
     * served with this model, whatever is installed; {@code /api/show} answers what the cloud
     * says (context, capabilities). It does not show in {@code /api/tags} unless a stub is
     * installed too ({@link SimModel#remote}).
     */
    public OllamaSimulator addCloudModel(SimModel model) {
        synchronized (models) {
            cloud.put(model.name(), model);
        }
        return this;
    }

    /**
     * Whether the server's owner is signed in to ollama.com (default yes). When not, every request
     * for a cloud model answers 401 {@code {"error":"unauthorized","signin_url":...}}, as Ollama does.
     */
    public OllamaSimulator cloudSignedIn(boolean yes) {
        signedIn = yes;
        return this;
    }

    /** Makes a model available to {@code POST /api/pull}; after a successful pull it is installed. */
    public OllamaSimulator pullable(SimModel model) {
        synchronized (models) {
            pullable.put(model.name(), model);
        }
        return this;
    }

    /** Reports a model as loaded in {@code GET /api/ps} with this context length. */
    public OllamaSimulator loaded(String name, int contextLength) {
        synchronized (models) {
            loaded.put(SimModel.normalize(name), contextLength);
        }
        return this;
    }

    /** The version {@code GET /api/version} reports (default 0.13.0). */
    public OllamaSimulator version(String ollamaVersion) {
        this.version = ollamaVersion;
        return this;
    }

    /** A pause before each line of a streamed pull (default none), so a test can interrupt a pull mid-way. */
    public OllamaSimulator pullChunkDelay(Duration delay) {
        this.pullChunkDelay = delay;
        return this;
    }

    /** Prints each request's line ({@link RecordedRequest#toString()}) to the stream as it arrives; null stops. */
    public OllamaSimulator logRequestsTo(PrintStream out) {
        this.requestLog = out;
        return this;
    }

    /** Writes each request's body to {@code DIR/NNN-<path>.json} as it arrives (for manual runs); null stops. */
    public OllamaSimulator dumpBodiesTo(Path dir) {
        this.dumpDir = dir;
        return this;
    }

    /**
     * Arms a one-shot tool call: the first later chat request (any API) that offers a tool named
     * {@code toolName} is answered with a call of it with this input (a JSON object). Requests that
     * do not offer the tool, and requests carrying a tool result, are answered with text.
     */
    public OllamaSimulator answerWithToolCall(String toolName, String inputJson) {
        JsonNode input;
        try {
            input = JSON.readTree(inputJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("tool input is not JSON: " + inputJson, e);
        }
        if (input == null || !input.isObject()) {
            throw new IllegalArgumentException("tool input must be a JSON object: " + inputJson);
        }
        toolScript.arm(toolName, input);
        return this;
    }

    /** Tool calls armed and not yet used. */
    public int pendingToolCalls() {
        return toolScript.pending();
    }

    // ---------------------------------------------------------------- fault injection (one-shot, per path)

    /** The next request to {@code path} gets this status with {@code {"error":"simulated failure (HTTP N)"}}. */
    public OllamaSimulator failNext(String path, int status) {
        return failNext(path, status, "simulated failure (HTTP " + status + ")");
    }

    /** The next request to {@code path} gets this status with {@code {"error":message}}. */
    public OllamaSimulator failNext(String path, int status, String message) {
        ObjectNode body = JSON.createObjectNode().put("error", message);
        return inject(path, new Injection.Raw(status, "application/json; charset=utf-8", body.toString()));
    }

    /** The next request to {@code path} gets exactly this status, content type and body (HTML, truncated JSON, ...). */
    public OllamaSimulator respondRaw(String path, int status, String contentType, String body) {
        return inject(path, new Injection.Raw(status, contentType, body));
    }

    /** The next request to {@code path} is answered normally, after this pause. */
    public OllamaSimulator delay(String path, Duration delay) {
        return inject(path, new Injection.Delay(delay));
    }

    /**
     * The next request to {@code path} is answered normally only once a request matching
     * {@code arrived} has been recorded (the held request itself counts), or after {@code timeout}.
     * For clients that run work in the background and may exit before it reaches the server (a
     * subagent, a title): hold the client's next main request until that work's request arrives.
     */
    public OllamaSimulator holdUntil(String path, Predicate<RecordedRequest> arrived, Duration timeout) {
        return inject(path, new Injection.Hold(arrived, timeout));
    }

    /** The next request to {@code path} is accepted and never answered (the connection stays open until {@link #close()}). */
    public OllamaSimulator blackHole(String path) {
        return inject(path, new Injection.BlackHole());
    }

    private OllamaSimulator inject(String path, Injection injection) {
        injections.computeIfAbsent(stripQuery(path), p -> new ArrayDeque<>()).add(injection);
        return this;
    }

    private Injection nextInjection(String path) {
        Deque<Injection> queue = injections.get(path);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    // ---------------------------------------------------------------- request log

    /** Every request so far, in arrival order (a snapshot). */
    public List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The requests to this path (query string ignored), in arrival order. */
    public List<RecordedRequest> requests(String path) {
        String p = stripQuery(path);
        return requests().stream().filter(r -> r.path().equals(p)).toList();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        synchronized (log) {
            log.clear();
        }
    }

    /**
     * Waits until at least {@code count} requests to {@code path} have arrived (recorded before they
     * are answered) and returns the {@code count}-th; throws {@link AssertionError} on timeout.
     */
    public RecordedRequest awaitRequest(String path, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String p = stripQuery(path);
        synchronized (log) {
            while (true) {
                List<RecordedRequest> matching = log.stream().filter(r -> r.path().equals(p)).toList();
                if (matching.size() >= count) {
                    return matching.get(count - 1);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no request #" + count + " to " + p + " within " + timeout
                            + "; requests: " + log);
                }
                TimeUnit.NANOSECONDS.timedWait(log, left);
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops the server, drops black-holed and delayed requests, and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        for (HttpExchange ex : blackHoled) {
            ex.close();
        }
        blackHoled.clear();
        executor.shutdownNow();
    }

    /**
     * Manual runs: {@code [PORT] [MODEL...] [--cloud MODEL]... [--kind KIND] [--token T] [--tool-call NAME=JSON]...
     * [--dump DIR]}; starts a simulator on PORT (default: a free one) of Ollama's API (or another kind's, {@link SimKind}),
     * requiring the token when given, installs the models, serves the cloud models ({@code MODEL:cloud}), arms the tool calls,
     * prints the
     * URL and then one line per request (with {@code --dump}, also each request's headers and body).
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        List<String> names = new ArrayList<>();
        List<String> toolCalls = new ArrayList<>();
        List<String> cloudNames = new ArrayList<>();
        Path dump = null;
        SimKind kind = SimKind.OLLAMA;
        String token = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--kind") && i + 1 < args.length) {
                kind = SimKind.valueOf(args[++i].toUpperCase(java.util.Locale.ROOT));
            } else if (args[i].equals("--token") && i + 1 < args.length) {
                token = args[++i];
            } else if (args[i].equals("--tool-call") && i + 1 < args.length) {
                toolCalls.add(args[++i]);
            } else if (args[i].equals("--cloud") && i + 1 < args.length) {
                cloudNames.add(args[++i]);
            } else if (args[i].equals("--dump") && i + 1 < args.length) {
                dump = Path.of(args[++i]);
            } else if (i == 0 && args[i].matches("\\d+")) {
                port = Integer.parseInt(args[i]);
            } else {
                names.add(args[i]);
            }
        }
        OllamaSimulator sim = start(port).logRequestsTo(System.out).dumpBodiesTo(dump);
        sim.kind = kind;
        sim.requiredToken = token;
        names.forEach(sim::addModels);
        cloudNames.forEach(n -> sim.addCloudModel(SimModel.named(n)));
        for (String call : toolCalls) {
            int eq = call.indexOf('=');
            sim.answerWithToolCall(call.substring(0, eq), call.substring(eq + 1));
        }
        System.out.println(kind.disclaimer());
        System.out.println("listening on " + sim.url() + " with models " + sim.models().stream().map(SimModel::name).toList());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        Thread.currentThread().join();
    }

    // ---------------------------------------------------------------- dispatch

    private void handle(HttpExchange ex) {
        boolean keepOpen = false;
        try {
            ex.getResponseHeaders().set("X-Simulator", kind.disclaimer());
            RecordedRequest req = record(ex);
            Reply reply = new Reply(ex);
            Injection injection = nextInjection(req.path());
            if (injection instanceof Injection.BlackHole) {
                blackHoled.add(ex);
                keepOpen = true;
                return;
            } else if (injection instanceof Injection.Raw raw) {
                reply.text(raw.status(), raw.contentType(), raw.body());
                return;
            } else if (injection instanceof Injection.Delay d) {
                Thread.sleep(d.delay().toMillis());
            } else if (injection instanceof Injection.Hold h) {
                awaitRecorded(h);
            }
            route(req, reply);
        } catch (IOException e) {
            // the client went away mid-answer (e.g. an interrupted pull): nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                new Reply(ex).json(500, JSON.createObjectNode().put("error", "simulator bug: " + e));
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent
            }
        } finally {
            if (!keepOpen) {
                ex.close();
            }
        }
    }

    private void awaitRecorded(Injection.Hold hold) throws InterruptedException {
        long deadline = System.nanoTime() + hold.timeout().toNanos();
        synchronized (log) {
            while (log.stream().noneMatch(hold.until())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(log, left);
            }
        }
    }

    private RecordedRequest record(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode json = null;
        if (!body.isBlank()) {
            try {
                json = JSON.readTree(body);
            } catch (IOException notJson) {
                json = null;
            }
        }
        String model = null;
        if (json != null && json.isObject()) {
            JsonNode m = json.hasNonNull("model") ? json.get("model") : json.get("name");
            model = m != null && m.isTextual() ? m.asText() : null;
        }
        RecordedRequest req = new RecordedRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                ex.getRequestURI().getRawQuery(), model, ex.getRequestHeaders(), body, json);
        synchronized (log) {
            log.add(req);
            log.notifyAll();
        }
        PrintStream out = requestLog;
        Path dir = dumpDir;
        int number;
        synchronized (log) {
            number = log.size();
        }
        if (out != null) {
            out.println(req + (req.query() == null ? "" : "  (?" + req.query() + ")"));
            out.flush();
        }
        if (dir != null) {
            Files.createDirectories(dir);
            String name = String.format("%03d%s.json", number, req.path().replaceAll("[^A-Za-z0-9]+", "-"));
            Files.writeString(dir.resolve(name), req + "\n" + req.headers() + "\n\n" + body);
        }
        return req;
    }

    private void route(RecordedRequest req, Reply reply) throws IOException, InterruptedException {
        String key = req.method() + " " + req.path();
        String token = requiredToken;
        if (token != null && KindApi.guarded(kind, req.path()) && !KindApi.authorized(kind, req, token)) {
            kindApi.unauthorized(kind, reply);
            return;
        }
        if (kind != SimKind.OLLAMA) {
            if (kindApi.route(kind, key, req, reply)) {
                return;
            }
            boolean chat = key.equals("POST /v1/messages") || key.equals("POST /v1/messages/count_tokens")
                    || key.equals("POST /v1/chat/completions") || key.equals("POST /v1/responses");
            if (!chat || !KindApi.serves(kind, key)) {
                kindApi.unknownRoute(kind, req, reply);
                return;
            }
            if (req.model() != null && find(req.model()) == null) {
                kindApi.unknownModel(kind, req.model(), reply);
                return;
            }
        }
        switch (key) {
            case "GET /", "HEAD /" -> reply.text(200, "text/plain; charset=utf-8", "Ollama is running (agent-launch simulator)");
            case "GET /api/version" -> reply.json(200, JSON.createObjectNode().put("version", version));
            case "GET /api/tags" -> reply.json(200, tags());
            case "POST /api/show" -> show(req, reply);
            case "GET /api/ps" -> reply.json(200, ps());
            case "POST /api/pull" -> pull(req, reply);
            case "GET /v1/models" -> openAi.models(reply);
            case "POST /v1/messages" -> anthropic.messages(req, reply);
            case "POST /v1/messages/count_tokens" -> anthropic.countTokens(req, reply);
            case "POST /v1/chat/completions" -> openAi.chatCompletions(req, reply);
            case "POST /v1/responses" -> openAi.responses(req, reply);
            default -> {
                if (req.method().equals("GET") && req.path().startsWith("/v1/models/")) {
                    openAi.model(req.path().substring("/v1/models/".length()), reply);
                } else {
                    reply.json(404, JSON.createObjectNode().put("error",
                            "simulator: no such endpoint: " + req.method() + " " + req.path()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- shared helpers for the API classes

    /**
     * The model a request names, or null. As Ollama: {@code qwen3} is {@code qwen3:latest}, any
     * case; a {@code :cloud} suffix or a {@code -cloud} tag goes to the cloud models (never the
     * installed ones); {@code :local} only to installed models that are not stubs of remote ones.
     */
    SimModel find(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String cloudBase = cloudBase(name);
        synchronized (models) {
            if (cloudBase != null) {
                return cloud.get(SimModel.normalize(cloudBase));
            }
            String n = name.trim();
            if (n.toLowerCase(Locale.ROOT).endsWith(":local")) {
                SimModel m = models.get(SimModel.normalize(n.substring(0, n.length() - ":local".length())));
                return m == null || m.isRemote() ? null : m;
            }
            // Servers other than Ollama match a model's id exactly (SimModel.servedAs); Ollama normalizes.
            SimModel m = kind != SimKind.OLLAMA && models.containsKey(n) ? models.get(n) : models.get(SimModel.normalize(n));
            if (m == null && kind == SimKind.LLAMACPP && !models.isEmpty()) {
                // llama-server runs one model and answers to any model name.
                SimModel only = models.values().iterator().next();
                m = new SimModel(n, only.sizeBytes(), only.contextLength(), only.capabilities(), only.family(),
                        only.parameterSize(), only.quantizationLevel(), only.digest(), null, null);
            }
            return m;
        }
    }

    /** The context a model is loaded with ({@link #loaded}), or null. */
    Integer loadedContext(String name) {
        synchronized (models) {
            return loaded.get(SimModel.normalize(name));
        }
    }

    /** The name without its cloud suffix when the request goes to Ollama Cloud, else null. */
    static String cloudBase(String name) {
        String n = name.trim();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(":cloud")) {
            return n.substring(0, n.length() - ":cloud".length());
        }
        int colon = n.lastIndexOf(':');
        if (colon > n.lastIndexOf('/') && lower.endsWith("-cloud")) {
            return n.substring(0, n.length() - "-cloud".length());
        }
        return null;
    }

    /** True when a request for this model would need the server's owner signed in to ollama.com, and they are not. */
    boolean signInNeeded(String name) {
        if (signedIn || name == null) {
            return false;
        }
        if (cloudBase(name) != null) {
            return true;
        }
        SimModel m = find(name);
        return m != null && m.isRemote();
    }

    /** Ollama's answer to a cloud request when its owner is not signed in. */
    static ObjectNode unauthorized() {
        return JSON.createObjectNode().put("error", "unauthorized")
                .put("signin_url", "https://ollama.com/connect?name=simulator&key=c2ltdWxhdG9y");
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    ToolScript toolScript() {
        return toolScript;
    }

    static String replyText(String model) {
        return "Hello from the simulator (model " + model + ").";
    }

    /** A rough token count: a quarter of the characters. */
    static int estimateTokens(String text) {
        return Math.max(1, text.length() / 4);
    }

    static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    // ---------------------------------------------------------------- native endpoints

    private ObjectNode details(SimModel m) {
        ObjectNode d = JSON.createObjectNode();
        d.put("parent_model", "");
        d.put("format", "gguf");
        d.put("family", m.family());
        d.putArray("families").add(m.family());
        d.put("parameter_size", m.parameterSize());
        d.put("quantization_level", m.quantizationLevel());
        return d;
    }

    private String modified() {
        return modifiedAt.atOffset(ZoneOffset.UTC).format(RFC3339);
    }

    private ObjectNode tags() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("models");
        for (SimModel m : models()) {
            ObjectNode o = list.addObject();
            o.put("name", m.name());
            o.put("model", m.name());
            if (m.isRemote()) {
                o.put("remote_model", m.remoteModel());
                o.put("remote_host", m.remoteHost());
            }
            o.put("modified_at", modified());
            o.put("size", m.sizeBytes());
            o.put("digest", m.digest());
            o.set("details", details(m));
        }
        return root;
    }

    private void show(RecordedRequest req, Reply reply) throws IOException {
        if (signInNeeded(req.model())) {
            reply.json(401, unauthorized());
            return;
        }
        SimModel m = find(req.model());
        if (m == null) {
            reply.json(404, JSON.createObjectNode().put("error", "model '" + req.model() + "' not found"));
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("license", "");
        root.put("modelfile", "# Modelfile generated by the agent-launch Ollama simulator\nFROM " + m.name() + "\n");
        root.put("parameters", "");
        root.put("template", "{{ .Prompt }}");
        root.set("details", details(m));
        if (m.isRemote()) {
            root.put("remote_model", m.remoteModel());
            root.put("remote_host", m.remoteHost());
        }
        ObjectNode info = root.putObject("model_info");
        info.put("general.architecture", m.family());
        info.put("general.parameter_count", parameterCount(m));
        info.put(m.family() + ".context_length", m.contextLength());
        info.put(m.family() + ".embedding_length", 2560);
        ArrayNode caps = root.putArray("capabilities");
        m.capabilities().forEach(caps::add);
        root.put("modified_at", modified());
        reply.json(200, root);
    }

    /** The exact count Ollama reports beside the rounded {@code parameter_size}: {@code 4B} gives 4000000000. */
    static long parameterCount(SimModel m) {
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([KMBT])").matcher(m.parameterSize());
        if (!c.matches()) {
            return m.sizeBytes() * 2;
        }
        double unit = switch (c.group(2)) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "B" -> 1e9;
            default -> 1e12;
        };
        return Math.round(Double.parseDouble(c.group(1)) * unit);
    }

    private ObjectNode ps() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("models");
        Map<String, Integer> snapshot;
        synchronized (models) {
            snapshot = new LinkedHashMap<>(loaded);
        }
        String expires = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC).format(RFC3339);
        snapshot.forEach((name, ctx) -> {
            SimModel m = find(name);
            if (m == null) {
                m = SimModel.named(name);
            }
            ObjectNode o = list.addObject();
            o.put("name", m.name());
            o.put("model", m.name());
            o.put("size", m.sizeBytes());
            o.put("digest", m.digest());
            o.set("details", details(m));
            o.put("expires_at", expires);
            o.put("size_vram", m.sizeBytes());
            o.put("context_length", ctx);
        });
        return root;
    }

    private void pull(RecordedRequest req, Reply reply) throws IOException, InterruptedException {
        JsonNode body = req.json();
        boolean stream = body == null || !body.has("stream") || body.get("stream").asBoolean(true);
        SimModel m;
        synchronized (models) {
            m = req.model() == null ? null : pullable.get(SimModel.normalize(req.model()));
        }
        String missing = "pull model manifest: file does not exist";
        if (!stream) {
            if (m == null) {
                reply.json(500, JSON.createObjectNode().put("error", missing));
            } else {
                addModel(m);
                reply.json(200, JSON.createObjectNode().put("status", "success"));
            }
            return;
        }
        reply.startStream("application/x-ndjson");
        pullLine(reply, JSON.createObjectNode().put("status", "pulling manifest"));
        if (m == null) {
            pullLine(reply, JSON.createObjectNode().put("error", missing));
            reply.end();
            return;
        }
        long[] sizes = {m.sizeBytes(), 11_338};
        String[] digests = {m.digest(), SimModel.sha256(m.name() + "/params")};
        for (int layer = 0; layer < sizes.length; layer++) {
            for (int step = 0; step <= 4; step++) {
                ObjectNode o = JSON.createObjectNode();
                o.put("status", "pulling " + digests[layer].substring(0, 12));
                o.put("digest", "sha256:" + digests[layer]);
                o.put("total", sizes[layer]);
                if (step > 0) {
                    o.put("completed", sizes[layer] * step / 4);
                }
                pullLine(reply, o);
            }
        }
        pullLine(reply, JSON.createObjectNode().put("status", "verifying sha256 digest"));
        pullLine(reply, JSON.createObjectNode().put("status", "writing manifest"));
        addModel(m);
        pullLine(reply, JSON.createObjectNode().put("status", "success"));
        reply.end();
    }

    private void pullLine(Reply reply, JsonNode line) throws IOException, InterruptedException {
        long pause = pullChunkDelay.toMillis();
        if (pause > 0) {
            Thread.sleep(pause);
        }
        reply.line(line);
    }
}
