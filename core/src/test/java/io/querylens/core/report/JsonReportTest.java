package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.internal.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReportTest {
  private static final List<String> DISTRIBUTION_FIELDS =
      List.of("count", "sum", "mean", "min", "p50", "p95", "p99", "max");
  private static final List<String> TIME_FIELDS =
      List.of(
          "dbExecuteNanos",
          "dbFetchNanos",
          "appProcessNanos",
          "poolWaitNanos",
          "connectNanos",
          "wastedRoundTripNanos");

  @TempDir Path dir;

  private static String golden() throws IOException {
    try (InputStream in = JsonReportTest.class.getResourceAsStream("report.json")) {
      assertThat(in).as("report.json on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String string(String value) {
    StringBuilder out = new StringBuilder();
    JsonString.append(out, value);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @Test
  void rendersTheGoldenFileExactly() throws IOException {
    assertThat(JsonReport.render(TestSnapshots.golden())).isEqualTo(golden());
  }

  @Test
  void outputIsValidJsonWithTheSchemaFieldsInOrder() {
    Map<String, Object> root = object(MiniJson.parse(JsonReport.render(TestSnapshots.golden())));

    assertThat(root.keySet())
        .containsExactly(
            "version",
            "takenAt",
            "shapes",
            "connections",
            "droppedShapes",
            "internalFaults",
            "time",
            "findings",
            "droppedFindings",
            "units",
            "startupTime",
            "startupUnits",
            "databaseFindings",
            "serverStats");
    assertThat(root.get("version")).isEqualTo(BigDecimal.valueOf(2));
    assertThat(root.get("takenAt")).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(root.get("droppedShapes")).isEqualTo(BigDecimal.valueOf(4));
    assertThat(root.get("internalFaults")).isEqualTo(BigDecimal.ONE);
    assertThat(root.get("droppedFindings")).isEqualTo(BigDecimal.valueOf(7));

    List<?> shapes = (List<?>) root.get("shapes");
    assertThat(shapes).hasSize(3);
    Map<String, Object> first = object(shapes.get(0));
    assertThat(first.keySet())
        .containsExactly(
            "shape",
            "id",
            "operation",
            "ddl",
            "count",
            "errors",
            "totalNanos",
            "execute",
            "fetch",
            "process",
            "rows",
            "server");
    assertThat(first.get("server")).isNull();
    assertThat(first.get("id")).isEqualTo("9e3779b97f4a7c15");
    assertThat(first.get("operation")).isEqualTo("SELECT");
    assertThat(first.get("totalNanos")).isEqualTo(new BigDecimal(6_000_000_000L));
    for (String field : List.of("execute", "fetch", "process", "rows")) {
      assertThat(object(first.get(field)).keySet()).containsExactlyElementsOf(DISTRIBUTION_FIELDS);
    }
    assertThat(object(first.get("rows")).get("mean")).isEqualTo(new BigDecimal("11.7"));

    Map<String, Object> second = object(shapes.get(1));
    assertThat(second.get("shape"))
        .isEqualTo(TestSnapshots.golden().shapes().get(1).shape().text());
    assertThat(second.get("id")).isEqualTo("00000000000a1b2c");

    Map<String, Object> connections = object(root.get("connections"));
    assertThat(connections.keySet()).containsExactly("acquire", "connect", "hold", "acquireErrors");
    for (String field : List.of("acquire", "connect", "hold")) {
      assertThat(object(connections.get(field)).keySet())
          .containsExactlyElementsOf(DISTRIBUTION_FIELDS);
    }
    assertThat(object(connections.get("connect")).get("count")).isEqualTo(BigDecimal.valueOf(3));
    assertThat(connections.get("acquireErrors")).isEqualTo(BigDecimal.valueOf(2));
  }

  @Test
  void timeHoldsTheSplitInNanoseconds() {
    Map<String, Object> root = object(MiniJson.parse(JsonReport.render(TestSnapshots.golden())));

    Map<String, Object> time = object(root.get("time"));
    assertThat(time.keySet()).containsExactlyElementsOf(TIME_FIELDS);
    assertThat(time.get("dbExecuteNanos")).isEqualTo(new BigDecimal(4_203_340_000L));
    assertThat(time.get("dbFetchNanos")).isEqualTo(new BigDecimal(600_000_001L));
    assertThat(time.get("appProcessNanos")).isEqualTo(new BigDecimal(1_200_000_000L));
    assertThat(time.get("poolWaitNanos")).isEqualTo(new BigDecimal(75_000_000L));
    assertThat(time.get("connectNanos")).isEqualTo(new BigDecimal(8_000_000L));
    assertThat(time.get("wastedRoundTripNanos")).isEqualTo(new BigDecimal(1_101_500_001L));
  }

  @Test
  void findingsCarryKindLabelShapesCountsTimesAndHint() {
    Map<String, Object> root = object(MiniJson.parse(JsonReport.render(TestSnapshots.golden())));

    List<?> findings = (List<?>) root.get("findings");
    assertThat(findings).hasSize(3);
    Map<String, Object> first = object(findings.get(0));
    assertThat(first.keySet())
        .containsExactly(
            "kind",
            "shape",
            "shapeId",
            "parentShape",
            "parentShapeId",
            "parentRows",
            "callSite",
            "occurrences",
            "maxCount",
            "totalCount",
            "wastedNanos",
            "hint",
            "exampleUnit",
            "unitNames",
            "unitNameCount",
            "heldBack",
            "firstSeen",
            "lastSeen",
            "phase");
    assertThat(first.get("kind")).isEqualTo("n-plus-one");
    assertThat(first.get("shape")).isEqualTo(TestSnapshots.golden().shapes().get(0).shape().text());
    assertThat(first.get("shapeId")).isEqualTo("9e3779b97f4a7c15");
    assertThat(first.get("parentShape")).isEqualTo(TestSnapshots.CUSTOMERS.text());
    assertThat(first.get("parentShapeId")).isEqualTo("0000000000001234");
    assertThat(first.get("parentRows")).isEqualTo(BigDecimal.valueOf(50));
    assertThat(first.get("callSite"))
        .isEqualTo("com.example.shop.OrderService.listOrders(OrderService.java:42)");
    assertThat(first.get("occurrences")).isEqualTo(BigDecimal.valueOf(12));
    assertThat(first.get("maxCount")).isEqualTo(BigDecimal.valueOf(50));
    assertThat(first.get("totalCount")).isEqualTo(BigDecimal.valueOf(600));
    assertThat(first.get("wastedNanos")).isEqualTo(new BigDecimal(1_100_000_000L));
    assertThat(first.get("hint")).isEqualTo(TestSnapshots.N_PLUS_ONE_HINT);
    assertThat(first.get("exampleUnit")).isEqualTo("GET /customers/{id}/orders");
    assertThat(first.get("unitNames"))
        .isEqualTo(List.of("GET /customers/{id}/orders", "GET /api/v2/customers/{id}/orders"));
    assertThat(first.get("unitNameCount")).isEqualTo(BigDecimal.valueOf(2));
    assertThat(first.get("heldBack")).isEqualTo(false);
    assertThat(first.get("firstSeen")).isEqualTo("2026-01-02T01:00:00.000Z");
    assertThat(first.get("lastSeen")).isEqualTo("2026-01-02T03:04:04.678Z");

    Map<String, Object> second = object(findings.get(1));
    assertThat(second.get("kind")).isEqualTo("chatty-writes");
    assertThat(second).containsEntry("parentShape", null).containsEntry("parentRows", null);
    assertThat(second.get("exampleUnit")).isEqualTo("nightly\taudit\n\"job\"");
    assertThat(second).containsEntry("parentShapeId", null).containsEntry("heldBack", true);

    Map<String, Object> third = object(findings.get(2));
    assertThat(third.get("kind")).isEqualTo("duplicate");
    assertThat(third.get("shape")).isEqualTo(TestSnapshots.golden().shapes().get(1).shape().text());
    assertThat(third.get("parentShape")).isEqualTo(TestSnapshots.CUSTOMERS.text());
    assertThat(third).containsEntry("parentRows", null).containsEntry("exampleUnit", null);
    assertThat(third).containsEntry("unitNames", List.of());
    assertThat(third.get("unitNameCount")).isEqualTo(BigDecimal.ZERO);
  }

  @Test
  void unitsCarryNameCountsAndTheSplitOfAllAndOfTheSlowest() {
    Map<String, Object> root = object(MiniJson.parse(JsonReport.render(TestSnapshots.golden())));

    List<?> units = (List<?>) root.get("units");
    assertThat(units).hasSize(3);
    Map<String, Object> first = object(units.get(0));
    assertThat(first.keySet())
        .containsExactly("name", "units", "executions", "total", "slowest", "findings");
    assertThat(first.get("name")).isEqualTo("GET /customers/{id}/orders");
    assertThat(first.get("units")).isEqualTo(BigDecimal.valueOf(12));
    assertThat(first.get("executions")).isEqualTo(BigDecimal.valueOf(612));
    assertThat(first.get("findings")).isEqualTo(BigDecimal.ONE);
    assertThat(object(first.get("total")).keySet()).containsExactlyElementsOf(TIME_FIELDS);
    assertThat(object(first.get("total")).get("wastedRoundTripNanos"))
        .isEqualTo(new BigDecimal(1_100_000_000L));
    assertThat(object(first.get("slowest")).get("dbExecuteNanos"))
        .isEqualTo(new BigDecimal(700_000_000L));
    assertThat(object(units.get(2)).get("name")).isEqualTo("nightly\taudit\n\"job\"");
  }

  @Test
  void aFindingWithAnExplanationCarriesItAfterTheHintAndOthersDoNot() {
    Finding plain = TestSnapshots.finding(FindingKind.N_PLUS_ONE, "select a from t", 100);
    Finding explained =
        TestSnapshots.explained(
            FindingKind.UNBOUNDED_RESULT,
            "select b from t",
            "5000 rows read to the end, with no row limit in the SQL");
    QueryLensSnapshot s =
        TestSnapshots.with(TestSnapshots.empty(), null, List.of(plain, explained), List.of());

    String json = JsonReport.render(s);

    List<?> findings = (List<?>) object(MiniJson.parse(json)).get("findings");
    assertThat(object(findings.get(0))).doesNotContainKey("explanation");
    assertThat(object(findings.get(1)))
        .containsEntry("kind", "unbounded-result")
        .containsEntry("explanation", "5000 rows read to the end, with no row limit in the SQL");
    assertThat(json)
        .contains(
            "\"hint\": \"a hint\",\n      \"explanation\": \"5000 rows read to the end, with no"
                + " row limit in the SQL\",\n      \"exampleUnit\"");
  }

  @Test
  void snapshotWithoutDiagnosisDataHasZeroTimeAndEmptyFindingsAndUnits() {
    String json = JsonReport.render(TestSnapshots.shapesAndConnections());

    Map<String, Object> root = object(MiniJson.parse(json));
    assertThat(object(root.get("time")).values()).containsOnly(BigDecimal.ZERO);
    assertThat((List<?>) root.get("findings")).isEmpty();
    assertThat((List<?>) root.get("units")).isEmpty();
    assertThat(root.get("droppedFindings")).isEqualTo(BigDecimal.ZERO);
    assertThat(json).contains("  \"findings\": [],\n  \"droppedFindings\": 0,\n  \"units\": [],\n");
    // everything a snapshot without diagnosis data holds is rendered as in the golden file
    String golden = JsonReport.render(TestSnapshots.golden());
    assertThat(json.substring(0, json.indexOf("\"time\"")))
        .isEqualTo(golden.substring(0, golden.indexOf("\"time\"")));
  }

  @Test
  void nullTimeSplitsAndKindAreWrittenWithoutFailing() {
    QueryLensSnapshot s =
        TestSnapshots.with(
            TestSnapshots.empty(),
            null,
            List.of(
                new Finding(
                    null,
                    null,
                    null,
                    -1,
                    null,
                    0,
                    0,
                    0,
                    0,
                    null,
                    null,
                    null,
                    0,
                    false,
                    Long.MIN_VALUE / 4,
                    0)),
            List.of(new UnitSnapshot(null, 0, 0, null, null, 0)));

    Map<String, Object> root = object(MiniJson.parse(JsonReport.render(s)));

    assertThat(object(root.get("time")).values()).containsOnly(BigDecimal.ZERO);
    Map<String, Object> finding = object(((List<?>) root.get("findings")).get(0));
    assertThat(finding).containsEntry("kind", null).containsEntry("shape", "");
    assertThat(finding.get("lastSeen")).isEqualTo("1970-01-01T00:00:00.000Z");
    Map<String, Object> unit = object(((List<?>) root.get("units")).get(0));
    assertThat(unit).containsEntry("name", null);
    assertThat(object(unit.get("slowest")).values()).containsOnly(BigDecimal.ZERO);
  }

  @Test
  void emptySnapshotRendersAnEmptyShapeArray() {
    String json = JsonReport.render(TestSnapshots.empty());

    Map<String, Object> root = object(MiniJson.parse(json));
    assertThat((List<?>) root.get("shapes")).isEmpty();
    assertThat(json).contains("\"shapes\": [],\n");
    assertThat(object(object(root.get("connections")).get("acquire")).get("mean"))
        .isEqualTo(BigDecimal.ZERO);
  }

  @Test
  void extremeCountsStayExactIntegers() {
    QueryLensSnapshot s =
        TestSnapshots.of(
            Long.MAX_VALUE,
            0,
            TestSnapshots.selectShape(Long.MIN_VALUE, "SELECT ?", 1, Long.MAX_VALUE));

    Map<String, Object> root = object(MiniJson.parse(JsonReport.render(s)));

    Map<String, Object> shape = object(((List<?>) root.get("shapes")).get(0));
    assertThat(shape.get("id")).isEqualTo("8000000000000000");
    assertThat(shape.get("totalNanos")).isEqualTo(new BigDecimal(Long.MAX_VALUE));
    assertThat(root.get("droppedShapes")).isEqualTo(new BigDecimal(Long.MAX_VALUE));
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(string("say \"hi\" C:\\tmp")).isEqualTo("\"say \\\"hi\\\" C:\\\\tmp\"");
    assertThat(string("a\nb\tc\rd\u0000e\u001ff\u007f"))
        .isEqualTo("\"a\\u000ab\\u0009c\\u000dd\\u0000e\\u001ff\\u007f\"");
    assertThat(string("line\u2028para\u2029")).isEqualTo("\"line\\u2028para\\u2029\"");
    assertThat(string(null)).isEqualTo("null");
  }

  @Test
  void keepsNonAsciiTextAndSurrogatePairsUnescaped() {
    assertThat(string("Straße café 東京 😀")).isEqualTo("\"Straße café 東京 😀\"");
  }

  @Test
  void replacesLoneSurrogatesWithTheReplacementCharacter() {
    String high = "\ud83d";
    String low = "\ude00";

    assertThat(string("a" + high + "b")).isEqualTo("\"a\\ufffdb\"");
    assertThat(string("a" + low)).isEqualTo("\"a\\ufffd\"");
    assertThat(string(low + high)).isEqualTo("\"\\ufffd\\ufffd\"");
    assertThat(string(high)).isEqualTo("\"\\ufffd\"");
  }

  @Test
  void everyCharacterBelow0x80RoundTripsThroughAParser() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      all.append(c);
    }
    all.append("é😀\u2028");

    assertThat(MiniJson.parse(string(all.toString()))).isEqualTo(all.toString());
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "0, 0, 0",
    "10, 2, 5",
    "10, 3, 3.3",
    "20, 3, 6.7",
    "5, 2, 2.5",
    "1, 20, 0.1",
    "1, 21, 0",
    "1000, 1, 1000",
    "9223372036854775807, 1, 9223372036854775807",
  })
  void meanIsRoundedHalfUpToOneDecimal(long sum, long count, String expected) {
    assertThat(JsonReport.mean(new DistributionSnapshot(count, sum, 0, 0, 0, 0, 0)))
        .isEqualTo(expected);
  }

  @Test
  void writeCreatesParentDirectoriesAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("a/b/querylens.json");

    JsonReport.write(TestSnapshots.golden(), target);

    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(golden());
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writeReplacesAnExistingReport() throws IOException {
    Path target = dir.resolve("querylens.json");
    Files.writeString(target, "old and much longer than the new report ".repeat(200));

    JsonReport.write(TestSnapshots.empty(), target);

    assertThat(Files.readString(target, StandardCharsets.UTF_8))
        .isEqualTo(JsonReport.render(TestSnapshots.empty()));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void failedWriteRemovesItsTemporaryFile() throws IOException {
    Path target = dir.resolve("occupied");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep.txt"), "x");

    assertThatThrownBy(() -> JsonReport.write(TestSnapshots.golden(), target))
        .isInstanceOf(IOException.class);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
    assertThat(target.resolve("keep.txt")).hasContent("x");
  }
}
