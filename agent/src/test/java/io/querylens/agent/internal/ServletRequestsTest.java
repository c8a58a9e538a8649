package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.UnitOfWorkSource;
import org.junit.jupiter.api.Test;

class ServletRequestsTest {
  private final UnitOfWorkSource source = ServletRequests.source();

  @Test
  void onlyTheOutermostCallOnAThreadOpensAUnitAndItsExitClosesIt() {
    RequestNamesTest.Request request = new RequestNamesTest.Request("GET", "/owners");
    Object outer = ServletRequests.enter(request);
    assertThat(outer).isNotNull();
    Object filter = ServletRequests.enter(request);
    Object forward = ServletRequests.enter(new RequestNamesTest.Request("GET", "/error"));
    assertThat(filter).isNull();
    assertThat(forward).isNull();
    assertThat(source.currentUnit()).isSameAs(outer);
    ServletRequests.exit(forward);
    ServletRequests.exit(filter);
    assertThat(source.currentUnit()).isSameAs(outer);
    ServletRequests.exit(outer);
    assertThat(source.currentUnit()).isNull();
    assertThat(source.precedence()).isEqualTo(UnitOfWorkSource.PRECEDENCE_REQUEST);
  }

  @Test
  void twoRequestsWithOneRecycledRequestObjectAreTwoUnits() {
    RequestNamesTest.Request recycled = new RequestNamesTest.Request("GET", "/owners");
    Object first = ServletRequests.enter(recycled);
    ServletRequests.exit(first);
    Object second = ServletRequests.enter(recycled);
    ServletRequests.exit(second);
    assertThat(first).isNotNull().isNotEqualTo(second);
  }

  @Test
  void theNameAskedAtTheStartIsFixedWithTheRouteWhenTheRequestEnds() {
    RequestNamesTest.Request request = new RequestNamesTest.Request("GET", "/owners/42");
    Object unit = ServletRequests.enter(request);
    assertThat(source.unitName(source.currentUnit())).isEqualTo("GET /owners/{id}");
    request.attributes.put(RequestNames.SPRING_ROUTE, "/owners/{id}/pets");
    ServletRequests.exit(unit);
    request.attributes.clear(); // the container recycles the request
    assertThat(source.unitName(unit)).isEqualTo("GET /owners/{id}/pets");
  }

  @Test
  void anExceptionInsideTheRequestStillClosesItsUnit() {
    Object unit = ServletRequests.enter(new RequestNamesTest.Request("POST", "/orders"));
    try {
      throw new IllegalStateException("the application's");
    } catch (IllegalStateException expected) {
      ServletRequests.exit(unit); // what the exit advice does on a throw
    }
    assertThat(source.currentUnit()).isNull();
    assertThat(ServletRequests.enter(null)).isNull();
    assertThat(source.unitName("not a request unit")).isNull();
  }
}
