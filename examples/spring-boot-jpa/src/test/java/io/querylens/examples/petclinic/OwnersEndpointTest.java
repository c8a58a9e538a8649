package io.querylens.examples.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.junit.NoNPlusOne;
import io.querylens.junit.QueryLensTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The whole application, its pool and its requests, guarded against N+1s by one annotation: it
 * passes with the fix on, and fails naming the N+1 when {@code petclinic.fix-n-plus-one=false}
 * ({@link NPlusOneCaughtTest} runs it that way). Its context is closed after the class, so that a
 * run with the other setting starts the application afresh.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@QueryLensTest
@NoNPlusOne
class OwnersEndpointTest {
  @Autowired MockMvcTester mvc;

  @Test
  void listsEveryOwnerWithTheirPets() {
    assertThat(mvc.get().uri("/owners"))
        .hasStatusOk()
        .bodyJson()
        .satisfies(json -> assertThat(json.getJson()).contains("Betty Davis", "Leo", "Basil"))
        .extractingPath("$.length()")
        .isEqualTo(10);
  }
}
