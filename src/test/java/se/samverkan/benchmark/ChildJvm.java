package se.samverkan.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts a Spring Boot main class in its own JVM and measures the time to "Started …" and its RSS. */
final class ChildJvm {

  /** startupSeconds: launch until ready (job executor started, after the application runners). */
  record Measurement(String what, double startupSeconds, long rssMegabytes, double springReportedSeconds) {}

  private ChildJvm() {}

  /**
   * The benchmark's class path without its test classes, as the application runs in production
   * (Spring's component scan of se.samverkan would otherwise read the test classes too).
   */
  static String withoutTestClasses() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  static Measurement measure(String what, String mainClass, List<String> args, Path log) throws Exception {
    // the plain starter is a test class (its component scan covers its own package only)
    String classPath = mainClass.startsWith("se.samverkan.benchmark.") ? System.getProperty("java.class.path")
        : withoutTestClasses();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", classPath, mainClass));
    command.addAll(args);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // Spring logs "Started … in" BEFORE the application runners (Samverkan's organisation sync) run;
    // ready is when Camunda starts the job executor on ApplicationReadyEvent, after the runners.
    String marker = "Started " + mainClass.substring(mainClass.lastIndexOf('.') + 1) + " in ";
    String readyMarker = "ENGINE-14014 Starting up the JobExecutor";
    CompletableFuture<String> started = new CompletableFuture<>();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        Files.createDirectories(log.getParent());
        try (var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
          String line;
          while ((line = out.readLine()) != null) {
            writer.write(line);
            writer.newLine();
            if (line.contains(marker)) {
              started.complete(line);
            }
            if (line.contains(readyMarker)) {
              ready.complete(null);
            }
          }
        }
      } catch (IOException e) {
        started.completeExceptionally(e);
      }
      started.completeExceptionally(new IllegalStateException(what + " ended before it started, see " + log));
      ready.completeExceptionally(new IllegalStateException(what + " ended before it was ready, see " + log));
    }, "child-" + what);
    reader.setDaemon(true);
    reader.start();
    try {
      String line = started.get(10, TimeUnit.MINUTES);
      ready.get(10, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - start) / 1e9;
      String reported = line.substring(line.indexOf(marker) + marker.length()).split(" ")[0];
      Thread.sleep(2000);
      long rss = rssMegabytes(process.pid());
      return new Measurement(what, seconds, rss, Double.parseDouble(reported));
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  static long rssMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
