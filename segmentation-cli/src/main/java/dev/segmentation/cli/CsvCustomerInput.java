package dev.segmentation.cli;

import com.google.common.io.CountingInputStream;
import dev.segmentation.check.Spelling;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers from a CSV file whose header names the columns: {@code id} and attribute names; a geo
 * point is one column {@code "lat,lon"} or two columns {@code name.lat} and {@code name.lon}.
 */
final class CsvCustomerInput implements CustomerInput {
  private final String file;
  private final Schema schema;
  private final Map<String, List<Event>> events;
  private final CountingInputStream counting;
  private final CsvReader csv;
  private final Dialect dialect;
  private final TagWarning tagWarning;
  private List<String> header;
  private int idColumn = -1;

  /** Per column: the attribute it fills, or null for the id and geo part columns. */
  private Attribute<?>[] attributes;

  /** Geo points from two columns: attribute, latitude column, longitude column. */
  private final List<GeoColumns> geoColumns = new ArrayList<>();

  private record GeoColumns(Attribute<?> attribute, int lat, int lon) {}

  CsvCustomerInput(Path path, Schema schema, Map<String, List<Event>> events, Dialect dialect)
      throws IOException {
    this(
        path.toString(),
        Files.newInputStream(path),
        schema,
        events,
        dialect,
        CsvReader.MAX_RECORD_CHARS);
  }

  /**
   * Reads {@code in}, named {@code file} in messages, with records of at most {@code maxChars}
   * characters; closing this closes it.
   */
  CsvCustomerInput(
      String file,
      InputStream in,
      Schema schema,
      Map<String, List<Event>> events,
      Dialect dialect,
      int maxChars) {
    this.file = file;
    this.dialect = dialect;
    this.tagWarning = new TagWarning(file, dialect.tagSeparator());
    this.schema = schema;
    this.events = events;
    this.counting = new CountingInputStream(in);
    this.csv = new CsvReader(new Utf8Reader(counting), maxChars);
  }

  @Override
  public List<String> warnings() {
    String w = tagWarning.message();
    return w == null ? List.of() : List.of(w);
  }

  @Override
  public long bytesRead() {
    return counting.getCount();
  }

  @Override
  public void close() throws IOException {
    counting.close();
  }

  private void readHeader() throws IOException, DataException {
    CsvReader.Record r = csv.header(file);
    header = r.fields();
    attributes = new Attribute<?>[header.size()];
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> lat = new HashMap<>();
    Map<String, Integer> lon = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1).strip(); // a byte order mark, as spreadsheet exports write
      }
      String where = DataException.csvColumn(i + 1, name);
      Integer previous = seen.putIfAbsent(name, i + 1);
      if (previous != null) {
        throw new DataException(
            file, r.line(), where, "column \"" + name + "\" appears twice", r.text(), true);
      }
      if (name.equals("id")) {
        idColumn = i;
        continue;
      }
      Attribute<?> attribute = schema.attribute(name);
      if (attribute != null) {
        attributes[i] = attribute;
        continue;
      }
      int dot = name.lastIndexOf('.');
      if (dot > 0) {
        Attribute<?> geo = schema.attribute(name.substring(0, dot));
        String part = name.substring(dot + 1);
        if (geo != null && geo.type() == AttributeType.GEO_POINT) {
          if (part.equals("lat")) {
            lat.put(geo.name(), i);
            continue;
          }
          if (part.equals("lon")) {
            lon.put(geo.name(), i);
            continue;
          }
        }
      }
      List<String> known = new ArrayList<>(schema.attributes().keySet());
      known.add("id");
      throw new DataException(
          file,
          r.line(),
          where,
          "unknown column \""
              + name
              + "\": the rules' schema has no such attribute"
              + Spelling.didYouMeanAside(name, known),
          r.text(),
          true);
    }
    if (idColumn < 0) {
      throw new DataException(
          file, r.line(), null, "the header has no \"id\" column", r.text(), true);
    }
    for (Map.Entry<String, Integer> e : lat.entrySet()) {
      Integer lonColumn = lon.remove(e.getKey());
      if (lonColumn == null) {
        throw new DataException(
            file,
            r.line(),
            DataException.csvColumn(e.getValue() + 1, e.getKey() + ".lat"),
            "column \"" + e.getKey() + ".lon\" is missing",
            r.text(),
            true);
      }
      if (seen.containsKey(e.getKey())) {
        throw new DataException(
            file,
            r.line(),
            DataException.csvColumn(e.getValue() + 1, e.getKey() + ".lat"),
            "\"" + e.getKey() + "\" is given both as one column and as .lat/.lon columns",
            r.text(),
            true);
      }
      geoColumns.add(new GeoColumns(schema.attribute(e.getKey()), e.getValue(), lonColumn));
    }
    for (Map.Entry<String, Integer> e : lon.entrySet()) {
      throw new DataException(
          file,
          r.line(),
          DataException.csvColumn(e.getValue() + 1, e.getKey() + ".lon"),
          "column \"" + e.getKey() + ".lat\" is missing",
          r.text(),
          true);
    }
  }

  @Override
  public Raw readRaw() throws IOException, DataException {
    if (header == null) {
      readHeader();
    }
    CsvReader.Record r;
    try {
      r = csv.next();
    } catch (CsvReader.MalformedException e) {
      throw new DataException(
          file,
          e.line,
          DataException.csvColumn(
              e.column, e.column <= header.size() ? header.get(e.column - 1) : null),
          e.getMessage(),
          e.text,
          false);
    }
    return r == null ? null : new Raw(r.line(), r.text(), r);
  }

  @Override
  public Row parse(Raw raw) throws DataException {
    CsvReader.Record r = raw.record();
    List<String> fields = r.fields();
    if (fields.size() != header.size()) {
      throw new DataException(
          file,
          r.line(),
          DataException.csvColumn(Math.min(fields.size(), header.size()) + 1, null),
          "expected " + header.size() + " fields as in the header, got " + fields.size(),
          r.text(),
          false);
    }
    String id = fields.get(idColumn);
    if (id.isEmpty()) {
      throw new DataException(
          file,
          r.line(),
          DataException.csvColumn(idColumn + 1, "id"),
          "the customer id is empty",
          r.text(),
          false);
    }
    SchemaCustomer.Builder b = Customer.builder(schema, id);
    int column = -1;
    try {
      for (int i = 0; i < fields.size(); i++) {
        Attribute<?> attribute = attributes[i];
        if (attribute != null) {
          column = i;
          Object value = TextValues.parse(attribute, fields.get(i), r.quoted()[i], dialect);
          if (value instanceof Collection<?> tags) {
            tagWarning.check(r.line(), DataException.csvColumn(i + 1, header.get(i).strip()), tags);
          }
          b.set(attribute.name(), value);
        }
      }
      for (GeoColumns g : geoColumns) {
        column = g.lat();
        String latText = fields.get(g.lat());
        String lonText = fields.get(g.lon());
        if (latText.isEmpty() && lonText.isEmpty()) {
          continue;
        }
        if (lonText.isEmpty()) {
          column = g.lon();
          throw new TextValues.BadValue("longitude is missing while latitude is given");
        }
        double lat = TextValues.parseNumber(latText);
        column = g.lon();
        double lon = TextValues.parseNumber(lonText);
        column = g.lat();
        b.set(g.attribute().name(), TextValues.geo(lat, lon));
      }
    } catch (TextValues.BadValue | InvalidDataException e) {
      throw new DataException(
          file,
          r.line(),
          DataException.csvColumn(column + 1, header.get(column)),
          e.getMessage(),
          r.text(),
          false);
    }
    if (events != null) {
      List<Event> own = events.get(id);
      if (own != null) {
        for (Event e : own) {
          b.event(e);
        }
      }
    }
    return new Row(b.build(), r.line(), DataException.csvColumn(idColumn + 1, "id"), raw);
  }
}
