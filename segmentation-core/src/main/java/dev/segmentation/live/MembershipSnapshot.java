package dev.segmentation.live;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import dev.segmentation.engine.columnar.MembershipDiff;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.roaringbitmap.RoaringBitmap;

/**
 * The results of a catalog over a set of customers at one instant, frozen: ids, each segment's
 * members as a RoaringBitmap of positions, scores, tiers, the rules' fingerprint and {@code asOf}.
 * A segment of a snapshot is a <em>static list</em>: it keeps its members whatever happens later.
 *
 * <pre>{@code
 * MembershipSnapshot today = MembershipSnapshot.builder(catalog, asOf, zone, ids)
 *     .members("vip", vipRows).tiers("value", tierOfEachRow).build();
 * today.write(Path.of("today.snap"));                 // atomically
 * MembershipSnapshot yesterday = MembershipSnapshot.read(Path.of("yesterday.snap"));
 * SnapshotDiff changes = today.diffSince(yesterday);  // refused for different rules
 * }</pre>
 *
 * <p>The file: {@code SEGSNAP1}, a format version, then the fingerprint, {@code asOf}, the zone,
 * the ids (UTF-8), each segment's name, definition fingerprint and members in RoaringBitmap's
 * portable format (readable from Java, C, Go, Rust and Python), each score model's values, each
 * tiering's tier names and each customer's tier (-1 for none), and a CRC-32 of everything before
 * it. Immutable.
 */
public final class MembershipSnapshot {
  private static final byte[] MAGIC = "SEGSNAP1".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  private final String fingerprint;
  private final Instant asOf;
  private final ZoneId zone;
  private final ImmutableList<String> ids;
  private final ImmutableMap<String, String> segmentFingerprints;
  private final ImmutableMap<String, RoaringBitmap> members;
  private final ImmutableMap<String, double[]> scores;
  private final ImmutableMap<String, ImmutableList<String>> tierNames;
  private final ImmutableMap<String, int[]> tiers;

  private MembershipSnapshot(Builder b) {
    this.fingerprint = b.fingerprint;
    this.asOf = b.asOf;
    this.zone = b.zone;
    this.ids = b.ids;
    this.segmentFingerprints = ImmutableMap.copyOf(b.segmentFingerprints);
    this.members = ImmutableMap.copyOf(b.members);
    this.scores = ImmutableMap.copyOf(b.scores);
    this.tierNames = ImmutableMap.copyOf(b.tierNames);
    this.tiers = ImmutableMap.copyOf(b.tiers);
  }

  /** The fingerprint of a catalog: SHA-256 of its definition, in hex. */
  public static String fingerprint(Catalog catalog) {
    return sha256(catalog.toString());
  }

  private static String sha256(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }

  /**
   * Starts a snapshot of {@code catalog}'s results at {@code asOf} for the customers {@code ids}
   * (positions 0 to n-1 in the bitmaps and arrays).
   */
  public static Builder builder(Catalog catalog, Instant asOf, ZoneId zone, List<String> ids) {
    if (catalog == null || asOf == null || zone == null || ids == null) {
      throw new IllegalArgumentException("catalog, asOf, zone and ids must not be null");
    }
    Builder b = new Builder(fingerprint(catalog), asOf, zone, ImmutableList.copyOf(ids));
    for (Segment s : catalog.segments()) {
      b.segmentFingerprints.put(s.name(), sha256(s.condition().toString()));
      b.members.put(s.name(), new RoaringBitmap());
    }
    return b;
  }

  /** Collects the results of a snapshot; {@link #build()} checks every segment was given. */
  public static final class Builder {
    private final String fingerprint;
    private final Instant asOf;
    private final ZoneId zone;
    private final ImmutableList<String> ids;
    private final Map<String, String> segmentFingerprints = new LinkedHashMap<>();
    private final Map<String, RoaringBitmap> members = new LinkedHashMap<>();
    private final Map<String, double[]> scores = new LinkedHashMap<>();
    private final Map<String, ImmutableList<String>> tierNames = new LinkedHashMap<>();
    private final Map<String, int[]> tiers = new LinkedHashMap<>();

    private Builder(String fingerprint, Instant asOf, ZoneId zone, ImmutableList<String> ids) {
      this.fingerprint = fingerprint;
      this.asOf = asOf;
      this.zone = zone;
      this.ids = ids;
    }

    /** The positions of the segment's members (a copy is kept). */
    public Builder members(String segment, RoaringBitmap positions) {
      if (!members.containsKey(segment)) {
        throw new IllegalArgumentException(
            "the catalog has no segment \"" + segment + "\"; it has " + members.keySet());
      }
      if (!positions.isEmpty() && positions.last() >= ids.size()) {
        throw new IllegalArgumentException(
            "segment \""
                + segment
                + "\": position "
                + positions.last()
                + " is not below "
                + ids.size());
      }
      members.put(segment, positions.clone());
      return this;
    }

    /** Each customer's score under the model, by position (a copy is kept). */
    public Builder scores(String scoreModel, double[] values) {
      checkLength("score " + scoreModel, values.length);
      scores.put(scoreModel, values.clone());
      return this;
    }

    /** Each customer's tier (null for none) under the tiering or RFM model, by position. */
    public Builder tiers(String tiering, List<String> tierOfEach) {
      checkLength("tiering " + tiering, tierOfEach.size());
      List<String> names = new ArrayList<>();
      Map<String, Integer> codes = new HashMap<>();
      int[] t = new int[tierOfEach.size()];
      for (int i = 0; i < t.length; i++) {
        String tier = tierOfEach.get(i);
        if (tier == null) {
          t[i] = -1;
          continue;
        }
        t[i] =
            codes.computeIfAbsent(
                tier,
                k -> {
                  names.add(k);
                  return names.size() - 1;
                });
      }
      tierNames.put(tiering, ImmutableList.copyOf(names));
      tiers.put(tiering, t);
      return this;
    }

    private void checkLength(String what, int n) {
      if (n != ids.size()) {
        throw new IllegalArgumentException(
            what + ": " + n + " values for " + ids.size() + " customers");
      }
    }

    public MembershipSnapshot build() {
      return new MembershipSnapshot(this);
    }
  }

  public String fingerprint() {
    return fingerprint;
  }

  public Instant asOf() {
    return asOf;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The customers' ids, by position. */
  public List<String> ids() {
    return ids;
  }

  /** The segments in catalog order. */
  public List<String> segmentNames() {
    return members.keySet().asList();
  }

  /** The tierings and RFM models. */
  public List<String> tieringNames() {
    return tiers.keySet().asList();
  }

  /** The score models. */
  public List<String> scoreNames() {
    return scores.keySet().asList();
  }

  /** The positions of the segment's members (a copy). */
  public RoaringBitmap members(String segment) {
    return bitmap(segment).clone();
  }

  /** The ids of the segment's members, in position order: the static list. */
  public List<String> memberIds(String segment) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    bitmap(segment).forEach((int i) -> b.add(ids.get(i)));
    return b.build();
  }

  /** The tier at position {@code i}, or null for none. */
  public String tier(String tiering, int i) {
    int[] t = tiers.get(tiering);
    if (t == null) {
      throw new IllegalArgumentException(
          "the snapshot has no tiering \"" + tiering + "\"; it has " + tiers.keySet());
    }
    return t[i] < 0 ? null : tierNames.get(tiering).get(t[i]);
  }

  /** The score at position {@code i}. */
  public double score(String scoreModel, int i) {
    double[] s = scores.get(scoreModel);
    if (s == null) {
      throw new IllegalArgumentException(
          "the snapshot has no score \"" + scoreModel + "\"; it has " + scores.keySet());
    }
    return s[i];
  }

  private RoaringBitmap bitmap(String segment) {
    RoaringBitmap m = members.get(segment);
    if (m == null) {
      throw new IllegalArgumentException(
          "the snapshot has no segment \"" + segment + "\"; it has " + members.keySet());
    }
    return m;
  }

  // ------------------------------------------------------------------ diff

  /**
   * Who entered and left each segment, and how customers moved between tiers, from {@code previous}
   * to this snapshot, matching customers by id (a customer in only one snapshot counts as in no
   * segment and no tier, "-", in the other).
   *
   * @throws IllegalArgumentException when the snapshots were made with different rules, naming the
   *     segments whose definitions differ
   */
  public SnapshotDiff diffSince(MembershipSnapshot previous) {
    if (previous == null) {
      throw new IllegalArgumentException("previous must not be null");
    }
    if (!fingerprint.equals(previous.fingerprint)) {
      List<String> differ = new ArrayList<>();
      for (String s : segmentFingerprints.keySet()) {
        String before = previous.segmentFingerprints.get(s);
        if (before == null) {
          differ.add(s + " (new)");
        } else if (!before.equals(segmentFingerprints.get(s))) {
          differ.add(s + " (changed)");
        }
      }
      for (String s : previous.segmentFingerprints.keySet()) {
        if (!segmentFingerprints.containsKey(s)) {
          differ.add(s + " (removed)");
        }
      }
      throw new IllegalArgumentException(
          "the snapshots were made with different rules (fingerprint "
              + previous.fingerprint.substring(0, 12)
              + " at "
              + previous.asOf
              + ", "
              + fingerprint.substring(0, 12)
              + " at "
              + asOf
              + "): "
              + (differ.isEmpty()
                  ? "no segment's condition differs, so scores, tierings, RFM models or"
                      + " descriptions do"
                  : "segments " + String.join(", ", differ))
              + "; make both snapshots with the same rules");
    }
    Map<String, Integer> before = new HashMap<>(previous.ids.size() * 2);
    for (int i = 0; i < previous.ids.size(); i++) {
      before.put(previous.ids.get(i), i);
    }
    int[] oldPosition = new int[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      oldPosition[i] = before.getOrDefault(ids.get(i), -1);
    }
    ImmutableMap.Builder<String, MembershipDiff.Change> segments = ImmutableMap.builder();
    for (String s : members.keySet()) {
      RoaringBitmap now = members.get(s);
      RoaringBitmap was = previous.members.get(s);
      RoaringBitmap stayed = new RoaringBitmap(); // previous positions of members still in
      ImmutableList.Builder<String> entered = ImmutableList.builder();
      now.forEach(
          (int i) -> {
            int old = oldPosition[i];
            if (old >= 0 && was.contains(old)) {
              stayed.add(old);
            } else {
              entered.add(ids.get(i));
            }
          });
      ImmutableList.Builder<String> exited = ImmutableList.builder();
      RoaringBitmap.andNot(was, stayed).forEach((int i) -> exited.add(previous.ids.get(i)));
      segments.put(s, new MembershipDiff.Change(entered.build(), exited.build()));
    }
    ImmutableMap.Builder<String, Map<String, Map<String, Long>>> moves = ImmutableMap.builder();
    for (String t : tiers.keySet()) {
      Map<String, Map<String, Long>> m = new TreeMap<>();
      boolean[] seen = new boolean[previous.ids.size()];
      for (int i = 0; i < ids.size(); i++) {
        int old = oldPosition[i];
        String from = old < 0 ? null : previous.tier(t, old);
        if (old >= 0) {
          seen[old] = true;
        }
        count(m, from, tier(t, i));
      }
      for (int old = 0; old < seen.length; old++) {
        if (!seen[old]) {
          count(m, previous.tier(t, old), null); // deleted since
        }
      }
      ImmutableMap.Builder<String, Map<String, Long>> rows = ImmutableMap.builder();
      m.forEach((from, to) -> rows.put(from, ImmutableMap.copyOf(to)));
      moves.put(t, rows.build());
    }
    return new SnapshotDiff(
        previous.asOf, asOf, new MembershipDiff(segments.build()), moves.build());
  }

  private static void count(Map<String, Map<String, Long>> m, String from, String to) {
    m.computeIfAbsent(from == null ? SnapshotDiff.NONE : from, k -> new TreeMap<>())
        .merge(to == null ? SnapshotDiff.NONE : to, 1L, Long::sum);
  }

  // ------------------------------------------------------------------ file format

  /** Writes the snapshot to {@code file} atomically: a temporary file, synced, then renamed. */
  public void write(Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out =
              new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
        writeTo(out);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes the snapshot in the format described in the class comment. */
  public void writeTo(OutputStream out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(bytes);
    d.write(MAGIC);
    d.writeInt(VERSION);
    d.writeUTF(fingerprint);
    d.writeLong(asOf.getEpochSecond());
    d.writeInt(asOf.getNano());
    d.writeUTF(zone.getId());
    d.writeInt(ids.size());
    for (String id : ids) {
      byte[] b = id.getBytes(StandardCharsets.UTF_8);
      d.writeInt(b.length);
      d.write(b);
    }
    d.writeInt(members.size());
    for (Map.Entry<String, RoaringBitmap> e : members.entrySet()) {
      d.writeUTF(e.getKey());
      d.writeUTF(segmentFingerprints.get(e.getKey()));
      RoaringBitmap m = e.getValue();
      m.runOptimize();
      d.writeInt(m.serializedSizeInBytes());
      m.serialize(d);
    }
    d.writeInt(scores.size());
    for (Map.Entry<String, double[]> e : scores.entrySet()) {
      d.writeUTF(e.getKey());
      for (double v : e.getValue()) {
        d.writeDouble(v);
      }
    }
    d.writeInt(tiers.size());
    for (Map.Entry<String, int[]> e : tiers.entrySet()) {
      d.writeUTF(e.getKey());
      ImmutableList<String> names = tierNames.get(e.getKey());
      d.writeInt(names.size());
      for (String n : names) {
        d.writeUTF(n);
      }
      for (int t : e.getValue()) {
        d.writeInt(t);
      }
    }
    d.flush();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    d.writeLong(crc.getValue());
    d.flush();
    bytes.writeTo(out);
  }

  /**
   * Reads a snapshot written by {@link #write}.
   *
   * @throws SnapshotException naming the file when it is not a snapshot, is damaged or truncated
   */
  public static MembershipSnapshot read(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return readFrom(in, file.toString());
    }
  }

  /** Reads a snapshot; {@code name} names the source in errors. */
  public static MembershipSnapshot readFrom(InputStream in, String name) throws IOException {
    byte[] all = in.readAllBytes();
    if (all.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
      throw new SnapshotException(name + ": not a segmentation snapshot (no SEGSNAP1 header)");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
    if (stored != crc.getValue()) {
      throw new SnapshotException(
          name + ": the snapshot is damaged or truncated (checksum mismatch); write it again");
    }
    DataInputStream d =
        new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8));
    try {
      d.skipNBytes(MAGIC.length);
      int version = d.readInt();
      if (version != VERSION) {
        throw new SnapshotException(
            name + ": snapshot format version " + version + "; this library reads " + VERSION);
      }
      String fingerprint = d.readUTF();
      Instant asOf = Instant.ofEpochSecond(d.readLong(), d.readInt());
      ZoneId zone = ZoneId.of(d.readUTF());
      int n = count(d, name, "customers");
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byte[] b = new byte[count(d, name, "id bytes")];
        d.readFully(b);
        ids.add(new String(b, StandardCharsets.UTF_8));
      }
      Builder b = new Builder(fingerprint, asOf, zone, ImmutableList.copyOf(ids));
      int segments = count(d, name, "segments");
      for (int i = 0; i < segments; i++) {
        String s = d.readUTF();
        b.segmentFingerprints.put(s, d.readUTF());
        count(d, name, "bitmap bytes");
        RoaringBitmap m = new RoaringBitmap();
        m.deserialize(d);
        if (!m.isEmpty() && m.last() >= n) {
          throw new SnapshotException(name + ": segment \"" + s + "\" has a member beyond " + n);
        }
        b.members.put(s, m);
      }
      int scoreModels = count(d, name, "score models");
      for (int i = 0; i < scoreModels; i++) {
        String s = d.readUTF();
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
          v[j] = d.readDouble();
        }
        b.scores.put(s, v);
      }
      int tierings = count(d, name, "tierings");
      for (int i = 0; i < tierings; i++) {
        String t = d.readUTF();
        int names = count(d, name, "tier names");
        ImmutableList.Builder<String> tn = ImmutableList.builder();
        for (int j = 0; j < names; j++) {
          tn.add(d.readUTF());
        }
        int[] codes = new int[n];
        for (int j = 0; j < n; j++) {
          codes[j] = d.readInt();
          if (codes[j] < -1 || codes[j] >= names) {
            throw new SnapshotException(name + ": tiering \"" + t + "\" has a bad tier number");
          }
        }
        b.tierNames.put(t, tn.build());
        b.tiers.put(t, codes);
      }
      if (d.available() != 0) {
        throw new SnapshotException(name + ": unexpected bytes after the snapshot");
      }
      return b.build();
    } catch (EOFException e) {
      throw new SnapshotException(name + ": the snapshot is truncated");
    } catch (DateTimeException e) {
      throw new SnapshotException(name + ": bad instant or zone: " + e.getMessage());
    }
  }

  private static int count(DataInputStream d, String name, String what) throws IOException {
    int n = d.readInt();
    if (n < 0) {
      throw new SnapshotException(name + ": negative count of " + what);
    }
    return n;
  }

  /** A snapshot file that cannot be read: not a snapshot, damaged, or of another version. */
  public static final class SnapshotException extends IOException {
    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
      super(message);
    }
  }

  @Override
  public String toString() {
    return "MembershipSnapshot["
        + ids.size()
        + " customers at "
        + asOf
        + ", "
        + members.keySet()
        + "]";
  }
}
