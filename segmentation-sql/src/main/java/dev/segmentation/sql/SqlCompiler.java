package dev.segmentation.sql;

import com.google.common.collect.ImmutableList;
import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.Checker;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.plan.AttributeSlot;
import dev.segmentation.plan.Plan;
import dev.segmentation.plan.PlanNode;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tiering;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compiles one catalog into SQL for one dialect, over the table layout of a {@link Mapping}: a
 * membership query (one row per customer: the id, a boolean per segment, each score, each tier,
 * each RFM segment) and a counts query (customers and members per segment). The SQL selects exactly
 * the customers the row and columnar engines select: three-valued logic is SQL's own, and every
 * comparison is written so that the database cannot round, collate or fold differently (see {@code
 * docs/sql.md}). What a dialect cannot evaluate exactly is refused with a {@link
 * SqlCompileException} that names the segment, the JSON Pointer and the dialect.
 *
 * <pre>{@code
 * SqlCompiler compiler = SqlCompiler.of(catalog, schema, Dialect.DUCKDB, Mapping.defaults());
 * SqlQuery query = compiler.membershipQuery(EvaluationContext.at(asOf, zone));
 * try (ResultSet rs = connection.createStatement().executeQuery(query.sql())) {
 *   while (rs.next()) {
 *     boolean vip = rs.getBoolean("segment:vip");
 *   }
 * }
 * }</pre>
 *
 * The time of evaluation is part of the query: every window and relative bound is a literal
 * computed by the library, never the database's clock or time zone tables. Immutable and
 * thread-safe.
 */
public final class SqlCompiler {
  private final Catalog catalog;
  private final Schema schema;
  private final Dialect dialect;
  private final Mapping mapping;

  /** The function that finds RE2 patterns the dialect cannot translate, or null: refuse them. */
  private final String regexFunction;

  private final Plan plan;

  private SqlCompiler(Plan plan, Dialect dialect, Mapping mapping, String regexFunction) {
    this.plan = plan;
    this.catalog = plan.checked().catalog();
    this.schema = plan.checked().schema();
    this.dialect = dialect;
    this.mapping = mapping;
    this.regexFunction = regexFunction;
  }

  /**
   * A compiler for {@code catalog}, checked against {@code schema}.
   *
   * @throws dev.segmentation.check.CheckException when the catalog has errors
   */
  public static SqlCompiler of(Catalog catalog, Schema schema, Dialect dialect, Mapping mapping) {
    if (catalog == null || schema == null) {
      throw new IllegalArgumentException("catalog and schema must not be null");
    }
    return of(Checker.standard().checked(catalog, schema), dialect, mapping);
  }

  /** A compiler for a checked catalog (not checked again). */
  public static SqlCompiler of(CheckedCatalog checked, Dialect dialect, Mapping mapping) {
    if (checked == null) {
      throw new IllegalArgumentException("checked must not be null");
    }
    return of(Plan.of(checked), dialect, mapping);
  }

  /**
   * A compiler for a logical plan: the query evaluates the plan's rewritten nodes, and refusals
   * name the paths of the conditions as written.
   */
  public static SqlCompiler of(Plan plan, Dialect dialect, Mapping mapping) {
    if (plan == null || dialect == null || mapping == null) {
      throw new IllegalArgumentException("plan, dialect and mapping must not be null");
    }
    return new SqlCompiler(plan, dialect, mapping, null);
  }

  /**
   * This compiler, with every regular expression that Spark SQL cannot evaluate exactly (RE2
   * outside the subset translated for Java's regex, and every case-insensitive pattern) written as
   * a call {@code function(value, 'pattern', ignoreCase)} instead of refused. The caller registers
   * the function in the session: it must return whether the RE2 pattern finds a match in the value
   * exactly as the row engine's {@code matches} leaf (with the pattern's {@code ignoreCase}), and
   * NULL for a NULL value. Patterns of the subset stay {@code RLIKE}, which Catalyst can optimise.
   * {@code segmentation-spark} registers such a function and enables it.
   *
   * <pre>{@code
   * SqlCompiler.of(plan, Dialect.SPARK, mapping).withRegexFunction("re2_find"); // "\bfi" compiles
   * SqlCompiler.of(plan, Dialect.POSTGRES, mapping).withRegexFunction("re2_find"); // throws
   * }</pre>
   *
   * @param function a plain SQL name (letters, digits and underscores, not starting with a digit)
   * @throws IllegalArgumentException for another dialect than Spark SQL (DuckDB runs RE2 itself,
   *     PostgreSQL keeps refusing), or a name that is not plain
   */
  public SqlCompiler withRegexFunction(String function) {
    if (dialect != Dialect.SPARK) {
      throw new IllegalArgumentException(
          "a regular expression function is for Spark SQL only, not " + dialect.displayName());
    }
    if (function == null || !function.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "the regular expression function's name must be letters, digits and underscores, got "
              + (function == null ? "null" : "\"" + function + "\""));
    }
    return new SqlCompiler(plan, dialect, mapping, function);
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * One row per customer, ordered by id in code point order: {@code id}, then {@code
   * segment:<name>} (boolean) per segment, {@code score:<name>} (double) per score, {@code
   * tiering:<name>} (the tier's name) per tiering and {@code rfm:<name>} (the RFM segment's name,
   * NULL without events) per RFM model.
   *
   * @throws SqlCompileException when a node cannot be evaluated exactly in the dialect
   */
  public SqlQuery membershipQuery(EvaluationContext ctx) {
    return new Build(ctx).membership(true);
  }

  /**
   * The rows of {@link #membershipQuery} in no particular order, for engines where a global sort
   * costs a shuffle of every row (Spark) and callers that do not need the order.
   *
   * @throws SqlCompileException when a node cannot be evaluated exactly in the dialect
   */
  public SqlQuery unorderedMembershipQuery(EvaluationContext ctx) {
    return new Build(ctx).membership(false);
  }

  /**
   * One row: {@code customers}, then {@code segment:<name>} with the number of members of each
   * segment.
   *
   * @throws SqlCompileException when a node cannot be evaluated exactly in the dialect
   */
  public SqlQuery countsQuery(EvaluationContext ctx) {
    return new Build(ctx).counts();
  }

  /**
   * One row per customer, in no particular order: {@code id}, then for each RFM model {@code
   * rfm-recency:<name>} (whole days since the last event in the window, BIGINT), {@code
   * rfm-frequency:<name>} (events in the window, BIGINT) and {@code rfm-monetary:<name>} (the sum
   * of the money property, DOUBLE), all three NULL without events in the window. These are the
   * values the RFM columns of {@link #membershipQuery} score, computed by the same SQL, and the
   * values {@code RfmFit} fits cut points on: fitting them in the database needs only their
   * quintiles.
   *
   * @throws SqlCompileException when a node cannot be evaluated exactly in the dialect
   */
  public SqlQuery rfmValuesQuery(EvaluationContext ctx) {
    return new Build(ctx).rfmValues();
  }

  // ------------------------------------------------------------------ one compilation

  /**
   * The attributes a condition reads: a customer's (through the base CTE) or an event's. A plan
   * node's leaf comes with its attribute resolved ({@link PlanNode#attribute()}); a condition as
   * written (compiled for its refusal paths) resolves it here.
   */
  private interface Scope {
    /** The attribute named {@code name}, resolved against the customers' or the properties. */
    AttributeSlot slot(String name);

    /** The SQL of the attribute's value (the latitude for a geo point). */
    String column(AttributeSlot a);

    String longitude(AttributeSlot a);

    boolean isEvent();
  }

  /** The columns of the RFM values query, in the order of {@code Build.rfmValues}' entries. */
  private static final SqlQuery.Kind[] RFM_VALUES = {
    SqlQuery.Kind.RFM_RECENCY, SqlQuery.Kind.RFM_FREQUENCY, SqlQuery.Kind.RFM_MONETARY
  };

  private static final String[] RFM_LABELS = {"rfm-recency:", "rfm-frequency:", "rfm-monetary:"};

  private static final String MICROS_PER_DAY = "86400000000";

  /** Half-width of the band around a distance boundary where the query refuses to decide. */
  static final double GEO_BAND_KM = 0.001;

  private final class Build {
    /** The quote of the dialect's identifiers, for the query's own names (all plain ASCII). */
    private final String q = dialect == Dialect.SPARK ? "`" : "\"";

    private final EvaluationContext ctx;
    private final Map<String, Integer> segmentIndex = new HashMap<>();
    private final Map<String, Integer> scoreIndex = new HashMap<>();
    private final Map<String, Integer> tieringIndex = new HashMap<>();
    private final Map<String, Integer> rfmIndex = new HashMap<>();

    /** Base CTE columns: SQL expression -> alias. */
    private final Map<String, String> baseColumns = new LinkedHashMap<>();

    /** Per event type: aggregate SQL -> alias inside that type's CTE. */
    private final Map<String, Map<String, String>> eventAggregates = new LinkedHashMap<>();

    private final List<String> rfmColumns = new ArrayList<>();

    /** Per RFM model: the SQL of its recency days, frequency and monetary value (base columns). */
    private final List<String[]> rfmValues = new ArrayList<>();

    private String owner = "";

    private final String[] nodeSql = new String[plan.nodeCount()];

    /** Per filtered event type, the SQL of its filter plan's nodes (Plan.eventFilters). */
    private final Map<String, String[]> filterSql = new HashMap<>();

    Build(EvaluationContext ctx) {
      if (ctx == null) {
        throw new IllegalArgumentException("the evaluation context must not be null");
      }
      this.ctx = ctx;
      index(segmentIndex, catalog.segments().stream().map(Segment::name).toList());
      index(scoreIndex, catalog.scores().stream().map(ScoreModel::name).toList());
      index(tieringIndex, catalog.tierings().stream().map(Tiering::name).toList());
      index(rfmIndex, catalog.rfmModels().stream().map(RfmModel::name).toList());
    }

    private void index(Map<String, Integer> map, List<String> names) {
      for (int i = 0; i < names.size(); i++) {
        map.put(names.get(i), i);
      }
    }

    SqlQuery membership(boolean ordered) {
      String with = body();
      List<SqlQuery.Column> columns = new ArrayList<>();
      StringBuilder select = new StringBuilder("SELECT " + q + "id" + q);
      columns.add(new SqlQuery.Column(SqlQuery.Kind.ID, "", "id"));
      for (int i = 0; i < catalog.segments().size(); i++) {
        String name = catalog.segments().get(i).name();
        output(select, columns, SqlQuery.Kind.SEGMENT, name, "segment:", q + "s" + i + q);
      }
      for (int i = 0; i < catalog.scores().size(); i++) {
        String name = catalog.scores().get(i).name();
        output(select, columns, SqlQuery.Kind.SCORE, name, "score:", q + "sc" + i + q);
      }
      for (int i = 0; i < catalog.tierings().size(); i++) {
        Tiering t = catalog.tierings().get(i);
        StringBuilder names = new StringBuilder("CASE " + q + "t" + i + q);
        List<String> tierNames = t.tierNames();
        for (int k = 0; k < tierNames.size(); k++) {
          names
              .append(" WHEN ")
              .append(k)
              .append(" THEN ")
              .append(dialect.string(tierNames.get(k)));
        }
        output(select, columns, SqlQuery.Kind.TIER, t.name(), "tiering:", names + " END");
      }
      for (int i = 0; i < catalog.rfmModels().size(); i++) {
        StringBuilder names = new StringBuilder("CASE " + q + "r" + i + q);
        for (RfmSegment s : RfmSegment.values()) {
          names
              .append(" WHEN ")
              .append(s.ordinal())
              .append(" THEN ")
              .append(dialect.string(s.externalName()));
        }
        String name = catalog.rfmModels().get(i).name();
        output(select, columns, SqlQuery.Kind.RFM, name, "rfm:", names + " END");
        output(select, columns, SqlQuery.Kind.RFM_SCORES, name, "rfm-scores:", q + "rs" + i + q);
      }
      String sql =
          header("membership")
              + with
              + select
              + "\nFROM "
              + q
              + "result"
              + q
              + (ordered ? "\nORDER BY " + dialect.codePointOrder(q + "id" + q) : "")
              + "\n";
      return new SqlQuery(sql, ImmutableList.copyOf(columns));
    }

    SqlQuery rfmValues() {
      String with = body();
      List<SqlQuery.Column> columns = new ArrayList<>();
      StringBuilder select = new StringBuilder("SELECT " + q + "id" + q);
      columns.add(new SqlQuery.Column(SqlQuery.Kind.ID, "", "id"));
      for (int i = 0; i < catalog.rfmModels().size(); i++) {
        String name = catalog.rfmModels().get(i).name();
        String[] rfm = rfmValues.get(i); // days, count, sum
        String none = "CASE WHEN " + rfm[1] + " = 0 THEN NULL ELSE ";
        for (int k = 0; k < RFM_VALUES.length; k++) {
          output(select, columns, RFM_VALUES[k], name, RFM_LABELS[k], none + rfm[k] + " END");
        }
      }
      String sql = header("RFM values") + with + select + "\nFROM " + q + "result" + q + "\n";
      return new SqlQuery(sql, ImmutableList.copyOf(columns));
    }

    SqlQuery counts() {
      String with = body();
      List<SqlQuery.Column> columns = new ArrayList<>();
      StringBuilder select = new StringBuilder("SELECT COUNT(*) AS " + q + "customers" + q);
      columns.add(new SqlQuery.Column(SqlQuery.Kind.COUNT, "", "customers"));
      for (int i = 0; i < catalog.segments().size(); i++) {
        String name = catalog.segments().get(i).name();
        output(
            select,
            columns,
            SqlQuery.Kind.COUNT,
            name,
            "segment:",
            "COALESCE(SUM(CASE WHEN " + q + "s" + i + q + " THEN 1 ELSE 0 END), 0)");
      }
      String sql = header("counts") + with + select + "\nFROM " + q + "result" + q + "\n";
      return new SqlQuery(sql, ImmutableList.copyOf(columns));
    }

    private String header(String what) {
      return "-- segmentation "
          + what
          + " query for "
          + dialect.displayName()
          + ", as of "
          + ctx.asOf()
          + " in "
          + ctx.zone().getId().replaceAll("[^A-Za-z0-9_+\\-/]", "?")
          + "\n";
    }

    private void output(
        StringBuilder select,
        List<SqlQuery.Column> columns,
        SqlQuery.Kind kind,
        String name,
        String prefix,
        String expr) {
      String label = prefix + name;
      select.append(",\n  ").append(expr).append(" AS ").append(identifier(label, "", label));
      columns.add(new SqlQuery.Column(kind, name, label));
    }

    /** The WITH clause and its CTEs, ending in "result". */
    private String body() {
      // Compile every unit first: that registers the base columns and event aggregates.
      int nSeg = catalog.segments().size();
      int nScore = catalog.scores().size();
      int nTier = catalog.tierings().size();
      String[] segmentSql = new String[nSeg];
      String[] scoreSql = new String[nScore];
      String[] tierSql = new String[nTier];
      Scope customer = customerScope();
      for (int i = 0; i < nSeg; i++) {
        Segment s = catalog.segments().get(i);
        owner = "segment \"" + s.name() + "\"";
        segmentSql[i] = twice(plan.segment(i), customer);
      }
      for (int i = 0; i < nScore; i++) {
        scoreSql[i] = score(catalog.scores().get(i), i, customer);
      }
      for (int i = 0; i < nTier; i++) {
        Tiering t = catalog.tierings().get(i);
        owner = "tiering \"" + t.name() + "\"";
        StringBuilder sb = new StringBuilder("CASE");
        for (int k = 0; k < t.tiers().size(); k++) {
          String c = twice(plan.tiers(i).get(k), customer);
          sb.append(" WHEN ").append(c).append(" THEN ").append(k);
        }
        tierSql[i] = sb.append(" ELSE ").append(t.tiers().size()).append(" END").toString();
      }
      for (int i = 0; i < catalog.rfmModels().size(); i++) {
        owner = "RFM model \"" + catalog.rfmModels().get(i).name() + "\"";
        rfm(catalog.rfmModels().get(i), i);
      }

      StringBuilder sql = new StringBuilder("WITH\n");
      // One CTE per event type: the aggregates of its events per customer.
      List<String> joins = new ArrayList<>();
      int e = 0;
      Map<String, String> eventCte = new LinkedHashMap<>();
      for (Map.Entry<String, Map<String, String>> type : eventAggregates.entrySet()) {
        String cte = q + "ev" + e++ + q;
        eventCte.put(type.getKey(), cte);
        String customerColumn =
            identifier(mapping.eventCustomerColumn(), "", "event customer column");
        sql.append(cte)
            .append(" AS (\n  SELECT " + q + "e" + q + ".")
            .append(customerColumn)
            .append(" AS " + q + "k" + q);
        for (Map.Entry<String, String> agg : type.getValue().entrySet()) {
          sql.append(",\n    ").append(agg.getKey()).append(" AS ").append(agg.getValue());
        }
        sql.append("\n  FROM ")
            .append(table(mapping.eventsTable(type.getKey())))
            .append(" AS " + q + "e" + q + "\n  GROUP BY " + q + "e" + q + ".")
            .append(customerColumn)
            .append("\n),\n");
        joins.add(
            "\n  LEFT JOIN "
                + cte
                + " ON "
                + cte
                + "."
                + q
                + "k"
                + q
                + " = "
                + q
                + "c"
                + q
                + "."
                + idColumn());
      }
      sql.append(q + "base" + q + " AS (\n  SELECT " + q + "c" + q + ".")
          .append(idColumn())
          .append(" AS " + q + "id" + q);
      for (Map.Entry<String, String> col : baseColumns.entrySet()) {
        String expr = col.getKey();
        for (Map.Entry<String, String> ev : eventCte.entrySet()) {
          expr = expr.replace(placeholder(ev.getKey()), ev.getValue());
        }
        sql.append(",\n    ").append(expr).append(" AS ").append(col.getValue());
      }
      sql.append("\n  FROM ").append(table(mapping.customersTable())).append(" AS " + q + "c" + q);
      joins.forEach(sql::append);
      sql.append("\n)");
      String previous = q + "base" + q;
      if (!rfmColumns.isEmpty()) {
        sql.append(",\n" + q + "rfm" + q + " AS (\n  SELECT *");
        rfmColumns.forEach(c -> sql.append(",\n    ").append(c));
        sql.append("\n  FROM " + q + "base" + q + "\n)");
        previous = q + "rfm" + q;
      }

      // Segments, scores and tierings in layers: each reads only units of earlier layers.
      Levels levels = new Levels();
      int maxLevel = 0;
      for (int u = 0; u < nSeg + nScore + nTier; u++) {
        maxLevel = Math.max(maxLevel, levels.level(u));
      }
      for (int level = 1; level <= maxLevel; level++) {
        String cte = q + "l" + level + q;
        sql.append(",\n").append(cte).append(" AS (\n  SELECT *");
        for (int i = 0; i < nSeg; i++) {
          if (levels.level(i) == level) {
            sql.append(",\n    ")
                .append(segmentSql[i])
                .append(" AS " + q + "s")
                .append(i)
                .append(q);
          }
        }
        for (int i = 0; i < nScore; i++) {
          if (levels.level(nSeg + i) == level) {
            sql.append(",\n    ").append(scoreSql[i]).append(" AS " + q + "sc").append(i).append(q);
          }
        }
        for (int i = 0; i < nTier; i++) {
          if (levels.level(nSeg + nScore + i) == level) {
            sql.append(",\n    ").append(tierSql[i]).append(" AS " + q + "t").append(i).append(q);
          }
        }
        sql.append("\n  FROM ").append(previous).append("\n)");
        previous = cte;
      }
      sql.append(",\n" + q + "result" + q + " AS (SELECT * FROM ").append(previous).append(")\n");
      return sql.toString();
    }

    // ---------------------------------------------------------------- names

    private String identifier(String name, String path, String what) {
      String quoted = dialect.identifierOrNull(name);
      if (quoted == null) {
        throw refuse(path, what + ": " + dialect.identifierProblem(name));
      }
      return quoted;
    }

    private String idColumn() {
      return identifier(mapping.idColumn(), "", "id column");
    }

    private String table(List<String> parts) {
      return parts.stream()
          .map(p -> identifier(p, "", "table name"))
          .collect(Collectors.joining("."));
    }

    private SqlCompileException refuse(String path, String problem) {
      String where = owner.isEmpty() ? "" : owner + (path.isEmpty() ? "" : " at " + path) + ": ";
      if (owner.isEmpty() && !path.isEmpty()) {
        where = path + ": ";
      }
      return new SqlCompileException(
          path,
          where + problem + " (cannot be evaluated exactly in " + dialect.displayName() + ")");
    }

    // ---------------------------------------------------------------- scopes

    private Scope customerScope() {
      return new Scope() {
        @Override
        public AttributeSlot slot(String name) {
          return AttributeSlot.of(schema, name);
        }

        @Override
        public String column(AttributeSlot a) {
          assert a.isIn(schema) : a;
          String name = a.name();
          int i = a.position();
          if (a.type() == AttributeType.GEO_POINT) {
            return base(
                q
                    + "c"
                    + q
                    + "."
                    + identifier(mapping.latitudeColumn(name), "", "column of " + name),
                q + "a" + i + "_lat" + q);
          }
          return base(
              q + "c" + q + "." + identifier(mapping.column(name), "", "column of " + name),
              q + "a" + i + q);
        }

        @Override
        public String longitude(AttributeSlot a) {
          String name = a.name();
          return base(
              q
                  + "c"
                  + q
                  + "."
                  + identifier(mapping.longitudeColumn(name), "", "column of " + name),
              q + "a" + a.position() + "_lon" + q);
        }

        @Override
        public boolean isEvent() {
          return false;
        }
      };
    }

    private String base(String expr, String alias) {
      return baseColumns.computeIfAbsent(expr, k -> alias);
    }

    private Scope eventScope(EventType type) {
      return new Scope() {
        @Override
        public AttributeSlot slot(String name) {
          return AttributeSlot.of(Schema.ofProperties(type), name);
        }

        @Override
        public String column(AttributeSlot a) {
          String name = a.name();
          String column =
              a.type() == AttributeType.GEO_POINT
                  ? mapping.propertyLatitudeColumn(type.name(), name)
                  : mapping.propertyColumn(type.name(), name);
          return q
              + "e"
              + q
              + "."
              + identifier(column, "", "column of " + type.name() + "." + name);
        }

        @Override
        public String longitude(AttributeSlot a) {
          String name = a.name();
          return q
              + "e"
              + q
              + "."
              + identifier(
                  mapping.propertyLongitudeColumn(type.name(), name),
                  "",
                  "column of " + type.name() + "." + name);
        }

        @Override
        public boolean isEvent() {
          return true;
        }
      };
    }

    // ---------------------------------------------------------------- conditions

    /**
     * The condition as written, compiled first so that refusals name its paths, and then its plan
     * node, which is what the query evaluates (the same text when the rewriter left it as written).
     */
    private String twice(Plan.Root root, Scope scope) {
      condition(root.written(), scope, root.pointer());
      return planned(plan, nodeSql, root.node(), scope, root.pointer());
    }

    /** {@code (a AND b AND ...)} or {@code (a OR b OR ...)} of an operator node's operands. */
    private static String junction(PlanNode n, String[] sql) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < n.childCount(); i++) {
        parts.add(sql[n.child(i)]);
      }
      return "(" + String.join(n.kind() == Kind.AND ? " AND " : " OR ", parts) + ")";
    }

    /**
     * The SQL of node {@code root} of plan {@code p} (the catalog's, or an event type's filters'),
     * its operands first (with an explicit stack), kept in {@code sql} by node id: a node shared by
     * several segments is written once per query build. Refusals name {@code pointer}.
     */
    private String planned(Plan p, String[] sql, int root, Scope scope, String pointer) {
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(root);
      while (!stack.isEmpty()) {
        int id = stack.peek();
        if (sql[id] != null) {
          stack.pop();
          continue;
        }
        PlanNode n = p.node(id);
        boolean ready = true;
        for (int i = 0; i < n.childCount(); i++) {
          if (sql[n.child(i)] == null) {
            stack.push(n.child(i));
            ready = false;
          }
        }
        if (!ready) {
          continue;
        }
        stack.pop();
        sql[id] =
            !n.kind().isOperator()
                ? plannedLeaf(n, scope, pointer)
                : n.kind() == Kind.NOT ? "(NOT " + sql[n.child(0)] + ")" : junction(n, sql);
      }
      return sql[root];
    }

    /**
     * A plan node's leaf from its resolved form: the attribute's slot (type and column); an event
     * node's event type, property slot and filter (the nodes of the event type's filter plan, each
     * written once per query build); references as written.
     */
    private String plannedLeaf(PlanNode n, Scope scope, String path) {
      if (n.attribute() != null) {
        return leaf(n.condition(), n.attribute(), scope, path);
      }
      if (n.kind() == Kind.EVENT) {
        requireCustomer(scope, path, "an event condition");
        EventType type = n.eventType();
        String where = null;
        if (n.filter() != null) {
          Plan filters = plan.eventFilters(type.name());
          String[] sql =
              filterSql.computeIfAbsent(type.name(), t -> new String[filters.nodeCount()]);
          int root = filters.segment(n.filterSegment()).node();
          where = planned(filters, sql, root, eventScope(type), path + "/where");
        }
        return event((EventCondition) n.condition(), type, n.property(), where, path);
      }
      return condition(n.condition(), scope, path);
    }

    private String condition(Condition c, Scope scope, String path) {
      return switch (c.kind()) {
        case ALWAYS -> "TRUE";
        case NEVER -> "FALSE";
        case AND, OR -> {
          List<String> parts = new ArrayList<>();
          for (int i = 0; i < c.children().size(); i++) {
            parts.add(condition(c.children().get(i), scope, path + "/of/" + i));
          }
          if (parts.isEmpty()) {
            yield c.kind() == Kind.AND ? "TRUE" : "FALSE";
          }
          yield "(" + String.join(c.kind() == Kind.AND ? " AND " : " OR ", parts) + ")";
        }
        case NOT -> "(NOT " + condition(c.children().get(0), scope, path + "/of") + ")";
        case COMPARE,
            BETWEEN,
            IN,
            STRING_MATCH,
            TAG_MATCH,
            TAG_COUNT,
            PRESENCE,
            RELATIVE_TIME,
            CALENDAR_WINDOW,
            ANNIVERSARY,
            GEO_WITHIN ->
            leaf(c, scope.slot(c.attribute()), scope, path);
        case IN_SEGMENT -> {
          requireCustomer(scope, path, "a segment reference");
          yield q + "s" + segmentIndex.get(((InSegment) c).segment()) + q;
        }
        case EVENT -> {
          requireCustomer(scope, path, "an event condition");
          EventCondition e = (EventCondition) c;
          EventType type = schema.eventType(e.eventType());
          AttributeSlot property =
              e.property() == null
                  ? null
                  : AttributeSlot.of(Schema.ofProperties(type), e.property());
          String where =
              e.where().kind() == Kind.ALWAYS
                  ? null
                  : condition(e.where(), eventScope(type), path + "/where");
          yield event(e, type, property, where, path);
        }
        case SCORE -> {
          requireCustomer(scope, path, "a score condition");
          ScoreCondition sc = (ScoreCondition) c;
          yield Domain.DOUBLE.compare(
              dialect,
              q + "sc" + scoreIndex.get(sc.score()) + q,
              sc.op(),
              Domain.exact(sc.value()));
        }
        case IN_TIER -> {
          requireCustomer(scope, path, "a tier condition");
          InTier it = (InTier) c;
          Integer t = tieringIndex.get(it.tiering());
          if (t != null) {
            int k = catalog.tierings().get(t).tierNames().indexOf(it.tier());
            yield "(" + q + "t" + t + q + " = " + k + ")";
          }
          int r = rfmIndex.get(it.tiering());
          yield "("
              + q
              + "r"
              + r
              + q
              + " = "
              + RfmSegment.fromExternalName(it.tier()).ordinal()
              + ")";
        }
      };
    }

    /** Leaf {@code c} over attribute {@code a}, resolved by the plan or by the scope. */
    private String leaf(Condition c, AttributeSlot a, Scope scope, String path) {
      return switch (c.kind()) {
        case COMPARE -> compare((Compare) c, a, scope, path);
        case BETWEEN -> between((Between) c, a, scope, path);
        case IN -> in((In) c, a, scope, path);
        case STRING_MATCH -> stringMatch((StringMatch) c, a, scope, path);
        case TAG_MATCH -> tagMatch((TagMatch) c, a, scope, path);
        case TAG_COUNT -> {
          TagCount tc = (TagCount) c;
          yield Domain.BIGINT.compare(
              dialect, dialect.arraySize(scope.column(a)), tc.op(), BigDecimal.valueOf(tc.count()));
        }
        case PRESENCE -> {
          Presence p = (Presence) c;
          yield "(" + scope.column(a) + (p.present() ? " IS NOT NULL)" : " IS NULL)");
        }
        case RELATIVE_TIME -> relativeTime((RelativeTime) c, a, scope);
        case CALENDAR_WINDOW -> calendar((CalendarWindow) c, a, scope);
        case ANNIVERSARY -> anniversary((Anniversary) c, a, scope, path);
        case GEO_WITHIN -> geo((GeoWithin) c, a, scope, path);
        case ALWAYS, NEVER, AND, OR, NOT, IN_SEGMENT, EVENT, SCORE, IN_TIER ->
            throw new IllegalArgumentException("not an attribute leaf: " + c.kind());
      };
    }

    private void requireCustomer(Scope scope, String path, String what) {
      if (scope.isEvent()) {
        throw refuse(path, what + " inside an event filter");
      }
    }

    private Domain domain(AttributeType t) {
      switch (t) {
        case INTEGER:
          return Domain.BIGINT;
        case NUMBER:
          return Domain.DOUBLE;
        case DATE:
          return Domain.DATE;
        case TIMESTAMP:
          return Domain.TIMESTAMP;
        default:
          return null;
      }
    }

    private BigDecimal exact(Object literal) {
      if (literal instanceof Number n) {
        return Domain.exact(n);
      }
      if (literal instanceof LocalDate d) {
        return Domain.exact(d);
      }
      return Domain.exact((Instant) literal);
    }

    private String compare(Compare c, AttributeSlot a, Scope scope, String path) {
      AttributeType t = a.type();
      String x = scope.column(a);
      Domain domain = domain(t);
      if (domain != null) {
        return domain.compare(dialect, x, c.op(), exact(c.value()));
      }
      if (t == AttributeType.BOOLEAN) {
        return "("
            + x
            + " "
            + Domain.sql(c.op())
            + " "
            + c.value().toString().toUpperCase(Locale.ROOT)
            + ")";
      }
      return stringCompare(x, c.op(), (String) c.value());
    }

    /** Whether the dialect's text cannot hold this literal (NUL in PostgreSQL). */
    private boolean unholdable(String s) {
      return !dialect.holdsNul() && s.indexOf('\0') >= 0;
    }

    /**
     * {@code x op s} in code point order. Where text cannot hold NUL, a literal with NUL is
     * compared through the part before its first NUL: no stored string lies between that prefix and
     * the literal, so {@code x <= s} is {@code x <= prefix} and {@code x = s} is FALSE.
     */
    private String stringCompare(String x, Operator op, String s) {
      if (!unholdable(s)) {
        String literal = dialect.string(s);
        String left = op.isOrdering() ? dialect.codePointOrder(x) : x;
        return "(" + left + " " + Domain.sql(op) + " " + literal + ")";
      }
      String prefix = dialect.string(s.substring(0, s.indexOf('\0')));
      switch (op) {
        case EQ:
          return Domain.falseOrUnknown(dialect, x);
        case NE:
          return Domain.trueOrUnknown(dialect, x);
        case LT:
        case LE:
          return "(" + dialect.codePointOrder(x) + " <= " + prefix + ")";
        case GT:
        case GE:
          return "(" + dialect.codePointOrder(x) + " > " + prefix + ")";
      }
      throw new AssertionError(op);
    }

    private String between(Between c, AttributeSlot a, Scope scope, String path) {
      AttributeType t = a.type();
      String x = scope.column(a);
      Domain domain = domain(t);
      if (domain != null) {
        return "("
            + domain.compare(dialect, x, Operator.GE, exact(c.low()))
            + " AND "
            + domain.compare(dialect, x, Operator.LE, exact(c.high()))
            + ")";
      }
      return "("
          + stringCompare(x, Operator.GE, (String) c.low())
          + " AND "
          + stringCompare(x, Operator.LE, (String) c.high())
          + ")";
    }

    private String in(In c, AttributeSlot a, Scope scope, String path) {
      AttributeType t = a.type();
      String x = scope.column(a);
      Domain domain = domain(t);
      List<String> items = new ArrayList<>();
      if (domain != null) {
        TreeSet<BigDecimal> values = new TreeSet<>();
        for (Object v : c.values()) {
          BigDecimal e = exact(v);
          if (domain.contains(e)) { // no value of the column equals the others
            values.add(e);
          }
        }
        values.forEach(v -> items.add(domain.literal(dialect, v)));
      } else if (t == AttributeType.BOOLEAN) {
        c.values().forEach(v -> items.add(v.toString().toUpperCase(Locale.ROOT)));
      } else {
        for (Object v : c.values()) {
          if (!unholdable((String) v)) { // no stored string equals a literal with NUL
            items.add(dialect.string((String) v));
          }
        }
      }
      if (items.isEmpty()) {
        return Domain.falseOrUnknown(dialect, x);
      }
      if (t == AttributeType.NUMBER) {
        // Equality, not IN: a hash lookup could tell -0.0 from 0.0.
        return "("
            + items.stream().map(v -> x + " = " + v).collect(Collectors.joining(" OR "))
            + ")";
      }
      return "(" + x + " IN (" + String.join(", ", items) + "))";
    }

    /** The caller's RE2 function on the value: NULL (UNKNOWN) for a NULL value, as the leaf. */
    private String regexCall(String value, StringMatch c) {
      return regexFunction
          + "("
          + value
          + ", "
          + dialect.string(c.value())
          + ", "
          + (c.ignoreCase() ? "TRUE" : "FALSE")
          + ")";
    }

    private String stringMatch(StringMatch c, AttributeSlot a, Scope scope, String path) {
      String x = scope.column(a);
      if (c.op() == StringMatch.Op.MATCHES) {
        if (!dialect.holdsNul() && c.value().indexOf('\0') >= 0) {
          throw refuse(path + "/value", "the pattern contains the NUL character");
        }
        if (c.ignoreCase() && dialect != Dialect.DUCKDB) {
          if (regexFunction != null) {
            return regexCall(x, c);
          }
          throw refuse(
              path + "/ignoreCase",
              "the pattern "
                  + quote(c.value())
                  + " ignores case, and "
                  + dialect.displayName()
                  + " folds case differently from RE2");
        }
        try {
          return dialect.regexFind(x, c.value(), c.ignoreCase());
        } catch (IllegalArgumentException e) {
          if (regexFunction != null) {
            return regexCall(x, c);
          }
          throw refuse(path + "/value", "the pattern " + quote(c.value()) + ": " + e.getMessage());
        }
      }
      String needle = c.value();
      String value = x;
      if (c.ignoreCase()) {
        needle = needle.toLowerCase(Locale.ROOT);
        String[] translation;
        try {
          translation = CaseFold.translation(needle);
        } catch (IllegalArgumentException e) {
          throw refuse(path + "/value", quote(c.value()) + ": " + e.getMessage());
        }
        value =
            "replace("
                + x
                + ", "
                + dialect.string(CaseFold.DOTTED_CAPITAL_I)
                + ", "
                + dialect.string(CaseFold.DOTTED_CAPITAL_I_LOWER)
                + ")";
        if (!translation[0].isEmpty()) {
          value =
              "translate("
                  + value
                  + ", "
                  + dialect.string(translation[0])
                  + ", "
                  + dialect.string(translation[1])
                  + ")";
        }
      }
      if (unholdable(needle)) {
        return Domain.falseOrUnknown(dialect, x); // no stored string contains NUL
      }
      String escaped = needle.replace("!", "!!").replace("%", "!%").replace("_", "!_");
      switch (c.op()) {
        case STARTS_WITH:
          return dialect.like(value, escaped + "%");
        case ENDS_WITH:
          return dialect.like(value, "%" + escaped);
        case CONTAINS:
          return dialect.like(value, "%" + escaped + "%");
        default:
          throw new AssertionError(c.op());
      }
    }

    private String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String tagMatch(TagMatch c, AttributeSlot a, Scope scope, String path) {
      String x = scope.column(a);
      List<String> values = new ArrayList<>();
      for (String v : new TreeSet<>(c.values())) {
        if (!unholdable(v)) { // no stored tag has NUL
          values.add(v);
        } else if (c.op() == TagMatch.Op.CONTAINS_ALL) {
          return Domain.falseOrUnknown(dialect, x);
        }
      }
      switch (c.op()) {
        case CONTAINS_ANY:
          return values.isEmpty()
              ? Domain.falseOrUnknown(dialect, x)
              : "(" + dialect.arrayOverlaps(x, values) + ")";
        case CONTAINS_ALL:
          return values.isEmpty()
              ? Domain.trueOrUnknown(dialect, x)
              : "(" + dialect.arrayContainsAll(x, values) + ")";
        case CONTAINS_NONE:
          return values.isEmpty()
              ? Domain.trueOrUnknown(dialect, x)
              : "(NOT " + dialect.arrayOverlaps(x, values) + ")";
      }
      throw new AssertionError(c.op());
    }

    private String relativeTime(RelativeTime c, AttributeSlot a, Scope scope) {
      AttributeType t = a.type();
      String x = scope.column(a);
      boolean within = c.op() == RelativeTime.Op.WITHIN_LAST;
      if (t == AttributeType.TIMESTAMP) {
        BigDecimal bound = Domain.exact(ctx.minus(c.amount(), c.unit()));
        if (!within) {
          return Domain.TIMESTAMP.compare(dialect, x, Operator.LE, bound);
        }
        return "("
            + Domain.TIMESTAMP.compare(dialect, x, Operator.GT, bound)
            + " AND "
            + Domain.TIMESTAMP.compare(dialect, x, Operator.LE, Domain.exact(ctx.asOf()))
            + ")";
      }
      BigDecimal day = BigDecimal.valueOf(ctx.minusDays(c.amount(), c.unit()));
      if (!within) {
        return Domain.DATE.compare(dialect, x, Operator.LE, day);
      }
      return "("
          + Domain.DATE.compare(dialect, x, Operator.GT, day)
          + " AND "
          + Domain.DATE.compare(dialect, x, Operator.LE, Domain.exact(ctx.asOfDate()))
          + ")";
    }

    private String calendar(CalendarWindow c, AttributeSlot a, Scope scope) {
      AttributeType t = a.type();
      String x = scope.column(a);
      if (t == AttributeType.DATE) {
        return "("
            + Domain.DATE.compare(
                dialect, x, Operator.GE, BigDecimal.valueOf(ctx.periodStartDay(c.period())))
            + " AND "
            + Domain.DATE.compare(
                dialect, x, Operator.LT, BigDecimal.valueOf(ctx.periodEndDay(c.period())))
            + ")";
      }
      return "("
          + Domain.TIMESTAMP.compare(
              dialect, x, Operator.GE, Domain.exact(ctx.periodStart(c.period())))
          + " AND "
          + Domain.TIMESTAMP.compare(
              dialect, x, Operator.LT, Domain.exact(ctx.periodEnd(c.period())))
          + ")";
    }

    private String anniversary(Anniversary c, AttributeSlot a, Scope scope, String path) {
      AttributeType t = a.type();
      String x = scope.column(a);
      String date = x;
      if (t == AttributeType.TIMESTAMP) {
        if (!ctx.zone().getRules().isFixedOffset()) {
          throw refuse(
              path,
              "the anniversary of a timestamp in zone "
                  + ctx.zone().getId()
                  + " needs that zone's daylight-saving rules, which the database's time zone"
                  + " tables may not share with Java; use a fixed-offset zone or a date attribute");
        }
        long offsetMicros =
            ctx.zone().getRules().getOffset(Instant.EPOCH).getTotalSeconds() * 1_000_000L;
        String local = "(" + dialect.epochMicros(x) + " + " + offsetMicros + ")";
        // floor division: truncating division of (a - floorMod(a, d))
        String mod =
            "((("
                + local
                + " % "
                + MICROS_PER_DAY
                + ") + "
                + MICROS_PER_DAY
                + ") % "
                + MICROS_PER_DAY
                + ")";
        date =
            dialect.dateFromEpochDay(
                dialect.intDiv("(" + local + " - " + mod + ")", MICROS_PER_DAY));
      }
      LocalDate asOf = ctx.asOfDate();
      String month = "(EXTRACT(MONTH FROM " + date + ") = " + asOf.getMonthValue() + ")";
      if (c.period() == Anniversary.Period.MONTH) {
        return month;
      }
      String dayOfMonth = "EXTRACT(DAY FROM " + date + ")";
      String day = "(" + dayOfMonth + " = " + asOf.getDayOfMonth() + ")";
      if (asOf.getMonthValue() == 2 && asOf.getDayOfMonth() == 28 && !asOf.isLeapYear()) {
        day = "(" + dayOfMonth + " = 28 OR " + dayOfMonth + " = 29)"; // Feb 29 counts as Feb 28
      }
      return "(" + month + " AND " + day + ")";
    }

    private String geo(GeoWithin c, AttributeSlot point, Scope scope, String path) {
      String lat = scope.column(point);
      String lon = scope.longitude(point);
      GeoPoint center = c.center();
      String toRadians = dialect.doubleLiteral(Math.toRadians(1.0));
      String phi1 = "(" + lat + " * " + toRadians + ")";
      String phi2 = dialect.doubleLiteral(Math.toRadians(center.latitude()));
      String dPhi = "(" + phi2 + " - " + phi1 + ")";
      String dLambda =
          "((" + dialect.doubleLiteral(center.longitude()) + " - " + lon + ") * " + toRadians + ")";
      String sinPhi = "sin(" + dPhi + " / 2)";
      String sinLambda = "sin(" + dLambda + " / 2)";
      String a =
          "("
              + sinPhi
              + " * "
              + sinPhi
              + " + cos("
              + phi1
              + ") * cos("
              + phi2
              + ") * "
              + sinLambda
              + " * "
              + sinLambda
              + ")";
      String distance =
          "(2 * "
              + dialect.doubleLiteral(GeoPoint.EARTH_RADIUS_KM)
              + " * asin(least("
              + dialect.doubleLiteral(1.0)
              + ", sqrt("
              + a
              + "))))";
      double km = c.kilometers();
      String message =
          owner
              + " at "
              + path
              + ": a point is within "
              + (int) (GEO_BAND_KM * 1000)
              + " m of the "
              + km
              + " km boundary, where "
              + dialect.displayName()
              + "'s trigonometry may round differently from the library's; evaluate it with the"
              + " library";
      return "(CASE WHEN "
          + lat
          + " IS NULL THEN "
          + dialect.nullBoolean()
          + " WHEN "
          + lat
          + " = "
          + dialect.doubleLiteral(center.latitude())
          + " AND "
          + lon
          + " = "
          + dialect.doubleLiteral(center.longitude())
          + " THEN TRUE WHEN "
          + distance
          + " <= "
          + dialect.doubleLiteral(km - GEO_BAND_KM)
          + " THEN TRUE WHEN "
          + distance
          + " > "
          + dialect.doubleLiteral(km + GEO_BAND_KM)
          + " THEN FALSE ELSE "
          + dialect.fail(message)
          + " END)";
    }

    // ---------------------------------------------------------------- events

    /** Registers an aggregate of an event type's CTE; returns its reference "{type}".alias. */
    private String aggregate(String eventType, String sql) {
      Map<String, String> aggs =
          eventAggregates.computeIfAbsent(eventType, k -> new LinkedHashMap<>());
      String alias = aggs.computeIfAbsent(sql, k -> q + "x" + aggs.size() + q);
      return placeholder(eventType) + "." + alias;
    }

    /**
     * Stands for an event type's CTE in base columns until the CTEs are numbered; NUL never occurs
     * in generated SQL otherwise (identifiers with NUL are refused, literals spell it out).
     */
    private String placeholder(String eventType) {
      return "\u0000" + eventType + "\u0000";
    }

    private String baseColumn(String expr) {
      return base(expr, q + "e" + baseColumns.size() + q);
    }

    private String window(dev.segmentation.condition.EventWindow window) {
      EvaluationContext.Range r = ctx.range(window);
      String t = q + "e" + q + "." + identifier(mapping.eventTimeColumn(), "", "event time column");
      return "("
          + Domain.TIMESTAMP.compare(
              dialect, t, r.lowInclusive() ? Operator.GE : Operator.GT, Domain.exact(r.low()))
          + " AND "
          + Domain.TIMESTAMP.compare(
              dialect, t, r.highInclusive() ? Operator.LE : Operator.LT, Domain.exact(r.high()))
          + ")";
    }

    private String asOfMicros() {
      return Domain.exact(ctx.asOf()).setScale(0, java.math.RoundingMode.FLOOR).toPlainString();
    }

    private String daysSince(String timestampExpr) {
      return dialect.intDiv(
          "(" + asOfMicros() + " - " + dialect.epochMicros(timestampExpr) + ")", MICROS_PER_DAY);
    }

    /**
     * Event condition {@code c} over events of {@code type}, aggregating the property at {@code
     * property} (null when the aggregate reads none), over the events for which {@code where} (the
     * filter's SQL, or null for every event) is TRUE.
     */
    private String event(
        EventCondition c, EventType type, AttributeSlot property, String where, String path) {
      String filter = window(c.window());
      if (where != null) {
        filter = "(" + filter + " AND " + where + ")";
      }
      String time =
          q + "e" + q + "." + identifier(mapping.eventTimeColumn(), "", "event time column");
      AttributeType pt = property == null ? null : property.type();
      String p = property == null ? null : eventScope(type).column(property);
      String when = "CASE WHEN " + filter + " THEN ";
      BigDecimal v = Domain.exact(c.value());
      switch (c.aggregate()) {
        case COUNT:
          {
            String x = aggregate(type.name(), "COUNT(" + when + "1 END)");
            return Domain.BIGINT.compare(dialect, baseColumn("COALESCE(" + x + ", 0)"), c.op(), v);
          }
        case SUM:
          {
            String x = aggregate(type.name(), sum(pt, when + p + " END"));
            if (pt == AttributeType.INTEGER) {
              return Domain.EXACT_INTEGER.compare(
                  dialect, baseColumn("COALESCE(" + x + ", 0)"), c.op(), v);
            }
            return Domain.DOUBLE.compare(
                dialect,
                baseColumn("COALESCE(" + x + ", " + dialect.doubleLiteral(0.0) + ")"),
                c.op(),
                v);
          }
        case AVG:
          {
            String sum =
                "CAST("
                    + aggregate(type.name(), sum(pt, when + p + " END"))
                    + " AS "
                    + dialect.doubleType()
                    + ")";
            String n = aggregate(type.name(), "COUNT(" + when + p + " END)");
            String avg =
                "(" + sum + " / CAST(NULLIF(" + n + ", 0) AS " + dialect.doubleType() + "))";
            return Domain.DOUBLE.compare(dialect, baseColumn(avg), c.op(), v);
          }
        case MIN:
        case MAX:
          {
            String x = aggregate(type.name(), c.aggregate().name() + "(" + when + p + " END)");
            return domain(pt).compare(dialect, baseColumn(x), c.op(), v);
          }
        case DISTINCT_COUNT:
          {
            if (pt == AttributeType.STRING_SET) {
              throw refuse(
                  path + "/property",
                  "a distinct count of tag sets (the library compares them as sets, SQL as"
                      + " arrays)");
            }
            String key = p;
            if (pt == AttributeType.NUMBER) {
              key = "(" + p + " + " + dialect.doubleLiteral(0.0) + ")"; // -0.0 counts as 0.0
            } else if (pt == AttributeType.GEO_POINT) {
              // Points are equal when both coordinates are (-0.0 differs from 0.0, as in Java's
              // records); the text of a double is exact and unique in each dialect.
              key =
                  "(CAST("
                      + p
                      + " AS "
                      + dialect.stringType()
                      + ") || ' ' || CAST("
                      + eventScope(type).longitude(property)
                      + " AS "
                      + dialect.stringType()
                      + "))";
            }
            String x = aggregate(type.name(), "COUNT(DISTINCT " + when + key + " END)");
            return Domain.BIGINT.compare(dialect, baseColumn("COALESCE(" + x + ", 0)"), c.op(), v);
          }
        case DAYS_SINCE_FIRST:
        case DAYS_SINCE_LAST:
          {
            String f = c.aggregate() == Aggregate.DAYS_SINCE_FIRST ? "MIN(" : "MAX(";
            String x = aggregate(type.name(), f + when + time + " END)");
            return Domain.BIGINT.compare(dialect, baseColumn(daysSince(x)), c.op(), v);
          }
      }
      throw new AssertionError(c.aggregate());
    }

    /** The SUM of a property's values: exact for integers in every dialect. */
    private String sum(AttributeType property, String values) {
      return property == AttributeType.INTEGER
          ? dialect.exactIntegerSum(values)
          : "SUM(" + values + ")";
    }

    // ---------------------------------------------------------------- scores, RFM

    private String score(ScoreModel model, int index, Scope scope) {
      owner = "score \"" + model.name() + "\"";
      String zero = dialect.doubleLiteral(0.0);
      String total = zero;
      Map<String, String> groups = new LinkedHashMap<>();
      for (int r = 0; r < model.rules().size(); r++) {
        ScoreRule rule = model.rules().get(r);
        String c = twice(plan.scoreRules(index).get(r), scope);
        String term =
            "CASE WHEN "
                + c
                + " THEN "
                + dialect.doubleLiteral(rule.points())
                + " ELSE "
                + zero
                + " END";
        if (rule.group() == null) {
          total = "(" + total + " + " + term + ")";
        } else {
          groups.merge(
              rule.group(),
              "(" + zero + " + " + term + ")",
              (a, b) -> "(" + a + " + " + term + ")");
        }
      }
      // The row engine adds the ungrouped rules first, then each group's capped sum.
      for (Map.Entry<String, String> g : groups.entrySet()) {
        Double cap = model.groupCaps().get(g.getKey());
        String sum =
            cap == null
                ? g.getValue()
                : "least(" + g.getValue() + ", " + dialect.doubleLiteral(cap) + ")";
        total = "(" + total + " + " + sum + ")";
      }
      return model.totalCap() == null
          ? total
          : "least(" + total + ", " + dialect.doubleLiteral(model.totalCap()) + ")";
    }

    private void rfm(RfmModel model, int index) {
      String type = model.eventType();
      EventType et = schema.eventType(type);
      String window = window(model.window());
      String time =
          q + "e" + q + "." + identifier(mapping.eventTimeColumn(), "", "event time column");
      Scope events = eventScope(et);
      String money = events.column(events.slot(model.moneyProperty()));
      String count =
          baseColumn(
              "COALESCE(" + aggregate(type, "COUNT(CASE WHEN " + window + " THEN 1 END)") + ", 0)");
      String last = aggregate(type, "MAX(CASE WHEN " + window + " THEN " + time + " END)");
      String days = baseColumn(daysSince(last));
      String sum =
          baseColumn(
              "COALESCE("
                  + aggregate(
                      type,
                      "SUM(CASE WHEN "
                          + window
                          + " THEN CAST("
                          + money
                          + " AS "
                          + dialect.doubleType()
                          + ") END)")
                  + ", "
                  + dialect.doubleLiteral(0.0)
                  + ")");
      StringBuilder r = new StringBuilder("CASE");
      for (int i = 0; i < 4; i++) {
        r.append(" WHEN ")
            .append(
                Domain.BIGINT.compare(
                    dialect, days, Operator.LE, Domain.exact(model.recencyCuts().get(i))))
            .append(" THEN ")
            .append(5 - i);
      }
      r.append(" ELSE 1 END");
      String f = ascending(count, Domain.BIGINT, model.frequencyCuts());
      String m = ascending(sum, Domain.DOUBLE, model.monetaryCuts());
      String fm = dialect.intDiv("(" + f + " + " + m + " + 1)", "2");
      String rs = "(" + r + ")";
      rfmValues.add(new String[] {days, count, sum});
      StringBuilder seg = new StringBuilder("CASE WHEN " + count + " = 0 THEN NULL");
      // RfmSegment.of, row by row
      seg.append(" WHEN ")
          .append(rs)
          .append(" >= 4 AND ")
          .append(fm)
          .append(" >= 4 THEN ")
          .append(RfmSegment.CHAMPIONS.ordinal());
      seg.append(" WHEN ")
          .append(rs)
          .append(" = 3 AND ")
          .append(fm)
          .append(" >= 4 THEN ")
          .append(RfmSegment.LOYAL.ordinal());
      seg.append(" WHEN ")
          .append(rs)
          .append(" = 1 AND ")
          .append(fm)
          .append(" >= 4 THEN ")
          .append(RfmSegment.CANNOT_LOSE_THEM.ordinal());
      seg.append(" WHEN (")
          .append(rs)
          .append(" = 2 AND ")
          .append(fm)
          .append(" >= 3) OR (")
          .append(rs)
          .append(" = 1 AND ")
          .append(fm)
          .append(" = 3) THEN ")
          .append(RfmSegment.AT_RISK.ordinal());
      seg.append(" WHEN ")
          .append(rs)
          .append(" >= 4 AND ")
          .append(fm)
          .append(" >= 2 THEN ")
          .append(RfmSegment.POTENTIAL_LOYALIST.ordinal());
      seg.append(" WHEN ")
          .append(rs)
          .append(" = 3 AND ")
          .append(fm)
          .append(" = 3 THEN ")
          .append(RfmSegment.NEED_ATTENTION.ordinal());
      seg.append(" WHEN ").append(rs).append(" = 5 THEN ").append(RfmSegment.NEW.ordinal());
      seg.append(" WHEN ").append(rs).append(" = 4 THEN ").append(RfmSegment.PROMISING.ordinal());
      seg.append(" WHEN ")
          .append(rs)
          .append(" = 3 THEN ")
          .append(RfmSegment.ABOUT_TO_SLEEP.ordinal());
      seg.append(" WHEN ").append(rs).append(" = 2 THEN ").append(RfmSegment.HIBERNATING.ordinal());
      seg.append(" ELSE ").append(RfmSegment.LOST.ordinal()).append(" END");
      rfmColumns.add(seg + " AS " + q + "r" + index + q);
      rfmColumns.add(
          "CASE WHEN "
              + count
              + " = 0 THEN NULL ELSE "
              + rs
              + " * 100 + "
              + f
              + " * 10 + "
              + m
              + " END AS "
              + q
              + "rs"
              + index
              + q);
    }

    private String ascending(String x, Domain domain, List<Double> cuts) {
      StringBuilder sb = new StringBuilder("(CASE");
      for (int i = 0; i < 4; i++) {
        sb.append(" WHEN ")
            .append(domain.compare(dialect, x, Operator.LE, Domain.exact(cuts.get(i))))
            .append(" THEN ")
            .append(i + 1);
      }
      return sb.append(" ELSE 5 END)").toString();
    }

    // ---------------------------------------------------------------- layers

    /**
     * The layer of each unit (segments, then scores, then tierings): one more than the deepest unit
     * it reads; 0 would be the base. The checker has ruled out cycles.
     */
    private final class Levels {
      private final int nSeg = catalog.segments().size();
      private final int nScore = catalog.scores().size();
      private final int[] level = new int[nSeg + nScore + catalog.tierings().size()];

      int level(int unit) {
        if (level[unit] == 0) {
          level[unit] = -1; // on the path; the checker guarantees no cycle
          int deepest = 0;
          for (int dep : dependencies(unit)) {
            deepest = Math.max(deepest, level(dep));
          }
          level[unit] = deepest + 1;
        }
        return level[unit];
      }

      private List<Integer> dependencies(int unit) {
        List<Condition> roots = new ArrayList<>();
        if (unit < nSeg) {
          roots.add(catalog.segments().get(unit).condition());
        } else if (unit < nSeg + nScore) {
          catalog.scores().get(unit - nSeg).rules().forEach(r -> roots.add(r.condition()));
        } else {
          catalog
              .tierings()
              .get(unit - nSeg - nScore)
              .tiers()
              .forEach(t -> roots.add(t.condition()));
        }
        List<Integer> deps = new ArrayList<>();
        List<Condition> work = new ArrayList<>(roots);
        while (!work.isEmpty()) {
          Condition c = work.remove(work.size() - 1);
          if (c instanceof InSegment s) {
            deps.add(segmentIndex.get(s.segment()));
          } else if (c instanceof ScoreCondition s) {
            deps.add(nSeg + scoreIndex.get(s.score()));
          } else if (c instanceof InTier t && tieringIndex.containsKey(t.tiering())) {
            deps.add(nSeg + nScore + tieringIndex.get(t.tiering()));
          }
          work.addAll(c.children());
        }
        return deps;
      }
    }
  }
}
