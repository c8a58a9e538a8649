package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class RequestNamesTest {
  /** A request of a class that is not public, as container wrappers often are. */
  static class Request implements HttpServletRequest {
    final String method;
    final String uri;
    final Map<String, Object> attributes = new HashMap<>();

    Request(String method, String uri) {
      this.method = method;
      this.uri = uri;
    }

    @Override
    public String getMethod() {
      return method;
    }

    @Override
    public String getRequestURI() {
      return uri;
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.get(name);
    }
  }

  @Test
  void foldsNumericUuidAndLongHexSegmentsButKeepsWords() {
    assertThat(RequestNames.foldIds("/owners/42/pets/7")).isEqualTo("/owners/{id}/pets/{id}");
    assertThat(RequestNames.foldIds("/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
        .isEqualTo("/orders/{id}");
    assertThat(RequestNames.foldIds("/blobs/0123456789abcdef0123")).isEqualTo("/blobs/{id}");
    assertThat(RequestNames.foldIds("/v2/cafe/beef")).isEqualTo("/v2/cafe/beef");
    assertThat(RequestNames.foldIds("/owners/")).isEqualTo("/owners/");
    assertThat(RequestNames.foldIds("/1/")).isEqualTo("/{id}/");
    assertThat(RequestNames.foldIds("/owners")).isSameAs(RequestNames.foldIds("/owners"));
  }

  @Test
  void dropsPathParametersAndNamesAnEmptyPathSlash() {
    assertThat(RequestNames.foldIds("/cart;jsessionid=ABC123/items/5"))
        .isEqualTo("/cart/items/{id}");
    assertThat(RequestNames.foldIds("")).isEqualTo("/");
    assertThat(RequestNames.foldIds(null)).isEqualTo("/");
  }

  @Test
  void namesARequestByMethodAndFoldedUriUntilTheRouteTemplateIsKnown() {
    Request r = new Request("GET", "/owners/42");
    assertThat(RequestNames.of(r)).isEqualTo("GET /owners/{id}");
    r.attributes.put(RequestNames.SPRING_ROUTE, "/owners/{ownerId}");
    assertThat(RequestNames.of(r)).isEqualTo("GET /owners/{ownerId}");
  }

  @Test
  void aRequestThatIsNotAnHttpOneOrThrowsIsNamedUnknown() {
    assertThat(RequestNames.of(new Object())).isEqualTo(RequestNames.UNKNOWN);
    Request broken =
        new Request("GET", "/x") {
          @Override
          public String getMethod() {
            throw new IllegalStateException("recycled");
          }
        };
    assertThat(RequestNames.of(broken)).isEqualTo(RequestNames.UNKNOWN);
  }
}
