package dev.agentlaunch.core;

import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.plugins.PluginDirectories;
import dev.agentlaunch.core.plugins.PluginLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The training run behind the start-up archive: {@code bin/launch} runs this once per
 * distribution and Java with {@code -XX:DumpLoadedClassList}, then builds {@code lib/cds/<java>.jsa} from the
 * classes it loaded. It runs the commands users run (every integration's launch and dry run,
 * offline and checked, the listing, help, doctor, env) so the archive covers all of them, not
 * just whichever command happened to run first.
 *
 * <p>Everything happens in a throw-away HOME (with a config file holding a profile) with a PATH of stub tools, and the checks ask
 * {@link TrainingServer}, a loopback socket that answers the few Ollama requests with fixed JSON:
 * nothing of the user's is read or written, and no real server or tool is contacted.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    /** A first run must never hang on its training: whatever it loaded by then is archived. */
    private static final long TIME_LIMIT_MS = 60_000;

    public static void main(String[] args) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("agent-launch-training");
        Thread training = new Thread(() -> {
            try (TrainingServer server = TrainingServer.start()) {
                run(scratch, server.url());
            } catch (IOException | RuntimeException e) {
                // a partial training still lists what it loaded
            }
        }, "training");
        training.setDaemon(true);
        training.start();
        training.join(TIME_LIMIT_MS);
        deleteTree(scratch);
        System.exit(0);
    }

    private static void run(Path scratch, String serverUrl) throws IOException {
        Path home = Files.createDirectories(scratch.resolve("home"));
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", bin.toString());
        Optional<Path> dist = Main.distributionHome();

        List<String> ids = new ArrayList<>();
        for (LoadedIntegration li : new PluginLoader(Versions.api())
                .load(PluginDirectories.resolve(List.of(), env, Optional.of(home), dist)).integrations()) {
            ids.add(li.id());
            for (String name : li.integration().executableNames()) {
                stubTool(bin.resolve(name));
            }
        }
        String[] tiers = {"--large", "train-large:1b", "--medium", "train-medium:1b", "--small", "train-small:1b"};
        Path handoff = scratch.resolve("handoff");
        // A config file with a profile, as most users have: every launch then reads it.
        main(env, dist, null, concat(new String[] {"profile", "save", "training"}, tiers));
        for (String id : ids) {
            main(env, dist, null, new String[] {id, "--dry-run", "--offline", "--profile", "training"});
            main(env, dist, null, concat(new String[] {id, "--dry-run", "--offline"}, tiers));
            main(env, dist, null, concat(new String[] {id, "--dry-run", "--host", serverUrl}, tiers));
            main(env, dist, null, concat(new String[] {id, "--dry-run", "--json", "--host", serverUrl}, tiers));
            // A real launch up to the hand-off, which goes to a scratch file instead of bin/launch.
            main(env, dist, handoff.toString(), concat(new String[] {id, "--host", serverUrl}, tiers, new String[] {"--", "x"}));
            main(env, dist, null, new String[] {id, "--help"});
        }
        main(env, dist, null, new String[] {"list-integrations"});
        main(env, dist, null, new String[] {"--help"});
        if (!ids.isEmpty()) {
            main(env, dist, null, concat(new String[] {"doctor", ids.get(0), "--host", serverUrl}, tiers));
            main(env, dist, null, concat(new String[] {"env", ids.get(0), "--offline"}, tiers));
        }
    }

    private static void main(Map<String, String> env, Optional<Path> dist, String handoff, String[] args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        new Main(env, discard, discard, handoff, dist).run(args);
    }

    /** A tool that exists and answers {@code --version}: the launch path runs as far as the hand-off. */
    private static void stubTool(Path path) throws IOException {
        if (!Files.exists(path)) {
            Files.writeString(path, "#!/bin/sh\necho 0.0.0\n");
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    /** Best effort: the scratch dir is in the temp dir, and a training cut short may still write to it. */
    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // left for the system's temp cleaning
        }
    }

    /**
     * Answers the checks' requests on a loopback port with fixed JSON, one connection at a time
     * (each answer closes its connection). Only for the training run: it is not Ollama and says so.
     */
    static final class TrainingServer implements AutoCloseable {
        private final ServerSocket socket;

        private TrainingServer(ServerSocket socket) {
            this.socket = socket;
        }

        static TrainingServer start() throws IOException {
            TrainingServer server = new TrainingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread t = new Thread(server::serve, "training-server");
            t.setDaemon(true);
            t.start();
            return server;
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    answer(s);
                } catch (IOException e) {
                    // closed, or a client that went away: the training goes on either way
                }
            }
        }

        private static void answer(Socket s) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String request = in.readLine();
            if (request == null) {
                return;
            }
            int length = 0;
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            in.skip(length);
            byte[] body = body(request).getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }

        private static String body(String request) {
            String models = "[{\"name\":\"train-large:1b\",\"size\":1000000},{\"name\":\"train-medium:1b\",\"size\":1000000},"
                    + "{\"name\":\"train-small:1b\",\"size\":1000000}]";
            if (request.contains("/api/version")) {
                return "{\"version\":\"0.0.0-training\"}";
            }
            if (request.contains("/api/tags")) {
                return "{\"models\":" + models + "}";
            }
            if (request.contains("/api/ps")) {
                return "{\"models\":[{\"name\":\"train-large:1b\",\"context_length\":65536}]}";
            }
            return "{\"capabilities\":[\"completion\",\"tools\"],\"model_info\":{\"general.architecture\":\"training\","
                    + "\"training.context_length\":65536}}";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
