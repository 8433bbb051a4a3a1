package dev.scoring.cli;
import picocli.CommandLine.Command;
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Runnable { public void run() {} }
