package dev.scoring.cli;
import picocli.CommandLine.Command;
@Command(name = "report", mixinStandardHelpOptions = true)
final class ReportCommand implements Runnable { public void run() {} }
