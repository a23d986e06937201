package dev.agentlaunch.core.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A model that the {@link OllamaSimulator} knows about: what {@code /api/tags}, {@code /api/show},
 * {@code /api/ps} and {@code /v1/models} report for it. Immutable; every setter returns a copy:
 * <pre>{@code
 * SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960).capabilities("completion", "tools")
 * }</pre>
 * Defaults: 1 GB, context length 32768, capabilities {@code completion, tools}, family from the
 * name ({@code qwen3:4b} gives {@code qwen3}), parameter size from the tag ({@code 4b} gives
 * {@code 4B}, otherwise {@code 7B}), quantization {@code Q4_K_M}, and a digest derived from the name.
 *
 * @param name              the full name, normalized as Ollama does ({@code qwen3} becomes {@code qwen3:latest})
 * @param sizeBytes         size on disk, reported by /api/tags and /api/ps
 * @param contextLength     {@code <family>.context_length} in /api/show's {@code model_info}
 * @param capabilities      /api/show's {@code capabilities}
 * @param family            {@code details.family} and {@code general.architecture}
 * @param parameterSize     {@code details.parameter_size}, e.g. {@code 4B}
 * @param quantizationLevel {@code details.quantization_level}
 * @param digest            hex sha256 without the {@code sha256:} prefix
 * @param remoteHost        for a model that runs elsewhere (an Ollama Cloud model pulled as a stub):
 *                          {@code remote_host} in /api/tags and /api/show, e.g. {@code https://ollama.com:443}; else null
 * @param remoteModel       {@code remote_model}: the name on the remote host; null for a local model
 */
public record SimModel(String name, long sizeBytes, int contextLength, List<String> capabilities,
                       String family, String parameterSize, String quantizationLevel, String digest,
                       String remoteHost, String remoteModel) {

    /** Where Ollama's cloud models run: the remote host its stubs name. */
    public static final String OLLAMA_CLOUD = "https://ollama.com:443";

    public SimModel {
        Objects.requireNonNull(name, "name");
        capabilities = List.copyOf(capabilities);
    }

    /** A model with this name and the defaults described on the class. */
    public static SimModel named(String name) {
        String full = normalize(name);
        String base = full.substring(full.lastIndexOf('/') + 1, full.lastIndexOf(':'));
        String tag = full.substring(full.lastIndexOf(':') + 1);
        String params = tag.matches("\\d+(\\.\\d+)?[bm]") ? tag.toUpperCase(Locale.ROOT) : "7B";
        return new SimModel(full, 1_000_000_000L, 32768, List.of("completion", "tools"),
                base, params, "Q4_K_M", sha256(full), null, null);
    }

    /**
     * A model listed under exactly this id, as the servers other than Ollama name models
     * ({@code Qwen/Qwen3-32B}: case kept, no {@code :latest}); the defaults of {@link #named}, the
     * parameter size from a count in the id ({@code -32B}) when it states one.
     */
    public static SimModel servedAs(String id) {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("(?i)[-_:](\\d+(?:\\.\\d+)?[bm])(?![a-z0-9])").matcher(id);
        String params = count.find() ? count.group(1).toUpperCase(Locale.ROOT) : "7B";
        return new SimModel(id, 1_000_000_000L, 32768, List.of("completion", "tools"), id.substring(id.lastIndexOf('/') + 1),
                params, "Q4_K_M", sha256(id), null, null);
    }

    public SimModel sizeBytes(long bytes) {
        return new SimModel(name, bytes, contextLength, capabilities, family, parameterSize, quantizationLevel, digest, remoteHost, remoteModel);
    }

    public SimModel contextLength(int tokens) {
        return new SimModel(name, sizeBytes, tokens, capabilities, family, parameterSize, quantizationLevel, digest, remoteHost, remoteModel);
    }

    public SimModel capabilities(String... caps) {
        return new SimModel(name, sizeBytes, contextLength, List.of(caps), family, parameterSize, quantizationLevel, digest, remoteHost, remoteModel);
    }

    public SimModel family(String fam) {
        return new SimModel(name, sizeBytes, contextLength, capabilities, fam, parameterSize, quantizationLevel, digest, remoteHost, remoteModel);
    }

    public SimModel parameterSize(String size) {
        return new SimModel(name, sizeBytes, contextLength, capabilities, family, size, quantizationLevel, digest, remoteHost, remoteModel);
    }

    public SimModel quantizationLevel(String level) {
        return new SimModel(name, sizeBytes, contextLength, capabilities, family, parameterSize, level, digest, remoteHost, remoteModel);
    }

    /**
     * The model as a stub for a model that runs on {@code host} as {@code model}: what
     * {@code ollama pull gpt-oss:20b-cloud} installs. Its size is the stub's few hundred bytes.
     */
    public SimModel remote(String host, String model) {
        return new SimModel(name, 384, contextLength, capabilities, family, parameterSize, quantizationLevel, digest, host, model);
    }

    /** True for a stub of a model that runs on a remote host. */
    public boolean isRemote() {
        return remoteHost != null;
    }

    /**
     * Ollama's name normalization, enough for tests: lower case, and a name without a tag gets
     * {@code :latest} ({@code qwen3} and {@code qwen3:latest} are the same model).
     */
    public static String normalize(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        int slash = n.lastIndexOf('/');
        return n.indexOf(':', slash + 1) >= 0 ? n : n + ":latest";
    }

    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
