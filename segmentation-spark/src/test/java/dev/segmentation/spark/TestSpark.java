package dev.segmentation.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of this module's tests: two threads, bound to the loopback address, no
 * UI, two shuffle partitions (the tests' tables are small). Started on first use and stopped when
 * the test JVM exits.
 */
final class TestSpark {
  private TestSpark() {}

  private static final class Holder {
    static final SparkSession SESSION = start();

    private static SparkSession start() {
      SparkSession spark =
          SparkSession.builder()
              .appName("segmentation-spark tests")
              .master("local[2]")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "1")
              .config("spark.default.parallelism", "1")
              .config("spark.locality.wait", "0")
              .config("spark.sql.adaptive.enabled", "false")
              .config("spark.sql.codegen.wholeStage", "false")
              .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
              .getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
      return spark;
    }
  }

  static SparkSession session() {
    return Holder.SESSION;
  }

  private static final class Compiled {
    static final SparkSession SESSION = compiled();

    private static SparkSession compiled() {
      SparkSession spark = Holder.SESSION.newSession();
      spark.conf().set("spark.sql.codegen.wholeStage", "true");
      spark.conf().set("spark.sql.codegen.factoryMode", "FALLBACK");
      return spark;
    }
  }

  /** A session on the same Spark with Spark's default code generation. */
  static SparkSession compiledSession() {
    return Compiled.SESSION;
  }
}
