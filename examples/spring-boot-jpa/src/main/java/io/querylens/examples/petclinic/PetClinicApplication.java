package io.querylens.examples.petclinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small pet clinic on Spring Boot, Spring Data JPA, HikariCP and embedded H2, recorded by the
 * QueryLens Spring Boot starter: {@code GET /owners} lists owners with their pets, with an N+1 when
 * {@code petclinic.fix-n-plus-one=false}.
 */
@SpringBootApplication
public class PetClinicApplication {
  public static void main(String[] args) {
    SpringApplication.run(PetClinicApplication.class, args);
  }
}
