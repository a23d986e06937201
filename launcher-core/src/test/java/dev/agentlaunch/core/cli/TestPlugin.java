package dev.agentlaunch.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs one test integration class into a PF4J plugin jar, as a third party would ship it. */
final class TestPlugin {
    private TestPlugin() {
    }

    static Path jar(Path dir, String pluginId, Class<?> integration) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", pluginId);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Requires", "^1.0.0");
        Path jar = dir.resolve(pluginId + ".jar");
        String classFile = integration.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, mf);
             InputStream bytes = integration.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write((integration.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
