package dev.agentlaunch.core.server;

import dev.agentlaunch.api.ServerAnswer;
import dev.agentlaunch.api.ServerConnection;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.Reporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The {@link ServerConnection} a server kind gets: the same short timeouts and daemon threads as
 * {@link OllamaClient} (see there why {@link HttpURLConnection}), the token sent as
 * {@code Authorization: Bearer} on every request when one is named, and one-line errors that name
 * the server's kind and never the token.
 */
public final class HttpServerConnection implements ServerConnection {
    private final ServerAddress address;
    private final Optional<ApiKey> key;
    private final String kindName;
    private final String startHint;
    private final ExecutorService executor;
    private final PullHandle handle;

    /**
     * @param kindName  the server's kind in words ({@code vLLM}), or {@code model} while the kind is unknown
     * @param startHint what to do when nothing answers
     */
    public HttpServerConnection(ServerAddress address, Optional<ApiKey> key, String kindName, String startHint) {
        this(address, key, kindName, startHint, new PullHandle());
    }

    private HttpServerConnection(ServerAddress address, Optional<ApiKey> key, String kindName, String startHint,
                                 PullHandle handle) {
        this.address = address;
        this.key = key;
        this.kindName = kindName;
        this.startHint = startHint;
        this.handle = handle;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "server-check");
            t.setDaemon(true);          // a black-holed request must never keep the JVM alive
            return t;
        });
    }

    /** The same server, now that its kind is known (messages name it). */
    public HttpServerConnection as(String kind, String hint) {
        return new HttpServerConnection(address, key, kind, hint);
    }

    /** The same server, its {@link #stream}s ended by {@code handle} (the Ctrl-C handler of a pull). */
    public HttpServerConnection cancelledBy(PullHandle handle) {
        return new HttpServerConnection(address, key, kindName, startHint, handle);
    }

    /** What ends this connection's streams. */
    PullHandle handle() {
        return handle;
    }

    public ServerAddress address() {
        return address;
    }

    public Optional<ApiKey> key() {
        return key;
    }

    @Override
    public String url() {
        return address.url();
    }

    @Override
    public CompletableFuture<ServerAnswer> get(String path) {
        return CompletableFuture.supplyAsync(() -> exchange("GET", path, null), executor);
    }

    @Override
    public CompletableFuture<ServerAnswer> post(String path, String jsonBody) {
        return CompletableFuture.supplyAsync(() -> exchange("POST", path, jsonBody), executor);
    }

    @Override
    public boolean stream(String path, String jsonBody, String what, Predicate<ServerAnswer> lines) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(address.url() + path).openConnection();
            c.setConnectTimeout(OllamaClient.CONNECT_TIMEOUT_MS);
            c.setReadTimeout(0);            // a big download can take minutes; the server streams progress meanwhile
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setRequestMethod("POST");
            c.setRequestProperty("Accept", "application/json");
            if (key.isPresent()) {
                c.setRequestProperty("Authorization", "Bearer " + key.get().value());
            }
            handle.attach(c);
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(jsonBody.getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            if (status != 200) {
                InputStream err = c.getErrorStream();
                String text = err == null ? "" : new String(err.readAllBytes(), StandardCharsets.UTF_8);
                new Answer(status, c.getContentType(), text, what).requireObject(what);
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank() && !lines.test(new Answer(status, c.getContentType(), line, what))) {
                        return true;
                    }
                }
            }
            if (handle.isCancelled()) {
                throw cancelled(what);
            }
            return false;
        } catch (IOException e) {
            if (handle.isCancelled()) {
                throw cancelled(what);
            }
            throw failure(e, what);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static LauncherException cancelled(String what) {
        return new LauncherException(PullHandle.CANCELLED_EXIT, Reporter.flatten(what) + " cancelled; nothing was launched "
                + "(run the same command again to start over)");
    }

    private ServerAnswer exchange(String method, String path, String body) {
        HttpURLConnection c = null;
        String what = method + " " + path;
        if (handle.isCancelled()) {     // a kind that polls instead of streaming (LM Studio's download) stops at Ctrl-C
            throw cancelled(what);
        }
        try {
            c = (HttpURLConnection) new URL(address.url() + path).openConnection();
            c.setConnectTimeout(OllamaClient.CONNECT_TIMEOUT_MS);
            c.setReadTimeout(OllamaClient.READ_TIMEOUT_MS);
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
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = "";
            if (in != null) {
                try (in) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Answer(status, c.getContentType(), text, what);
        } catch (IOException e) {
            if (c != null) {
                c.disconnect();
            }
            throw failure(e, what);
        }
    }

    /** The one line for a request that got no answer. */
    LauncherException failure(Throwable e, String what) {
        if (e instanceof LauncherException le) {
            return le;
        }
        String where = "the " + kindName + " server at " + address.url() + " (" + address.source() + ")";
        String why;
        if (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase().contains("connect")) {
            why = " did not accept a connection within " + OllamaClient.CONNECT_TIMEOUT_MS + " ms";
        } else if (e instanceof SocketTimeoutException) {
            why = " did not answer " + what + " within " + OllamaClient.READ_TIMEOUT_MS + " ms";
        } else if (e instanceof ConnectException) {
            why = " is not reachable (" + Reporter.flatten(e.getMessage()).toLowerCase() + ")";
        } else if (e instanceof UnknownHostException) {
            // Nothing to start: the name itself is wrong (or DNS is down), so the advice is about the name.
            return new LauncherException(ExitCode.NOT_READY, "cannot resolve host '" + java.net.URI.create(address.url()).getHost()
                    + "' of the " + kindName + " server " + address.url() + " (" + address.source() + "); check the host name, "
                    + "or point --host at a running server", e);
        } else {
            why = " is not reachable" + (e.getMessage() == null ? "" : " (" + Reporter.flatten(e.getMessage()) + ")");
        }
        return new LauncherException(ExitCode.NOT_READY, where + why + "; " + startHint + ", point --host at a running "
                + "server, or pass --offline to skip the checks", e);
    }

    /** 401/403: the one line naming the variable to set (never the token). */
    LauncherException unauthorized(int status, String what) {
        String fix = key.map(k -> "the token in " + k.variable() + " (from " + k.source() + ") was refused; put a valid "
                        + "token in " + k.variable())
                .orElse("it needs a token: export it in a variable and pass --api-key-env VAR (or set apiKeyEnv in the "
                        + "config's server entry)");
        return LauncherException.notReady("the " + kindName + " server at " + address.url() + " answered " + what
                + " with HTTP " + status + " (" + (status == 401 ? "unauthorized" : "forbidden") + "): " + fix);
    }

    /** One answer, read whole. */
    final class Answer implements ServerAnswer {
        private final int status;
        private final String contentType;
        private final String body;
        private final String what;
        private Object json;
        private boolean parsed;

        Answer(int status, String contentType, String body, String what) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.what = what;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public String contentType() {
            return contentType;
        }

        @Override
        public String body() {
            return body;
        }

        @Override
        public synchronized Object json() {
            if (!parsed) {
                parsed = true;
                try {
                    json = Json.parse(body);
                } catch (Json.NotJson e) {
                    json = null;
                }
            }
            return json;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> requireObject(String asked) {
            String w = asked == null ? what : asked;
            if (status == 401 || status == 403) {
                throw unauthorized(status, w);
            }
            if (status != 200) {
                String error = errorText(json());
                throw LauncherException.notReady("the " + kindName + " server at " + address.url() + " answered " + w
                        + " with HTTP " + status + (error == null ? "" : " (" + Reporter.flatten(error) + ")")
                        + "; check the server's log, or pass --offline to skip the checks");
            }
            Object node = json();
            if (!(node instanceof Map<?, ?>)) {
                String start = Reporter.flatten(body);
                throw LauncherException.notReady("the server at " + address.url() + " answered " + w
                        + " with something that is not JSON (" + (contentType == null ? "no content type" : contentType)
                        + ": '" + (start.length() > 40 ? start.substring(0, 40) + "..." : start) + "'); is --host pointing at a "
                        + kindName + " server?");
            }
            return (Map<String, Object>) node;
        }
    }

    /** {@code {"error":"..."}} or {@code {"error":{"message":"..."}}}: the error text, else null. */
    static String errorText(Object json) {
        Object e = json instanceof Map<?, ?> m ? m.get("error") : null;
        if (e instanceof String s) {
            return s;
        }
        if (e instanceof Map<?, ?> m && m.get("message") instanceof String s) {
            return s;
        }
        return null;
    }
}
