package dev.segmentation.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Operator;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

class MembershipSnapshotTest {
  private static final Segment ADULTS =
      new Segment("adults", "", new Compare("age", Operator.GE, 18L));
  private static final Segment SENIORS =
      new Segment("seniors", "", new Compare("age", Operator.GE, 65L));
  private static final Catalog CATALOG = Catalog.of(ADULTS, SENIORS);
  private static final Instant DAY1 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant DAY2 = Instant.parse("2026-11-02T00:00:00Z");
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  @TempDir Path tmp;

  private static MembershipSnapshot day1() {
    return MembershipSnapshot.builder(CATALOG, DAY1, HELSINKI, List.of("a", "b", "c"))
        .members("adults", RoaringBitmap.bitmapOf(0, 1))
        .members("seniors", RoaringBitmap.bitmapOf(1))
        .scores("engagement", new double[] {1.5, -0.0, 3})
        .tiers("value", Arrays.asList("gold", "silver", null))
        .build();
  }

  private static MembershipSnapshot day2() {
    // a left, c stayed out of everything and got a tier, d is new; b moved down to silver... bronze
    return MembershipSnapshot.builder(CATALOG, DAY2, HELSINKI, List.of("b", "c", "d"))
        .members("adults", RoaringBitmap.bitmapOf(0, 2))
        .members("seniors", RoaringBitmap.bitmapOf())
        .scores("engagement", new double[] {0, 0, 0})
        .tiers("value", Arrays.asList("bronze", "silver", "gold"))
        .build();
  }

  @Test
  void write_thenRead_givesTheSameSnapshot() throws IOException {
    Path file = tmp.resolve("day1.snap");
    day1().write(file);

    MembershipSnapshot read = MembershipSnapshot.read(file);

    assertThat(read.fingerprint()).isEqualTo(MembershipSnapshot.fingerprint(CATALOG));
    assertThat(read.asOf()).isEqualTo(DAY1);
    assertThat(read.zone()).isEqualTo(HELSINKI);
    assertThat(read.ids()).containsExactly("a", "b", "c");
    assertThat(read.memberIds("adults")).containsExactly("a", "b");
    assertThat(read.memberIds("seniors")).containsExactly("b");
    assertThat(read.score("engagement", 1)).isEqualTo(-0.0);
    assertThat(read.tier("value", 0)).isEqualTo("gold");
    assertThat(read.tier("value", 2)).isNull();
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void diffSince_sameRules_entersExitsAndTierMatrix() {
    SnapshotDiff diff = day2().diffSince(day1());

    assertThat(diff.from()).isEqualTo(DAY1);
    assertThat(diff.to()).isEqualTo(DAY2);
    assertThat(diff.segments().of("adults").entered()).containsExactly("d");
    assertThat(diff.segments().of("adults").exited()).containsExactly("a");
    assertThat(diff.segments().of("seniors").entered()).isEmpty();
    assertThat(diff.segments().of("seniors").exited()).containsExactly("b");
    assertThat(diff.tierMoves().get("value"))
        .isEqualTo(
            ImmutableMap.of(
                "-", ImmutableMap.of("gold", 1L, "silver", 1L),
                "gold", ImmutableMap.of("-", 1L),
                "silver", ImmutableMap.of("bronze", 1L)));
  }

  @Test
  void diffSince_differentRules_isRefusedNamingTheSegments() {
    Catalog edited =
        Catalog.of(ADULTS, new Segment("seniors", "", new Compare("age", Operator.GE, 67L)));
    MembershipSnapshot other =
        MembershipSnapshot.builder(edited, DAY2, HELSINKI, List.of("a")).build();

    assertThatThrownBy(() -> other.diffSince(day1()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the snapshots were made with different rules (fingerprint "
                + MembershipSnapshot.fingerprint(CATALOG).substring(0, 12)
                + " at 2026-11-01T00:00:00Z, "
                + MembershipSnapshot.fingerprint(edited).substring(0, 12)
                + " at 2026-11-02T00:00:00Z): segments seniors (changed); make both snapshots with"
                + " the same rules");
  }

  @Test
  void read_damagedFile_namesTheFile() throws IOException {
    Path file = tmp.resolve("day1.snap");
    day1().write(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);

    assertThatThrownBy(() -> MembershipSnapshot.read(file))
        .isInstanceOf(MembershipSnapshot.SnapshotException.class)
        .hasMessage(
            file + ": the snapshot is damaged or truncated (checksum mismatch); write it again");
    Files.writeString(file, "id\na\n");
    assertThatThrownBy(() -> MembershipSnapshot.read(file))
        .hasMessage(file + ": not a segmentation snapshot (no SEGSNAP1 header)");
  }

  @Test
  void trackerSnapshot_equalsItsMembership() {
    Schema schema = Schema.of(Attribute.integer("age"));
    MembershipTracker tracker = MembershipTracker.create(CATALOG, schema, HELSINKI, DAY1);
    tracker.update("a", java.util.Map.of("age", 70L));
    tracker.update("b", java.util.Map.of("age", 10L));
    tracker.update("c", java.util.Map.of("age", 30L));
    tracker.delete("b");

    MembershipSnapshot s = tracker.snapshot();

    assertThat(s.ids()).containsExactly("a", "c");
    assertThat(s.memberIds("adults")).containsExactly("a", "c");
    assertThat(s.memberIds("seniors")).containsExactly("a");
    assertThat(s.asOf()).isEqualTo(DAY1);
  }
}
