package com.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot service with an n-plus-one, run under the QueryLens agent by its tests. */
@SpringBootApplication
public class OwnersApplication {
  public static void main(String[] args) {
    SpringApplication.run(OwnersApplication.class, args);
  }
}
