package dev.scoring.cli;
import picocli.CommandLine.Command;
@Command(name = "rfm", mixinStandardHelpOptions = true)
final class RfmCommand implements Runnable { public void run() {} }
