package dev.agentlaunch.core.picker;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds the picker in the distribution's {@code lib/picker/}: its jar and the terminal library's,
 * behind a class loader of their own. They are not on the launcher's class path, so a launch that
 * does not open the picker neither opens nor searches them.
 */
public final class PickerLoader {
    private PickerLoader() {
    }

    /** The picker of the distribution at {@code home}, or empty (no distribution, or no picker in it). */
    public static Optional<ModelPicker> load(Optional<Path> home) {
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Path dir = home.get().resolve("lib").resolve("picker");
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();                // no picker directory: not installed
        }
        if (jars.isEmpty()) {
            return Optional.empty();
        }
        URLClassLoader loader = new URLClassLoader("picker", jars.toArray(URL[]::new), PickerLoader.class.getClassLoader());
        return ServiceLoader.load(ModelPicker.class, loader).findFirst();
    }
}
