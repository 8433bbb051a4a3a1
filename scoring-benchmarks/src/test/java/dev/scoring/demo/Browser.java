package dev.scoring.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Headless Chromium: renders a page to a PNG and measures how much of it is drawn. */
final class Browser {
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  private Browser() {}

  /** The Chromium executable, or null when none is installed. */
  static Path executable() {
    for (String c : CANDIDATES) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    return null;
  }

  /** Renders {@code html} at the given window size into {@code png}. */
  static void screenshot(Path html, Path png, int width, int height)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Files.deleteIfExists(png);
    ProcessBuilder pb = new ProcessBuilder(executable().toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
        html.toAbsolutePath().toUri().toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish rendering " + html + " within 60 s");
    }
    if (!Files.exists(png)) {
      throw new IOException("chromium exited with " + p.exitValue() + " and wrote no "
          + png);
    }
  }

  /** What a rendered image holds: the share of non-white pixels and the distinct colours. */
  record Ink(double share, int colours) {}

  static Ink ink(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    long inked = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        if (rgb != 0xFFFFFF) {
          inked++;
        }
        if (colours.size() < 1000) {
          colours.add(rgb);
        }
      }
    }
    return new Ink((double) inked / ((long) image.getWidth() * image.getHeight()),
        colours.size());
  }
}
