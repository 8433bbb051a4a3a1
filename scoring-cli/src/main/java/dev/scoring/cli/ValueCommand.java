package dev.scoring.cli;
import picocli.CommandLine.Command;
@Command(name = "value", mixinStandardHelpOptions = true)
final class ValueCommand implements Runnable { public void run() {} }
