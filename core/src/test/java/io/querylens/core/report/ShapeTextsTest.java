package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.QueryShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeTextsTest {
  private static final String COLUMNS =
      "select o.id, o.first_name, o.last_name, o.address, o.city, o.telephone from owners o where ";

  /** Two shapes that differ only after what a 60-column cut keeps. */
  private static final QueryShape BY_NAME =
      new QueryShape(
          1, COLUMNS + "o.last_name like ? and o.city = ? order by o.last_name", "SELECT");

  private static final QueryShape BY_NAME_ORDERED_BY_CITY =
      new QueryShape(2, COLUMNS + "o.last_name like ? and o.city = ? order by o.city", "SELECT");

  @Test
  void shapesThatShortenAlikeKeepMoreLinesUntilTheyDiffer() {
    assertThat(SqlShortener.shorten(BY_NAME.text(), 60))
        .as("alike when each is shortened alone")
        .isEqualTo(SqlShortener.shorten(BY_NAME_ORDERED_BY_CITY.text(), 60));

    ShapeTexts texts =
        ShapeTexts.builder().add(BY_NAME, 60).add(BY_NAME_ORDERED_BY_CITY, 60).build();
    List<String> one = texts.lines(BY_NAME, 60);
    List<String> other = texts.lines(BY_NAME_ORDERED_BY_CITY, 60);

    assertThat(one).isNotEqualTo(other).hasSizeGreaterThan(1);
    assertThat(String.join(" ", one)).endsWith("order by o.last_name");
    assertThat(String.join(" ", other)).endsWith("order by o.city");
    assertThat(one).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
  }

  @Test
  void aShapePrintedAtTwoWidthsIsNotTakenForTwoShapes() {
    ShapeTexts texts = ShapeTexts.builder().add(BY_NAME, 60).add(BY_NAME, 86).build();

    assertThat(texts.lines(BY_NAME, 60)).hasSize(1);
    assertThat(texts.lines(BY_NAME, 86)).hasSize(1);
  }

  @Test
  void shapesThatDifferOnceShortenedKeepOneLine() {
    QueryShape pets = new QueryShape(3, COLUMNS.replace("owners", "pets") + "o.id = ?", "SELECT");
    ShapeTexts texts = ShapeTexts.builder().add(BY_NAME, 60).add(pets, 60).build();

    assertThat(texts.lines(BY_NAME, 60)).hasSize(1);
    assertThat(texts.lines(pets, 60)).hasSize(1);
  }
}
