package dev.agentlaunch.core.cli;

import picocli.CommandLine.Option;

/** Machine-readable output. */
public class OutputOptions {
    @Option(names = "--json", description = "Print JSON on stdout instead of text.")
    boolean json;
}
