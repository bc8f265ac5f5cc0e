package dev.segmentation.spark;

import dev.segmentation.sql.DifferentialRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The differential test of {@link SparkSegmentation} against the row engine, on a local Spark, over
 * the random schemas, catalogs and customers of the engines' and the SQL backend's differential
 * tests. Every case compares every segment, score, tier and RFM segment of every customer, and
 * every fourth case the counts. Patterns outside the RE2 subset that RLIKE reads exactly, and
 * case-insensitive ones, run through the RE2 function ({@link Re2Find}). Cases that Spark refuses
 * (the anniversary of a timestamp in a zone with daylight saving, say) are counted by reason and
 * replaced by further seeds until the wanted number of cases has been compared.
 *
 * <p>More cases: {@code -Dspark.differential.cases=1000}; one seed: {@code
 * -Dspark.differential.seed=123}. On a difference a reproducer is written to {@code
 * target/spark-differential/<seed>/}, with only the differing customers when they alone still
 * differ.
 */
class SparkDifferentialTest {
  @Test
  void everySegmentScoreTierAndCount_equalsTheRowEngine() throws Exception {
    DifferentialRun.run(
        "Spark",
        SparkCase::generate,
        Integer.getInteger("spark.differential.cases", 200),
        System.getProperty("spark.differential.seed"),
        Path.of("target", "spark-differential"),
        2); // two cases at a time: the driver plans one query while Spark runs the other's tasks
  }
}
