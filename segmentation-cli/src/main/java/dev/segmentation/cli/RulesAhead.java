package dev.segmentation.cli;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The rules file of a {@code run}, {@code explain} or {@code schedule} command line, read, checked
 * and compiled on a thread of its own while picocli builds its model of the command line (about 170
 * ms at start, mostly reflection in the interpreter, on one core while the other is idle).
 *
 * <p>The command takes the result with {@link #take} as if it loaded the file itself at that point:
 * what loading wrote to the error stream is written to the command's stream then, and a failure is
 * thrown then, the same exception. A command that asks for another file (the command line named
 * two, or picocli reads it differently) loads that file itself; one that stops before (a usage
 * error, {@code --help}) never takes it, and nothing of the early load shows.
 */
final class RulesAhead {
  private static final Set<String> COMMANDS = Set.of("run", "explain", "schedule");

  private final Path file;
  private final StringWriter written = new StringWriter();
  private final FutureTask<Rules.Loaded> task;
  private boolean taken;

  private RulesAhead(Path file) {
    this.file = file;
    PrintWriter err = new PrintWriter(written, true);
    this.task = new FutureTask<>(() -> Rules.load(file, err));
  }

  /**
   * Starts loading the file named by {@code --rules FILE} or {@code --rules=FILE} when the command
   * line is one of the commands that read rules first, and answers it; otherwise null.
   */
  static RulesAhead start(String... args) {
    Path file = rulesFile(args);
    if (file == null) {
      return null;
    }
    RulesAhead ahead = new RulesAhead(file);
    Thread thread = new Thread(ahead.task, "segmentation-rules");
    thread.setDaemon(true); // never keeps the JVM alive after the command ends
    thread.start();
    return ahead;
  }

  /** The {@code --rules} value of a run / explain / schedule command line, or null. */
  static Path rulesFile(String... args) {
    if (args == null || args.length < 2 || !COMMANDS.contains(args[0])) {
      return null;
    }
    String value = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a == null || a.equals("--")) {
        break; // after "--" everything is a positional parameter
      }
      if (a.equals("--rules") && i + 1 < args.length) {
        value = args[++i];
      } else if (a.startsWith("--rules=")) {
        value = a.substring("--rules=".length());
      }
    }
    if (value == null || value.isEmpty() || value.startsWith("-")) {
      return null;
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      return null; // picocli reports it
    }
  }

  /**
   * The rules of {@code wanted}, loaded as {@link Rules#load} does: from the early load when it is
   * the file loaded early and this is the first take, else now.
   */
  Rules.Loaded take(Path wanted, PrintWriter err) throws Failure, IOException {
    if (taken || !file.equals(wanted)) {
      return Rules.load(wanted, err);
    }
    taken = true;
    task.run(); // loads here if the thread has not begun (a no-op once it has)
    try {
      return Uninterruptibles.getUninterruptibly(task);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      Throwables.throwIfInstanceOf(cause, Failure.class);
      Throwables.throwIfInstanceOf(cause, IOException.class);
      Throwables.throwIfUnchecked(cause);
      throw new IllegalStateException(cause);
    } finally {
      err.print(written);
      err.flush();
    }
  }
}
