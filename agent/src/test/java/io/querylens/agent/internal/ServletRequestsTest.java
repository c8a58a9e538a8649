package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.UnitOfWorkSource;
import org.junit.jupiter.api.Test;

class ServletRequestsTest {
  private final UnitOfWorkSource source = ServletRequests.source();

  @Test
  void onlyTheOutermostCallOnAThreadOpensAUnitAndItsExitClosesIt() {
    RequestNamesTest.Request request = new RequestNamesTest.Request("GET", "/owners");
    ServletRequests.enter(request);
    Object outer = source.currentUnit();
    assertThat(outer).isNotNull();
    ServletRequests.enter(request); // a filter
    ServletRequests.enter(new RequestNamesTest.Request("GET", "/error")); // a forward
    assertThat(source.currentUnit()).isSameAs(outer);
    ServletRequests.exit();
    ServletRequests.exit();
    assertThat(source.currentUnit()).isSameAs(outer);
    ServletRequests.exit();
    assertThat(source.currentUnit()).isNull();
    assertThat(source.precedence()).isEqualTo(UnitOfWorkSource.PRECEDENCE_REQUEST);
  }

  @Test
  void twoRequestsWithOneRecycledRequestObjectAreTwoUnits() {
    RequestNamesTest.Request recycled = new RequestNamesTest.Request("GET", "/owners");
    ServletRequests.enter(recycled);
    Object first = source.currentUnit();
    ServletRequests.exit();
    ServletRequests.enter(recycled);
    Object second = source.currentUnit();
    ServletRequests.exit();
    assertThat(first).isNotNull().isNotEqualTo(second);
  }

  @Test
  void theNameAskedAtTheStartIsFixedWithTheRouteWhenTheRequestEnds() {
    RequestNamesTest.Request request = new RequestNamesTest.Request("GET", "/owners/42");
    ServletRequests.enter(request);
    Object unit = source.currentUnit();
    assertThat(source.unitName(unit)).isEqualTo("GET /owners/{id}");
    request.attributes.put(RequestNames.SPRING_ROUTE, "/owners/{id}/pets");
    ServletRequests.exit();
    request.attributes.clear(); // the container recycles the request
    assertThat(source.unitName(unit)).isEqualTo("GET /owners/{id}/pets");
  }

  @Test
  void anExitWithoutItsEnterChangesNothingAndANullRequestOpensNoUnit() {
    ServletRequests.exit(); // a call entered before a dynamic attach rewrote its method
    ServletRequests.enter(null);
    assertThat(source.currentUnit()).isNull();
    ServletRequests.exit();
    ServletRequests.enter(new RequestNamesTest.Request("POST", "/orders"));
    assertThat(source.currentUnit()).as("the depth is back to 0").isNotNull();
    ServletRequests.exit();
    assertThat(source.currentUnit()).isNull();
    assertThat(source.unitName("not a request unit")).isNull();
  }
}
