package dev.agentlaunch.core.server;

import dev.agentlaunch.core.process.ExecutableFinder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * This machine's memory for models, as Ollama would use it: the NVIDIA GPUs' memory when
 * {@code nvidia-smi} answers, Apple's unified memory ({@code sysctl hw.memsize}) on macOS, else
 * system RAM (Ollama runs on the CPU). Only meaningful when the server is local.
 */
public final class MemoryProbe {
    private static final long COMMAND_TIMEOUT_MS = 2000;

    private final Function<List<String>, Optional<String>> commands;
    private final String osName;
    private final Path meminfo;

    /**
     * @param commands runs a command and returns its stdout, or empty when it is missing, fails or hangs
     * @param osName   {@code os.name}
     * @param meminfo  Linux's {@code /proc/meminfo}
     */
    public MemoryProbe(Function<List<String>, Optional<String>> commands, String osName, Path meminfo) {
        this.commands = commands;
        this.osName = osName;
        this.meminfo = meminfo;
    }

    public static MemoryProbe system() {
        return new MemoryProbe(MemoryProbe::run, System.getProperty("os.name", ""), Path.of("/proc/meminfo"));
    }

    public Optional<MemoryBudget> probe() {
        Optional<String> gpus = commands.apply(List.of("nvidia-smi", "--query-gpu=memory.total", "--format=csv,noheader,nounits"));
        if (gpus.isPresent()) {
            Optional<MemoryBudget> nvidia = nvidia(gpus.get());
            if (nvidia.isPresent()) {
                return nvidia;
            }
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            Optional<MemoryBudget> mac = commands.apply(List.of("sysctl", "-n", "hw.memsize"))
                    .flatMap(s -> parseLong(s.trim()))
                    .map(b -> new MemoryBudget(b, "unified memory (sysctl hw.memsize)"));
            if (mac.isPresent()) {
                return mac;
            }
        }
        return systemRam();
    }

    /** {@code nvidia-smi}'s per-GPU totals in MiB, one a line; Ollama spreads a model over all of them. */
    static Optional<MemoryBudget> nvidia(String csv) {
        long mib = 0;
        int gpus = 0;
        for (String line : csv.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<Long> v = parseLong(line.trim());
            if (v.isEmpty()) {
                return Optional.empty();
            }
            mib += v.get();
            gpus++;
        }
        if (gpus == 0 || mib <= 0) {
            return Optional.empty();
        }
        return Optional.of(new MemoryBudget(mib * 1024 * 1024, "GPU memory (nvidia-smi" + (gpus > 1 ? ", " + gpus + " GPUs" : "") + ")"));
    }

    private Optional<MemoryBudget> systemRam() {
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    return parseLong(line.replaceAll("[^0-9]", ""))
                            .map(kib -> new MemoryBudget(kib * 1024, "system RAM (" + meminfo + ")"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: no figure
        }
        return Optional.empty();
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> run(List<String> argv) {
        // Looked up first: a command that is not installed (nvidia-smi on most machines) would
        // otherwise cost a process spawn that fails, tens of milliseconds in the checks' path.
        Optional<Path> exe = new ExecutableFinder(System.getenv("PATH"), Optional.empty()).find(List.of(argv.get(0))).executable();
        if (exe.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new java.util.ArrayList<>(argv);
        command.set(0, exe.get().toString());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                return p.exitValue() == 0 ? Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();                    // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
